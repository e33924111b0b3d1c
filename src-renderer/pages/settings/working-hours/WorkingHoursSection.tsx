import { Field, SettingsFormShell, useFormTexts, useSettingsForm } from '../../../components/form/index.js';
import { useTexts } from './texts.js';

const FIELDS = ['workingHours.enabled', 'workingHours.days', 'workingHours.start', 'workingHours.end', 'timeZone'];
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function WorkingHoursSection() {
  const tx = useTexts();
  const form = useSettingsForm(FIELDS, useFormTexts()('leaveQuestion'));
  if (!form.ready) return null;
  const days = form.value<number[]>('workingHours.days') ?? [];
  const toggle = (day: number, on: boolean) =>
    form.set('workingHours.days', on ? [...days, day].sort((a, b) => a - b) : days.filter((d) => d !== day));
  return (
    <section className="card" aria-labelledby="settings-hours-heading" id="settings-hours">
      <h2 id="settings-hours-heading">{tx('title')}</h2>
      <p className="note">{tx('explain')}</p>
      <SettingsFormShell form={form} labelledBy="settings-hours-heading">
        <Field form={form} path="workingHours.enabled" label={tx('enabled')} type="checkbox" />
        <fieldset className="days">
          <legend>{tx('days')}</legend>
          {DAYS.map((day) => (
            <label key={day} className="day">
              <input type="checkbox" checked={days.includes(day)} onChange={(e) => toggle(day, e.target.checked)} />
              {tx(`d${day}`)}
            </label>
          ))}
          {form.errors['workingHours.days'] && (
            <span className="field-error" role="alert">
              {form.errors['workingHours.days']}
            </span>
          )}
        </fieldset>
        <div className="field-grid">
          <Field form={form} path="workingHours.start" label={tx('start')} />
          <Field form={form} path="workingHours.end" label={tx('end')} />
          <Field form={form} path="timeZone" label={tx('timeZone')} hint={tx('timeZoneHint')} />
        </div>
      </SettingsFormShell>
    </section>
  );
}
