import { z } from 'zod';
import { RapportError } from '../../../src-shared/errors.js';

/**
 * Parses a session file the user exported: a Playwright storage state (`{cookies, origins}`) or an
 * EditThisCookie-style cookie array (`expirationDate`, `sameSite: no_restriction|lax|strict|unspecified`).
 * Only LinkedIn's cookies are kept (a whole-browser export must not leave other sites' cookies in
 * Rapport), expired ones are dropped, and a file without a live `li_at` session cookie is refused.
 */
export type SameSite = 'Strict' | 'Lax' | 'None';

export interface SessionCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  /** Unix seconds; -1 for a session cookie. */
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: SameSite;
}

export interface StorageState {
  cookies: SessionCookie[];
  origins: { origin: string; localStorage: { name: string; value: string }[] }[];
}

export const SESSION_COOKIE_NAME = 'li_at';

const rawCookieSchema = z.object({
  name: z.string().min(1, 'must not be empty'),
  value: z.string(),
  domain: z.string().min(1, 'must not be empty'),
  path: z.string().optional(),
  expires: z.number().optional(),
  expirationDate: z.number().optional(),
  session: z.boolean().optional(),
  httpOnly: z.boolean().optional(),
  secure: z.boolean().optional(),
  sameSite: z.string().nullable().optional(),
});
type RawCookie = z.infer<typeof rawCookieSchema>;

const storageStateSchema = z.object({
  cookies: z.array(z.unknown()),
  origins: z
    .array(z.object({ origin: z.string(), localStorage: z.array(z.object({ name: z.string(), value: z.string() })) }))
    .optional(),
});

function invalid(message: string, details?: unknown): RapportError {
  return new RapportError('VALIDATION_FAILED', `Cookie file refused: ${message}`, details);
}

export function normaliseSameSite(value: string | null | undefined, secure: boolean): SameSite {
  const v = (value ?? '').toLowerCase();
  const mapped: SameSite = v === 'strict' ? 'Strict' : v === 'none' || v === 'no_restriction' ? 'None' : 'Lax';
  // Chromium rejects SameSite=None without Secure; Lax is what it would apply anyway.
  return mapped === 'None' && !secure ? 'Lax' : mapped;
}

/** True when a cookie for `domain` would be sent to `host` (or to one of its subdomains). */
export function domainMatches(domain: string, host: string): boolean {
  const d = domain.replace(/^\./, '').toLowerCase();
  const h = host.toLowerCase();
  return h === d || h.endsWith(`.${d}`) || d.endsWith(`.${h}`);
}

function toCookie(raw: RawCookie): SessionCookie {
  const secure = raw.secure ?? false;
  const expiry = raw.expires ?? raw.expirationDate;
  const session = raw.session === true || expiry === undefined || expiry < 0;
  return {
    name: raw.name,
    value: raw.value,
    domain: raw.domain,
    path: raw.path || '/',
    expires: session ? -1 : Math.floor(expiry),
    httpOnly: raw.httpOnly ?? false,
    secure,
    sameSite: normaliseSameSite(raw.sameSite, secure),
  };
}

export interface ParseCookieOptions {
  now: Date;
  /** Hosts whose cookies are kept: linkedin.com and, in tests/demo, the configured base URL's host. */
  hosts: string[];
}

export function parseCookieFile(content: string, options: ParseCookieOptions): StorageState {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw invalid('it is not JSON. Export the cookies as JSON (Playwright storage state or an EditThisCookie list).');
  }
  let rawCookies: unknown[];
  let origins: StorageState['origins'] = [];
  if (Array.isArray(json)) {
    rawCookies = json;
  } else {
    const state = storageStateSchema.safeParse(json);
    if (!state.success) throw invalid('expected a cookie array or an object with a "cookies" array.');
    rawCookies = state.data.cookies;
    origins = state.data.origins ?? [];
  }
  const cookies: SessionCookie[] = [];
  for (const [i, raw] of rawCookies.entries()) {
    const parsed = rawCookieSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalid(`cookie #${i + 1} is malformed (${issue.path.join('.') || 'cookie'}: ${issue.message}).`, { index: i });
    }
    cookies.push(toCookie(parsed.data));
  }
  const nowSeconds = options.now.getTime() / 1000;
  const relevant = cookies.filter((c) => options.hosts.some((h) => domainMatches(c.domain, h)));
  const live = relevant.filter((c) => c.expires === -1 || c.expires > nowSeconds);
  if (!relevant.some((c) => c.name === SESSION_COOKIE_NAME)) {
    throw invalid(`it holds no LinkedIn session cookie (${SESSION_COOKIE_NAME}). Export the cookies while logged in to linkedin.com.`);
  }
  if (!live.some((c) => c.name === SESSION_COOKIE_NAME)) {
    throw invalid(`the LinkedIn session cookie (${SESSION_COOKIE_NAME}) has expired. Log in to linkedin.com again and export a fresh file.`);
  }
  const keptOrigins = origins.filter((o) => {
    try {
      const host = new URL(o.origin).hostname;
      return options.hosts.some((h) => domainMatches(host, h));
    } catch {
      return false;
    }
  });
  return { cookies: live, origins: keptOrigins };
}
