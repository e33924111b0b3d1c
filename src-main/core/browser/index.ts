/** The browser module: launch, session, selector engine, pacing, guards and LinkedIn page objects. */
export { createBrowserEngine, type BrowserEngine, type BrowserEngineOptions, type WithLinkedInOptions } from './engine.js';
export { browserHandlers } from './handlers.js';
export type { LinkedIn, BirthdayCard, BirthdayWhen, SendRequest, ProfileData, SearchResult, PeopleSearchQuery } from './linkedin/index.js';
export { peopleSearchPath } from './linkedin/index.js';
export { parseBirthdayLine, calendarToday } from './linkedin/birthday-text.js';
export type { Pacing, WaitInfo, WaitReason } from './pacing.js';
export { GUARD_CODES, type GuardKind } from './guards.js';
export { SESSION_SECRET, ACCOUNT_KEY } from './session.js';
