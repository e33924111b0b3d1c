import type { AccountStatus, ExhaustedQuota, QuotaUsage, Run, Status, StatusReason } from '../../src-shared/domain.js';
import { statusSentence, type PauseCause, type StatusParams, type StatusReasonCode } from '../../src-shared/status-text.js';
import type { CoreContext } from './context.js';

export interface StatusInputs {
  currentRun: Run | null;
  /** The pacing wait the current run is in. */
  currentWait: { reason: string; until: string } | null;
  now: Date;
  lastRun: Run | null;
  account: AccountStatus;
  quotas: QuotaUsage[];
  paused: { until: string | null; reason: string | null; cause?: PauseCause | null } | null;
  birthdayEnabled: boolean;
  nextScheduledRun: string | null;
  /** The earliest scheduled sourcing run: a saved search on its own schedule (search) or the campaign-wide slot. */
  nextSourcingRun?: { at: string; search: string | null } | null;
  birthdayDoneToday: boolean;
  /** The user's zone, for times inside sentences (a quota's reset). */
  timeZone?: string;
}

export type ComputedStatus = Pick<Status, 'state' | 'reason' | 'until' | 'action'> & { exhaustedQuotas: ExhaustedQuota[] };

/** A reason code with its parameters, and the sentence for it in both languages. */
export function reasonOf(code: StatusReasonCode, params: StatusParams = {}, timeZone?: string): StatusReason {
  return {
    code,
    params,
    en: statusSentence({ code, params }, 'en', { timeZone }),
    fr: statusSentence({ code, params }, 'fr', { timeZone }),
  };
}

/** Quotas with nothing left; when both windows are spent, the week (which reopens later) is the one named. */
export function exhaustedQuotas(quotas: QuotaUsage[]): ExhaustedQuota[] {
  const out: ExhaustedQuota[] = [];
  for (const q of quotas) {
    const spent = (w: QuotaUsage['day']) => w.limit > 0 && w.used >= w.limit;
    if (spent(q.week)) out.push({ quota: q.quota, window: 'week', resetsAt: q.week.resetsAt });
    else if (spent(q.day)) out.push({ quota: q.quota, window: 'day', resetsAt: q.day.resetsAt });
  }
  return out.sort((a, b) => b.resetsAt.localeCompare(a.resetsAt));
}

/** One state for the whole app, with the reason (code, params, sentences) the status bar, tray and CLI all show. */
export function computeStatus(i: StatusInputs): ComputedStatus {
  const exhausted = exhaustedQuotas(i.quotas);
  const reason = (code: StatusReasonCode, params: StatusParams = {}) => reasonOf(code, params, i.timeZone);
  const result = (s: Omit<ComputedStatus, 'exhaustedQuotas'>): ComputedStatus => ({ ...s, exhaustedQuotas: exhausted });
  if (i.currentRun && i.currentWait) {
    const seconds = Math.max(1, Math.round((new Date(i.currentWait.until).getTime() - i.now.getTime()) / 1000));
    return result({ state: 'waiting', reason: reason('PACING', { seconds }), until: i.currentWait.until, action: 'runs.stop' });
  }
  if (i.currentRun) {
    return result({ state: 'running', reason: reason('RUNNING', { kind: i.currentRun.kind }), until: null, action: 'runs.stop' });
  }
  if (i.account.state === 'checkpoint') {
    return result({ state: 'needs-you', reason: reason('LINKEDIN_CHECKPOINT'), until: null, action: 'account.connect' });
  }
  if (i.account.state === 'expired' || i.account.state === 'not-connected') {
    const code = i.account.state === 'expired' ? 'SESSION_EXPIRED' : 'NOT_CONNECTED';
    return result({ state: 'needs-you', reason: reason(code), until: null, action: 'account.connect' });
  }
  if (i.paused) {
    const params: StatusParams = { cause: i.paused.cause ?? 'other' };
    if (i.paused.until) params.until = i.paused.until;
    return result({ state: 'paused', reason: reason('PAUSED', params), until: i.paused.until, action: 'schedule.resume' });
  }
  if (i.account.state === 'restricted') {
    return result({ state: 'needs-you', reason: reason('LINKEDIN_RESTRICTED'), until: null, action: null });
  }
  const messagesSpent = exhausted.find((e) => e.quota === 'messages');
  if (messagesSpent && (!i.birthdayDoneToday || messagesSpent.window === 'week')) {
    const { quota, window, resetsAt } = messagesSpent;
    return result({ state: 'done-today', reason: reason('QUOTA_EXHAUSTED', { quota, window, resetsAt }), until: resetsAt, action: null });
  }
  if (i.birthdayDoneToday) {
    const messages = i.quotas.find((q) => q.quota === 'messages');
    return result({ state: 'done-today', reason: reason('DONE_TODAY'), until: messages?.day.resetsAt ?? null, action: null });
  }
  const birthdayAt = i.birthdayEnabled ? i.nextScheduledRun : null;
  const sourcing = i.nextSourcingRun ?? null;
  if (sourcing && (!birthdayAt || Date.parse(sourcing.at) < Date.parse(birthdayAt))) {
    const params: StatusParams = sourcing.search ? { at: sourcing.at, search: sourcing.search } : { at: sourcing.at };
    return result({ state: 'scheduled', reason: reason('SCHEDULED_SOURCING', params), until: sourcing.at, action: null });
  }
  if (birthdayAt) {
    return result({ state: 'scheduled', reason: reason('SCHEDULED', { at: birthdayAt }), until: birthdayAt, action: null });
  }
  return result({ state: 'off', reason: reason('OFF'), until: null, action: 'campaigns.birthday.run' });
}

export function accountStatusFrom(ctx: CoreContext): AccountStatus {
  const stored = ctx.store.appState.get<Partial<AccountStatus>>('account');
  const state = stored?.state ?? 'not-connected';
  const messages: Record<AccountStatus['state'], string> = {
    'not-connected': 'No LinkedIn account is connected.',
    connected: 'Connected.',
    expired: 'The LinkedIn session expired: reconnect.',
    checkpoint: 'LinkedIn asks for a security check.',
    restricted: 'LinkedIn restricted the account; runs are paused.',
  };
  return {
    state,
    connectedAt: stored?.connectedAt ?? null,
    lastVerifiedAt: stored?.lastVerifiedAt ?? null,
    message: stored?.message ?? messages[state],
  };
}
