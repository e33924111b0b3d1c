import { Link } from 'wouter';
import { useOperation } from '../../api/operations.js';
import { useI18n } from '../../i18n/index.js';
import { useTexts } from './texts.js';

/** The last five runs, each a link to its detail in Activity. */
export function RecentRuns() {
  const { t: tf, formatTime, runStatusLabel } = useI18n();
  const t = useTexts();
  const { data } = useOperation('runs.list', { page: 1, pageSize: 5 });
  return (
    <section className="card" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('recentHeading')}</h2>
      {data && data.items.length === 0 && <p>{t('recentNone')}</p>}
      {data && data.items.length > 0 && (
        <ul className="recent-runs">
          {data.items.map((run) => (
            <li key={run.id}>
              <Link href={`~/activity/runs/${run.id}`}>{t('recentRun', { id: run.id })}</Link> · {tf(`runKind_${run.kind}`)}
              {run.dryRun && <span className="badge">{tf('runDryRunBadge')}</span>} ·{' '}
              <span className={`run-status run-${run.status}`}>{runStatusLabel(run.status)}</span> ·{' '}
              <time dateTime={run.startedAt}>{formatTime(run.startedAt)}</time>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="~/activity">{t('recentAll')}</Link>
      </p>
    </section>
  );
}
