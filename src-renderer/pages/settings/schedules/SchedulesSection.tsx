import { useOperation } from '../../../api/operations.js';
import { Field, SettingsFormShell, useFormTexts, useSettingsForm } from '../../../components/form/index.js';
import { useI18n } from '../../../i18n/index.js';
import { useTexts } from './texts.js';

const FIELDS = ['schedule.birthday', 'schedule.sourcing', 'schedule.jitterMinutes'];

export function SchedulesSection() {
  const tx = useTexts();
  const { formatTime, formatDate } = useI18n();
  const form = useSettingsForm(FIELDS, useFormTexts()('leaveQuestion'));
  const { data: schedule } = useOperation('schedule.get', {});
  if (!form.ready) return null;
  return (
    <section className="card" aria-labelledby="settings-schedules-heading" id="settings-schedules">
      <h2 id="settings-schedules-heading">{tx('title')}</h2>
      <p className="note">{tx('explain')}</p>
      <SettingsFormShell form={form} labelledBy="settings-schedules-heading">
        <div className="field-grid">
          <Field form={form} path="schedule.birthday" label={tx('birthday')} hint={tx('birthdayHint')} />
          <Field form={form} path="schedule.sourcing" label={tx('sourcing')} hint={tx('sourcingHint')} />
          <Field form={form} path="schedule.jitterMinutes" label={tx('jitter')} type="number" min={0} max={120} />
        </div>
      </SettingsFormShell>
      {schedule && (
        <dl className="facts">
          {schedule.jobs.map((job) => (
            <div key={`${job.kind}:${job.search ?? ''}`}>
              <dt>{job.search ? tx('search', { name: job.search }) : job.kind === 'birthday' ? tx('birthday') : tx('sourcing')}</dt>
              <dd>{job.nextRunAt ? `${formatDate(job.nextRunAt)} ${formatTime(job.nextRunAt)}` : tx('none')}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
