import { useEffect } from 'react';
import type { ApiError, RapportClient } from './api/client.js';
import { ErrorNotice } from './components/ErrorNotice.js';
import { StatusBar } from './components/StatusBar.js';
import { useI18n, type MessageKey } from './i18n.js';
import { Today } from './pages/Today.js';
import { useStatus } from './use-status.js';

/** Pages in the navigation. Only pages that work are listed; the others join as they are built. */
const PAGES: { id: string; label: MessageKey }[] = [{ id: 'today', label: 'today' }];

interface PanelProps {
  client: RapportClient;
  /** The token was refused: the app goes back to asking for one. */
  onUnauthorized(error: ApiError): void;
  liveError: ApiError | null;
}

export function Panel({ client, onUnauthorized, liveError }: PanelProps) {
  const { t } = useI18n();
  const { status, error, reload } = useStatus(client);

  useEffect(() => {
    if (error?.code === 'UNAUTHORIZED' && client.mode === 'http') onUnauthorized(error);
  }, [error, client, onUnauthorized]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <p className="app-name">{t('appName')}</p>
        {status && <StatusBar status={status} client={client} onChanged={reload} />}
      </header>
      <nav className="app-nav" aria-label={t('mainNav')}>
        <ul>
          {PAGES.map((page) => (
            <li key={page.id}>
              <a href={`#/${page.id}`} aria-current="page">
                {t(page.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {liveError && <ErrorNotice error={liveError} />}
        {error && <ErrorNotice error={error} onRetry={reload} />}
        {status ? <Today status={status} /> : !error && <p role="status">{t('loading')}</p>}
      </main>
    </>
  );
}
