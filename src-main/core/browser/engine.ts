import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { RapportError, isRapportError } from '../../../src-shared/errors.js';
import type { CoreContext } from '../context.js';
import { abortError } from '../util/runtime.js';
import { domainMatches, SESSION_COOKIE_NAME, type SessionCookie } from './cookie-import.js';
import { Guards } from './guards.js';
import { discoverBrowsers, launchBrowser, type LaunchedBrowser } from './launch.js';
import { calendarToday } from './linkedin/birthday-text.js';
import { createLinkedIn, type LinkedIn } from './linkedin/index.js';
import { createPacing, type WaitInfo } from './pacing.js';
import { SELECTOR_CATALOGUE } from './selector-catalogue.js';
import { SelectorRepository } from './selector-repo.js';
import { SelectorEngine } from './selectors.js';
import { cookiesForBaseUrl, LINKEDIN_HOST, SessionStore } from './session.js';

export interface BrowserEngineOptions {
  /** Default wait for page landmarks and elements, in ms (15 s: LinkedIn renders after load). */
  timeoutMs?: number;
  /** Wait for lazily loaded cards after a scroll before deciding the list is complete (1.5 s). */
  scrollIdleMs?: number;
  /** Tests: run the connect window headless (it is visible for users). */
  connectHeadless?: boolean;
  /** Tests: plays the user in the connect window (logs in on the simulator). */
  onConnectPage?: (page: Page) => Promise<void>;
  /** Tests and diagnostics: told the browser's main PID after each launch. */
  onLaunch?: (info: { pid: number | null }) => void;
}

export interface WithLinkedInOptions {
  /** Defaults to the `browser.headless` setting. */
  headless?: boolean;
  /** Told about each pacing wait ("waiting 73 s"). */
  onWait?: (wait: WaitInfo) => void;
}

export interface BrowserEngine {
  /**
   * Launches the browser with the stored session (NOT_CONNECTED when there is none), runs `fn`,
   * and always closes the browser — after success, error or abort. An abort closes it at once.
   */
  withLinkedIn<T>(signal: AbortSignal, fn: (li: LinkedIn) => Promise<T>, opts?: WithLinkedInOptions): Promise<T>;
  /** Opens a visible browser on the login page and stores the session once the user is logged in. */
  connect(signal: AbortSignal, timeoutSeconds?: number): Promise<void>;
  /** Forgets the session and the browser profile (cookies, cache). */
  disconnect(): Promise<void>;
  readonly session: SessionStore;
  readonly selectors: SelectorRepository;
  /** True while a browser launched by this engine is open. */
  busy(): boolean;
  /** Closes whatever is open (core shutdown). */
  stop(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_CONNECT_SECONDS = 300;
const DEFAULT_SCROLL_IDLE_MS = 1_500;
const NAVIGATION_TIMEOUT_MS = 30_000;

export function createBrowserEngine(ctx: CoreContext, options: BrowserEngineOptions = {}): BrowserEngine {
  const selectors = new SelectorRepository(ctx.store.database.db);
  selectors.seed(SELECTOR_CATALOGUE);
  const session = new SessionStore(ctx);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const shutdown = new AbortController();
  let open: LaunchedBrowser | null = null;
  let busy = false;

  const logger = ctx.logger.child({ component: 'browser' });
  const baseUrl = () => ctx.settings.get().linkedin.baseUrl;

  /** One browser at a time: the persistent profile cannot be opened twice. */
  async function withBrowser<T>(signal: AbortSignal, headless: boolean, fn: (b: LaunchedBrowser, signal: AbortSignal) => Promise<T>): Promise<T> {
    if (busy) throw new RapportError('RUN_IN_PROGRESS', 'The browser is already in use (a run or the connect window is open).');
    busy = true;
    const combined = AbortSignal.any([signal, shutdown.signal]);
    try {
      if (combined.aborted) throw abortError(combined);
      const settings = ctx.settings.get();
      const browser = await launchBrowser({
        candidates: discoverBrowsers({ executablePath: settings.browser.executablePath, env: ctx.env }),
        profileDir: ctx.paths.browserProfile,
        headless,
        logger,
        signal: combined,
      });
      open = browser;
      options.onLaunch?.({ pid: browser.pid });
      // On abort the browser closes at once and the call rejects at once, even if `fn` is busy
      // elsewhere: every pending browser call then fails fast, so the stop is immediate.
      let onAbort = () => {};
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => {
          void browser.close();
          reject(abortError(combined));
        };
      });
      combined.addEventListener('abort', onAbort, { once: true });
      try {
        browser.context.setDefaultTimeout(timeoutMs);
        // A page load on a slow line (or a Raspberry Pi) may take longer than finding an element.
        browser.context.setDefaultNavigationTimeout(Math.max(timeoutMs, NAVIGATION_TIMEOUT_MS));
        const work = fn(browser, combined);
        work.catch(() => undefined); // abandoned after an abort; its rejection is expected
        return await Promise.race([work, aborted]);
      } catch (e) {
        throw translate(e, combined);
      } finally {
        combined.removeEventListener('abort', onAbort);
        await browser.close();
        open = null;
        flushSelectorCounts();
      }
    } finally {
      busy = false;
    }
  }

  /** The last page's selector bookkeeping (written once per page by the engine) goes in with the session. */
  function flushSelectorCounts(): void {
    try {
      selectors.flush();
    } catch (e) {
      logger.warn({ err: (e as Error).message }, 'selector counters could not be written');
    }
  }

  function translate(e: unknown, signal: AbortSignal): RapportError {
    if (isRapportError(e) && e.code !== 'ABORTED') return e;
    if (signal.aborted) return abortError(signal);
    if (isRapportError(e)) return e;
    const message = (e as Error)?.message?.split('\n')[0] ?? String(e);
    logger.error({ err: message }, 'browser failure');
    if (/Target .*closed|has been closed/i.test(message)) {
      return new RapportError('BROWSER_FAILED', 'The browser closed unexpectedly (crash or window closed).');
    }
    return new RapportError('BROWSER_FAILED', `The browser failed: ${message}`);
  }

  function selectorEngine(page: Page, signal: AbortSignal, beforePoll?: () => Promise<void>): SelectorEngine {
    return new SelectorEngine({
      page,
      repo: selectors,
      metrics: ctx.metrics,
      clock: ctx.clock,
      sleep: ctx.sleep,
      signal,
      logger,
      diagnosticsDir: ctx.paths.diagnostics,
      timeoutMs,
      beforePoll,
    });
  }

  function buildLinkedIn(page: Page, signal: AbortSignal, opts: WithLinkedInOptions): LinkedIn {
    const guards = new Guards({ page, baseUrl: baseUrl(), metrics: ctx.metrics, logger, onStop: (kind) => session.markGuard(kind) });
    const engine = selectorEngine(page, signal, () => guards.check());
    guards.useEngine(engine);
    const pacing = createPacing({
      settings: () => ctx.settings.get().pacing,
      rng: ctx.rng,
      sleep: ctx.sleep,
      clock: ctx.clock,
      onWait: opts.onWait,
    });
    return createLinkedIn({
      page,
      engine,
      guards,
      pacing,
      signal,
      baseUrl: baseUrl(),
      today: () => calendarToday(ctx.clock.now(), ctx.settings.get().timeZone),
      onVerified: () => session.markVerified(),
      scrollIdleMs: options.scrollIdleMs ?? DEFAULT_SCROLL_IDLE_MS,
      logger,
    });
  }

  /** Cookies of LinkedIn (and of the base URL's host, in tests) from the connect window. */
  function sessionCookies(cookies: SessionCookie[]): SessionCookie[] {
    const hosts = [LINKEDIN_HOST, new URL(baseUrl()).hostname];
    return cookies.filter((c) => hosts.some((h) => domainMatches(c.domain, h)));
  }

  return {
    session,
    selectors,
    busy: () => busy,

    async withLinkedIn(signal, fn, opts = {}) {
      if (signal.aborted) throw abortError(signal);
      const state = await session.load();
      if (!state) {
        throw new RapportError('NOT_CONNECTED', 'No LinkedIn account is connected: connect it or import its cookies first.');
      }
      return withBrowser(signal, opts.headless ?? ctx.settings.get().browser.headless, async (browser, combined) => {
        await browser.context.addCookies(cookiesForBaseUrl(state.cookies, baseUrl()));
        return fn(buildLinkedIn(browser.page, combined, opts));
      });
    },

    async connect(signal, timeoutSeconds = DEFAULT_CONNECT_SECONDS) {
      await withBrowser(signal, options.connectHeadless ?? false, async (browser, combined) => {
        const { page, context } = browser;
        await page.goto(new URL('/login', baseUrl()).toString(), { waitUntil: 'domcontentloaded' });
        // No guards here: the user may have to clear a checkpoint themselves. Rapport never types a password.
        const engine = selectorEngine(page, combined);
        const user = options.onConnectPage?.(page);
        user?.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
        const loggedIn = await engine.optional('nav.loggedIn', { timeoutMs: timeoutSeconds * 1000 }).catch((e: unknown) => {
          if (page.isClosed()) throw new RapportError('ABORTED', 'The browser window was closed before the login finished; nothing was stored.');
          throw e;
        });
        await user;
        if (!loggedIn) throw new RapportError('ABORTED', `No login was seen within ${timeoutSeconds} s; nothing was stored. Try again.`);
        const cookies = sessionCookies((await context.storageState()).cookies);
        if (!cookies.some((c) => c.name === SESSION_COOKIE_NAME)) {
          throw new RapportError('VALIDATION_FAILED', `Logged in, but LinkedIn set no session cookie (${SESSION_COOKIE_NAME}); nothing was stored.`);
        }
        await session.save({ cookies, origins: [] }, true);
      });
    },

    async disconnect() {
      if (busy) throw new RapportError('RUN_IN_PROGRESS', 'The browser is in use; stop the run before disconnecting.');
      await session.forget();
      await rm(ctx.paths.browserProfile, { recursive: true, force: true });
    },

    async stop() {
      shutdown.abort(new RapportError('ABORTED', 'Rapport is shutting down.'));
      await open?.close();
    },
  };
}
