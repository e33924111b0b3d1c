import type { AccountStatus } from '../../../src-shared/domain.js';
import type { CoreContext } from '../context.js';
import { domainMatches, parseCookieFile, type SessionCookie, type StorageState } from './cookie-import.js';
import type { GuardKind } from './guards.js';

/**
 * The LinkedIn session: a storage state kept encrypted in the SecretStore, plus account metadata
 * (`app_state.account`: state, when connected, when last verified) for `account.status`.
 */
export const SESSION_SECRET = 'linkedin-session';
export const ACCOUNT_KEY = 'account';
export const LINKEDIN_HOST = 'linkedin.com';

export type AccountState = AccountStatus['state'];

export interface AccountMeta {
  state: AccountState;
  connectedAt: string | null;
  lastVerifiedAt: string | null;
}

export function isLinkedInHost(host: string): boolean {
  return host === LINKEDIN_HOST || host.endsWith(`.${LINKEDIN_HOST}`);
}

/**
 * Cookies to load into the browser for `baseUrl`. In production the base URL is linkedin.com and
 * nothing changes. When it points elsewhere (the simulator in tests, `npm run demo`), cookies set
 * for linkedin.com would never be sent to that host, so an imported session could not be used at
 * all: their domain is rewritten to the base URL's host — and on plain http they lose `Secure`
 * (and SameSite=None, which requires it), or Chromium would refuse to send them.
 */
export function cookiesForBaseUrl(cookies: SessionCookie[], baseUrl: string): SessionCookie[] {
  const url = new URL(baseUrl);
  if (isLinkedInHost(url.hostname)) return cookies;
  const insecure = url.protocol === 'http:';
  return cookies.map((c) => {
    if (!domainMatches(c.domain, LINKEDIN_HOST)) return c;
    const secure = insecure ? false : c.secure;
    return { ...c, domain: url.hostname, secure, sameSite: c.sameSite === 'None' && !secure ? 'Lax' : c.sameSite };
  });
}

const GUARD_STATES: Partial<Record<GuardKind, AccountState>> = {
  login: 'expired',
  checkpoint: 'checkpoint',
  restricted: 'restricted',
};

export class SessionStore {
  constructor(private readonly ctx: CoreContext) {}

  private now(): string {
    return this.ctx.clock.now().toISOString();
  }

  meta(): AccountMeta {
    const stored = this.ctx.store.appState.get<Partial<AccountMeta>>(ACCOUNT_KEY);
    return {
      state: stored?.state ?? 'not-connected',
      connectedAt: stored?.connectedAt ?? null,
      lastVerifiedAt: stored?.lastVerifiedAt ?? null,
    };
  }

  private setMeta(meta: AccountMeta): void {
    this.ctx.store.appState.set(ACCOUNT_KEY, meta);
  }

  async load(): Promise<StorageState | null> {
    const raw = await this.ctx.secrets.get(SESSION_SECRET);
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as StorageState;
    } catch {
      this.ctx.logger.warn('stored LinkedIn session is unreadable; treating the account as not connected');
      return null;
    }
  }

  /** Stores a session; `verified` when it was just seen working (the connect flow), not for imports. */
  async save(state: StorageState, verified: boolean): Promise<void> {
    await this.ctx.secrets.set(SESSION_SECRET, JSON.stringify(state));
    const now = this.now();
    this.setMeta({ state: 'connected', connectedAt: now, lastVerifiedAt: verified ? now : null });
  }

  /** Parses, validates and stores an exported cookie file; nothing is stored when it is refused. */
  async importCookies(content: string): Promise<void> {
    const baseHost = new URL(this.ctx.settings.get().linkedin.baseUrl).hostname;
    const state = parseCookieFile(content, { now: this.ctx.clock.now(), hosts: [...new Set([LINKEDIN_HOST, baseHost])] });
    await this.save(state, false);
  }

  async forget(): Promise<void> {
    await this.ctx.secrets.delete(SESSION_SECRET);
    this.setMeta({ state: 'not-connected', connectedAt: null, lastVerifiedAt: null });
  }

  /** A logged-in LinkedIn page was seen with the stored session. */
  markVerified(): void {
    const meta = this.meta();
    this.setMeta({ ...meta, state: 'connected', lastVerifiedAt: this.now() });
  }

  /** A guard stopped a run: login wall → expired, checkpoint → checkpoint, restriction → restricted. */
  markGuard(kind: GuardKind): void {
    const state = GUARD_STATES[kind];
    if (state) this.setMeta({ ...this.meta(), state });
  }
}
