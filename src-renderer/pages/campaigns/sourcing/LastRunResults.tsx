import { useEffect } from 'react';
import { Link } from 'wouter';
import { useLatestEvent } from '../../../api/live-updates.js';
import { useOperation } from '../../../api/operations.js';
import { RunSummary } from '../../../components/RunSummary.js';
import { useTexts } from './texts.js';

/** A run visits at most 200 profiles per search; one page holds a whole run. */
const PAGE_SIZE = 500;

/**
 * The last run of one saved search and exactly the profiles it visited for that search, with the fit
 * score each got then. A run in progress for it is shown live: its visits so far, refreshed on each.
 */
export function LastRunResults({ search }: { search: string }) {
  const tx = useTexts();
  const status = useOperation('status.get', {});
  const runs = useOperation('runs.list', { kind: 'sourcing', search, page: 1, pageSize: 1 });
  const current = status.data?.currentRun;
  const live = current?.kind === 'sourcing' && current.searches?.includes(search) ? current : null;
  const run = live ?? runs.data?.items[0] ?? null;
  const progress = useLatestEvent('run.progress');
  const visitedSoFar = live && progress?.runId === live.id ? (progress.counts.visited ?? 0) : null;
  const results = useOperation(
    'interactions.list',
    { runId: run?.id ?? 1, type: 'profile_visit', page: 1, pageSize: PAGE_SIZE },
    { enabled: run !== null && !run.dryRun },
  );
  const { refetch } = results;
  useEffect(() => {
    if (visitedSoFar !== null) void refetch();
  }, [visitedSoFar, refetch]);
  // A run over several searches visits for each in turn: only this search's visits are its results.
  const rows = (results.data?.items ?? []).filter((i) => i.payload.search === search);
  return (
    <section className="card" aria-labelledby="sourcing-last-run">
      <h2 id="sourcing-last-run">{tx('lastRunOf', { name: search })}</h2>
      {!run && runs.data && <p>{tx('noRun')}</p>}
      {run && <RunSummary run={run} />}
      {live && (
        <p className="note" role="status">
          {tx('running', { n: visitedSoFar ?? rows.length })}
        </p>
      )}
      {run?.dryRun && <p className="note">{tx('dryRunResults')}</p>}
      {run && !run.dryRun && results.data && rows.length === 0 && !live && <p>{tx('noResults')}</p>}
      {rows.length > 0 && (
        <table className="data-table" data-testid="last-run-results">
          <caption>{tx('results', { id: run?.id ?? '' })}</caption>
          <thead>
            <tr>
              <th scope="col">{tx('person')}</th>
              <th scope="col">{tx('headline')}</th>
              <th scope="col">{tx('fit')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((visit) => (
              <tr key={visit.id}>
                <th scope="row">
                  <Link href={`~/contacts/${visit.contactId}`}>{visit.contactName}</Link>
                </th>
                <td>{visit.contactHeadline ?? ''}</td>
                <td>{typeof visit.payload.score === 'number' ? visit.payload.score : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
