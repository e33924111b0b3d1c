import { useId } from 'react';
import { savedSearchSchema, type SavedSearch } from '../../../../src-shared/settings.js';
import { useReasonText } from '../../../i18n/validation/index.js';
import { useTexts } from './texts.js';

type Years = [number, number];

/** The shared schema's word on the range (e.g. the minimum above the maximum), checked as the user types. */
function rangeProblem(search: SavedSearch): string | null {
  const parsed = savedSearchSchema.safeParse(search);
  if (parsed.success) return null;
  const issue = parsed.error.issues.find((i) => i.path[0] === 'criteria' && i.path[1] === 'yearsOfExperience');
  return issue?.message ?? null;
}

const asNumber = (raw: string) => (raw.trim() === '' ? Number.NaN : Number(raw));

/**
 * The fit score's years-of-experience range: a minimum and a maximum, both or neither. Emptying both
 * removes the criterion; one alone is kept as typed (so it is not lost) and refused until completed.
 */
export function YearsOfExperience({ search, serverError, onChange }: { search: SavedSearch; serverError?: string; onChange(next: SavedSearch): void }) {
  const tx = useTexts();
  const reasonText = useReasonText();
  const id = useId();
  const years = search.criteria.yearsOfExperience;
  const set = (at: 0 | 1, raw: string) => {
    const next: Years = [years?.[0] ?? Number.NaN, years?.[1] ?? Number.NaN];
    next[at] = asNumber(raw);
    const { yearsOfExperience: _old, ...criteria } = search.criteria;
    const cleared = Number.isNaN(next[0]) && Number.isNaN(next[1]);
    onChange({ ...search, criteria: cleared ? criteria : { ...criteria, yearsOfExperience: next } });
  };
  const half = years !== undefined && Number.isNaN(years[0]) !== Number.isNaN(years[1]);
  const problem = years === undefined || half ? null : (rangeProblem(search) ?? serverError ?? null);
  // The schema's (and the server's) words are English: said in the panel's language like every field error.
  const error = half ? tx('yearsBoth') : problem && reasonText(problem);
  const shown = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : String(n));
  const input = (at: 0 | 1, label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${at}`}>{label}</label>
      <input
        id={`${id}-${at}`}
        type="number"
        min={0}
        max={60}
        value={shown(years?.[at])}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onChange={(e) => set(at, e.target.value)}
      />
    </div>
  );
  return (
    <fieldset className="years-range">
      <legend>{tx('years')}</legend>
      <div className="field-grid">
        {input(0, tx('yearsMin'))}
        {input(1, tx('yearsMax'))}
      </div>
      {error ? (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      ) : (
        <span className="field-hint" id={`${id}-hint`}>
          {tx('yearsHint')}
        </span>
      )}
    </fieldset>
  );
}
