import { useState, type FormEvent } from 'react';
import type { NotificationsSettings } from '../../../../src-shared/settings.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { EventChoices } from './EventChoices.js';
import { SecretField } from './SecretField.js';
import { SendTest } from './SendTest.js';
import { useTexts } from './texts.js';
import { useSaveChannel } from './use-save-channel.js';

type Webhook = NotificationsSettings['webhook'];

export function WebhookChannel({ initial, urlSet }: { initial: Webhook; urlSet: boolean }) {
  const tx = useTexts();
  const [form, setForm] = useState(initial);
  const [url, setUrl] = useState('');
  const [clearUrl, setClearUrl] = useState(false);
  const { save, error, pending } = useSaveChannel();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const secret = url ? { webhookUrl: url.trim() } : clearUrl ? { webhookUrl: null } : null;
    if (await save({ webhook: form }, secret)) {
      setUrl('');
      setClearUrl(false);
    }
  };
  return (
    <form className="notify-channel" aria-labelledby="notify-webhook-heading" onSubmit={(e) => void submit(e)}>
      <h3 id="notify-webhook-heading">{tx('webhookHeading')}</h3>
      <div className="notify-check">
        <input
          id="notify-webhook-enabled"
          type="checkbox"
          checked={form.enabled}
          onChange={(e) => setForm((f) => ({ ...f, enabled: e.target.checked }))}
        />
        <label htmlFor="notify-webhook-enabled">{tx('enabled')}</label>
      </div>
      <div className="notify-grid">
        <div className="notify-field">
          <label htmlFor="notify-webhook-format">{tx('format')}</label>
          <select
            id="notify-webhook-format"
            value={form.format}
            onChange={(e) => setForm((f) => ({ ...f, format: e.target.value as Webhook['format'] }))}
          >
            {(['json', 'ntfy', 'slack'] as const).map((m) => (
              <option key={m} value={m}>
                {tx(`format_${m}`)}
              </option>
            ))}
          </select>
        </div>
        <SecretField
          id="notify-webhook-url"
          label={tx('url')}
          type="url"
          isSet={urlSet}
          value={url}
          onChange={setUrl}
          clear={clearUrl}
          onClear={setClearUrl}
        />
      </div>
      <EventChoices idPrefix="notify-webhook" value={form.events} onChange={(events) => setForm((f) => ({ ...f, events }))} />
      {error && <ErrorNotice error={error} />}
      <div className="notify-actions">
        <button type="submit" disabled={pending} aria-busy={pending}>
          {tx('save')}
        </button>
        <SendTest channel="webhook" disabled={pending} />
      </div>
    </form>
  );
}
