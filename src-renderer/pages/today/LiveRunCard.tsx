import type { Status } from '../../../src-shared/domain.js';
import { useLatestEvent } from '../../api/live-updates.js';
import { useOperationMutation } from '../../api/operations.js';
import { useI18n } from '../../i18n/index.js';
import { useTexts } from './texts.js';
import { useNow } from './use-now.js';

/** Counters that mean "one contact dealt with" (the rest, e.g. `seen`, describe the list). */
const DONE_COUNTERS = /^(sent|failed|dry_run|visited|resolved_|skipped_already)/;

const STEPS = ['starting', 'reading the birthday list', 'checking an unconfirmed message', 'sending', 'dry run: would send', 'visiting', 'done'] as const;
const WAITS = ['message-gap', 'visit-gap', 'micro-pause'] as const;

/** The core names steps and waits in English; known ones are shown in the user's language. */
function stepLabel(t: ReturnType<typeof useTexts>, step: string): string {
  const known = STEPS.find((s) => s === step);
  return known ? t(`step_${known}`) : step;
}

function waitLabel(t: ReturnType<typeof useTexts>, reason: string): string {
  const known = WAITS.find((w) => w === reason);
  return known ? t(`wait_${known}`) : reason;
}

function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** The run in progress: step, contact, counts, the pacing wait counting down, the time left, and Stop. */
export function LiveRunCard({ status }: { status: Status }) {
  const { t: tf, runStatusLabel } = useI18n();
  const t = useTexts();
  const run = status.currentRun;
  const latest = useLatestEvent('run.progress');
  const progress = latest && run && latest.runId === run.id ? latest : undefined;
  const now = useNow(Boolean(run));
  const stop = useOperationMutation('runs.stop', { invalidates: ['runs.list'] });
  if (!run) return null;

  const counts = progress?.counts ?? run.counts;
  const done = Object.entries(counts)
    .filter(([k]) => DONE_COUNTERS.test(k))
    .reduce((n, [, v]) => n + v, 0);
  const total = progress?.total ?? null;
  const waitLeft = progress?.wait ? new Date(progress.wait.until).getTime() - now : 0;
  const elapsed = now - new Date(run.startedAt).getTime();
  const eta = total && done > 0 && done <= total ? (elapsed / done) * (total - done) : null;

  return (
    <section className="card card-wide live-run" aria-labelledby="live-heading">
      <h2 id="live-heading">
        {t('liveHeading')} — {tf(`runKind_${run.kind}`)} {run.dryRun && <span className="badge">{tf('runDryRunBadge')}</span>}
      </h2>
      <dl className="facts">
        <dt>{t('liveStep')}</dt>
        <dd className="live-step">{progress ? stepLabel(t, progress.step) : runStatusLabel(run.status)}</dd>
        {progress?.contact && (
          <>
            <dt>{t('liveContact')}</dt>
            <dd className="live-contact">{progress.contact}</dd>
          </>
        )}
        <dt>{t('liveCounts')}</dt>
        <dd className="live-counts">
          {Object.entries(counts)
            .map(([name, n]) => `${name}: ${n}`)
            .join(', ') || '—'}
        </dd>
      </dl>
      {total !== null && total > 0 && (
        <>
          <progress className="live-progress" max={total} value={Math.min(done, total)} aria-label={t('liveProgress', { done, total })} />
          <p>{t('liveProgress', { done, total })}</p>
        </>
      )}
      {progress?.wait && waitLeft > 0 && (
        <p className="live-wait">{t('liveWaiting', { seconds: Math.ceil(waitLeft / 1000), reason: waitLabel(t, progress.wait.reason) })}</p>
      )}
      <p className="live-eta">{eta !== null ? t('liveEta', { time: formatDuration(eta) }) : t('liveEtaUnknown')}</p>
      <button type="button" className="big danger" onClick={() => stop.mutate({ id: run.id })} disabled={stop.isPending}>
        {stop.isPending ? t('stopping') : t('stopButton')}
      </button>
    </section>
  );
}
