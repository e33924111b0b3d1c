import type { ApiError } from '../api/client.js';
import { fieldIssuesOf } from '../api/field-issues.js';
import { useI18n } from '../i18n/index.js';
import { useReasonText } from '../i18n/validation/index.js';

/**
 * Every error the same way: its stable code, a sentence of what to do, then the server's own words
 * (English, as the API says them); the fields to fix in the panel's language.
 */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t, errorHint } = useI18n();
  const reasonText = useReasonText();
  const issues = fieldIssuesOf(error.details);
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <span className="error-code">{error.code}</span> <span className="error-hint">{errorHint(error.code)}</span>
      </p>
      {error.message && (
        <p className="error-details">
          {t('errorDetails')}: {error.message}
        </p>
      )}
      {issues.length > 0 && (
        <ul className="error-issues">
          {issues.map((issue) => (
            <li key={issue.field}>
              <code>{issue.field}</code>: {reasonText(issue.reason)}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
