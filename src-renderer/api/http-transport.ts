import { contract, EVENTS_ROUTE, type OperationName } from '../../src-shared/contract.js';
import { ApiError, type Transport } from './client.js';
import { errorFromResponse, fetchOrUnreachable } from './http-response.js';
import { EventStream, type ConnectionState } from './sse.js';

export interface HttpTransportOptions {
  /** Origin of the Rapport server, e.g. `http://127.0.0.1:9464`. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Live updates stopped for good (bad token, lockout). */
  onEventsError?(error: ApiError): void;
  /** The live event stream opened or dropped (it reconnects by itself). */
  onConnection?(state: ConnectionState): void;
}

export interface HttpRequest {
  url: string;
  init: RequestInit;
}

function queryString(values: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, String(item));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** Builds the request for an operation from the contract: path params from the input, then query or JSON body. */
export function buildRequest(name: OperationName, input: unknown, baseUrl: string, token: string): HttpRequest {
  const { method, path } = contract[name];
  const rest: Record<string, unknown> = { ...((input ?? {}) as Record<string, unknown>) };
  const filled = path.replace(/:(\w+)/g, (_whole, param: string) => {
    const value = rest[param];
    if (value === undefined || value === null || value === '') {
      throw new ApiError('VALIDATION_FAILED', `${name} needs ${param}.`, { issues: [{ field: param, reason: 'is required' }] });
    }
    delete rest[param];
    return encodeURIComponent(String(value));
  });
  const headers: Record<string, string> = { 'X-API-Key': token, Accept: 'application/json' };
  const url = new URL(filled, baseUrl).toString();
  if (method === 'GET' || method === 'DELETE') return { url: url + queryString(rest), init: { method, headers } };
  return {
    url,
    init: { method, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(rest) },
  };
}

/** Transport over the token-protected HTTP API (headless mode, or the panel opened in a browser). */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const stream = new EventStream({
    open: (signal) =>
      fetchImpl(new URL(EVENTS_ROUTE, options.baseUrl).toString(), {
        headers: { 'X-API-Key': options.token, Accept: 'text/event-stream' },
        cache: 'no-store',
        signal,
      }),
    onFatal: options.onEventsError,
    onConnection: options.onConnection,
  });

  return {
    mode: 'http',
    async call(name: OperationName, input: unknown) {
      const { url, init } = buildRequest(name, input, options.baseUrl, options.token);
      const res = await fetchOrUnreachable(fetchImpl, url, init);
      if (!res.ok) throw await errorFromResponse(res);
      if (contract[name].contentType) return res.text();
      try {
        return (await res.json()) as unknown;
      } catch {
        throw new ApiError('BAD_RESPONSE', `The answer to ${name} is not JSON.`);
      }
    },
    on(event, cb) {
      return stream.subscribe(event, cb);
    },
  };
}
