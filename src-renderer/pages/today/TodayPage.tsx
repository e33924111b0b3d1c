import { useStatus } from '../../api/use-status.js';
import { QuotaTable } from '../../components/QuotaTable.js';
import { RunSummary } from '../../components/RunSummary.js';
import { useI18n } from '../../i18n/index.js';

/** Today: what `status.get` knows — account, quotas, dry run, the last run, and this installation. */
export function TodayPage() {
  const { t, formatTime, accountLabel } = useI18n();
  const { data: status } = useStatus();
  if (!status) return <h1>{t('today')}</h1>;
  const { account } = status;
  const warmup = status.quotas.some((q) => q.warmup);
  return (
    <>
      <h1>{t('today')}</h1>
      <div className="cards">
        <section className="card" aria-labelledby="account-heading">
          <h2 id="account-heading">{t('accountHeading')}</h2>
          <p className={`account-state account-${account.state}`}>{accountLabel(account.state)}</p>
          <p>{account.message}</p>
          {account.connectedAt && <p>{t('accountConnectedSince', { time: formatTime(account.connectedAt) })}</p>}
          {account.lastVerifiedAt && <p>{t('accountLastVerified', { time: formatTime(account.lastVerifiedAt) })}</p>}
        </section>

        <section className="card card-wide" aria-labelledby="quotas-heading">
          <h2 id="quotas-heading">{t('quotasHeading')}</h2>
          <QuotaTable quotas={status.quotas} />
          {warmup && <p className="note">{t('warmup')}</p>}
          <p className="note">{t(`quotaStore_${status.quotaStore}`)}</p>
        </section>

        <section className="card" aria-labelledby="dry-run-heading">
          <h2 id="dry-run-heading">{t('dryRunHeading')}</h2>
          <p className={status.dryRun ? 'dry-run-on' : 'dry-run-off'}>{status.dryRun ? t('dryRunOn') : t('dryRunOff')}</p>
        </section>

        <section className="card" aria-labelledby="last-run-heading">
          <h2 id="last-run-heading">{t('lastRunHeading')}</h2>
          {status.lastRun ? <RunSummary run={status.lastRun} /> : <p>{t('noRunYet')}</p>}
        </section>

        <section className="card" aria-labelledby="install-heading">
          <h2 id="install-heading">{t('installHeading')}</h2>
          <dl className="facts">
            <dt>{t('versionLabel')}</dt>
            <dd className="version">{status.version}</dd>
            <dt>{t('dataDirLabel')}</dt>
            <dd>
              <code className="data-dir">{status.dataDir}</code>
            </dd>
          </dl>
        </section>
      </div>
    </>
  );
}
