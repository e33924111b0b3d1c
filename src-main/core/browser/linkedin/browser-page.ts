import type { Locator, Page } from 'playwright-core';
import type { Logger } from '../../log.js';
import { abortError } from '../../util/runtime.js';
import type { Guards } from '../guards.js';
import type { Pacing } from '../pacing.js';
import type { SelectorEngine } from '../selectors.js';

/**
 * What every page object shares: one page, the selector engine, the guards and pacing. All
 * navigation and every click or keystroke goes through here, so the guards run after each
 * navigation and before each action, and a guard stop blocks everything after it.
 */
export interface PageDeps {
  page: Page;
  engine: SelectorEngine;
  guards: Guards;
  pacing: Pacing;
  signal: AbortSignal;
  baseUrl: string;
  /** The user's calendar day (UTC fields), for reading birthday dates. */
  today: () => Date;
  /** Called after a logged-in page was seen (the account's "last verified"). */
  onVerified: () => void;
  /** How long to wait for lazily loaded items after a scroll before calling it the end. */
  scrollIdleMs: number;
  logger: Logger;
}

/** How long a trial click may wait, when a popup is open, before we call the element covered by it. */
const BLOCKED_CHECK_MS = 500;

export class BrowserPage {
  private verified = false;

  constructor(readonly deps: PageDeps) {}

  get engine(): SelectorEngine {
    return this.deps.engine;
  }

  get page(): Page {
    return this.deps.page;
  }

  private ready(): void {
    if (this.deps.signal.aborted) throw abortError(this.deps.signal);
    this.deps.guards.assertUsable();
  }

  url(pathOrUrl: string): string {
    return new URL(pathOrUrl, this.deps.baseUrl).toString();
  }

  /**
   * Loads a LinkedIn page, runs the guards, checks the logged-in landmark, then waits for one of
   * the page's own landmarks (or its empty state); returns the landmark that showed and the status.
   */
  async goto(pathOrUrl: string, landmarks: string[]): Promise<{ target: string; locator: Locator; status: number | null }> {
    this.ready();
    await this.deps.pacing.micro(this.deps.signal);
    const response = await this.page.goto(this.url(pathOrUrl), { waitUntil: 'domcontentloaded' });
    await this.deps.guards.check(response);
    await this.engine.one('nav.loggedIn');
    if (!this.verified) {
      this.verified = true;
      this.deps.onVerified();
    }
    return { ...(await this.engine.any(landmarks)), status: response?.status() ?? null };
  }

  /** Clicks a visible element after a human pause; dismisses a popup only when it covers the element. */
  async click(locator: Locator): Promise<void> {
    this.ready();
    await this.deps.pacing.micro(this.deps.signal);
    // Guards and a covering popup in one look; each is looked at closer only when something shows.
    const popupMayShow = await this.deps.guards.checkWith(['popup.dismiss']);
    const dismiss = popupMayShow ? await this.engine.optional('popup.dismiss') : null;
    if (dismiss && !(await this.receivesClicks(locator))) {
      await dismiss.click();
      await this.deps.guards.check();
    }
    await locator.click();
  }

  /** A trial click: Playwright's actionability checks, including "no other element covers it". */
  private async receivesClicks(locator: Locator): Promise<boolean> {
    try {
      await locator.click({ trial: true, timeout: BLOCKED_CHECK_MS });
      return true;
    } catch {
      return false;
    }
  }

  /** Focuses a text box and types into it key by key with human delays. */
  async type(box: Locator, text: string): Promise<void> {
    await this.click(box);
    this.ready();
    await this.deps.pacing.type(this.page.keyboard, text, this.deps.signal);
  }
}
