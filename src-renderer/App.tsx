import { useCallback, useEffect, useMemo, useState } from 'react';
import { createClient, type ApiError, type RapportClient } from './api/client.js';
import { createHttpTransport } from './api/http-transport.js';
import { createIpcTransport } from './api/ipc-transport.js';
import { forgetToken, saveToken, takeToken } from './api/token.js';
import { TokenForm } from './components/TokenForm.js';
import { browserLanguage, createI18n, I18nContext, type Lang } from './i18n.js';
import { Panel } from './Panel.js';

type Session = { kind: 'connected'; client: RapportClient } | { kind: 'needs-token'; error: ApiError | null };

export function App() {
  const [liveError, setLiveError] = useState<ApiError | null>(null);

  const connectHttp = useCallback(
    (token: string): Session => ({
      kind: 'connected',
      client: createClient(
        createHttpTransport({ baseUrl: window.location.origin, token, onEventsError: (e) => setLiveError(e) }),
      ),
    }),
    [],
  );

  // Electron's preload provides `window.rapport`; a browser gets the token from the address or the form.
  const [session, setSession] = useState<Session>(() => {
    if (window.rapport) return { kind: 'connected', client: createClient(createIpcTransport(window.rapport)) };
    const token = takeToken(window);
    return token ? connectHttp(token) : { kind: 'needs-token', error: null };
  });

  const [lang, setLang] = useState<Lang>(() => browserLanguage(navigator.languages));
  const client = session.kind === 'connected' ? session.client : null;
  useEffect(() => {
    // The UI language is a setting; until it arrives (or if it cannot), the browser's language is used.
    client?.call('settings.get', {}).then(
      (view) => setLang(view.settings.ui.language),
      () => undefined,
    );
  }, [client]);
  const i18n = useMemo(() => createI18n(lang), [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const onUnauthorized = useCallback((error: ApiError) => {
    forgetToken(window);
    setSession({ kind: 'needs-token', error });
  }, []);

  const onToken = (token: string) => {
    saveToken(window, token);
    setLiveError(null);
    setSession(connectHttp(token));
  };

  return (
    <I18nContext.Provider value={i18n}>
      {session.kind === 'connected' ? (
        <Panel client={session.client} onUnauthorized={onUnauthorized} liveError={liveError} />
      ) : (
        <TokenForm error={session.error} onSubmit={onToken} />
      )}
    </I18nContext.Provider>
  );
}
