import type { BirthdayPlan, Status } from '../../../src-shared/domain.js';
import { useOperation, useOperationMutation } from '../../api/operations.js';
import { useBirthdayPlan } from '../../api/use-birthday-plan.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useSkipReason } from '../../components/skip-reason.js';
import { useI18n } from '../../i18n/index.js';
import { useTexts } from './texts.js';

type Blocker = 'account' | 'running' | 'off' | 'nothing' | 'quota' | 'plan';

/** Why a run cannot start now, or null: the buttons say it instead of failing after a click. */
function blockerOf(status: Status, birthdayEnabled: boolean | undefined, plan: BirthdayPlan | undefined): Blocker | null {
  if (status.account.state !== 'connected') return 'account';
  if (status.currentRun) return 'running';
  if (birthdayEnabled === false) return 'off';
  if (!plan) return 'plan';
  if (plan.toSend.length === 0) return plan.skipped.some((s) => s.reason === 'quota') ? 'quota' : 'nothing';
  return null;
}

/** Today's plan: who is wished with which text, who is skipped and why, the budget, and the two big buttons. */
export function PlanCard({ status }: { status: Status }) {
  const { formatDate } = useI18n();
  const t = useTexts();
  const skipReason = useSkipReason();
  const { plan } = useBirthdayPlan();
  const connected = status.account.state === 'connected';
  const { data: settings } = useOperation('settings.get', {});
  const start = useOperationMutation('campaigns.birthday.run', { invalidates: ['runs.list'] });
  const blocker = blockerOf(status, settings?.settings.birthday.enabled, plan.data);
  const messagesBefore = plan.data?.quotas.before.find((q) => q.quota === 'messages');
  const messagesAfter = plan.data?.quotas.after.find((q) => q.quota === 'messages');
  const disabled = blocker !== null || start.isPending;

  return (
    <section className="card card-wide plan-card" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('planHeading')}</h2>
      {!connected && <p>{t('planNeedsAccount')}</p>}
      {connected && plan.isPending && <p aria-live="polite">{t('planLoading')}</p>}
      {plan.error && <ErrorNotice error={plan.error} onRetry={() => void plan.refetch()} />}
      {plan.data && (
        <>
          <p className="note">{t('planDate', { date: formatDate(`${plan.data.date}T12:00:00`) })}</p>
          <h3>{t('planToSend', { n: plan.data.toSend.length })}</h3>
          {plan.data.toSend.length === 0 ? (
            <p>{t('planNobody')}</p>
          ) : (
            <ul className="plan-list">
              {plan.data.toSend.map((m) => (
                <li key={m.contact.profileUrl}>
                  <strong className="plan-name">{m.contact.fullName}</strong>
                  {m.daysLate > 0 && <span className="badge">{t('planDaysLate', { n: m.daysLate })}</span>}
                  <blockquote className="plan-text" aria-label={t('planText')}>
                    {m.text}
                  </blockquote>
                </li>
              ))}
            </ul>
          )}
          {plan.data.skipped.length > 0 && (
            <>
              <h3>{t('planSkipped', { n: plan.data.skipped.length })}</h3>
              <ul className="plan-skipped">
                {plan.data.skipped.map((s) => (
                  <li key={s.contact.profileUrl}>
                    {s.contact.fullName} — {skipReason(s.reason)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {messagesBefore && messagesAfter && (
            <p className="plan-budget">
              <strong>{t('planQuotas')}</strong>: {t('planBefore', { used: messagesBefore.day.used, limit: messagesBefore.day.limit })} ·{' '}
              {t('planAfter', { used: messagesAfter.day.used, limit: messagesAfter.day.limit })}
            </p>
          )}
        </>
      )}
      <div className="run-buttons">
        <button type="button" className="big" disabled={disabled} aria-describedby={blocker ? 'run-blocker' : undefined} onClick={() => start.mutate({ dryRun: true })}>
          {t('dryRunButton')}
        </button>
        <button type="button" className="big" disabled={disabled} aria-describedby={blocker ? 'run-blocker' : undefined} onClick={() => start.mutate({})}>
          {t('runNowButton')}
        </button>
      </div>
      {blocker && (
        <p id="run-blocker" className="note run-blocker">
          {t('whyDisabled', { reason: t(`block_${blocker}`) })}
        </p>
      )}
      {!blocker && status.dryRun && <p className="note">{t('runNowDryMode')}</p>}
    </section>
  );
}
