import { useState } from 'react';
import type { Status } from '../../src-shared/domain.js';
import { asApiError, type ApiError, type RapportClient } from '../api/client.js';
import { useI18n, type MessageKey } from '../i18n.js';
import { ErrorNotice } from './ErrorNotice.js';

/** The status model names the operation that resolves the current state; these are the ones a button can run. */
const ACTIONS: Record<string, MessageKey> = {
  'account.connect': 'action_account.connect',
  'schedule.resume': 'action_schedule.resume',
  'campaigns.birthday.run': 'action_campaigns.birthday.run',
  'runs.stop': 'action_runs.stop',
};

async function perform(client: RapportClient, status: Status): Promise<void> {
  switch (status.action) {
    case 'account.connect':
      await client.call('account.connect', {});
      return;
    case 'schedule.resume':
      await client.call('schedule.resume', {});
      return;
    case 'campaigns.birthday.run':
      await client.call('campaigns.birthday.run', {});
      return;
    case 'runs.stop':
      if (status.currentRun) await client.call('runs.stop', { id: status.currentRun.id });
      return;
  }
}

export function ActionButton({ status, client, onDone }: { status: Status; client: RapportClient; onDone: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const label = status.action ? ACTIONS[status.action] : undefined;
  if (!label) return null;
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await perform(client, status);
      onDone();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="status-action">
      <button type="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        {busy ? t('actionWorking') : t(label)}
      </button>
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
