import { useState } from 'react';
import { useClient } from '../../../api/client-context.js';
import { asApiError } from '../../../api/client.js';
import { useOperation } from '../../../api/operations.js';
import { saveToken } from '../../../api/token.js';
import { Field, SettingsFormShell, useFormTexts, useSettingsForm } from '../../../components/form/index.js';
import { useToasts } from '../../../components/toasts.js';
import { useTexts } from './texts.js';

const FIELDS = ['server.port'];

export function ServerSection() {
  const tx = useTexts();
  const toasts = useToasts();
  const client = useClient();
  const form = useSettingsForm(FIELDS, useFormTexts()('leaveQuestion'));
  const [shown, setShown] = useState(false);
  const token = useOperation('token.get', {}, { enabled: shown });
  const [rotating, setRotating] = useState(false);
  // Called directly, not through a mutation: refreshing queries with the old token would sign the panel out.
  const rotate = async () => {
    setRotating(true);
    try {
      const answer = await client.call('token.rotate', {});
      if (client.mode === 'http') {
        // The old token is refused from now on: keep the new one for this tab and reconnect with it.
        saveToken(window, answer.token);
        window.location.reload();
      } else toasts.info(tx('rotated'));
    } catch (e) {
      toasts.error(asApiError(e));
    } finally {
      setRotating(false);
    }
  };
  const copy = async () => {
    const value = token.data?.token;
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value);
      toasts.info(tx('copied'));
    } catch {
      toasts.info(tx('copyFailed'));
    }
  };
  if (!form.ready) return null;
  return (
    <section className="card" aria-labelledby="settings-server-heading" id="settings-server">
      <h2 id="settings-server-heading">{tx('title')}</h2>
      <p className="note">{tx('explain')}</p>
      <SettingsFormShell form={form} labelledBy="settings-server-heading">
        <Field form={form} path="server.port" label={tx('port')} type="number" min={0} max={65535} />
      </SettingsFormShell>
      <h3 id="settings-token-heading">{tx('token')}</h3>
      <p className="token-value">
        <code aria-labelledby="settings-token-heading" data-testid="api-token">{shown && token.data ? token.data.token : tx('hidden')}</code>
      </p>
      {token.data?.source === 'env' && <p className="note">{tx('envNote')}</p>}
      <div className="button-row">
        <button type="button" onClick={() => setShown((s) => !s)} aria-pressed={shown}>
          {shown ? tx('hide') : tx('show')}
        </button>
        <button type="button" onClick={() => void copy()} disabled={!shown || !token.data}>
          {tx('copy')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={rotating}
          onClick={() => {
            if (window.confirm(tx('rotateConfirm'))) void rotate();
          }}
        >
          {tx('rotate')}
        </button>
      </div>
    </section>
  );
}
