import { readFileSync } from 'node:fs';
import { contract, type OperationName, type OpOutput } from '../../src-shared/contract.js';
import { errorBodySchema, parseOrThrow, RapportError } from '../../src-shared/errors.js';
import type { Paths } from '../core/config.js';
import { readHostInfo, type HostInfo } from '../core/data-lock.js';

/** A call to the Rapport process that owns the data folder, through its local HTTP API. */
export type RemoteCall = <N extends OperationName>(name: N, input: unknown) => Promise<OpOutput<N>>;

/** The owner's API: its operations, and its event stream (`GET /api/events`) opened with the token. */
export interface RemoteHost {
  call: RemoteCall;
  openEvents(signal: AbortSignal): Promise<Response>;
}

function requestFor(name: OperationName, input: Record<string, unknown>, base: string): { url: string; method: string; body?: string } {
  const { method, path } = contract[name];
  const rest = { ...input };
  const filled = path.replace(/:(\w+)/g, (_whole, param: string) => {
    const value = rest[param];
    delete rest[param];
    return encodeURIComponent(String(value));
  });
  const url = new URL(filled, base);
  if (method === 'GET' || method === 'DELETE') {
    for (const [k, v] of Object.entries(rest)) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
    return { url: url.toString(), method };
  }
  return { url: url.toString(), method, body: JSON.stringify(rest) };
}

function tokenFor(paths: Paths, env: Record<string, string | undefined>): string | null {
  if (env.RAPPORT_API_KEY) return env.RAPPORT_API_KEY;
  try {
    return readFileSync(paths.apiKeyFile, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function hostUrl(info: HostInfo): string {
  const host = info.host.includes(':') ? `[${info.host}]` : info.host === '0.0.0.0' ? '127.0.0.1' : info.host;
  return `http://${host}:${info.port}`;
}

/**
 * The owner's API when it runs one (its `host.json` names the port; the token is the `api-token`
 * file) and it answers as that pid; null otherwise (the Electron app serves no HTTP API).
 */
export async function connectToHost(paths: Paths, env: Record<string, string | undefined>, ownerPid: number): Promise<RemoteHost | null> {
  const info = readHostInfo(paths.dataDir);
  const token = tokenFor(paths, env);
  if (!info || info.pid !== ownerPid || !token) return null;
  const base = hostUrl(info);
  try {
    const health = await fetch(`${base}/health`, { signal: AbortSignal.timeout(3_000) });
    if (!health.ok) return null;
  } catch {
    return null;
  }
  const call: RemoteCall = async (name, input) => {
    const validated = parseOrThrow(contract[name].input, input ?? {}, `input of ${name}`) as Record<string, unknown>;
    const req = requestFor(name, validated, base);
    const res = await fetch(req.url, {
      method: req.method,
      headers: { 'X-API-Key': token, Accept: 'application/json', ...(req.body ? { 'Content-Type': 'application/json' } : {}) },
      body: req.body,
    });
    const text = await res.text();
    if (!res.ok) {
      let parsed: unknown = null;
      try {
        parsed = (JSON.parse(text) as { error?: unknown }).error;
      } catch {
        // not JSON: reported below
      }
      const error = errorBodySchema.safeParse(parsed);
      if (error.success) throw new RapportError(error.data.code, error.data.message, error.data.details);
      throw new RapportError('INTERNAL', `The running Rapport answered ${res.status}: ${text.slice(0, 200)}`);
    }
    const value: unknown = contract[name].contentType ? text : JSON.parse(text);
    return contract[name].output.parse(value) as OpOutput<typeof name>;
  };
  const openEvents = (signal: AbortSignal) => fetch(`${base}/api/events`, { headers: { 'X-API-Key': token, Accept: 'text/event-stream' }, signal });
  return { call, openEvents };
}
