import { createContext, useContext, type ReactNode } from 'react';
import type { RapportClient } from './client.js';

const ClientContext = createContext<RapportClient | null>(null);

export function ClientProvider({ client, children }: { client: RapportClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

/** The typed contract client (IPC in Electron, HTTP + token in a browser). */
export function useClient(): RapportClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() outside <ClientProvider>');
  return client;
}
