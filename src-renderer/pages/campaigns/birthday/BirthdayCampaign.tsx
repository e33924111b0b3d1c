import { useEffect, useState } from 'react';
import { useBirthdayPlan } from '../../../api/use-birthday-plan.js';
import { Field, SettingsFormShell, useFormTexts, useSettingsForm } from '../../../components/form/index.js';
import { useSkipReason } from '../../../components/skip-reason.js';
import { useTexts } from './texts.js';
import { TemplateList } from './TemplateList.js';

const FIELDS = [
  'birthday.enabled',
  'birthday.dryRun',
  'birthday.includeBelated',
  'birthday.maxDaysLate',
  'birthday.templatesToday',
  'birthday.templatesBelated',
  'schedule.birthday',
  'schedule.jitterMinutes',
];

const DAILY = /^(\d{1,2}) (\d{1,2}) \* \* \*$/;

/** `30 9 * * *` ↔ `09:30`; other cron expressions are edited in Settings → Schedules. */
function timeOfCron(cron: string | null): string | null {
  const m = cron ? DAILY.exec(cron) : null;
  return m ? `${m[2]!.padStart(2, '0')}:${m[1]!.padStart(2, '0')}` : null;
}
function cronOfTime(time: string): string | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  return m ? `${Number(m[2])} ${Number(m[1])} * * *` : null;
}

/** HH:MM typed as text (one tab stop, unlike a time input); the cron changes once the time is complete. */
function TimeField({ time, error, onChange }: { time: string | null; error?: string; onChange(cron: string | null): void }) {
  const tx = useTexts();
  const [text, setText] = useState(time ?? '');
  useEffect(() => setText((current) => (cronOfTime(current) && timeOfCron(cronOfTime(current)) === time ? current : (time ?? ''))), [time]);
  const incomplete = text !== '' && !cronOfTime(text);
  return (
    <div className="field">
      <label htmlFor="birthday-time">{tx('time')}</label>
      <input
        id="birthday-time"
        inputMode="numeric"
        placeholder="HH:MM"
        value={text}
        aria-invalid={incomplete || error ? true : undefined}
        aria-describedby="birthday-time-hint"
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value === '') onChange(null);
          else if (cronOfTime(e.target.value)) onChange(cronOfTime(e.target.value));
        }}
      />
      <span className={incomplete || error ? 'field-error' : 'field-hint'} id="birthday-time-hint">
        {error ?? (incomplete ? tx('timeFormat') : time ? '' : tx('noSchedule'))}
      </span>
    </div>
  );
}

export function BirthdayCampaign() {
  const tx = useTexts();
  const skipReason = useSkipReason();
  const form = useSettingsForm(FIELDS, useFormTexts()('leaveQuestion'));
  const { plan, connected } = useBirthdayPlan();
  if (!form.ready) return null;
  const cron = form.value<string | null>('schedule.birthday') ?? null;
  const time = timeOfCron(cron);
  const people = plan.data?.toSend ?? [];
  return (
    <section className="card" aria-labelledby="campaign-birthday-heading">
      <h2 id="campaign-birthday-heading">{tx('title')}</h2>
      <SettingsFormShell form={form} labelledBy="campaign-birthday-heading">
        <Field form={form} path="birthday.enabled" label={tx('enabled')} type="checkbox" />
        <Field form={form} path="birthday.dryRun" label={tx('dryRun')} type="checkbox" />
        <div className="field-grid">
          {cron && !time ? (
            <p className="note">{tx('customCron', { cron })}</p>
          ) : (
            <TimeField time={time} error={form.errors['schedule.birthday']} onChange={(next) => form.set('schedule.birthday', next)} />
          )}
          <Field form={form} path="schedule.jitterMinutes" label={tx('jitter')} type="number" min={0} max={120} />
          <Field form={form} path="birthday.maxDaysLate" label={tx('maxDaysLate')} type="number" min={0} max={15} />
        </div>
        <Field form={form} path="birthday.includeBelated" label={tx('belated')} type="checkbox" />
        <TemplateList
          title={tx('today')}
          templates={form.value<string[]>('birthday.templatesToday')}
          onChange={(next) => form.set('birthday.templatesToday', next)}
          people={people.filter((p) => p.daysLate === 0)}
          serverError={form.errors['birthday.templatesToday']}
        />
        <TemplateList
          title={tx('belatedTemplates')}
          templates={form.value<string[]>('birthday.templatesBelated')}
          onChange={(next) => form.set('birthday.templatesBelated', next)}
          people={people.filter((p) => p.daysLate > 0)}
          serverError={form.errors['birthday.templatesBelated']}
        />
      </SettingsFormShell>
      <section className="plan" aria-labelledby="birthday-plan-heading">
        <h3 id="birthday-plan-heading">{tx('planSaved')}</h3>
        {!connected && <p className="note">{tx('planNeedsAccount')}</p>}
        {plan.error && <p className="note">{tx('planUnavailable', { reason: plan.error.message })}</p>}
        {plan.data && plan.data.toSend.length === 0 && <p>{tx('planEmpty')}</p>}
        <ul className="plan-list">
          {plan.data?.toSend.map((p) => (
            <li key={p.contact.profileUrl}>
              <strong>{p.contact.fullName}</strong>
              {p.daysLate > 0 && ` (${tx('lateBy', { n: p.daysLate })})`}: <q>{p.text}</q>
            </li>
          ))}
          {plan.data?.skipped.map((s) => (
            <li key={s.contact.profileUrl} className="plan-skipped">
              {tx('skipped', { name: s.contact.fullName, reason: skipReason(s.reason) })}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
