import { Link } from 'wouter';
import { useEvent } from '../../api/live-updates.js';
import { useQueryClient } from '@tanstack/react-query';
import { opKey, useOperation } from '../../api/operations.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { RunSummary } from '../../components/RunSummary.js';
import { InteractionList } from './InteractionList.js';
import { LogLines } from './LogLines.js';
import { duration } from './RunsView.js';
import { useTexts } from './texts.js';

/** One run: its summary, every interaction it recorded, and the log lines it wrote. */
export function RunDetail({ id }: { id: number }) {
  const t = useTexts();
  const queryClient = useQueryClient();
  const run = useOperation('runs.get', { id }, { retry: false });
  const interactions = useOperation('interactions.list', { runId: id, pageSize: 500 });
  const logs = useOperation('logs.recent', { runId: id, limit: 1000 });
  // While the run goes on, its new lines and interactions appear as they are logged.
  useEvent('log.line', (line) => {
    if (line.runId !== id) return;
    void queryClient.invalidateQueries({ queryKey: opKey('logs.recent', { runId: id, limit: 1000 }) });
    void queryClient.invalidateQueries({ queryKey: opKey('interactions.list', { runId: id, pageSize: 500 }) });
  });
  return (
    <>
      <p>
        <Link href="/">{t('backToRuns')}</Link>
      </p>
      <h2 className="page-subtitle">{t('runHeading', { id })}</h2>
      {run.error && <ErrorNotice error={run.error} />}
      {run.data && (
        <section className="card card-wide" aria-label={t('runHeading', { id })}>
          <RunSummary run={run.data} />
          {run.data.finishedAt && (
            <p>
              {t('colDuration')}: {duration(run.data)}
            </p>
          )}
        </section>
      )}
      <section className="card card-wide" aria-labelledby="run-interactions-h">
        <h3 id="run-interactions-h">{t('runInteractions')}</h3>
        {interactions.data && interactions.data.items.length === 0 && <p>{t('noInteractions')}</p>}
        {interactions.data && interactions.data.items.length > 0 && (
          <InteractionList items={interactions.data.items} label={t('runInteractions')} />
        )}
      </section>
      <section className="card card-wide" aria-labelledby="run-log-h">
        <h3 id="run-log-h">{t('runLog')}</h3>
        {logs.data && logs.data.lines.length === 0 && <p>{t('noLogLines')}</p>}
        {logs.data && logs.data.lines.length > 0 && <LogLines lines={logs.data.lines} label={t('runLog')} />}
      </section>
    </>
  );
}
