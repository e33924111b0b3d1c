import { useId } from 'react';
import { keywordsProblem } from '../../../../src-shared/search-keywords.js';
import { buildSearchUrl } from '../../../../src-shared/search-url.js';
import type { SavedSearch } from '../../../../src-shared/settings.js';
import { InputField } from '../../../components/form/index.js';
import { useI18n } from '../../../i18n/index.js';
import { useReasonText } from '../../../i18n/validation/index.js';
import { useTexts } from './texts.js';
import { YearsOfExperience } from './YearsOfExperience.js';

interface SearchEditorProps {
  search: SavedSearch;
  index: number;
  baseUrl: string;
  errors: Record<string, string>;
  /** When this search's own schedule runs it next (saved searches only); null when it has none. */
  nextRunAt: string | null;
  onChange(next: SavedSearch): void;
}

function urlOf(baseUrl: string, search: SavedSearch): string | null {
  try {
    return buildSearchUrl(baseUrl, search, 1);
  } catch {
    return null;
  }
}

/** One saved search: its fields, live keyword validation and the exact URL the core will open. */
export function SearchEditor({ search, index, baseUrl, errors, nextRunAt, onChange }: SearchEditorProps) {
  const tx = useTexts();
  const { formatTime } = useI18n();
  const id = useId();
  const err = (field: string) => errors[`sourcing.searches.${index}.${field}`];
  const reasonText = useReasonText();
  const keywordProblem = search.keywords.trim() ? keywordsProblem(search.keywords) : null;
  const keywordError = keywordProblem && reasonText(keywordProblem);
  const url = keywordError ? null : urlOf(baseUrl, search);
  const degrees = search.degrees ?? [];
  const input = (field: 'name' | 'location', label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        value={search[field] ?? ''}
        aria-invalid={err(field) ? true : undefined}
        aria-describedby={err(field) ? `${id}-${field}-error` : undefined}
        onChange={(e) => onChange({ ...search, [field]: field === 'location' && e.target.value === '' ? undefined : e.target.value })}
      />
      {err(field) && (
        <span className="field-error" id={`${id}-${field}-error`} role="alert">
          {err(field)}
        </span>
      )}
    </div>
  );
  const number = (field: 'maxPages' | 'maxVisitsPerRun', label: string, max: number) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        type="number"
        min={1}
        max={max}
        value={Number.isFinite(search[field]) ? search[field] : ''}
        aria-invalid={err(field) ? true : undefined}
        onChange={(e) => onChange({ ...search, [field]: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
      />
      {err(field) && (
        <span className="field-error" role="alert">
          {err(field)}
        </span>
      )}
    </div>
  );
  return (
    <div className="search-editor">
      {input('name', tx('name'))}
      <div className="field">
        <label htmlFor={`${id}-keywords`}>{tx('keywords')}</label>
        <input
          id={`${id}-keywords`}
          value={search.keywords}
          aria-invalid={keywordError || err('keywords') ? true : undefined}
          aria-describedby={`${id}-keywords-hint ${id}-keywords-state`}
          onChange={(e) => onChange({ ...search, keywords: e.target.value })}
        />
        <span className="field-hint" id={`${id}-keywords-hint`}>
          {tx('keywordsHint')}
        </span>
        <span id={`${id}-keywords-state`} className={keywordError || err('keywords') ? 'field-error' : 'field-ok'} role="status">
          {keywordError ?? err('keywords') ?? (search.keywords.trim() ? tx('keywordsOk') : '')}
        </span>
      </div>
      <p className="search-url">
        <span>{tx('url')}: </span>
        <code data-testid="search-url">{url ?? '—'}</code>
      </p>
      {input('location', tx('location'))}
      <fieldset className="days">
        <legend>{tx('degrees')}</legend>
        {([1, 2, 3] as const).map((d) => (
          <label key={d} className="day">
            <input
              type="checkbox"
              checked={degrees.includes(d)}
              onChange={(e) =>
                onChange({ ...search, degrees: e.target.checked ? [...degrees, d].sort() : degrees.filter((x) => x !== d) })
              }
            />
            {tx(`d${d}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-criteria`}>{tx('criteria')}</label>
        <input
          id={`${id}-criteria`}
          value={search.criteria.keywords.join(', ')}
          onChange={(e) =>
            onChange({
              ...search,
              criteria: { ...search.criteria, keywords: e.target.value.split(',').map((k) => k.trim()).filter(Boolean) },
            })
          }
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-crit-location`}>{tx('criteriaLocation')}</label>
        <input
          id={`${id}-crit-location`}
          value={search.criteria.location ?? ''}
          onChange={(e) => onChange({ ...search, criteria: { ...search.criteria, location: e.target.value || undefined } })}
        />
      </div>
      <YearsOfExperience
        search={search}
        serverError={err('criteria.yearsOfExperience') ?? err('criteria.yearsOfExperience.0') ?? err('criteria.yearsOfExperience.1')}
        onChange={onChange}
      />
      <div className="field-grid">
        {number('maxPages', tx('maxPages'), 100)}
        {number('maxVisitsPerRun', tx('maxVisits'), 200)}
      </div>
      <InputField
        label={tx('ownSchedule')}
        hint={tx('ownScheduleHint')}
        placeholder="30 10 * * 1-5"
        value={search.schedule ?? ''}
        error={err('schedule')}
        onChange={(raw) => onChange({ ...search, schedule: raw === '' ? undefined : raw })}
      />
      {search.schedule && nextRunAt && (
        <p className="note" data-testid="search-next-run">
          {tx('nextRun', { at: formatTime(nextRunAt) })}
        </p>
      )}
    </div>
  );
}
