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

/** After `maxFailures` bad tokens from one client inside `windowMs`, that client is refused until the window ends. */
export class FailedAuthLimiter {
  private readonly failures = new Map<string, { count: number; windowStart: number }>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private entry(client: string) {
    const e = this.failures.get(client);
    if (e && this.now() - e.windowStart >= this.windowMs) {
      this.failures.delete(client);
      return undefined;
    }
    return e;
  }

  /** Seconds until the client may try again, or 0 when not locked out. */
  lockedFor(client: string): number {
    const e = this.entry(client);
    if (!e || e.count < this.maxFailures) return 0;
    return Math.ceil((e.windowStart + this.windowMs - this.now()) / 1000);
  }

  recordFailure(client: string): void {
    const e = this.entry(client);
    if (e) e.count += 1;
    else this.failures.set(client, { count: 1, windowStart: this.now() });
  }
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
