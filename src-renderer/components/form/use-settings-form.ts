import { useCallback, useMemo, useState } from 'react';
import { mergeSettings, settingsSchema, type Settings } from '../../../src-shared/settings.js';
import type { ApiError } from '../../api/client.js';
import { fieldIssuesOf } from '../../api/field-issues.js';
import { useOperation, useOperationMutation } from '../../api/operations.js';
import { reasonOfIssue, useReasonText, type Reason } from '../../i18n/validation/index.js';
import { useToasts } from '../toasts.js';
import { fieldFor, getPath, patchOf } from './paths.js';
import { useUnsavedGuard } from './unsaved-guard.js';

export interface SettingsForm {
  ready: boolean;
  settings: Settings | undefined;
  /** Paths set by environment variables: shown read-only, since the environment wins at every start. */
  envOverrides: string[];
  value<T = unknown>(path: string): T;
  set(path: string, value: unknown): void;
  /**
   * Field errors by path, in the panel's language: the shared schema's (before saving) or the server's
   * VALIDATION_FAILED issues (whose reasons stay English in the API).
   */
  errors: Record<string, string>;
  /** Problems not tied to one of this form's fields, in the panel's language. */
  formErrors: string[];
  serverError: ApiError | null;
  dirty: boolean;
  saving: boolean;
  saved: boolean;
  save(): Promise<boolean>;
  reset(): void;
}

interface Issue {
  field: string;
  reason: Reason;
}

function serverIssues(error: ApiError): Issue[] {
  return fieldIssuesOf(error.details).map((i) => ({ field: i.field, reason: { message: i.reason } }));
}

/**
 * One Settings form over a set of setting paths: draft values, dirty tracking, validation of the
 * whole settings with the shared zod schema before anything is sent, the server's field errors mapped
 * back to the fields, and a warning before leaving unsaved changes. Nothing is saved while invalid.
 */
export function useSettingsForm(fields: readonly string[], unsavedQuestion: string): SettingsForm {
  const query = useOperation('settings.get', {});
  const toasts = useToasts();
  const [draft, setDraft] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<Record<string, Reason>>({});
  const [formErrors, setFormErrors] = useState<{ field: string; reason: Reason }[]>([]);
  const reasonText = useReasonText();
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const update = useOperationMutation('settings.update', {
    invalidates: ['settings.get', 'plan.birthday', 'schedule.get'],
    toastErrors: false,
  });
  const settings = query.data?.settings;
  const dirty = Object.keys(draft).length > 0;
  useUnsavedGuard(dirty, unsavedQuestion);

  const assign = useCallback((issues: Issue[]) => {
    const byField: Record<string, Reason> = {};
    const general: Issue[] = [];
    for (const issue of issues) {
      const field = fieldFor(issue.field, fields);
      if (field) {
        byField[field] ??= issue.reason;
        // Lists keep the exact path too, so an editor can show `sourcing.searches.0.keywords` under its input.
        if (issue.field !== field) byField[issue.field] ??= issue.reason;
      }
      else general.push(issue);
    }
    setErrors(byField);
    setFormErrors(general);
  }, [fields]);

  const value = useCallback(
    <T,>(path: string): T => (path in draft ? draft[path] : getPath(settings, path)) as T,
    [draft, settings],
  );

  const set = useCallback((path: string, next: unknown) => {
    setSaved(false);
    setDraft((d) => {
      const copy = { ...d };
      if (JSON.stringify(next) === JSON.stringify(getPath(settings, path))) delete copy[path];
      else copy[path] = next;
      return copy;
    });
    setErrors((e) => {
      const stale = Object.keys(e).filter((k) => k === path || k.startsWith(`${path}.`));
      if (stale.length === 0) return e;
      const copy = { ...e };
      for (const k of stale) delete copy[k];
      return copy;
    });
  }, [settings]);

  const save = useCallback(async (): Promise<boolean> => {
    if (!settings) return false;
    setServerError(null);
    const patch = patchOf(draft);
    const checked = settingsSchema.safeParse(mergeSettings(settings, patch));
    if (!checked.success) {
      assign(checked.error.issues.map((i) => ({ field: i.path.map(String).join('.'), reason: reasonOfIssue(i) })));
      return false;
    }
    try {
      await update.mutateAsync(patch);
    } catch (e) {
      const error = e as ApiError;
      const issues = serverIssues(error);
      if (issues.length) assign(issues);
      else {
        setServerError(error);
        toasts.error(error);
      }
      return false;
    }
    setDraft({});
    setErrors({});
    setFormErrors([]);
    setSaved(true);
    return true;
  }, [assign, draft, settings, toasts, update]);

  const reset = useCallback(() => {
    setDraft({});
    setErrors({});
    setFormErrors([]);
    setServerError(null);
  }, []);

  // Kept in English with their facts, translated here: a change of language re-renders them.
  const shownErrors = useMemo(
    () => Object.fromEntries(Object.entries(errors).map(([path, reason]) => [path, reasonText(reason)])),
    [errors, reasonText],
  );
  const shownFormErrors = useMemo(() => formErrors.map((e) => `${e.field}: ${reasonText(e.reason)}`), [formErrors, reasonText]);

  return useMemo(
    () => ({
      ready: settings !== undefined,
      settings,
      envOverrides: query.data?.envOverrides ?? [],
      value,
      set,
      errors: shownErrors,
      formErrors: shownFormErrors,
      serverError,
      dirty,
      saving: update.isPending,
      saved,
      save,
      reset,
    }),
    [settings, query.data?.envOverrides, value, set, shownErrors, shownFormErrors, serverError, dirty, update.isPending, saved, save, reset],
  );
}
