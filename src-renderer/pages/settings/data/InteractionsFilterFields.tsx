import { useId } from 'react';
import { INTERACTION_STATUSES, INTERACTION_TYPES } from '../../../../src-shared/domain.js';
import type { InteractionsExportQuery } from '../../../../src-shared/contract.js';
import { useTexts } from './texts.js';

export type InteractionsExportFilter = Partial<Record<keyof InteractionsExportQuery, string>>;

/** Only the fields the user set (an empty one means "any"); the end date is inclusive, the API's is not. */
export function cleanFilter(filter: InteractionsExportFilter): InteractionsExportQuery {
  const set = Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as Record<string, string>;
  if (set.until) {
    const next = new Date(`${set.until}T00:00:00`);
    next.setDate(next.getDate() + 1);
    set.until = next.toISOString();
  }
  if (set.since) set.since = new Date(`${set.since}T00:00:00`).toISOString();
  return set as InteractionsExportQuery;
}

/** Which interactions an export holds: type, result and a date range (inclusive). */
export function InteractionsFilterFields({ value, onChange }: { value: InteractionsExportFilter; onChange(next: InteractionsExportFilter): void }) {
  const tx = useTexts();
  const id = useId();
  const set = (key: keyof InteractionsExportFilter) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  return (
    <fieldset className="data-export-filter">
      <legend>{tx('exportFilter')}</legend>
      <label htmlFor={`${id}-type`}>{tx('filterType')}</label>
      <select id={`${id}-type`} value={value.type ?? ''} onChange={set('type')}>
        <option value="">{tx('filterAny')}</option>
        {INTERACTION_TYPES.map((t) => (
          <option key={t} value={t}>
            {tx(`type_${t}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-status`}>{tx('filterStatus')}</label>
      <select id={`${id}-status`} value={value.status ?? ''} onChange={set('status')}>
        <option value="">{tx('filterAny')}</option>
        {INTERACTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {tx(`status_${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-since`}>{tx('filterSince')}</label>
      <input id={`${id}-since`} type="date" value={value.since ?? ''} onChange={set('since')} />
      <label htmlFor={`${id}-until`}>{tx('filterUntil')}</label>
      <input id={`${id}-until`} type="date" value={value.until ?? ''} onChange={set('until')} />
    </fieldset>
  );
}
