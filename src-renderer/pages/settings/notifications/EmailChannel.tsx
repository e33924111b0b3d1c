import { useState, type FormEvent } from 'react';
import type { NotificationsSettings } from '../../../../src-shared/settings.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { EventChoices } from './EventChoices.js';
import { SecretField } from './SecretField.js';
import { SendTest } from './SendTest.js';
import { useTexts } from './texts.js';
import { useSaveChannel } from './use-save-channel.js';

type Email = NotificationsSettings['email'];

export function EmailChannel({ initial, passwordSet }: { initial: Email; passwordSet: boolean }) {
  const tx = useTexts();
  const [form, setForm] = useState({ ...initial, to: initial.to.join(', ') });
  const [password, setPassword] = useState('');
  const [clearPassword, setClearPassword] = useState(false);
  const { save, error, pending } = useSaveChannel();
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const to = form.to.split(/[,;\s]+/).filter(Boolean);
    const secret = password ? { emailPassword: password } : clearPassword ? { emailPassword: null } : null;
    if (await save({ email: { ...form, to } }, secret)) {
      setPassword('');
      setClearPassword(false);
    }
  };
  const field = (key: 'host' | 'user' | 'from' | 'to', type = 'text') => (
    <div className="notify-field">
      <label htmlFor={`notify-email-${key}`}>{tx(key)}</label>
      <input id={`notify-email-${key}`} type={type} value={form[key]} onChange={(e) => set(key, e.target.value)} />
    </div>
  );
  return (
    <form className="notify-channel" aria-labelledby="notify-email-heading" onSubmit={(e) => void submit(e)}>
      <h3 id="notify-email-heading">{tx('emailHeading')}</h3>
      <div className="notify-check">
        <input id="notify-email-enabled" type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} />
        <label htmlFor="notify-email-enabled">{tx('enabled')}</label>
      </div>
      <div className="notify-grid">
        {field('host')}
        <div className="notify-field">
          <label htmlFor="notify-email-port">{tx('port')}</label>
          <input
            id="notify-email-port"
            type="number"
            min={1}
            max={65535}
            value={form.port}
            onChange={(e) => set('port', Number(e.target.value))}
          />
        </div>
        <div className="notify-field">
          <label htmlFor="notify-email-tls">{tx('tls')}</label>
          <select id="notify-email-tls" value={form.tls} onChange={(e) => set('tls', e.target.value as Email['tls'])}>
            {(['starttls', 'tls', 'none'] as const).map((m) => (
              <option key={m} value={m}>
                {tx(`tls_${m}`)}
              </option>
            ))}
          </select>
        </div>
        {field('user')}
        <SecretField
          id="notify-email-password"
          label={tx('password')}
          type="password"
          isSet={passwordSet}
          value={password}
          onChange={setPassword}
          clear={clearPassword}
          onClear={setClearPassword}
        />
        {field('from', 'email')}
        {field('to')}
      </div>
      <EventChoices idPrefix="notify-email" value={form.events} onChange={(v) => set('events', v)} />
      {error && <ErrorNotice error={error} />}
      <div className="notify-actions">
        <button type="submit" disabled={pending} aria-busy={pending}>
          {tx('save')}
        </button>
        <SendTest channel="email" disabled={pending} />
      </div>
    </form>
  );
}
