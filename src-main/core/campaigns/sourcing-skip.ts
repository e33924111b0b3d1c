import type { Contact, Interaction } from '../../../src-shared/domain.js';
import { formatLocalDate, localDateOf } from '../limits/calendar.js';
import type { Store } from '../store/index.js';

export type SkipReason = 'recent' | 'blocked' | 'degree';

/** Run count key for each skip reason (`skipped_recent`, …). */
export const SKIP_COUNT: Record<SkipReason, string> = {
  recent: 'skipped_recent',
  blocked: 'skipped_blocked',
  degree: 'skipped_degree',
};

const DAY_MS = 86_400_000;

/** One visit per person per local day: the interactions' dedupe key (`visit:2026-03-14`). */
export function visitDedupeKey(now: Date, timeZone: string): string {
  return `visit:${formatLocalDate(localDateOf(now, timeZone))}`;
}

/** Statuses that mean LinkedIn saw (or may have seen) the visit. */
const COUNTED: ReadonlySet<Interaction['status']> = new Set(['sent', 'pending']);

/**
 * True when the person was visited within `revisitAfterDays`, or already today — even with a
 * window of 0, since a second visit the same day would collide with the day's dedupe key.
 */
export function visitedRecently(visits: readonly Interaction[], now: Date, revisitAfterDays: number, todayKey: string): boolean {
  const cutoff = now.getTime() - revisitAfterDays * DAY_MS;
  return visits.some((v) => COUNTED.has(v.status) && (v.dedupeKey === todayKey || Date.parse(v.occurredAt) >= cutoff));
}

/**
 * The degree filter: LinkedIn shows no degree for people outside the network, who are "3rd+" for
 * its own network filter (`O`), so an unknown degree counts as 3.
 */
export function outsideDegrees(degree: number | null, degrees: readonly number[]): boolean {
  return degrees.length > 0 && !degrees.includes(degree ?? 3);
}

export interface SkipCheck {
  store: Store;
  now: Date;
  revisitAfterDays: number;
  todayKey: string;
  degrees: readonly number[];
}

/** Why this search result is not visited, or null to visit it. */
export function skipReason(result: { profileUrl: string; degree: number | null }, check: SkipCheck): SkipReason | null {
  if (outsideDegrees(result.degree, check.degrees)) return 'degree';
  const contact: Contact | null = check.store.contacts.getByProfileUrl(result.profileUrl);
  if (!contact) return null;
  if (contact.status !== 'active') return 'blocked';
  const visits = check.store.interactions.forContact(contact.id, 'profile_visit');
  return visitedRecently(visits, check.now, check.revisitAfterDays, check.todayKey) ? 'recent' : null;
}
