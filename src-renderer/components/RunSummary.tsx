import type { Run } from '../../src-shared/domain.js';
import { useI18n } from '../i18n/index.js';
import { useCountsText } from './run-counts.js';

export function RunSummary({ run }: { run: Run }) {
  const { t, formatTime, runStatusLabel } = useI18n();
  const countsText = useCountsText();
  const counts = Object.entries(run.counts);
  return (
    <dl className="facts">
      <dt>{t('runKindLabel')}</dt>
      <dd>
        {t(`runKind_${run.kind}`)}
        {run.dryRun && <span className="badge">{t('runDryRunBadge')}</span>}
      </dd>
      <dt>{t('runStatusLabel')}</dt>
      <dd className={`run-status run-${run.status}`}>{runStatusLabel(run.status)}</dd>
      <dt>{t('runTriggerLabel')}</dt>
      <dd>{t(`runTrigger_${run.trigger}`)}</dd>
      <dt>{t('runStartedLabel')}</dt>
      <dd>
        <time dateTime={run.startedAt}>{formatTime(run.startedAt)}</time>
      </dd>
      {run.finishedAt && (
        <>
          <dt>{t('runFinishedLabel')}</dt>
          <dd>
            <time dateTime={run.finishedAt}>{formatTime(run.finishedAt)}</time>
          </dd>
        </>
      )}
      {counts.length > 0 && (
        <>
          <dt>{t('runCountsLabel')}</dt>
          <dd>{countsText(run.counts)}</dd>
        </>
      )}
      {run.errorCode && (
        <>
          <dt>{t('runErrorLabel')}</dt>
          <dd>
            <span className="error-code">{run.errorCode}</span> {run.errorMessage}
          </dd>
        </>
      )}
    </dl>
  );
}
