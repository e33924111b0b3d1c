import type { AccountStatus, QuotaUsage, Run, Status, StatusReason } from '../../src-shared/domain.js';
import type { CoreContext } from './context.js';

export interface StatusInputs {
  currentRun: Run | null;
  /** The pacing wait the current run is in. */
  currentWait: { reason: string; until: string } | null;
  now: Date;
  lastRun: Run | null;
  account: AccountStatus;
  quotas: QuotaUsage[];
  paused: { until: string | null; reason: string | null } | null;
  birthdayEnabled: boolean;
  nextScheduledRun: string | null;
  birthdayDoneToday: boolean;
}

function reason(code: string, en: string, fr: string): StatusReason {
  return { code, en, fr };
}

/** One state for the whole app, with the sentence the status bar, tray and CLI all show. */
export function computeStatus(i: StatusInputs): Pick<Status, 'state' | 'reason' | 'until' | 'action'> {
  if (i.currentRun && i.currentWait) {
    const seconds = Math.max(1, Math.round((new Date(i.currentWait.until).getTime() - i.now.getTime()) / 1000));
    return {
      state: 'waiting',
      reason: reason(
        'PACING',
        `Waiting about ${seconds} s before the next action (human pacing).`,
        `Attente d'environ ${seconds} s avant la prochaine action (rythme humain).`,
      ),
      until: i.currentWait.until,
      action: 'runs.stop',
    };
  }
  if (i.currentRun) {
    const what = i.currentRun.kind === 'birthday' ? 'birthday' : 'sourcing';
    return {
      state: 'running',
      reason: reason('RUNNING', `A ${what} run is in progress.`, `Une campagne (${what}) est en cours.`),
      until: null,
      action: 'runs.stop',
    };
  }
  if (i.account.state === 'checkpoint') {
    return {
      state: 'needs-you',
      reason: reason(
        'LINKEDIN_CHECKPOINT',
        'LinkedIn asks for a security check: open the browser and clear it yourself.',
        'LinkedIn demande une vérification de sécurité : ouvrez le navigateur et validez-la vous-même.',
      ),
      until: null,
      action: 'account.connect',
    };
  }
  if (i.account.state === 'expired' || i.account.state === 'not-connected') {
    const expired = i.account.state === 'expired';
    return {
      state: 'needs-you',
      reason: expired
        ? reason('SESSION_EXPIRED', 'The LinkedIn session expired: reconnect your account.', 'La session LinkedIn a expiré : reconnectez votre compte.')
        : reason('NOT_CONNECTED', 'Connect your LinkedIn account to start.', 'Connectez votre compte LinkedIn pour commencer.'),
      until: null,
      action: 'account.connect',
    };
  }
  if (i.paused) {
    return {
      state: 'paused',
      reason: reason(
        'PAUSED',
        i.paused.reason ?? 'Scheduled runs are paused.',
        i.paused.reason ?? 'Les exécutions planifiées sont en pause.',
      ),
      until: i.paused.until,
      action: 'schedule.resume',
    };
  }
  const messages = i.quotas.find((q) => q.quota === 'messages');
  if (i.birthdayDoneToday || (messages && messages.day.used >= messages.day.limit)) {
    return {
      state: 'done-today',
      reason: reason('DONE_TODAY', "Today's birthday wishes are done.", "Les vœux d'anniversaire du jour sont faits."),
      until: messages?.day.resetsAt ?? null,
      action: null,
    };
  }
  if (i.birthdayEnabled && i.nextScheduledRun) {
    return {
      state: 'scheduled',
      reason: reason('SCHEDULED', 'The next birthday run is scheduled.', 'La prochaine campagne anniversaire est planifiée.'),
      until: i.nextScheduledRun,
      action: null,
    };
  }
  return {
    state: 'off',
    reason: reason('OFF', 'No run is scheduled. Start one by hand or set a schedule.', "Aucune exécution n'est planifiée. Lancez-en une ou définissez un planning."),
    until: null,
    action: 'campaigns.birthday.run',
  };
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
