import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';
import { useI18n } from '../i18n/index.js';
import { ErrorNotice } from './ErrorNotice.js';

/** Asked only in HTTP mode when no token came with the address (or the one given was refused). */
export function TokenForm({ error, onSubmit }: { error: ApiError | null; onSubmit: (token: string) => void }) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onSubmit(token.trim());
  };
  return (
    <main id="main" className="token-page">
      <h1>{t('tokenTitle')}</h1>
      {error && <ErrorNotice error={error} />}
      <p id="token-help">{t('tokenIntro')}</p>
      <form className="token-form" onSubmit={submit}>
        <label htmlFor="api-token">{t('tokenLabel')}</label>
        <input
          id="api-token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          aria-describedby="token-help"
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
        <button type="submit">{t('tokenSubmit')}</button>
      </form>
    </main>
  );
}
