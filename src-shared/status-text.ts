/**
 * The sentence for each status reason code, in English and French. The core fills `reason.en` and
 * `reason.fr` with it; the CLI, the panel and the tray can render `{ code, params }` themselves.
 * Pure: no Node, no DOM.
 */

export type StatusLang = 'en' | 'fr';
export type StatusParams = Record<string, string | number>;

export const STATUS_REASON_CODES = [
  'PACING',
  'RUNNING',
  'LINKEDIN_CHECKPOINT',
  'LINKEDIN_RESTRICTED',
  'SESSION_EXPIRED',
  'NOT_CONNECTED',
  'PAUSED',
  'QUOTA_EXHAUSTED',
  'DONE_TODAY',
  'SCHEDULED',
  'SCHEDULED_SOURCING',
  'OFF',
] as const;
export type StatusReasonCode = (typeof STATUS_REASON_CODES)[number];

/** Why the schedule is paused (stored with the pause). */
export const PAUSE_CAUSES = ['user', 'checkpoint', 'session', 'restriction', 'other'] as const;
export type PauseCause = (typeof PAUSE_CAUSES)[number];

export interface StatusSentenceOptions {
  /** IANA zone for the times in a sentence (a quota's reset); the runtime's own zone otherwise. */
  timeZone?: string;
}

const LOCALES: Record<StatusLang, string> = { en: 'en-GB', fr: 'fr-FR' };

/** "Thu 3 Dec, 00:00" / "jeu. 3 déc., 00:00" in the user's zone; the raw text when it is not a date. */
export function formatStatusTime(iso: string, lang: StatusLang, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(LOCALES[lang], {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    }).format(date);
  } catch {
    return iso;
  }
}

const str = (params: StatusParams, key: string): string => (params[key] === undefined ? '' : String(params[key]));

const KIND: Record<StatusLang, Record<string, string>> = {
  en: { birthday: 'birthday', sourcing: 'sourcing' },
  fr: { birthday: 'anniversaire', sourcing: 'prospection' },
};

const QUOTA: Record<StatusLang, Record<string, Record<string, string>>> = {
  en: {
    messages: { day: "Today's message quota is used up", week: "This week's message quota is used up" },
    visits: { day: "Today's profile-visit quota is used up", week: "This week's profile-visit quota is used up" },
  },
  fr: {
    messages: { day: 'Le quota de messages du jour est atteint', week: 'Le quota de messages de la semaine est atteint' },
    visits: { day: 'Le quota de visites de profil du jour est atteint', week: 'Le quota de visites de profil de la semaine est atteint' },
  },
};

const PAUSED: Record<StatusLang, Record<PauseCause, string>> = {
  en: {
    user: 'Paused by you.',
    checkpoint: 'Paused: LinkedIn asks for a security check — action needed.',
    session: 'Paused: reconnect your LinkedIn account.',
    restriction: 'Paused for 24 h: LinkedIn showed a restriction or limit.',
    other: 'Scheduled runs are paused.',
  },
  fr: {
    user: 'Mis en pause par vous.',
    checkpoint: 'En pause : LinkedIn demande une vérification de sécurité — action requise.',
    session: 'En pause : reconnectez votre compte LinkedIn.',
    restriction: 'En pause pour 24 h : LinkedIn a affiché une restriction ou une limite.',
    other: 'Les exécutions planifiées sont en pause.',
  },
};

type Render = (p: StatusParams, lang: StatusLang, o: StatusSentenceOptions) => string;

const SENTENCES: Record<StatusReasonCode, Record<StatusLang, Render>> = {
  PACING: {
    en: (p) => `Waiting about ${str(p, 'seconds')} s before the next action (human pacing).`,
    fr: (p) => `Attente d'environ ${str(p, 'seconds')} s avant la prochaine action (rythme humain).`,
  },
  RUNNING: {
    en: (p) => `A ${KIND.en[str(p, 'kind')] ?? str(p, 'kind')} run is in progress.`,
    fr: (p) => `Une campagne (${KIND.fr[str(p, 'kind')] ?? str(p, 'kind')}) est en cours.`,
  },
  LINKEDIN_CHECKPOINT: {
    en: () => 'LinkedIn asks for a security check: open the browser and clear it yourself.',
    fr: () => 'LinkedIn demande une vérification de sécurité : ouvrez le navigateur et validez-la vous-même.',
  },
  LINKEDIN_RESTRICTED: {
    en: () => 'LinkedIn restricted the account; runs are paused.',
    fr: () => 'LinkedIn a restreint le compte ; les exécutions sont en pause.',
  },
  SESSION_EXPIRED: {
    en: () => 'The LinkedIn session expired: reconnect your account.',
    fr: () => 'La session LinkedIn a expiré : reconnectez votre compte.',
  },
  NOT_CONNECTED: {
    en: () => 'Connect your LinkedIn account to start.',
    fr: () => 'Connectez votre compte LinkedIn pour commencer.',
  },
  PAUSED: {
    en: (p) => PAUSED.en[str(p, 'cause') as PauseCause] ?? PAUSED.en.other,
    fr: (p) => PAUSED.fr[str(p, 'cause') as PauseCause] ?? PAUSED.fr.other,
  },
  QUOTA_EXHAUSTED: {
    en: (p, _l, o) =>
      `${QUOTA.en[str(p, 'quota')]?.[str(p, 'window')] ?? 'A quota is used up'}; it resets on ${formatStatusTime(str(p, 'resetsAt'), 'en', o.timeZone)}.`,
    fr: (p, _l, o) =>
      `${QUOTA.fr[str(p, 'quota')]?.[str(p, 'window')] ?? 'Un quota est atteint'} ; il se renouvelle le ${formatStatusTime(str(p, 'resetsAt'), 'fr', o.timeZone)}.`,
  },
  DONE_TODAY: {
    en: () => "Today's birthday wishes are done.",
    fr: () => "Les vœux d'anniversaire du jour sont faits.",
  },
  SCHEDULED: {
    en: () => 'The next birthday run is scheduled.',
    fr: () => 'La prochaine campagne anniversaire est planifiée.',
  },
  SCHEDULED_SOURCING: {
    en: (p) => (p.search ? `The next visits for the search “${str(p, 'search')}” are scheduled.` : 'The next sourcing run is scheduled.'),
    fr: (p) => (p.search ? `Les prochaines visites de la recherche « ${str(p, 'search')} » sont planifiées.` : 'La prochaine campagne de visites est planifiée.'),
  },
  OFF: {
    en: () => 'No run is scheduled. Start one by hand or set a schedule.',
    fr: () => "Aucune exécution n'est planifiée. Lancez-en une ou définissez un planning.",
  },
};

export function isStatusReasonCode(code: string): code is StatusReasonCode {
  return (STATUS_REASON_CODES as readonly string[]).includes(code);
}

/** The sentence a person reads for a status reason; an unknown code (a newer core) says so plainly. */
export function statusSentence(
  reason: { code: string; params?: StatusParams },
  lang: StatusLang,
  options: StatusSentenceOptions = {},
): string {
  if (!isStatusReasonCode(reason.code)) return lang === 'fr' ? `État : ${reason.code}` : `State: ${reason.code}`;
  return SENTENCES[reason.code][lang](reason.params ?? {}, lang, options);
}
