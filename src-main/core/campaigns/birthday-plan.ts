import type { Contact, Interaction } from '../../../src-shared/domain.js';
import type { Settings } from '../../../src-shared/settings.js';
import { renderMessage, varsFor } from '../../../src-shared/template.js';
import type { BirthdayCard } from '../browser/index.js';
import { dayNumber, fromDayNumber, type LocalDate } from '../limits/calendar.js';
import { seededRng } from '../util/runtime.js';

export type SkipReason = 'upcoming' | 'already_wished' | 'too_late' | 'belated_off' | 'blocked' | 'ignored' | 'quota';

export interface BirthdayDecision {
  card: BirthdayCard;
  daysLate: number | null;
  /** `birthday:<year of the birthday itself>`: a Dec 30 birthday wished on Jan 2 is still last year's. */
  dedupeKey: string | null;
  birthDate: LocalDate | null;
  action: 'send' | 'skip';
  reason?: SkipReason;
  text?: string;
  templateIndex?: number;
  list?: 'today' | 'belated';
}

export interface DecisionInputs {
  cards: BirthdayCard[];
  today: LocalDate;
  settings: Settings;
  contactOf: (card: BirthdayCard) => Contact | null;
  interactionsOf: (contactId: number) => Interaction[];
  /** Birthday dedupe keys kept from an erased contact with this profile (a tombstone), if any. */
  erasedKeysOf: (card: BirthdayCard) => Set<string>;
}

/** The birthday this card is about, as a calendar date, from today's date and how late it is. */
export function birthDateOf(card: BirthdayCard, today: LocalDate): LocalDate | null {
  if (card.when.kind === 'upcoming') return null;
  const days = card.when.kind === 'late' ? card.when.days : 0;
  return fromDayNumber(dayNumber(today) - days);
}

function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The text for one person and one birthday, from an RNG seeded by who and which birthday: the plan
 * preview and the run render the same words, and last year's text is avoided when another exists.
 */
export function renderBirthdayText(
  card: BirthdayCard,
  contact: Contact | null,
  dedupeKey: string,
  daysLate: number,
  settings: Settings,
  lastYearTexts: string[],
): { text: string; templateIndex: number; list: 'today' | 'belated' } {
  const list = daysLate > 0 ? 'belated' : 'today';
  const templates = list === 'today' ? settings.birthday.templatesToday : settings.birthday.templatesBelated;
  const rng = seededRng(hashString(`${card.profileUrl}|${dedupeKey}`));
  const vars = varsFor({ fullName: card.fullName, firstName: contact?.firstName, lastName: contact?.lastName }, daysLate);
  const rendered = renderMessage(templates, vars, () => rng.next(), lastYearTexts);
  return { ...rendered, list };
}

const WISHED: Interaction['status'][] = ['sent', 'pending'];

/** Send or skip for every card, today's birthdays first, then belated ones from the most recent. */
export function decideBirthdays(inputs: DecisionInputs): BirthdayDecision[] {
  const { settings, today } = inputs;
  const order = (c: BirthdayCard) => (c.when.kind === 'today' ? 0 : c.when.kind === 'late' ? c.when.days : 1000 + c.when.days);
  const cards = [...inputs.cards].sort((a, b) => order(a) - order(b));
  return cards.map((card): BirthdayDecision => {
    const birthDate = birthDateOf(card, today);
    const daysLate = card.when.kind === 'upcoming' ? null : card.when.kind === 'late' ? card.when.days : 0;
    const dedupeKey = birthDate ? `birthday:${birthDate.year}` : null;
    const base = { card, daysLate, dedupeKey, birthDate };
    if (!birthDate || daysLate === null || !dedupeKey) return { ...base, action: 'skip', reason: 'upcoming' };
    const contact = inputs.contactOf(card);
    if (contact?.status === 'blocked') return { ...base, action: 'skip', reason: 'blocked' };
    if (contact?.status === 'ignored') return { ...base, action: 'skip', reason: 'ignored' };
    const history = contact ? inputs.interactionsOf(contact.id).filter((i) => i.type === 'birthday_message') : [];
    const wished = history.some((i) => i.dedupeKey === dedupeKey && WISHED.includes(i.status));
    if (wished || inputs.erasedKeysOf(card).has(dedupeKey)) {
      return { ...base, action: 'skip', reason: 'already_wished' };
    }
    if (daysLate > 0 && !settings.birthday.includeBelated) return { ...base, action: 'skip', reason: 'belated_off' };
    if (daysLate > settings.birthday.maxDaysLate) return { ...base, action: 'skip', reason: 'too_late' };
    const lastYear = `birthday:${birthDate.year - 1}`;
    const lastYearTexts = history
      .filter((i) => i.dedupeKey === lastYear && i.status === 'sent' && typeof i.payload.text === 'string')
      .map((i) => i.payload.text as string);
    const rendered = renderBirthdayText(card, contact, dedupeKey, daysLate, settings, lastYearTexts);
    return { ...base, action: 'send', ...rendered };
  });
}
