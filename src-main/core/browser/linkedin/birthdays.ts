import type { Locator } from 'playwright-core';
import { canonicalProfileUrl, publicIdFromUrl } from '../../../../src-shared/profile-url.js';
import { parseBirthdayLine, type BirthdayWhen, type ParsedBirthday } from './birthday-text.js';
import type { BrowserPage } from './browser-page.js';
import { lines } from './text.js';

export interface BirthdayCard {
  fullName: string;
  /** Canonical (https://www.linkedin.com/in/<id>/), whatever link the page used. */
  profileUrl: string;
  publicId: string;
  when: BirthdayWhen;
  birthMonth?: number;
  birthDay?: number;
}

export const BIRTHDAYS_PATH = '/mynetwork/catch-up/birthday/';

/** Scrolling stops after this many scrolls in a row bring no new card. */
const IDLE_SCROLLS = 2;
const MAX_SCROLLS = 200;

/** The birthday page: opens it, scrolls until every card is loaded, reads each card. */
export class BirthdaysPage {
  constructor(private readonly bp: BrowserPage) {}

  /** Opens the page; returns the card list, or null when the page shows its empty state. */
  async open(): Promise<Locator | null> {
    const { target, locator } = await this.bp.goto(BIRTHDAYS_PATH, ['birthdays.list', 'birthdays.empty']);
    return target === 'birthdays.list' ? locator : null;
  }

  private onPage(): boolean {
    return new URL(this.bp.page.url()).pathname.startsWith(BIRTHDAYS_PATH.slice(0, -1));
  }

  private async scrollDown(): Promise<void> {
    const { page, deps } = this.bp;
    await deps.pacing.micro(deps.signal);
    await deps.guards.check(); // scrolling makes LinkedIn load more: an action like any other
    const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.mouse.wheel(0, viewport.height * 2);
  }

  /** Scrolls until `done()` or until a few scrolls in a row bring nothing new. */
  private async loadMore(list: Locator, done?: () => Promise<boolean>): Promise<void> {
    const { engine } = this.bp;
    let count = await engine.count('birthdays.card', { scope: list });
    for (let scrolls = 0, idle = 0; scrolls < MAX_SCROLLS && idle < IDLE_SCROLLS; scrolls++) {
      if (done && (await done())) return;
      await this.scrollDown();
      const grown = await engine.poll(async () => {
        const n = await engine.count('birthdays.card', { scope: list });
        return n > count ? n : null;
      }, this.bp.deps.scrollIdleMs);
      if (grown === null) idle++;
      else [count, idle] = [grown, 0];
    }
  }

  async read(): Promise<BirthdayCard[]> {
    const list = await this.open();
    if (!list) return [];
    await this.loadMore(list);
    const cards = await this.bp.engine.all('birthdays.card', { scope: list });
    if (cards.length === 0) throw await this.bp.engine.notFound('birthdays.card', 'the list shows no card and no empty state');
    const byId = new Map<string, BirthdayCard>();
    for (const card of cards) {
      const parsed = await this.readCard(card);
      if (!byId.has(parsed.publicId)) byId.set(parsed.publicId, parsed);
    }
    return [...byId.values()];
  }

  private async readCard(card: Locator): Promise<BirthdayCard> {
    const { engine } = this.bp;
    const link = await engine.one('birthdays.cardName', { scope: card, timeoutMs: 0 });
    const fullName = lines(await link.innerText())[0] ?? '';
    const href = (await link.getAttribute('href')) ?? '';
    const publicId = publicIdFromUrl(this.bp.url(href));
    if (!fullName || !publicId) throw await engine.notFound('birthdays.cardName', `a card without a readable name or profile link (${href})`);
    const date = await this.readDate(card, fullName);
    if (!date) throw await engine.notFound('birthdays.cardDate', `cannot tell when ${fullName}'s birthday is`);
    return {
      fullName,
      profileUrl: canonicalProfileUrl(publicId),
      publicId,
      when: date.when,
      birthMonth: date.birthMonth,
      birthDay: date.birthDay,
    };
  }

  /** A <time> element when the card has one; else the one card line that is only a date phrase. */
  private async readDate(card: Locator, fullName: string): Promise<ParsedBirthday | null> {
    const today = this.bp.deps.today();
    const time = await this.bp.engine.optional('birthdays.cardDate', { scope: card });
    if (time) {
      const parsed = parseBirthdayLine(await time.innerText(), today);
      if (parsed) return parsed;
    }
    for (const line of lines(await card.innerText())) {
      if (line === fullName) continue;
      const parsed = parseBirthdayLine(line, today, { wholeLine: true });
      if (parsed) return parsed;
    }
    return null;
  }

  /** The card of one person on the birthday page (opening the page and scrolling as needed). */
  async cardFor(publicId: string): Promise<Locator> {
    const { engine } = this.bp;
    const params = { publicId: encodeURIComponent(publicId) };
    // On the page already with the card loaded (the usual case in a run): one look, nothing else.
    const shown = this.onPage() ? await engine.optional('birthdays.cardFor', { params }) : null;
    if (shown) return shown;
    let list = this.onPage() ? await engine.optional('birthdays.list') : null;
    list ??= await this.open();
    if (list) await this.loadMore(list, async () => (await engine.optional('birthdays.cardFor', { params })) !== null);
    return engine.one('birthdays.cardFor', { params, timeoutMs: 0 });
  }
}
