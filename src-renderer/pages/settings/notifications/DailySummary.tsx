import { useState, type FormEvent } from 'react';
import type { NotificationsSettings } from '../../../../src-shared/settings.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { useTexts } from './texts.js';
import { useSaveChannel } from './use-save-channel.js';

export function DailySummary({ initial }: { initial: NotificationsSettings['dailySummary'] }) {
  const tx = useTexts();
  const [form, setForm] = useState(initial);
  const { save, error, pending } = useSaveChannel();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save({ dailySummary: form }, null);
  };
  return (
    <form className="notify-channel" aria-labelledby="notify-summary-heading" onSubmit={submit}>
      <h3 id="notify-summary-heading">{tx('summaryHeading')}</h3>
      <div className="notify-field">
        <label htmlFor="notify-summary-time">{tx('summaryTime')}</label>
        {/* A plain HH:MM field (validated by the settings schema): one tab stop, the same in every browser. */}
        <input
          id="notify-summary-time"
          type="text"
          inputMode="numeric"
          placeholder="HH:MM"
          pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
          maxLength={5}
          value={form.time}
          onChange={(e) => setForm((f) => ({ ...f, time: e.target.value }))}
        />
      </div>
      <div className="notify-check">
        <input
          id="notify-summary-full-names"
          type="checkbox"
          checked={form.fullNames}
          onChange={(e) => setForm((f) => ({ ...f, fullNames: e.target.checked }))}
        />
        <label htmlFor="notify-summary-full-names">{tx('fullNames')}</label>
      </div>
      {error && <ErrorNotice error={error} />}
      <div className="notify-actions">
        <button type="submit" disabled={pending} aria-busy={pending}>
          {tx('save')}
        </button>
      </div>
    </form>
  );
}
