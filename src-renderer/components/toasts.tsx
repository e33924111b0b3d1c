import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiError } from '../api/client.js';
import { fieldIssuesOf } from '../api/field-issues.js';
import { useI18n } from '../i18n/index.js';
import { translateReason } from '../i18n/validation/index.js';

interface Toast {
  id: number;
  kind: 'error' | 'info';
  title: string;
  text: string;
}

export interface Toasts {
  /** An error as its stable code and one sentence of what to do (the server's words in the details). */
  error(error: ApiError): void;
  info(text: string): void;
}

const ToastContext = createContext<Toasts>({ error: () => undefined, info: () => undefined });

export function useToasts(): Toasts {
  return useContext(ToastContext);
}

/** How long an info toast stays; errors stay until dismissed, so nobody misses what to do. */
const INFO_MS = 6000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t, errorHint, lang } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((x) => x.id !== id)), []);
  const push = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-4), { ...toast, id }]);
      if (toast.kind === 'info') setTimeout(() => dismiss(id), INFO_MS);
    },
    [dismiss],
  );
  const api = useMemo<Toasts>(
    () => ({
      error: (e) => {
        // Fields to fix are said in the panel's language; other errors keep the server's own words.
        const issues = fieldIssuesOf(e.details).map((i) => `${i.field}: ${translateReason(lang, i.reason)}`);
        const detail = issues.length > 0 ? issues.join('; ') : e.message;
        push({ kind: 'error', title: e.code, text: `${errorHint(e.code)}${detail ? ` — ${detail}` : ''}` });
      },
      info: (text) => push({ kind: 'info', title: '', text }),
    }),
    [push, errorHint, lang],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="assertive" aria-relevant="additions">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
            <p>
              {toast.title && <span className="error-code">{toast.title}</span>} {toast.text}
            </p>
            <button type="button" className="toast-close" onClick={() => dismiss(toast.id)} aria-label={t('dismiss')}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
