import { useEffect } from 'react';
import { Link, Redirect, Route, Router, Switch, useRoute } from 'wouter';
import { useGuardedHashLocation } from './navigation/guarded-hash-location.js';
import type { ApiError } from './api/client.js';
import { useClient } from './api/client-context.js';
import { useLiveUpdates } from './api/live-updates.js';
import type { ConnectionState } from './api/sse.js';
import { useStatus } from './api/use-status.js';
import { ErrorNotice } from './components/ErrorNotice.js';
import { LanguageSwitch } from './components/LanguageSwitch.js';
import { StatusBar } from './components/StatusBar.js';
import { useI18n, type MessageKey } from './i18n/index.js';
import { PAGES } from './pages/registry.js';

interface FrameProps {
  /** The token was refused: the app goes back to asking for one. */
  onUnauthorized(error: ApiError): void;
  liveError: ApiError | null;
  connection: ConnectionState;
}

function NavLink({ path, label }: { path: string; label: MessageKey }) {
  const { t } = useI18n();
  const [active] = useRoute(`${path}/*?`);
  return (
    <Link href={path} aria-current={active ? 'page' : undefined}>
      {t(label)}
    </Link>
  );
}

/** Navigation, status bar, language, live-stream banner and the current page. */
export function Frame({ onUnauthorized, liveError, connection }: FrameProps) {
  const { t } = useI18n();
  const client = useClient();
  const { data: status, error, refetch } = useStatus();

  useEffect(() => {
    if (error?.code === 'UNAUTHORIZED' && client.mode === 'http') onUnauthorized(error);
  }, [error, client, onUnauthorized]);
  // Subscribe only once a call has succeeded, so a wrong token does not also open a refused event stream.
  useLiveUpdates(client, status !== undefined);

  return (
    <Router hook={useGuardedHashLocation}>
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <p className="app-name">{t('appName')}</p>
        {status && <StatusBar status={status} />}
        <LanguageSwitch idPrefix="header" />
      </header>
      <nav className="app-nav" aria-label={t('mainNav')}>
        <ul>
          {PAGES.map((page) => (
            <li key={page.path}>
              <NavLink path={page.path} label={page.label} />
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {connection === 'dropped' && !liveError && (
          <p className="notice notice-warn banner-live" role="status">
            {t('liveUpdatesReconnecting')}
          </p>
        )}
        {liveError && <ErrorNotice error={liveError} />}
        {error && <ErrorNotice error={error} onRetry={() => void refetch()} />}
        {status ? (
          <Switch>
            {PAGES.map(({ path, component }) => (
              <Route key={path} path={path} component={component} nest />
            ))}
            <Route>
              <Redirect to={PAGES[0]!.path} replace />
            </Route>
          </Switch>
        ) : (
          !error && <p role="status">{t('loading')}</p>
        )}
      </main>
    </Router>
  );
}
