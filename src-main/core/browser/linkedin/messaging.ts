import type { Locator } from 'playwright-core';
import { RapportError } from '../../../../src-shared/errors.js';
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

const MAX_BUBBLES_TO_CLOSE = 10;
const HISTORY_SETTLE_MS = 300;

/**
 * The messaging overlay. A message once went to the wrong person because an older bubble was
 * still open, so: close every open bubble first, open the conversation, verify the bubble's header
 * links to and names the intended person, type and send only inside that bubble, and confirm the
 * text arrived as a new last event of that conversation.
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
    const text = normaliseText(req.text);
    if (!text) throw new RapportError('VALIDATION_FAILED', 'The message is empty.');
    const bubble = await this.openConversation(req.publicId, req.fullName, req.from);

    const box = await this.engine.one('messaging.input', { scope: bubble, unique: true });
    if (normaliseText(await box.innerText())) await box.fill(''); // a draft left from an earlier attempt
    await this.bp.type(box, req.text);
    if (normaliseText(await box.innerText()) !== text) {
      throw new RapportError('BROWSER_FAILED', `The message box does not hold the text typed for ${req.fullName}; nothing was sent.`);
    }
    await req.onTyped?.();

    const send = await this.engine.one('messaging.send', { scope: bubble, unique: true });
    const enabled = await this.engine.poll(async () => ((await send.isEnabled()) ? true : null));
    if (!enabled) throw await this.engine.notFound('messaging.send', 'the Send button stayed disabled');
    const before = await this.lastEvent(bubble);
    await this.bp.click(send);
    await this.confirm(bubble, text, before, req.fullName);
    await this.closeQuietly(bubble);
  }

  /** Texts of the conversation with this person, oldest first (used to resolve pending sends). */
  async readConversation(publicId: string, fullName: string): Promise<string[]> {
    const bubble = await this.openConversation(publicId, fullName, 'profile');
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
      texts.push(normaliseText(await (body ?? event).innerText()));
    }
    await this.closeQuietly(bubble);
    return texts;
  }

  private async openConversation(publicId: string, fullName: string, from: SendRequest['from']): Promise<Locator> {
    const entry =
      from === 'birthdays'
        ? async () => this.engine.one('birthdays.message', { scope: await this.birthdays.cardFor(publicId), unique: true })
        : async () => this.engine.one('profile.message', { scope: await this.profile.open(publicId), unique: true });
    const button = await entry();
    await this.closeAll();
    await this.bp.click(button);
    return this.verifiedBubble(publicId, fullName);
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

  /** The bubble whose header links to `publicId` and names `fullName`; RECIPIENT_MISMATCH otherwise. */
  private async verifiedBubble(publicId: string, fullName: string): Promise<Locator> {
    const bubble = await this.engine.optional('messaging.bubbleFor', {
      params: { publicId: encodeURIComponent(publicId) },
      unique: true,
      timeoutMs: this.engine.timeoutMs,
    });
    if (!bubble) {
      const other = await this.engine.optional('messaging.bubble');
      if (!other) throw await this.engine.notFound('messaging.bubble', `no conversation opened for ${fullName}`);
      const header = await this.engine.optional('messaging.header', { scope: other });
      throw await this.mismatch(fullName, header ? await header.innerText() : '(no header)');
    }
    const header = await this.engine.one('messaging.header', { scope: bubble, timeoutMs: 0 });
    const shown = lines(await header.innerText())[0] ?? '';
    if (!sameName(shown, fullName)) throw await this.mismatch(fullName, shown);
    return bubble;
  }

  private async mismatch(intended: string, shown: string): Promise<RapportError> {
    const saved = await this.engine.snapshot('messaging.header');
    return new RapportError(
      'RECIPIENT_MISMATCH',
      `The conversation that opened is with "${normaliseText(shown)}", not "${intended}"; nothing was typed or sent.`,
      { intended, shown: normaliseText(shown), ...saved },
    );
  }

  /** How many events the conversation shows and the text of the last one. */
  private async lastEvent(bubble: Locator): Promise<{ count: number; text: string }> {
    const events = await this.engine.all('messaging.event', { scope: bubble });
    const last = events[events.length - 1];
    return { count: events.length, text: last ? normaliseText(await last.innerText()) : '' };
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
      return isNew && now.text.includes(text) ? true : null;
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
