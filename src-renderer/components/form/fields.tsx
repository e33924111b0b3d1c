import { useId, type ReactNode } from 'react';
import { envNameForPath } from '../../../src-shared/settings.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { useFormTexts } from './texts.js';
import type { SettingsForm } from './use-settings-form.js';

interface FieldProps {
  form: SettingsForm;
  path: string;
  label: string;
  hint?: string;
  type?: 'text' | 'number' | 'time' | 'checkbox' | 'url';
  min?: number;
  max?: number;
  step?: number;
}

/** The id of a field's error message, for `aria-describedby`. */
function FieldMessages({ id, hint, error, env }: { id: string; hint?: string; error?: string; env?: string }) {
  const tx = useFormTexts();
  return (
    <>
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {env && <span className="field-hint">{tx('setByEnv', { env })}</span>}
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </>
  );
}

interface InputFieldProps {
  label: string;
  value: string;
  onChange(raw: string): void;
  hint?: string;
  error?: string;
  /** The variable that sets this value at every start (the field is then read-only). */
  env?: string;
  type?: 'text' | 'number' | 'time' | 'url';
  min?: number;
  max?: number;
  step?: number;
  placeholder?: string;
}

/** The ids of the hint and the error under a field, for aria-describedby. */
function describedByOf(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

/**
 * A labelled input with its hint and its error under it. `Field` binds it to a settings path; editors
 * of one item in a list (a saved search's schedule) use it directly, so both look and read the same.
 */
export function InputField({ label, value, onChange, hint, error, env, type = 'text', min, max, step, placeholder }: InputFieldProps) {
  const id = useId();
  const describedBy = describedByOf(id, hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        min={min}
        max={max}
        step={step}
        placeholder={placeholder}
        disabled={Boolean(env)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldMessages id={id} hint={hint} error={error} env={env} />
    </div>
  );
}

/** One settings field bound to a path: label, input, hint, and its error under it. */
export function Field({ form, path, label, hint, type = 'text', min, max, step }: FieldProps) {
  const id = useId();
  const error = form.errors[path];
  const env = form.envOverrides.includes(path) ? envNameForPath(path) : undefined;
  const describedBy = describedByOf(id, hint, error);
  const current = form.value(path);
  if (type === 'checkbox') {
    return (
      <div className="field field-check">
        <input
          id={id}
          type="checkbox"
          checked={Boolean(current)}
          disabled={Boolean(env)}
          aria-describedby={describedBy}
          onChange={(e) => form.set(path, e.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
        <FieldMessages id={id} hint={hint} error={error} env={env} />
      </div>
    );
  }
  return (
    <InputField
      label={label}
      type={type}
      value={current === undefined || current === null ? '' : String(current)}
      min={min}
      max={max}
      step={step}
      hint={hint}
      error={error}
      env={env}
      onChange={(raw) => form.set(path, type === 'number' ? (raw === '' ? undefined : Number(raw)) : raw === '' ? undefined : raw)}
    />
  );
}

/** Save / discard, the unsaved-changes note and errors not tied to one field. */
export function FormActions({ form, children }: { form: SettingsForm; children?: ReactNode }) {
  const tx = useFormTexts();
  const invalid = Object.keys(form.errors).length > 0 || form.formErrors.length > 0;
  return (
    <div className="form-actions">
      {invalid && (
        <div className="notice notice-error" role="alert">
          <p>{tx('fixFirst')}</p>
          {form.formErrors.length > 0 && (
            <ul>
              {form.formErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {form.serverError && <ErrorNotice error={form.serverError} />}
      <button type="submit" disabled={!form.dirty || form.saving} aria-busy={form.saving}>
        {form.saving ? tx('saving') : tx('save')}
      </button>
      {form.dirty && (
        <button type="button" onClick={form.reset}>
          {tx('discard')}
        </button>
      )}
      <span role="status" className="form-status">
        {form.dirty ? tx('unsaved') : form.saved ? tx('saved') : ''}
      </span>
      {children}
    </div>
  );
}

/** A `<form>` that saves through the settings form (Enter in a field saves too). */
export function SettingsFormShell({ form, children, labelledBy }: { form: SettingsForm; children: ReactNode; labelledBy: string }) {
  return (
    <form
      aria-labelledby={labelledBy}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.save();
      }}
    >
      {children}
      <FormActions form={form} />
    </form>
  );
}
