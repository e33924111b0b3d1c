import { describe, expect, it } from 'vitest';
import { formatStatusTime, PAUSE_CAUSES, STATUS_REASON_CODES, statusSentence, type StatusReasonCode } from '../../../src-shared/status-text.js';
import { computeStatus } from '../../../src-main/core/status.js';
import type { AccountStatus, QuotaUsage, Run } from '../../../src-shared/domain.js';

const RESET = '2026-12-02T23:00:00.000Z'; // midnight in Paris

const EXPECTED: Record<StatusReasonCode, { params: Record<string, string | number>; en: string; fr: string }> = {
  PACING: {
    params: { seconds: 73 },
    en: 'Waiting about 73 s before the next action (human pacing).',
    fr: "Attente d'environ 73 s avant la prochaine action (rythme humain).",
  },
  RUNNING: { params: { kind: 'sourcing' }, en: 'A sourcing run is in progress.', fr: 'Une campagne (prospection) est en cours.' },
  LINKEDIN_CHECKPOINT: {
    params: {},
    en: 'LinkedIn asks for a security check: open the browser and clear it yourself.',
    fr: 'LinkedIn demande une vérification de sécurité : ouvrez le navigateur et validez-la vous-même.',
  },
  LINKEDIN_RESTRICTED: {
    params: {},
    en: 'LinkedIn restricted the account; runs are paused.',
    fr: 'LinkedIn a restreint le compte ; les exécutions sont en pause.',
  },
  SESSION_EXPIRED: {
    params: {},
    en: 'The LinkedIn session expired: reconnect your account.',
    fr: 'La session LinkedIn a expiré : reconnectez votre compte.',
  },
  NOT_CONNECTED: { params: {}, en: 'Connect your LinkedIn account to start.', fr: 'Connectez votre compte LinkedIn pour commencer.' },
  PAUSED: { params: { cause: 'user' }, en: 'Paused by you.', fr: 'Mis en pause par vous.' },
  QUOTA_EXHAUSTED: {
    params: { quota: 'messages', window: 'day', resetsAt: RESET },
    en: "Today's message quota is used up; it resets on Thu 3 Dec, 00:00.",
    fr: 'Le quota de messages du jour est atteint ; il se renouvelle le jeu. 3 déc., 00:00.',
  },
  DONE_TODAY: { params: {}, en: "Today's birthday wishes are done.", fr: "Les vœux d'anniversaire du jour sont faits." },
  SCHEDULED: {
    params: { at: RESET },
    en: 'The next birthday run is scheduled.',
    fr: 'La prochaine campagne anniversaire est planifiée.',
  },
  SCHEDULED_SOURCING: {
    params: { at: RESET, search: 'Kotlin Lyon' },
    en: 'The next visits for the search “Kotlin Lyon” are scheduled.',
    fr: 'Les prochaines visites de la recherche « Kotlin Lyon » sont planifiées.',
  },
  OFF: {
    params: {},
    en: 'No run is scheduled. Start one by hand or set a schedule.',
    fr: "Aucune exécution n'est planifiée. Lancez-en une ou définissez un planning.",
  },
};

describe('status sentences', () => {
  it.each(STATUS_REASON_CODES.flatMap((code) => (['en', 'fr'] as const).map((lang) => [code, lang] as const)))(
    '%s in %s',
    (code, lang) => {
      const { params, [lang]: sentence } = EXPECTED[code];
      expect(statusSentence({ code, params }, lang, { timeZone: 'Europe/Paris' })).toBe(sentence);
    },
  );

  it.each(PAUSE_CAUSES)('says why the schedule is paused (%s) in both languages', (cause) => {
    const en = statusSentence({ code: 'PAUSED', params: { cause } }, 'en');
    const fr = statusSentence({ code: 'PAUSED', params: { cause } }, 'fr');
    expect(en).toMatch(/paused/i);
    expect(fr).toMatch(/pause/i);
    expect(fr).not.toBe(en);
  });

  it.each([
    ['messages', 'week', "This week's message quota is used up", 'Le quota de messages de la semaine est atteint'],
    ['visits', 'day', "Today's profile-visit quota is used up", 'Le quota de visites de profil du jour est atteint'],
    ['visits', 'week', "This week's profile-visit quota is used up", 'Le quota de visites de profil de la semaine est atteint'],
  ])('names the exhausted quota (%s, %s) and when it resets', (quota, window, en, fr) => {
    const params = { quota, window, resetsAt: RESET };
    expect(statusSentence({ code: 'QUOTA_EXHAUSTED', params }, 'en', { timeZone: 'Europe/Paris' })).toBe(`${en}; it resets on Thu 3 Dec, 00:00.`);
    expect(statusSentence({ code: 'QUOTA_EXHAUSTED', params }, 'fr', { timeZone: 'Europe/Paris' })).toBe(`${fr} ; il se renouvelle le jeu. 3 déc., 00:00.`);
  });

  it('renders a time in the user zone, and a code from a newer core without failing', () => {
    expect(formatStatusTime(RESET, 'en', 'America/New_York')).toBe('Wed 2 Dec, 18:00');
    expect(formatStatusTime('soon', 'fr')).toBe('soon');
    expect(statusSentence({ code: 'SOMETHING_NEW' }, 'en')).toBe('State: SOMETHING_NEW');
    expect(statusSentence({ code: 'SOMETHING_NEW' }, 'fr')).toBe('État : SOMETHING_NEW');
  });
});

const window = (used: number, limit: number, resetsAt: string) => ({ used, limit, resetsAt });
const connected: AccountStatus = { state: 'connected', connectedAt: null, lastVerifiedAt: null, message: 'Connected.' };
function quotas(messagesDay: number, messagesWeek = messagesDay): QuotaUsage[] {
  return [
    { quota: 'messages', day: window(messagesDay, 20, RESET), week: window(messagesWeek, 80, '2026-12-06T23:00:00.000Z'), warmup: false },
    { quota: 'visits', day: window(0, 50, RESET), week: window(0, 200, '2026-12-06T23:00:00.000Z'), warmup: false },
  ];
}
const base = {
  currentRun: null as Run | null,
  currentWait: null,
  now: new Date('2026-12-02T10:00:00Z'),
  lastRun: null,
  account: connected,
  paused: null,
  birthdayEnabled: true,
  nextScheduledRun: '2026-12-03T08:00:00.000Z',
  birthdayDoneToday: false,
  timeZone: 'Europe/Paris',
};

describe('the status model', () => {
  it('carries the code, its parameters and both sentences', () => {
    const status = computeStatus({ ...base, quotas: quotas(3) });
    expect(status.reason).toEqual({ code: 'SCHEDULED', params: { at: '2026-12-03T08:00:00.000Z' }, en: EXPECTED.SCHEDULED.en, fr: EXPECTED.SCHEDULED.fr });
    expect(status.exhaustedQuotas).toEqual([]);
  });

  it('says the sourcing run comes next when it fires before the birthday run, or when birthdays are off', () => {
    const search = { at: '2026-12-02T14:00:00.000Z', search: 'Kotlin Lyon' };
    const sooner = computeStatus({ ...base, quotas: quotas(3), nextSourcingRun: search });
    expect(sooner).toMatchObject({ state: 'scheduled', until: search.at, reason: { code: 'SCHEDULED_SOURCING', params: search } });
    const later = computeStatus({ ...base, quotas: quotas(3), nextSourcingRun: { at: '2026-12-04T08:00:00.000Z', search: null } });
    expect(later).toMatchObject({ state: 'scheduled', reason: { code: 'SCHEDULED' } });
    const birthdaysOff = computeStatus({ ...base, birthdayEnabled: false, quotas: quotas(3), nextSourcingRun: { at: '2026-12-04T08:00:00.000Z', search: null } });
    expect(birthdaysOff).toMatchObject({ state: 'scheduled', until: '2026-12-04T08:00:00.000Z', reason: { code: 'SCHEDULED_SOURCING', en: 'The next sourcing run is scheduled.' } });
    expect(computeStatus({ ...base, birthdayEnabled: false, quotas: quotas(3) }).state).toBe('off');
  });

  it('says which quota is exhausted and when it resets', () => {
    const day = computeStatus({ ...base, quotas: quotas(20, 40) });
    expect(day).toMatchObject({ state: 'done-today', until: RESET, reason: { code: 'QUOTA_EXHAUSTED', params: { quota: 'messages', window: 'day', resetsAt: RESET } } });
    expect(day.exhaustedQuotas).toEqual([{ quota: 'messages', window: 'day', resetsAt: RESET }]);
    expect(day.reason.fr).toBe(EXPECTED.QUOTA_EXHAUSTED.fr);
    const week = computeStatus({ ...base, quotas: quotas(10, 80) });
    expect(week.reason.params).toEqual({ quota: 'messages', window: 'week', resetsAt: '2026-12-06T23:00:00.000Z' });
    expect(week.until).toBe('2026-12-06T23:00:00.000Z');
  });

  it('a pause carries its cause', () => {
    const status = computeStatus({ ...base, quotas: quotas(0), paused: { until: null, reason: 'x', cause: 'restriction' } });
    expect(status.reason).toMatchObject({ code: 'PAUSED', params: { cause: 'restriction' }, en: 'Paused for 24 h: LinkedIn showed a restriction or limit.' });
  });
});
