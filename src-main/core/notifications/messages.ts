import type { Notification, NotificationSeverity, Run } from '../../../src-shared/domain.js';
import type { NotificationEvent } from '../../../src-shared/settings.js';

/** The user's language for notifications (`ui.language`). */
export type Lang = 'en' | 'fr';

/** Error codes that stop everything until the user acts: the schedule waits for them. */
export const ACTION_NEEDED_CODES = ['LINKEDIN_CHECKPOINT', 'SESSION_EXPIRED', 'LINKEDIN_RESTRICTED', 'BROWSER_NOT_FOUND', 'NOT_CONNECTED'] as const;
type ActionCode = (typeof ACTION_NEEDED_CODES)[number];

const KIND = {
  en: { birthday: 'Birthday run', sourcing: 'Profile-visit run' },
  fr: { birthday: 'Campagne anniversaire', sourcing: 'Campagne de visites' },
} as const;

const ACTION: Record<Lang, Record<ActionCode, { title: string; text: string }>> = {
  en: {
    LINKEDIN_CHECKPOINT: {
      title: 'Rapport needs you: LinkedIn security check',
      text: 'LinkedIn asks for a security check. Scheduled runs are paused until you pass it in a browser and resume the schedule in Rapport.',
    },
    SESSION_EXPIRED: {
      title: 'Rapport needs you: LinkedIn session expired',
      text: 'The LinkedIn session has expired. Reconnect your account in Rapport; scheduled runs are paused until then.',
    },
    LINKEDIN_RESTRICTED: {
      title: 'Rapport needs you: LinkedIn restriction',
      text: 'LinkedIn showed a restriction or a limit. Runs are paused for 24 hours; check your LinkedIn account.',
    },
    BROWSER_NOT_FOUND: {
      title: 'Rapport needs you: no browser found',
      text: 'No Chromium-based browser was found. Install Chromium or set browser.executablePath in Rapport.',
    },
    NOT_CONNECTED: {
      title: 'Rapport needs you: LinkedIn account not connected',
      text: 'No LinkedIn account is connected. Connect one in Rapport so runs can start.',
    },
  },
  fr: {
    LINKEDIN_CHECKPOINT: {
      title: 'Rapport a besoin de vous : vérification de sécurité LinkedIn',
      text: 'LinkedIn demande une vérification de sécurité. Les campagnes planifiées sont en pause jusqu’à ce que vous la passiez dans un navigateur et relanciez le planning dans Rapport.',
    },
    SESSION_EXPIRED: {
      title: 'Rapport a besoin de vous : session LinkedIn expirée',
      text: 'La session LinkedIn a expiré. Reconnectez votre compte dans Rapport ; les campagnes planifiées sont en pause d’ici là.',
    },
    LINKEDIN_RESTRICTED: {
      title: 'Rapport a besoin de vous : restriction LinkedIn',
      text: 'LinkedIn a affiché une restriction ou une limite. Les campagnes sont en pause pour 24 heures ; vérifiez votre compte LinkedIn.',
    },
    BROWSER_NOT_FOUND: {
      title: 'Rapport a besoin de vous : aucun navigateur trouvé',
      text: 'Aucun navigateur Chromium n’a été trouvé. Installez Chromium ou indiquez browser.executablePath dans Rapport.',
    },
    NOT_CONNECTED: {
      title: 'Rapport a besoin de vous : compte LinkedIn non connecté',
      text: 'Aucun compte LinkedIn n’est connecté. Connectez-en un dans Rapport pour que les campagnes puissent démarrer.',
    },
  },
};

const COUNT_LABELS: Record<Lang, Record<string, string>> = {
  en: { sent: 'sent', visited: 'visited', dry_run: 'dry run', failed: 'failed', seen: 'seen' },
  fr: { sent: 'envoyés', visited: 'visités', dry_run: 'simulés', failed: 'échecs', seen: 'vus' },
};

export function describeCounts(counts: Record<string, number>, lang: Lang): string {
  const entries = Object.entries(counts).filter(([, v]) => v > 0);
  if (entries.length === 0) return lang === 'fr' ? 'rien à faire' : 'nothing to do';
  return entries.map(([k, v]) => `${COUNT_LABELS[lang][k] ?? k.replace(/_/g, ' ')}: ${v}`).join(', ');
}

/** What kind of notifiable event a finished run is, or null for a run nobody needs to hear about. */
export function classifyRun(run: Run): { event: NotificationEvent; severity: NotificationSeverity; code: string } | null {
  const code = run.errorCode ?? '';
  if ((ACTION_NEEDED_CODES as readonly string[]).includes(code)) return { event: 'action_needed', severity: 'critical', code };
  if (code === 'QUOTA_EXHAUSTED') return { event: 'quota_exhausted', severity: 'warning', code };
  if (run.status === 'failed') return { event: 'run_failed', severity: 'error', code: code || 'INTERNAL' };
  if (run.status === 'succeeded' || run.status === 'stopped') return { event: 'run_finished', severity: 'info', code: run.kind };
  return null;
}

export interface MessageContext {
  lang: Lang;
  /** The panel's address, e.g. http://127.0.0.1:9464/ */
  panelUrl: string;
  now: Date;
}

export function runLink(panelUrl: string, runId: number | null): string {
  const base = panelUrl.endsWith('/') ? panelUrl : `${panelUrl}/`;
  return runId === null ? `${base}#/` : `${base}#/activity/runs/${runId}`;
}

/** The notification for a finished run, worded in the user's language; null when the run is not notifiable. */
export function notificationForRun(run: Run, mc: MessageContext): Notification | null {
  const kind = classifyRun(run);
  if (!kind) return null;
  const { lang } = mc;
  const name = KIND[lang][run.kind];
  const dry = run.dryRun ? (lang === 'fr' ? ' (simulation : rien n’a été envoyé)' : ' (dry run: nothing was sent)') : '';
  const counts = describeCounts(run.counts, lang);
  let title: string;
  let text: string;
  switch (kind.event) {
    case 'action_needed': {
      const m = ACTION[lang][kind.code as ActionCode];
      title = m.title;
      text = `${m.text} (${name} #${run.id}.)`;
      break;
    }
    case 'quota_exhausted':
      title = lang === 'fr' ? `${name} : quota atteint` : `${name}: quota reached`;
      text =
        lang === 'fr'
          ? `Le quota est atteint ; la campagne s’est arrêtée et reprendra quand il se renouvelle. ${counts}.`
          : `The quota is used up; the run stopped and resumes when it renews. ${counts}.`;
      break;
    case 'run_failed':
      title = lang === 'fr' ? `${name} en échec` : `${name} failed`;
      text = `${kind.code}: ${run.errorMessage ?? ''}`.trim() + ` — ${counts}.`;
      break;
    default:
      title = lang === 'fr' ? `${name} terminée${dry}` : `${name} finished${dry}`;
      text = `${counts}.`;
  }
  return {
    event: kind.event,
    code: kind.code,
    severity: kind.severity,
    lang,
    title,
    text,
    runId: run.id,
    link: runLink(mc.panelUrl, run.id),
    time: mc.now.toISOString(),
  };
}

export interface DailyDigest {
  /** The user's calendar day, YYYY-MM-DD. */
  day: string;
  wished: string[];
  visits: number;
  tomorrowBirthdays: string[];
  nextRunAt: string | null;
}

function names(list: string[], lang: Lang): string {
  if (list.length === 0) return lang === 'fr' ? 'personne' : 'nobody';
  const shown = list.slice(0, 20).join(', ');
  return list.length > 20 ? `${shown}… (${list.length})` : `${shown} (${list.length})`;
}

export function dailySummaryNotification(d: DailyDigest, mc: MessageContext, timeZone: string): Notification {
  const { lang } = mc;
  const at = d.nextRunAt
    ? new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(d.nextRunAt))
    : null;
  const lines =
    lang === 'fr'
      ? [
          `Souhaité : ${names(d.wished, lang)}.`,
          `Profils visités : ${d.visits}.`,
          `Demain : anniversaires de ${names(d.tomorrowBirthdays, lang)}${at ? ` ; prochaine campagne ${at}` : ' ; aucune campagne planifiée'}.`,
        ]
      : [
          `Wished: ${names(d.wished, lang)}.`,
          `Profiles visited: ${d.visits}.`,
          `Tomorrow: birthdays of ${names(d.tomorrowBirthdays, lang)}${at ? `; next run ${at}` : '; no run scheduled'}.`,
        ];
  return {
    event: 'daily_summary',
    code: d.day,
    severity: 'info',
    lang,
    title: lang === 'fr' ? `Rapport — résumé du ${d.day}` : `Rapport — summary for ${d.day}`,
    text: lines.join('\n'),
    runId: null,
    link: runLink(mc.panelUrl, null),
    time: mc.now.toISOString(),
  };
}

export function testNotification(mc: MessageContext): Notification {
  const { lang } = mc;
  return {
    event: 'run_finished',
    code: 'test',
    severity: 'info',
    lang,
    title: lang === 'fr' ? 'Rapport : notification de test' : 'Rapport: test notification',
    text:
      lang === 'fr'
        ? 'Ce canal fonctionne : Rapport pourra vous prévenir ici.'
        : 'This channel works: Rapport can reach you here.',
    runId: null,
    link: runLink(mc.panelUrl, null),
    time: mc.now.toISOString(),
  };
}
