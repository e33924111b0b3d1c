import { useId, useState, type ChangeEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { opKey, useOperation, useOperationMutation } from '../api/operations.js';
import { useI18n } from '../i18n/index.js';
import { useAccountTexts } from './account-texts.js';
import { useToasts } from './toasts.js';

const ACCOUNT_OPS = ['account.status', 'plan.birthday'] as const;

/** The LinkedIn account: its state, connect, import a cookie file, disconnect (after confirming). Used by Today and Settings. */
export function AccountCard({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t, formatTime, accountLabel } = useI18n();
  const texts = useAccountTexts();
  const toasts = useToasts();
  const ids = useId();
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const { data: account } = useOperation('account.status', {});
  const connect = useOperationMutation('account.connect', { invalidates: [...ACCOUNT_OPS] });
  const importCookies = useOperationMutation('account.importCookies', {
    invalidates: [...ACCOUNT_OPS],
    onSuccess: () => toasts.info(texts('imported')),
  });
  // Not `plan.birthday`: refetched while the status still says connected, it would only get NOT_CONNECTED.
  // The status is refreshed before onSuccess, so the plan is dropped once nothing asks for it any more.
  const disconnect = useOperationMutation('account.disconnect', {
    invalidates: ['account.status'],
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: opKey('plan.birthday') });
      setConfirming(false);
      toasts.info(texts('disconnected'));
    },
  });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const content = await file.text();
    input.value = '';
    if (!content.trim()) {
      toasts.info(texts('importEmpty'));
      return;
    }
    importCookies.mutate({ content });
  };

  return (
    <section className="card account-card" aria-labelledby={`${ids}-heading`}>
      <Heading id={`${ids}-heading`}>{t('accountHeading')}</Heading>
      {account && (
        <>
          <p className={`account-state account-${account.state}`}>{accountLabel(account.state)}</p>
          {/* The core's message is the English sentence for the state: the panel says it in its own language. */}
          <p>{texts(`detail_${account.state}`)}</p>
          {account.connectedAt && <p>{t('accountConnectedSince', { time: formatTime(account.connectedAt) })}</p>}
          {account.lastVerifiedAt && <p>{t('accountLastVerified', { time: formatTime(account.lastVerifiedAt) })}</p>}
        </>
      )}
      <div className="account-actions">
        <button type="button" onClick={() => connect.mutate({})} disabled={connect.isPending} aria-describedby={`${ids}-connect-hint`}>
          {connect.isPending ? t('actionWorking') : texts('connect')}
        </button>
        <p id={`${ids}-connect-hint`} className="note">
          {texts('connectHint')}
        </p>
        <label className="file-field" htmlFor={`${ids}-cookies`}>
          {importCookies.isPending ? texts('importing') : texts('importLabel')}
        </label>
        <input
          id={`${ids}-cookies`}
          type="file"
          accept=".json,application/json,text/plain"
          onChange={(e) => void onFile(e)}
          disabled={importCookies.isPending}
          aria-describedby={`${ids}-cookies-hint`}
        />
        <p id={`${ids}-cookies-hint`} className="note">
          {texts('importHint')}
        </p>
        {account && account.state !== 'not-connected' && !confirming && (
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            {texts('disconnect')}
          </button>
        )}
        {confirming && (
          <div className="confirm" role="group" aria-labelledby={`${ids}-confirm`}>
            <p id={`${ids}-confirm`}>{texts('confirmDisconnect')}</p>
            <button type="button" className="danger" onClick={() => disconnect.mutate({})} disabled={disconnect.isPending}>
              {texts('confirmYes')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {texts('confirmNo')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
