import { useStatus } from '../../api/use-status.js';
import { AccountCard } from '../../components/AccountCard.js';
import { QuotaTable } from '../../components/QuotaTable.js';
import { RunSummary } from '../../components/RunSummary.js';
import { useI18n } from '../../i18n/index.js';
import { DailyChart } from './DailyChart.js';
import { LiveRunCard } from './LiveRunCard.js';
import { PlanCard } from './PlanCard.js';
import { RecentRuns } from './RecentRuns.js';
import { ScheduleCard } from './ScheduleCard.js';
import { useTexts } from './texts.js';

/** Today: what the app does and why, the plan with its buttons, the run in progress, quotas, history, account. */
export function TodayPage() {
  const { t: tf, formatTime, stateLabel, lang } = useI18n();
  const t = useTexts();
  const { data: status } = useStatus();
  if (!status) return <h1>{tf('today')}</h1>;
  const warmup = status.quotas.some((q) => q.warmup);
  return (
    <>
      <h1>{tf('today')}</h1>
      <div className="cards">
        <section className={`card card-wide now-card state-${status.state}`} aria-labelledby="now-heading">
          <h2 id="now-heading">{t('nowHeading')}</h2>
          <p>
            <span className="state-badge">{stateLabel(status.state)}</span> {status.reason[lang]}
            {status.until && <> ({tf('statusUntil', { time: formatTime(status.until) })})</>}
          </p>
        </section>

        <LiveRunCard status={status} />
        <PlanCard status={status} />

        <section className="card card-wide" aria-labelledby="quotas-heading">
          <h2 id="quotas-heading">{tf('quotasHeading')}</h2>
          <QuotaTable quotas={status.quotas} />
          {warmup && <p className="note">{tf('warmup')}</p>}
          <p className="note">{tf(`quotaStore_${status.quotaStore}`)}</p>
        </section>

        <DailyChart />
        <ScheduleCard />
        <RecentRuns />

        <section className="card" aria-labelledby="last-run-heading">
          <h2 id="last-run-heading">{tf('lastRunHeading')}</h2>
          {status.lastRun ? <RunSummary run={status.lastRun} /> : <p>{tf('noRunYet')}</p>}
        </section>

        <AccountCard />

        <section className="card" aria-labelledby="dry-run-heading">
          <h2 id="dry-run-heading">{tf('dryRunHeading')}</h2>
          <p className={status.dryRun ? 'dry-run-on' : 'dry-run-off'}>{status.dryRun ? tf('dryRunOn') : tf('dryRunOff')}</p>
        </section>

        <section className="card" aria-labelledby="install-heading">
          <h2 id="install-heading">{tf('installHeading')}</h2>
          <dl className="facts">
            <dt>{tf('versionLabel')}</dt>
            <dd className="version">{status.version}</dd>
            <dt>{tf('dataDirLabel')}</dt>
            <dd>
              <code className="data-dir">{status.dataDir}</code>
            </dd>
          </dl>
        </section>
      </div>
    </>
  );
}
