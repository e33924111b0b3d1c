/**
 * Built-in selector candidates, seeded into the `selectors` table at start (origin `builtin`).
 * Candidates are data: Playwright selector strings (`role=…`, `css=…`, `text=…`, chains with `>>`)
 * plus `label=…` (see locator-string.ts). They are ordered by meaning first — role and accessible
 * name, aria-label, visible text (English and French), link targets — and only then by LinkedIn's
 * class names, which change often. No other file holds a selector.
 */
export interface CandidateSpec {
  locator: string;
  /** 'en' / 'fr' when the candidate only works in one language; null when it covers both. */
  locale: 'en' | 'fr' | null;
}

export interface TargetSpec {
  target: string;
  /** What the element is, for diagnostics and the health view. */
  description: string;
  candidates: CandidateSpec[];
}

const both = (...locators: string[]): CandidateSpec[] => locators.map((locator) => ({ locator, locale: null }));

const PROFILE_LINK = 'a[href*="/in/"]';

export const SELECTOR_CATALOGUE: TargetSpec[] = [
  {
    target: 'nav.loggedIn',
    description: 'global navigation bar of a logged-in page',
    candidates: both(
      'role=navigation[name=/^(Primary Navigation|Navigation principale)$/i]',
      'css=header#global-nav',
      'css=[data-view-name="navigation-global"]',
    ),
  },
  {
    target: 'birthdays.list',
    description: 'list of birthday cards',
    candidates: both(
      `css=main [role="list"]:has(${PROFILE_LINK})`,
      `css=main ul:has(${PROFILE_LINK})`,
      'css=.mn-birthday-list',
    ),
  },
  {
    target: 'birthdays.card',
    description: 'one birthday card (inside the list)',
    candidates: both(
      `css=[role="listitem"]:has(${PROFILE_LINK}), li:has(${PROFILE_LINK})`,
      'css=.mn-birthday-card',
    ),
  },
  {
    target: 'birthdays.cardFor',
    description: "the birthday card of one person (by profile link)",
    candidates: both(
      'css=[role="listitem"]:has(a[href*="/in/{publicId}/" i]), li:has(a[href*="/in/{publicId}/" i])',
      'css=.mn-birthday-card:has(a[href*="/in/{publicId}/" i])',
    ),
  },
  {
    target: 'birthdays.empty',
    description: 'empty state of the birthday page',
    candidates: both(
      'role=heading[name=/^(No birthdays|Aucun anniversaire)/i]',
      'text=/^(No birthdays( today)?|Aucun anniversaire( aujourd.hui)?)$/i',
      'css=.artdeco-empty-state',
    ),
  },
  {
    target: 'birthdays.cardName',
    description: "the person's name link in a card",
    candidates: both(`css=${PROFILE_LINK}:not([tabindex="-1"]):not([aria-hidden="true"])`, `css=${PROFILE_LINK}`),
  },
  {
    target: 'birthdays.cardDate',
    description: 'the line saying when the birthday is, when it is a <time> element',
    candidates: both('css=time'),
  },
  {
    target: 'birthdays.message',
    description: 'Message / Say happy birthday button of a card',
    candidates: both(
      'role=button[name=/^(Send message to|Envoyer un message à|Say happy birthday|Souhaiter un joyeux anniversaire)/i]',
      'role=button[name=/^(Message|Envoyer un message)$/i]',
      'css=[data-control-name="message"]',
      'css=[data-view-name="message-entry-point"]',
    ),
  },
  {
    target: 'messaging.bubble',
    description: 'an open conversation bubble of the messaging overlay',
    candidates: both(
      'css=[role="dialog"]:has([role="textbox"][contenteditable="true"])',
      'css=aside:has([contenteditable="true"])',
      'css=.msg-overlay-conversation-bubble',
    ),
  },
  {
    target: 'messaging.bubbleFor',
    description: "the conversation bubble whose header links to one person's profile",
    candidates: both(
      'css=[role="dialog"]:has([role="textbox"][contenteditable="true"]):has(h2 a[href*="/in/{publicId}/" i])',
      'css=[role="dialog"]:has([contenteditable="true"]):has(a[href*="/in/{publicId}/" i])',
      'css=.msg-overlay-conversation-bubble:has(a[href*="/in/{publicId}/" i])',
    ),
  },
  {
    target: 'messaging.header',
    description: "the bubble header naming the recipient",
    candidates: both('role=heading', 'css=h2', 'css=.msg-overlay-bubble-header__title'),
  },
  {
    target: 'messaging.headerLink',
    description: "the recipient's profile link in the bubble header",
    candidates: both(`css=${PROFILE_LINK}`),
  },
  {
    target: 'messaging.input',
    description: 'the message box of a bubble',
    candidates: both(
      'role=textbox[name=/^(Write a message|Rédigez un message)/i]',
      'css=[role="textbox"][contenteditable="true"]',
      'css=div[contenteditable="true"]',
    ),
  },
  {
    target: 'messaging.send',
    description: 'the Send button of a bubble',
    candidates: both('role=button[name=/^(Send|Envoyer)$/i]', 'css=button[type="submit"]', 'css=.msg-form__send-button'),
  },
  {
    target: 'messaging.close',
    description: 'the close button of a bubble',
    candidates: both(
      'role=button[name=/^(Close your conversation with|Fermer votre conversation)/i]',
      'css=button[aria-label^="Close your conversation"], button[aria-label^="Fermer votre conversation"]',
      'css=.msg-overlay-bubble-header__control--close-btn',
    ),
  },
  {
    target: 'messaging.event',
    description: 'one event (message) in the conversation list of a bubble',
    candidates: both('role=listitem', 'css=.msg-s-message-list__event'),
  },
  {
    target: 'messaging.eventBody',
    description: 'the text of one conversation event',
    candidates: both('css=p', 'css=.msg-s-event-listitem__body'),
  },
  {
    target: 'profile.name',
    description: "the person's name (h1) on a profile",
    candidates: both('css=main h1', 'role=main >> role=heading[level=1]'),
  },
  {
    target: 'profile.topCard',
    description: 'the top card of a profile (name, headline, location, degree, actions)',
    candidates: both('css=main section:has(h1)', 'css=[data-view-name="profile-top-card"]', 'css=.pv-top-card'),
  },
  {
    target: 'profile.company',
    description: 'current company button in the top card (optional)',
    candidates: both(
      'role=button[name=/^(Current company|Entreprise actuelle)\\s*:/i]',
      'css=[aria-label^="Current company"], [aria-label^="Entreprise actuelle"]',
    ),
  },
  {
    target: 'profile.message',
    description: 'the Message button in the profile top card',
    candidates: both(
      'role=button[name=/^(Message|Envoyer un message)( |$)/i]',
      'css=[data-control-name="message"]',
      'css=[data-view-name="message-entry-point"]',
    ),
  },
  {
    target: 'search.result',
    description: 'one people-search result',
    candidates: both(
      `css=main [role="list"] > li:has(${PROFILE_LINK}), main [role="list"] > [role="listitem"]:has(${PROFILE_LINK})`,
      'css=[data-view-name="people-search-result"]',
      'css=.reusable-search__result-container',
    ),
  },
  {
    target: 'search.resultName',
    description: "the person's name in a search result",
    candidates: both(
      `css=${PROFILE_LINK} span[aria-hidden="true"]`,
      `css=${PROFILE_LINK}:not([aria-hidden="true"]):not([tabindex="-1"])`,
    ),
  },
  {
    target: 'search.resultLink',
    description: 'the profile link of a search result',
    candidates: both(`css=${PROFILE_LINK}:not([aria-hidden="true"])`, `css=${PROFILE_LINK}`),
  },
  {
    target: 'search.empty',
    description: 'empty state of a search page',
    candidates: both(
      'role=heading[name=/^(No results found|Aucun résultat)/i]',
      'text=/^(No results found|Aucun résultat( trouvé)?)$/i',
    ),
  },
  {
    target: 'search.next',
    description: 'the Next page button of search results',
    candidates: both('role=button[name=/^(Next|Suivant)$/i]', 'css=.artdeco-pagination__button--next'),
  },
  {
    target: 'popup.dismiss',
    description: 'dismiss button of an upsell or notification dialog',
    candidates: both(
      'role=dialog >> role=button[name=/^(Dismiss|Ignorer|Close|Fermer|No thanks|Non merci)$/i]',
      'css=.artdeco-modal__dismiss',
    ),
  },
  // Guard probes: looked for without waiting; their absence is the normal case and is not a failure.
  {
    target: 'guard.login',
    description: 'login form (session expired)',
    candidates: both('css=form input[type="password"]', 'css=#password'),
  },
  {
    target: 'guard.checkpoint',
    description: 'security check, captcha or identity verification',
    candidates: both(
      'css=iframe[src*="captcha"]',
      'css=#captcha-internal',
      'role=heading[name=/(quick security check|security verification|confirm it.s you|vérification de sécurité|confirmer qu.il s.agit bien de vous)/i]',
    ),
  },
  {
    target: 'guard.restricted',
    description: 'account restricted page',
    candidates: both(
      'role=heading[name=/(account (has been |is )?(temporarily )?restricted|compte a été (temporairement )?restreint|compte est (temporairement )?restreint)/i]',
    ),
  },
  {
    target: 'guard.limit',
    description: 'limit or slow-down banner',
    candidates: both(
      'role=heading[name=/(reached the .*limit|commercial use limit|slow down|too many requests|atteint la limite|limite (hebdomadaire|commerciale|d.utilisation)|ralentissez|trop de requêtes)/i]',
      'role=alertdialog[name=/(limit|limite|slow down|ralentissez)/i]',
      'role=alert >> text=/(reached the .*limit|commercial use limit|slow down|limite|ralentissez)/i',
    ),
  },
];

export const GUARD_TARGETS = ['guard.restricted', 'guard.checkpoint', 'guard.login', 'guard.limit'] as const;
export type GuardTarget = (typeof GUARD_TARGETS)[number];
