import type { EventPayload } from '../../src-shared/contract.js';
import type { Run, Status } from '../../src-shared/domain.js';
import type { EventBusLike } from './ipc.js';
import type { ShellLang } from './tray.js';

export interface Notice {
  title: string;
  body: string;
}

const TEXT = {
  en: {
    finished: { birthday: 'Birthday run finished', sourcing: 'Profile-visit run finished' },
    failed: { birthday: 'Birthday run stopped', sourcing: 'Profile-visit run stopped' },
    dryRun: ' (dry run: nothing was sent)',
    counts: (c: Record<string, number>) => Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ') || 'nothing to do',
    needsYou: 'Rapport needs you',
  },
  fr: {
    finished: { birthday: 'Campagne anniversaire terminée', sourcing: 'Campagne de visites terminée' },
    failed: { birthday: 'Campagne anniversaire arrêtée', sourcing: 'Campagne de visites arrêtée' },
    dryRun: ' (simulation : rien n’a été envoyé)',
    counts: (c: Record<string, number>) => Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ') || 'rien à faire',
    needsYou: 'Rapport a besoin de vous',
  },
} as const;

export function runFinishedNotice(run: Run, lang: ShellLang): Notice {
  const t = TEXT[lang];
  const ok = run.status === 'succeeded';
  const title = (ok ? t.finished : t.failed)[run.kind];
  const detail = run.errorCode ? `${run.errorCode}: ${run.errorMessage ?? ''}`.trim() : t.counts(run.counts);
  return { title, body: detail + (run.dryRun ? t.dryRun : '') };
}

export function needsYouNotice(status: Status, lang: ShellLang): Notice {
  return { title: TEXT[lang].needsYou, body: status.reason[lang] };
}

/**
 * Native notifications for what the user would otherwise miss with the window closed: a finished run,
 * and the app entering `needs-you` (once per reason, not on every status update).
 */
export function watchNotices(events: EventBusLike, show: (notice: Notice) => void, lang: () => ShellLang): () => void {
  let lastNeedsYou: string | null = null;
  const onStatus = (status: EventPayload<'status.changed'>) => {
    if (status.state !== 'needs-you') {
      lastNeedsYou = null;
      return;
    }
    if (lastNeedsYou === status.reason.code) return;
    lastNeedsYou = status.reason.code;
    show(needsYouNotice(status, lang()));
  };
  const offs = [
    events.on('run.finished', (run) => show(runFinishedNotice(run, lang()))),
    events.on('status.changed', onStatus),
  ];
  return () => offs.forEach((off) => off());
}
