import type { Page, Response } from 'playwright-core';
import { RapportError, type ErrorCode } from '../../../src-shared/errors.js';
import type { Logger } from '../log.js';
import type { GUARD_KINDS, Metrics } from '../metrics.js';
import { GUARD_TARGETS, type GuardTarget } from './selector-catalogue.js';
import type { SelectorEngine } from './selectors.js';

/**
 * Safety stops (SPEC §4), checked after every navigation and before every action: login wall,
 * checkpoint/captcha/identity check, restriction, limit banners, HTTP 429/999. A stop is final for
 * the session: every later action throws the same error, so nothing else happens on LinkedIn.
 * Rapport never tries to get past a guard.
 */
export type GuardKind = (typeof GUARD_KINDS)[number];

export const GUARD_CODES: Record<GuardKind, ErrorCode> = {
  login: 'SESSION_EXPIRED',
  checkpoint: 'LINKEDIN_CHECKPOINT',
  restricted: 'LINKEDIN_RESTRICTED',
  limit: 'LINKEDIN_RESTRICTED',
  throttled: 'LINKEDIN_RESTRICTED',
};

const MESSAGES: Record<GuardKind, string> = {
  login: 'LinkedIn asked to log in again: the session expired. Reconnect the account.',
  checkpoint:
    'LinkedIn asks for a security check (checkpoint, captcha or identity verification). Rapport stopped and will not try to pass it: open the browser from Rapport and clear it yourself.',
  restricted: 'LinkedIn says the account is restricted. Rapport stopped; runs pause until you have checked the account.',
  limit: 'LinkedIn shows a limit or slow-down banner. Rapport stopped; runs pause for 24 hours.',
  throttled: 'LinkedIn answered "too many requests" (HTTP 429/999). Rapport stopped; runs pause for 24 hours.',
};

const TARGET_KINDS: Record<GuardTarget, GuardKind> = {
  'guard.restricted': 'restricted',
  'guard.checkpoint': 'checkpoint',
  'guard.login': 'login',
  'guard.limit': 'limit',
};

const LOGIN_PATHS = [/^\/login\b/, /^\/uas\/login\b/, /^\/authwall\b/, /^\/checkpoint\/rm\/sign-in-another-account\b/];
const CHECKPOINT_PATHS = [/^\/checkpoint\/challenge\b/, /^\/checkpoint\/lg\b/];

/** Guard kind shown by a URL on LinkedIn's origin, or null. */
export function guardFromUrl(url: string, baseUrl: string): GuardKind | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== new URL(baseUrl).origin) return null;
  if (CHECKPOINT_PATHS.some((re) => re.test(parsed.pathname))) return 'checkpoint';
  if (LOGIN_PATHS.some((re) => re.test(parsed.pathname))) return 'login';
  return null;
}

export function guardFromStatus(status: number | null | undefined): GuardKind | null {
  return status === 429 || status === 999 ? 'throttled' : null;
}

export interface GuardDeps {
  page: Page;
  baseUrl: string;
  metrics: Metrics;
  logger: Logger;
  /** Told once when a guard stops the session (the account state is updated from it). */
  onStop?: (kind: GuardKind) => void;
}

export class Guards {
  private stoppedWith: RapportError | null = null;
  private throttledStatus: number | null = null;
  private engine: SelectorEngine | null = null;

  private readonly onResponse: (response: Response) => void;

  constructor(private readonly deps: GuardDeps) {
    const origin = new URL(deps.baseUrl).origin;
    // Throttling also shows on background requests (the page's own API calls), not just page loads.
    this.onResponse = (response) => {
      const kind = guardFromStatus(response.status());
      if (!kind) return;
      const request = response.request();
      const relevant = request.isNavigationRequest() || request.resourceType() === 'xhr' || request.resourceType() === 'fetch';
      if (relevant && response.url().startsWith(origin)) this.throttledStatus = response.status();
    };
    deps.page.on('response', this.onResponse);
  }

  /** Stops listening to the page (when the page outlives this session). */
  dispose(): void {
    this.deps.page.off('response', this.onResponse);
  }

  /** The engine is created with the guards as its pre-poll hook, so it is attached afterwards. */
  useEngine(engine: SelectorEngine): void {
    this.engine = engine;
  }

  /** The error that stopped the session, if any. */
  stopped(): RapportError | null {
    return this.stoppedWith;
  }

  /** Throws the stop error when a guard already stopped this session. */
  assertUsable(): void {
    if (this.stoppedWith) throw this.stoppedWith;
  }

  /**
   * The check before an action, in one look together with `also` (what the action looks for next,
   * e.g. a popup): the usual answer, "nothing shows", costs one round trip for both. Status and URL
   * guards run as in `check`. Returns whether any of `also` may show (then the caller looks closer).
   */
  async checkWith(also: readonly string[]): Promise<boolean> {
    this.assertUsable();
    const quiet = this.engine !== null && (await this.engine.noneShowing([...GUARD_TARGETS, ...also]));
    await this.check(undefined, quiet ? null : undefined);
    return !quiet;
  }

  /**
   * Looks for every guard; throws (and stops the session) when one shows. `shown` is what a look
   * that already covered every guard candidate found (null: none), so the page is not asked twice.
   */
  async check(response?: Response | null, shown?: GuardTarget | null): Promise<void> {
    this.assertUsable();
    const url = this.deps.page.url();
    // Status first (a 429/999 page says nothing else), then what the page shows (a restriction
    // heading is more telling than the URL it sits under), then the URL.
    let kind = guardFromStatus(response?.status()) ?? (this.throttledStatus !== null ? 'throttled' : null);
    if (!kind && this.engine && url.startsWith(new URL(this.deps.baseUrl).origin)) {
      const target = shown !== undefined ? shown : ((await this.engine.probe(GUARD_TARGETS)) as GuardTarget | null);
      if (target) kind = TARGET_KINDS[target];
    }
    kind ??= guardFromUrl(url, this.deps.baseUrl);
    if (kind) this.stop(kind, url);
  }

  private stop(kind: GuardKind, url: string): never {
    this.deps.metrics.guardStops.inc({ kind });
    this.stoppedWith = new RapportError(GUARD_CODES[kind], MESSAGES[kind], { kind, url });
    this.deps.logger.warn({ kind, url }, 'LinkedIn guard: stopping');
    this.deps.onStop?.(kind);
    throw this.stoppedWith;
  }
}
