/** Small fetch helpers for the simulator tests. */
import { startSimulator, type SimConfig, type Simulator } from '../../fixtures/linkedin-sim/index.js';

export const COOKIE = 'li_at=sim-li-at';

export interface Fetched {
  status: number;
  location: string | null;
  body: string;
}

export async function get(sim: Simulator, path: string, opts: { cookie?: string | null } = {}): Promise<Fetched> {
  const cookie = opts.cookie === undefined ? COOKIE : opts.cookie;
  const res = await fetch(sim.url + path, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: res.status, location: res.headers.get('location'), body: await res.text() };
}

export async function postJson(sim: Simulator, path: string, body: unknown, opts: { cookie?: string | null } = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const cookie = opts.cookie === undefined ? COOKIE : opts.cookie;
  const res = await fetch(sim.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Sends a message the way the page's script does. */
export function sendMessage(sim: Simulator, publicId: string, text: string) {
  return postJson(sim, '/__sim/api/messages', { publicId, text });
}

export function start(options: Partial<SimConfig> = {}): Promise<Simulator> {
  return startSimulator({ port: 0, today: '2024-11-26', ...options });
}

/** Occurrences of `needle` in `haystack`. */
export function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
