import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison of the presented token with the API key (hashing equalises the lengths). */
export function tokenMatches(presented: string | null, apiKey: string): boolean {
  if (!presented) return false;
  return timingSafeEqual(digest(presented), digest(apiKey));
}

export function presentedToken(req: IncomingMessage): string | null {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const auth = req.headers.authorization;
  if (typeof auth === 'string') {
    const match = /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (match) return match[1];
  }
  return null;
}

/**
 * Wrong tokens are counted per key (a client address, a token prefix); after `maxFailures` inside
 * `windowMs` that key's *wrong* attempts are refused until the window ends. The caller checks a valid
 * token first, so a lockout can never be turned against the user. At most `maxKeys` keys are kept:
 * the oldest window is forgotten first, so a flood of made-up prefixes cannot grow memory.
 */
export class FailedAuthLimiter {
  private readonly failures = new Map<string, { count: number; windowStart: number }>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  get size(): number {
    return this.failures.size;
  }

  private entry(key: string) {
    const e = this.failures.get(key);
    if (e && this.now() - e.windowStart >= this.windowMs) {
      this.failures.delete(key);
      return undefined;
    }
    return e;
  }

  /** Seconds until wrong attempts under any of `keys` are counted again, or 0 when none is locked. */
  lockedFor(...keys: string[]): number {
    let seconds = 0;
    for (const key of keys) {
      const e = this.entry(key);
      if (e && e.count >= this.maxFailures) seconds = Math.max(seconds, Math.ceil((e.windowStart + this.windowMs - this.now()) / 1000));
    }
    return seconds;
  }

  recordFailure(...keys: string[]): void {
    for (const key of keys) {
      const e = this.entry(key);
      if (e) {
        e.count += 1;
        // Most recently failing last: eviction forgets the quietest key first.
        this.failures.delete(key);
        this.failures.set(key, e);
        continue;
      }
      if (this.failures.size >= this.maxKeys) this.failures.delete(this.failures.keys().next().value as string);
      this.failures.set(key, { count: 1, windowStart: this.now() });
    }
  }
}

/** The limiter keys of a failed attempt: where it came from, and what the wrong token starts with. */
export function failureKeys(client: string, presented: string | null): string[] {
  return [`client:${client}`, `prefix:${presented ? presented.slice(0, 6) : '(none)'}`];
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** DNS-rebinding defence: the Host header must name a loopback address (or the explicitly configured host). */
export function hostAllowed(hostHeader: string | undefined, configuredHost: string): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0];
  const name = host.toLowerCase();
  if (LOOPBACK_HOSTS.has(name) || /^127(\.\d{1,3}){3}$/.test(name)) return true;
  return configuredHost !== '0.0.0.0' && configuredHost !== '::' && name === configuredHost.toLowerCase();
}
