import { Field, SettingsFormShell, useFormTexts, useSettingsForm, type SettingsForm } from '../../../components/form/index.js';
import { useTexts } from './texts.js';

const RANGES = [
  ['pacing.messageGapSeconds', 'messageGapMin', 'messageGapMax'],
  ['pacing.visitGapSeconds', 'visitGapMin', 'visitGapMax'],
  ['pacing.typingDelayMs', 'typingMin', 'typingMax'],
] as const;
const FIELDS = ['pacing.scale', ...RANGES.map(([path]) => path)];

/** A [min, max] pair edited as two number inputs; the error of the pair shows under it. */
function RangeFields({ form, path, minLabel, maxLabel }: { form: SettingsForm; path: string; minLabel: string; maxLabel: string }) {
  const pair = form.value<[number, number]>(path) ?? [0, 0];
  const proxy = (index: 0 | 1): SettingsForm => ({
    ...form,
    errors: index === 1 && form.errors[path] ? { [`${path}.1`]: form.errors[path] } : {},
    value: () => pair[index] as never,
    set: (_p, v) => form.set(path, index === 0 ? [v, pair[1]] : [pair[0], v]),
  });
  return (
    <>
      <Field form={proxy(0)} path={`${path}.0`} label={minLabel} type="number" min={0} />
      <Field form={proxy(1)} path={`${path}.1`} label={maxLabel} type="number" min={0} />
    </>
  );
}

export function PacingSection() {
  const tx = useTexts();
  const form = useSettingsForm(FIELDS, useFormTexts()('leaveQuestion'));
  if (!form.ready) return null;
  return (
    <section className="card" aria-labelledby="settings-pacing-heading" id="settings-pacing">
      <h2 id="settings-pacing-heading">{tx('title')}</h2>
      <p className="note">{tx('explain')}</p>
      <SettingsFormShell form={form} labelledBy="settings-pacing-heading">
        <div className="field-grid">
          <Field form={form} path="pacing.scale" label={tx('scale')} type="number" min={0} max={10} step={0.1} />
          {RANGES.map(([path, min, max]) => (
            <RangeFields key={path} form={form} path={path} minLabel={tx(min)} maxLabel={tx(max)} />
          ))}
        </div>
      </SettingsFormShell>
    </section>
  );
}
