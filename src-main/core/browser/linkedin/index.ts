import type { RapportError } from '../../../../src-shared/errors.js';
import type { Pacing } from '../pacing.js';
import { BirthdaysPage, type BirthdayCard } from './birthdays.js';
import { BrowserPage, type PageDeps } from './browser-page.js';
import { Messaging, type SendRequest } from './messaging.js';
import { ProfilePage, type ProfileData } from './profile.js';
import { SearchPage, type SearchResult } from './search.js';

export type { BirthdayCard } from './birthdays.js';
export type { BirthdayWhen } from './birthday-text.js';
export type { SendRequest } from './messaging.js';
export type { ProfileData } from './profile.js';
export type { PeopleSearchQuery, SearchResult } from './search.js';
export { peopleSearchPath } from './search.js';

/** What a campaign gets inside `withLinkedIn`: the page objects, pacing and the guards' state. */
export interface LinkedIn {
  birthdays: { read(): Promise<BirthdayCard[]> };
  messaging: {
    /** Sends and confirms one message; throws on any failure (nothing is retried). */
    send(request: SendRequest): Promise<void>;
    /** Texts of the conversation with this person, oldest first. */
    readConversation(publicId: string, fullName: string): Promise<string[]>;
  };
  profile: { visit(publicId: string): Promise<ProfileData> };
  search: {
    /** Results across pages; `urlFor(page)` builds each page's URL (see `peopleSearchPath`). */
    results(urlFor: (page: number) => string, maxPages: number): AsyncIterable<SearchResult>;
  };
  /** Waits between messages/visits go through here so they share the RNG, scale and abort signal. */
  pacing: Pacing;
  guards: {
    /** The guard error that stopped this session, or null. */
    stopped(): RapportError | null;
    /** Throws when the page now shows a guard (or one already stopped the session). */
    check(): Promise<void>;
  };
}

export function createLinkedIn(deps: PageDeps): LinkedIn {
  const bp = new BrowserPage(deps);
  const birthdays = new BirthdaysPage(bp);
  const profile = new ProfilePage(bp);
  const messaging = new Messaging(bp, birthdays, profile);
  const search = new SearchPage(bp);
  return {
    birthdays: { read: () => birthdays.read() },
    messaging: {
      send: (request) => messaging.send(request),
      readConversation: (publicId, fullName) => messaging.readConversation(publicId, fullName),
    },
    profile: { visit: (publicId) => profile.visit(publicId) },
    search: { results: (urlFor, maxPages) => search.results(urlFor, maxPages) },
    pacing: deps.pacing,
    guards: { stopped: () => deps.guards.stopped(), check: () => deps.guards.check() },
  };
}
