import { useId } from 'react';
import { renderTemplate, SAMPLE_VARS, templateProblem, varsFor } from '../../../../src-shared/template.js';
import type { BirthdayPlan } from '../../../../src-shared/domain.js';
import { useReasonText } from '../../../i18n/validation/index.js';
import { useTexts } from './texts.js';

interface TemplateListProps {
  title: string;
  templates: string[];
  onChange(next: string[]): void;
  /** People in today's plan whose wishes use this list (belated or not). */
  people: BirthdayPlan['toSend'];
  serverError?: string;
}

/** The first option of every {a|b}: a stable preview that changes as the user types. */
function preview(source: string, vars: typeof SAMPLE_VARS): string | null {
  if (templateProblem(source)) return null;
  return renderTemplate(source, vars, () => 0);
}

export function TemplateList({ title, templates, onChange, people, serverError }: TemplateListProps) {
  const tx = useTexts();
  const reasonText = useReasonText();
  const headingId = useId();
  const move = (from: number, to: number) => {
    const next = [...templates];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onChange(next);
  };
  return (
    <fieldset className="template-list" aria-labelledby={headingId}>
      <legend id={headingId}>{title}</legend>
      <p className="note">{tx('templatesExplain')}</p>
      {serverError && (
        <p className="field-error" role="alert">
          {serverError}
        </p>
      )}
      <ol>
        {templates.map((source, i) => {
          const n = i + 1;
          const found = templateProblem(source);
          const problem = found && reasonText(found);
          const id = `${headingId}-t${i}`;
          return (
            <li key={i} className="template-item">
              <label htmlFor={id}>{tx('template', { n })}</label>
              <textarea
                id={id}
                rows={3}
                value={source}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-error` : `${id}-preview`}
                onChange={(e) => onChange(templates.map((t, j) => (j === i ? e.target.value : t)))}
              />
              {problem && (
                <span className="field-error" id={`${id}-error`} role="alert">
                  {problem}
                </span>
              )}
              <div className="template-preview" id={`${id}-preview`} aria-live="polite">
                <strong>{tx('preview')}</strong>
                <ul>
                  <li>
                    {tx('sample', { name: SAMPLE_VARS.fullName })}: <q>{preview(source, SAMPLE_VARS) ?? '—'}</q>
                  </li>
                  {people.map((p) => (
                    <li key={p.contact.profileUrl}>
                      {p.contact.fullName}: <q>{preview(source, varsFor(p.contact, p.daysLate)) ?? '—'}</q>
                    </li>
                  ))}
                </ul>
              </div>
              <div className="button-row">
                <button type="button" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={tx('up', { n })}>
                  ↑
                </button>
                <button type="button" disabled={i === templates.length - 1} onClick={() => move(i, i + 1)} aria-label={tx('down', { n })}>
                  ↓
                </button>
                <button type="button" className="danger" onClick={() => onChange(templates.filter((_, j) => j !== i))} aria-label={tx('remove', { n })}>
                  ✕
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...templates, ''])}>
        {tx('add')}
      </button>
    </fieldset>
  );
}
