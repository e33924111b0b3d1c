import { Field, SettingsFormShell, useFormTexts, useSettingsForm } from '../../../components/form/index.js';
import { QuotaTable } from '../../../components/QuotaTable.js';
import { useStatus } from '../../../api/use-status.js';
import { useTexts } from './texts.js';

const FIELDS = ['limits.messagesPerDay', 'limits.messagesPerWeek', 'limits.visitsPerDay', 'limits.visitsPerWeek', 'limits.warmup'] as const;
const MAXIMUMS: Record<(typeof FIELDS)[number], number> = {
  'limits.messagesPerDay': 100,
  'limits.messagesPerWeek': 500,
  'limits.visitsPerDay': 500,
  'limits.visitsPerWeek': 2500,
  'limits.warmup': 0,
};

export function LimitsSection() {
  const tx = useTexts();
  const form = useSettingsForm(FIELDS, useFormTexts()('leaveQuestion'));
  const { data: status } = useStatus();
  if (!form.ready) return null;
  return (
    <section className="card" aria-labelledby="settings-limits-heading" id="settings-limits">
      <h2 id="settings-limits-heading">{tx('title')}</h2>
      <p className="note">{tx('explain')}</p>
      <SettingsFormShell form={form} labelledBy="settings-limits-heading">
        <div className="field-grid">
          {(['messagesPerDay', 'messagesPerWeek', 'visitsPerDay', 'visitsPerWeek'] as const).map((key) => (
            <Field
              key={key}
              form={form}
              path={`limits.${key}`}
              label={tx(key)}
              type="number"
              min={0}
              max={MAXIMUMS[`limits.${key}`]}
              hint={tx('max', { n: MAXIMUMS[`limits.${key}`] })}
            />
          ))}
        </div>
        <Field form={form} path="limits.warmup" label={tx('warmup')} type="checkbox" hint={tx('warmupHint')} />
      </SettingsFormShell>
      {status && (
        <div className="limits-usage">
          <h3>{tx('usage')}</h3>
          <QuotaTable quotas={status.quotas} />
        </div>
      )}
    </section>
  );
}
