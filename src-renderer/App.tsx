import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createClient, type ApiError, type RapportClient } from './api/client.js';
import { ClientProvider } from './api/client-context.js';
import { createHttpTransport } from './api/http-transport.js';
import { createIpcTransport } from './api/ipc-transport.js';
import type { ConnectionState } from './api/sse.js';
import { forgetToken, saveToken, takeToken } from './api/token.js';
import { TokenForm } from './components/TokenForm.js';
import { ToastProvider } from './components/toasts.js';
import { Frame } from './Frame.js';
import { browserLanguage, createI18n, I18nContext, type Lang } from './i18n/index.js';
import { LanguageControlContext } from './i18n/language-control.js';

type Session = { kind: 'connected'; client: RapportClient } | { kind: 'needs-token'; error: ApiError | null };

function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Events keep the data fresh; a refetch on focus would only hide a dropped stream.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: (n, e) => n < 2 && (e as ApiError).code === 'UNREACHABLE' },
      mutations: { retry: false },
    },
  });
}

export function App() {
  const [liveError, setLiveError] = useState<ApiError | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('open');
  const [queryClient] = useState(newQueryClient);

  const connectHttp = useCallback(
    (token: string): Session => ({
      kind: 'connected',
      client: createClient(
        createHttpTransport({
          baseUrl: window.location.origin,
          token,
          onEventsError: (e) => setLiveError(e),
          onConnection: setConnection,
        }),
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

  const changeLanguage = useCallback(
    (next: Lang) => {
      setLang(next);
      void client?.call('settings.update', { ui: { language: next } }).then(
        () => queryClient.invalidateQueries({ queryKey: ['settings.get'] }),
        () => undefined,
      );
    },
    [client, queryClient],
  );

  // Missed events while the stream was down: refresh everything once it is back.
  useEffect(() => {
    if (connection === 'open') void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'event' });
  }, [connection, queryClient]);

  const onUnauthorized = useCallback(
    (error: ApiError) => {
      forgetToken(window);
      queryClient.clear();
      setSession({ kind: 'needs-token', error });
    },
    [queryClient],
  );

  const onToken = (token: string) => {
    saveToken(window, token);
    setLiveError(null);
    setSession(connectHttp(token));
  };

  return (
    <I18nContext.Provider value={i18n}>
      <LanguageControlContext.Provider value={changeLanguage}>
        <QueryClientProvider client={queryClient}>
          <ToastProvider>
            {session.kind === 'connected' ? (
              <ClientProvider client={session.client}>
                <Frame onUnauthorized={onUnauthorized} liveError={liveError} connection={connection} />
              </ClientProvider>
            ) : (
              <TokenForm error={session.error} onSubmit={onToken} />
            )}
          </ToastProvider>
        </QueryClientProvider>
      </LanguageControlContext.Provider>
    </I18nContext.Provider>
  );
}
