import { ApiError, apiErrorFrom } from './client.js';

/** Reads the server's `{ error: { code, message, details? } }` body; anything else becomes BAD_RESPONSE. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  const fallback = `The server answered HTTP ${res.status}.`;
  try {
    const body = (await res.json()) as { error?: unknown } | null;
    return apiErrorFrom(body?.error, fallback);
  } catch {
    return new ApiError('BAD_RESPONSE', fallback);
  }
}

/** Network failures (server down, connection refused) surface as UNREACHABLE rather than a bare TypeError. */
export async function fetchOrUnreachable(fetchImpl: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchImpl(url, init);
  } catch (e) {
    if (init.signal?.aborted) throw e;
    throw new ApiError('UNREACHABLE', `Could not reach the Rapport server: ${e instanceof Error ? e.message : String(e)}`);
  }
}
