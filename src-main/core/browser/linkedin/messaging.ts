import type { ElementHandle, Locator } from 'playwright-core';
import { RapportError } from '../../../../src-shared/errors.js';
import { publicIdFromUrl } from '../../../../src-shared/profile-url.js';
import { describeNameDifference, eventHoldsMessage, normaliseMessage } from '../../../../src-shared/text-match.js';
import { nameFromHeading } from './bubble-header.js';
import type { BirthdaysPage } from './birthdays.js';
import type { BrowserPage } from './browser-page.js';
import type { ProfilePage } from './profile.js';
import { lines, normaliseText, sameName } from './text.js';

export interface SendRequest {
  publicId: string;
  fullName: string;
  text: string;
  /** Where to open the conversation: the person's birthday card, or their profile. */
  from: 'birthdays' | 'profile';
  /** Called once the text is typed, just before Send is pressed (the campaign records `pending` here). */
  onTyped?: () => void | Promise<void>;
}

/** Which check found the wrong person (in RECIPIENT_MISMATCH details). */
export type MismatchSignal = 'link' | 'name' | 'namesake' | 'bubble';

interface OpenBubble {
  /** Finds the bubble again for each action… */
  bubble: Locator;
  /** …and this proves it is still the element that was checked. */
  handle: ElementHandle;
}

const MAX_BUBBLES_TO_CLOSE = 10;
const HISTORY_SETTLE_MS = 300;
const BUBBLE_SETTLE_MS = 150;

/**
 * Runs in the page. The heading's innerText, the texts of its visually hidden parts (screen-reader
 * text: clipped to 1px or less, taken out of the flow), and the links of the header around it: the
 * heading's widest ancestor that holds neither the message box nor the conversation form.
 */
function readHeading(heading: Element): { text: string; hidden: string[]; links: string[] } {
  // No named inner functions here: tsx/esbuild would wrap them in a `__name` helper the page lacks.
  const hiddenEls = Array.from(heading.querySelectorAll('*')).filter((el) => {
    const style = getComputedStyle(el);
    if (style.position !== 'absolute' && style.position !== 'fixed') return false;
    const box = el.getBoundingClientRect();
    return box.width <= 1 || box.height <= 1 || /^rect\((0|1)px/.test(style.clip) || /inset\((50|100)%/.test(style.clipPath);
  });
  const hidden: string[] = [];
  for (const el of hiddenEls) {
    let outer = true;
    for (let p = el.parentElement; p && p !== heading; p = p.parentElement) if (hiddenEls.includes(p)) outer = false;
    if (outer) hidden.push((el as HTMLElement).innerText || el.textContent || '');
  }
  let header: Element = heading;
  while (header.parentElement && !header.parentElement.querySelector('[contenteditable="true"], [role="textbox"], form')) {
    header = header.parentElement;
  }
  const links = Array.from(header.querySelectorAll('a[href]')).map((a) => a.getAttribute('href') ?? '');
  return { text: (heading as HTMLElement).innerText, hidden, links };
}

/** Runs in the page: visible profile links outside the given bubble, with their text. */
function visibleProfileLinks(bubble: Node): Array<{ href: string; text: string }> {
  return Array.from(document.querySelectorAll('a[href*="/in/"]'))
    .filter((a) => !bubble.contains(a) && a.getClientRects().length > 0 && getComputedStyle(a).visibility !== 'hidden')
    .map((a) => ({ href: a.getAttribute('href') ?? '', text: (a as HTMLElement).innerText }));
}

/**
 * The messaging overlay. A message once went to the wrong person because an older bubble was
 * still open, so: close every open bubble first, open the conversation, take the one bubble that
 * appeared after the click, check whom it is with (profile link, else name), type and send only
 * inside that bubble, and confirm the text arrived as a new last event of that conversation.
 */
export class Messaging {
  constructor(
    private readonly bp: BrowserPage,
    private readonly birthdays: BirthdaysPage,
    private readonly profile: ProfilePage,
  ) {}

  private get engine() {
    return this.bp.engine;
  }

  async send(req: SendRequest): Promise<void> {
    const text = normaliseMessage(req.text);
    if (!text) throw new RapportError('VALIDATION_FAILED', 'The message is empty.');
    const opened = await this.openConversation(req.publicId, req.fullName, req.from);
    const { bubble } = opened;

    const box = await this.engine.one('messaging.input', { scope: bubble, unique: true });
    if (normaliseMessage(await box.innerText())) await box.fill(''); // a draft left from an earlier attempt
    await this.assertSameBubble(opened, req.fullName);
    await this.bp.type(box, req.text);
    if (normaliseMessage(await box.innerText()) !== text) {
      throw new RapportError('BROWSER_FAILED', `The message box does not hold the text typed for ${req.fullName}; nothing was sent.`);
    }

    const send = await this.engine.one('messaging.send', { scope: bubble, unique: true });
    const enabled = await this.engine.poll(async () => ((await send.isEnabled()) ? true : null));
    if (!enabled) throw await this.engine.notFound('messaging.send', 'the Send button stayed disabled');
    const before = await this.lastEvent(bubble);
    await this.assertSameBubble(opened, req.fullName);
    await req.onTyped?.();
    await this.bp.click(send);
    await this.confirm(bubble, req.text, before, req.fullName);
    await this.closeQuietly(bubble);
  }

  /** Texts of the conversation with this person, oldest first, as shown (used to resolve pending sends). */
  async readConversation(publicId: string, fullName: string): Promise<string[]> {
    const { bubble } = await this.openConversation(publicId, fullName, 'profile');
    // The history may still be rendering: read once the number of events has held still a moment.
    let previous = -1;
    let since = Date.now();
    await this.engine.poll(async () => {
      const n = await this.engine.count('messaging.event', { scope: bubble });
      if (n !== previous) [previous, since] = [n, Date.now()];
      return Date.now() - since >= HISTORY_SETTLE_MS ? true : null;
    });
    const texts: string[] = [];
    for (const event of await this.engine.all('messaging.event', { scope: bubble })) {
      const body = await this.engine.optional('messaging.eventBody', { scope: event });
      texts.push(await (body ?? event).innerText());
    }
    await this.closeQuietly(bubble);
    return texts;
  }

  private async openConversation(publicId: string, fullName: string, from: SendRequest['from']): Promise<OpenBubble> {
    const entry =
      from === 'birthdays'
        ? async () => this.engine.one('birthdays.message', { scope: await this.birthdays.cardFor(publicId), unique: true })
        : async () => this.engine.one('profile.message', { scope: await this.profile.open(publicId), unique: true });
    const button = await entry();
    await this.closeAll();
    const before = await this.openBubbles();
    try {
      await this.bp.click(button);
      const opened = await this.newBubble(before, fullName);
      await this.verifyRecipient(opened, publicId, fullName);
      return opened;
    } finally {
      await Promise.all(before.map((h) => h.dispose().catch(() => undefined)));
    }
  }

  /** Closes every open bubble, one at a time, waiting for each to go. */
  private async closeAll(): Promise<void> {
    for (let i = 0; i < MAX_BUBBLES_TO_CLOSE; i++) {
      const open = await this.engine.count('messaging.bubble');
      if (open === 0) return;
      const bubble = await this.engine.one('messaging.bubble', { timeoutMs: 0 });
      await this.bp.click(await this.engine.one('messaging.close', { scope: bubble, unique: true, timeoutMs: 0 }));
      const gone = await this.engine.poll(async () => ((await this.engine.count('messaging.bubble')) < open ? true : null));
      if (!gone) throw await this.engine.notFound('messaging.bubble', 'a conversation bubble did not close');
    }
    throw new RapportError('BROWSER_FAILED', 'Conversation bubbles keep opening; stopped before sending anything.');
  }

  private async openBubbles(): Promise<ElementHandle[]> {
    const bubbles = await this.engine.all('messaging.bubble');
    const handles = await Promise.all(bubbles.map((b) => b.elementHandle({ timeout: this.engine.timeoutMs }).catch(() => null)));
    return handles.flatMap((h) => (h ? [h] : []));
  }

  /**
   * The one bubble that appeared after our click. Nothing new → not found; more than one new (a
   * closed stray reopened, or LinkedIn opened another) → we cannot tell which is ours: fail loud.
   */
  private async newBubble(before: ElementHandle[], fullName: string): Promise<OpenBubble> {
    const fresh = async (): Promise<Locator[]> => {
      const out: Locator[] = [];
      for (const bubble of await this.engine.all('messaging.bubble')) {
        const known = await bubble.evaluate((el, prev) => prev.includes(el), before).catch(() => true);
        if (!known) out.push(bubble);
      }
      return out;
    };
    const appeared = await this.engine.poll(async () => {
      const open = await this.engine.count('messaging.bubble');
      return open > before.length || (open > 0 && (await fresh()).length > 0) ? true : null;
    });
    if (!appeared) throw await this.engine.notFound('messaging.bubble', `no conversation opened for ${fullName}`);
    // A second bubble opening with ours would show within a moment: look again after it.
    await this.bp.page.waitForTimeout(BUBBLE_SETTLE_MS);
    const found = await fresh();
    if (found.length === 0) throw await this.engine.notFound('messaging.bubble', `no conversation opened for ${fullName}`);
    if (found.length > 1) {
      throw await this.mismatch({
        signal: 'bubble',
        intended: fullName,
        shown: `${found.length} conversations`,
        message: `After clicking Message for "${fullName}", ${found.length} conversations opened instead of one, so it is not clear which is theirs; nothing was typed or sent.`,
      });
    }
    const handle = await found[0].elementHandle({ timeout: this.engine.timeoutMs }).catch(() => null);
    if (!handle) throw await this.engine.notFound('messaging.bubble', `the conversation for ${fullName} closed as it opened`);
    return { bubble: found[0], handle };
  }

  /**
   * Who the bubble is with, from the strongest signal it offers: a profile link in its header;
   * otherwise the name in its heading — accepted only when no one else on the page has that name.
   */
  private async verifyRecipient(opened: OpenBubble, publicId: string, fullName: string): Promise<void> {
    const heading = await this.engine.one('messaging.header', { scope: opened.bubble });
    const reading = await heading.evaluate(readHeading);
    const expected = publicId.toLowerCase();
    const linked = [...new Set(reading.links.map((href) => publicIdFromUrl(this.bp.url(href))).filter((id): id is string => id !== null))];
    if (linked.length > 0) {
      const other = linked.find((id) => id !== expected);
      if (other) {
        throw await this.mismatch({
          signal: 'link',
          intended: fullName,
          shown: `/in/${other}/`,
          expected: `/in/${expected}/`,
          message: `The conversation that opened links to /in/${other}/, not to /in/${expected}/ (${fullName}); nothing was typed or sent.`,
        });
      }
      return;
    }
    const shown = nameFromHeading(reading.text, reading.hidden);
    if (!shown || !sameName(shown, fullName)) {
      const difference = shown ? describeNameDifference(shown, fullName) : null;
      const looksSame = shown !== null && normaliseText(shown) === normaliseText(fullName);
      throw await this.mismatch({
        signal: 'name',
        intended: fullName,
        shown: shown ?? '',
        message: shown
          ? `The conversation that opened is with "${shown}", not "${fullName}"${looksSame && difference ? ` (the names differ at ${difference})` : ''} (its header shows a name and no profile link); nothing was typed or sent.`
          : `The conversation that opened shows no name and no profile link in its header, so it cannot be checked to be with "${fullName}"; nothing was typed or sent.`,
      });
    }
    const namesakes = await this.namesakes(fullName, expected, opened.handle);
    if (namesakes.length > 0) {
      const ids = [expected, ...namesakes].map((id) => `/in/${id}/`).join(', ');
      throw await this.mismatch({
        signal: 'namesake',
        intended: fullName,
        shown,
        message: `Several people named "${fullName}" are on this page (${ids}) and the conversation's header shows only the name, so it cannot tell which one it is with; nothing was typed or sent.`,
      });
    }
  }

  /** Public ids of other people on the page (outside the bubble) whose link shows the same name. */
  private async namesakes(fullName: string, expected: string, bubble: ElementHandle): Promise<string[]> {
    const links = await this.bp.page.evaluate(visibleProfileLinks, bubble);
    const ids = new Set<string>();
    for (const link of links) {
      const id = publicIdFromUrl(this.bp.url(link.href));
      if (id && id !== expected && lines(link.text).some((l) => sameName(l, fullName))) ids.add(id);
    }
    return [...ids];
  }

  /** The bubble we verified must still be the one the locator finds before we type or press Send. */
  private async assertSameBubble(opened: OpenBubble, fullName: string): Promise<void> {
    const same = await opened.bubble.evaluate((el, h) => el === h, opened.handle, { timeout: this.engine.timeoutMs }).catch(() => false);
    if (!same) {
      throw await this.mismatch({
        signal: 'bubble',
        intended: fullName,
        shown: 'another conversation',
        message: `The conversation checked to be with "${fullName}" was replaced or closed before sending; nothing was sent.`,
      });
    }
  }

  private async mismatch(m: { signal: MismatchSignal; intended: string; shown: string; expected?: string; message: string }): Promise<RapportError> {
    const saved = await this.engine.snapshot('messaging.header');
    return new RapportError('RECIPIENT_MISMATCH', m.message, {
      signal: m.signal,
      intended: m.intended,
      shown: m.shown,
      expected: m.expected ?? m.intended,
      ...saved,
    });
  }

  /** How many events the conversation shows and the text of the last one. */
  private async lastEvent(bubble: Locator): Promise<{ count: number; text: string }> {
    const events = await this.engine.all('messaging.event', { scope: bubble });
    const last = events[events.length - 1];
    return { count: events.length, text: last ? normaliseMessage(await last.innerText()) : '' };
  }

  /**
   * The text must arrive as the last event of this conversation, and that event must be new (one
   * more event, or a last event that changed, for layouts that group consecutive messages): the
   * same wish sent last year must not count as this year's confirmation.
   */
  private async confirm(bubble: Locator, text: string, before: { count: number; text: string }, fullName: string): Promise<void> {
    const confirmed = await this.engine.poll(async () => {
      const now = await this.lastEvent(bubble);
      const isNew = now.count > before.count || now.text !== before.text;
      return isNew && eventHoldsMessage(now.text, text) ? true : null;
    });
    if (!confirmed) throw await this.engine.notFound('messaging.event', `the message to ${fullName} did not appear in the conversation`);
  }

  /**
   * After a confirmed send a failed close is only logged: the message is out, and reporting a
   * failure would mislead. A guard stop or an abort still ends the run at the next action.
   */
  private async closeQuietly(bubble: Locator): Promise<void> {
    try {
      await this.bp.click(await this.engine.one('messaging.close', { scope: bubble, unique: true, timeoutMs: 0 }));
      await this.engine.poll(async () => ((await bubble.count()) === 0 ? true : null));
    } catch (e) {
      this.bp.deps.logger.warn({ err: (e as Error).message }, 'could not close the conversation bubble');
    }
  }
}
