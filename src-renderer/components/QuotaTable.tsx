import type { QuotaUsage } from '../../src-shared/domain.js';
import { useI18n } from '../i18n/index.js';

type QuotaWindow = QuotaUsage['day'];

function QuotaCell({ quota, windowLabel, usage }: { quota: string; windowLabel: string; usage: QuotaWindow }) {
  const { t, formatTime } = useI18n();
  return (
    <td>
      <span className="quota-usage">{t('quotaUsage', { used: usage.used, limit: usage.limit })}</span>
      <meter
        min={0}
        max={Math.max(usage.limit, 1)}
        value={usage.used}
        high={usage.limit * 0.8}
        optimum={0}
        aria-label={t('quotaUsageLabel', { quota, window: windowLabel, used: usage.used, limit: usage.limit })}
      />
      <span className="quota-reset">{t('resetsAt', { time: formatTime(usage.resetsAt) })}</span>
    </td>
  );
}

/** Used / limit for the day and the ISO week, as the core computes them (warm-up included). */
export function QuotaTable({ quotas }: { quotas: QuotaUsage[] }) {
  const { t } = useI18n();
  return (
    <table className="quota-table">
      <caption>{t('quotasCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('quotaColumn')}</th>
          <th scope="col">{t('dayColumn')}</th>
          <th scope="col">{t('weekColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {quotas.map((q) => {
          const name = t(`quota_${q.quota}`);
          return (
            <tr key={q.quota}>
              <th scope="row">{name}</th>
              <QuotaCell quota={name} windowLabel={t('dayColumn')} usage={q.day} />
              <QuotaCell quota={name} windowLabel={t('weekColumn')} usage={q.week} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
