import { useId, useState } from 'react';
import { Link } from 'wouter';
import { RUN_KINDS, RUN_STATUSES, type Run } from '../../../src-shared/domain.js';
import { useOperation } from '../../api/operations.js';
import { useI18n } from '../../i18n/index.js';
import { useCountsText } from '../../components/run-counts.js';
import { Pager } from './Pager.js';
import { useTexts } from './texts.js';

const PAGE_SIZE = 20;

export function duration(run: Run, now = Date.now()): string {
  const end = run.finishedAt ? new Date(run.finishedAt).getTime() : now;
  const s = Math.max(0, Math.round((end - new Date(run.startedAt).getTime()) / 1000));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** Every run, filtered by campaign and result, a page at a time; each opens its detail. */
export function RunsView() {
  const { t: tf, formatTime, runStatusLabel } = useI18n();
  const t = useTexts();
  const countsText = useCountsText();
  const ids = useId();
  const [kind, setKind] = useState<Run['kind'] | ''>('');
  const [status, setStatus] = useState<Run['status'] | ''>('');
  const [page, setPage] = useState(1);
  const { data } = useOperation('runs.list', { page, pageSize: PAGE_SIZE, kind: kind || undefined, status: status || undefined });
  return (
    <section className="card card-wide" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('runsHeading')}</h2>
      <div className="filters">
        <label>
          {t('filterKind')}{' '}
          <select value={kind} onChange={(e) => (setKind(e.target.value as Run['kind'] | ''), setPage(1))}>
            <option value="">{t('filterAll')}</option>
            {RUN_KINDS.map((k) => (
              <option key={k} value={k}>
                {tf(`runKind_${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterStatus')}{' '}
          <select value={status} onChange={(e) => (setStatus(e.target.value as Run['status'] | ''), setPage(1))}>
            <option value="">{t('filterAll')}</option>
            {RUN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {runStatusLabel(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {data && data.items.length === 0 && <p>{t('noRuns')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-scroll">
          <table className="runs-table">
            <caption className="visually-hidden">{t('runsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colRun')}</th>
                <th scope="col">{t('colKind')}</th>
                <th scope="col">{t('colTrigger')}</th>
                <th scope="col">{t('colDryRun')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colCounts')}</th>
                <th scope="col">{t('colDuration')}</th>
                <th scope="col">{t('colError')}</th>
                <th scope="col">{t('colStarted')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((run) => (
                <tr key={run.id} data-run-id={run.id}>
                  <th scope="row">
                    <Link href={`/runs/${run.id}`}>#{run.id}</Link>
                  </th>
                  <td>{tf(`runKind_${run.kind}`)}</td>
                  <td>{tf(`runTrigger_${run.trigger}`)}</td>
                  <td>{run.dryRun ? t('yes') : t('no')}</td>
                  <td className={`run-status run-${run.status}`}>{runStatusLabel(run.status)}</td>
                  <td>{countsText(run.counts)}</td>
                  <td>{run.finishedAt ? duration(run) : t('running')}</td>
                  <td>
                    {run.errorCode && <span className="error-code">{run.errorCode}</span>} {run.errorMessage}
                  </td>
                  <td>
                    <time dateTime={run.startedAt}>{formatTime(run.startedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && <Pager label={t('runsHeading')} page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} />}
    </section>
  );
}
