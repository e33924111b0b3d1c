import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../../src-shared/contract.js';
import type { RapportClient } from './client.js';
import { useClient } from './client-context.js';
import { opKey } from './operations.js';

const latestKey = (event: EventName) => ['event', event] as const;

/**
 * Wires the core's events into the query cache, once, in the frame: a new status replaces the cached
 * one, progress is kept as "the latest event" for the live run card, and a finished run refreshes
 * everything (plans, runs, interactions, charts, contacts all depend on it).
 */
export function useLiveUpdates(client: RapportClient, enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const offs = [
      client.on('status.changed', (status) => queryClient.setQueryData(opKey('status.get', {}), status)),
      client.on('run.progress', (progress) => queryClient.setQueryData(latestKey('run.progress'), progress)),
      client.on('run.finished', (run) => {
        queryClient.setQueryData(latestKey('run.finished'), run);
        queryClient.removeQueries({ queryKey: latestKey('run.progress') });
        void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'event' });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [client, enabled, queryClient]);
}

/** The latest payload of an event since the panel opened (e.g. the current run's progress), or undefined. */
export function useLatestEvent<E extends EventName>(event: E): EventPayload<E> | undefined {
  const { data } = useQuery<EventPayload<E> | null>({
    queryKey: latestKey(event),
    queryFn: () => null,
    enabled: false,
    staleTime: Infinity,
  });
  return data ?? undefined;
}

/** Calls `listener` for every `event` while the component is mounted (e.g. the live log view). */
export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const client = useClient();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => client.on(event, (payload) => latest.current(payload)), [client, event]);
}
