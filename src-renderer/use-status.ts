import { useCallback, useEffect, useState } from 'react';
import type { Status } from '../src-shared/domain.js';
import { asApiError, type ApiError, type RapportClient } from './api/client.js';

export interface StatusState {
  status: Status | null;
  error: ApiError | null;
  reload: () => void;
}

/** `status.get` once, then kept fresh by the core's events (no polling). */
export function useStatus(client: RapportClient): StatusState {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(() => {
    client.call('status.get', {}).then(
      (next) => {
        setStatus(next);
        setError(null);
      },
      (e: unknown) => setError(asApiError(e)),
    );
  }, [client]);

  useEffect(reload, [reload]);

  // Subscribe only once a call has succeeded, so a wrong token does not also open a refused event stream.
  const live = status !== null;
  useEffect(() => {
    if (!live) return;
    const offs = [client.on('status.changed', setStatus), client.on('run.finished', reload)];
    return () => offs.forEach((off) => off());
  }, [client, live, reload]);

  return { status, error, reload };
}
