import type { Status } from '../../src-shared/domain.js';
import { useOperationMutation } from '../api/operations.js';
import { useI18n, type MessageKey } from '../i18n/index.js';

/** The status model names the operation that resolves the current state; these are the ones a button can run. */
const LABELS: Record<string, MessageKey> = {
  'account.connect': 'action_account.connect',
  'schedule.resume': 'action_schedule.resume',
  'campaigns.birthday.run': 'action_campaigns.birthday.run',
  'runs.stop': 'action_runs.stop',
};

export function ActionButton({ status }: { status: Status }) {
  const { t } = useI18n();
  const connect = useOperationMutation('account.connect', { invalidates: ['account.status'] });
  const resume = useOperationMutation('schedule.resume', { invalidates: ['schedule.get'] });
  const run = useOperationMutation('campaigns.birthday.run', { invalidates: ['runs.list'] });
  const stop = useOperationMutation('runs.stop', { invalidates: ['runs.list'] });
  const label = status.action ? LABELS[status.action] : undefined;
  if (!label) return null;
  const busy = connect.isPending || resume.isPending || run.isPending || stop.isPending;
  const perform = () => {
    switch (status.action) {
      case 'account.connect':
        return connect.mutate({});
      case 'schedule.resume':
        return resume.mutate({});
      case 'campaigns.birthday.run':
        return run.mutate({});
      case 'runs.stop':
        if (status.currentRun) stop.mutate({ id: status.currentRun.id });
        return;
    }
  };
  return (
    <div className="status-action">
      <button type="button" onClick={perform} disabled={busy} aria-busy={busy}>
        {busy ? t('actionWorking') : t(label)}
      </button>
    </div>
  );
}
