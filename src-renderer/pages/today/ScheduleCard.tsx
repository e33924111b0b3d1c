import { useOperation } from '../../api/operations.js';
import { useI18n } from '../../i18n/index.js';
import { useTexts } from './texts.js';

/** When the schedule will run each campaign (and each saved search with its own schedule) next, or that it is paused. */
export function ScheduleCard() {
  const { formatTime } = useI18n();
  const t = useTexts();
  const { data: schedule } = useOperation('schedule.get', {});
  return (
    <section className="card" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">{t('scheduleHeading')}</h2>
      {schedule?.paused && (
        <p className="note">
          {t('schedulePaused', { until: schedule.pausedUntil ? t('schedulePausedUntil', { time: formatTime(schedule.pausedUntil) }) : '' })}
        </p>
      )}
      {schedule && (
        <dl className="facts">
          {schedule.jobs.map((job) => (
            <div key={`${job.kind}:${job.search ?? ''}`} className="fact">
              <dt>{job.search ? t('scheduleJob_search', { name: job.search }) : t(`scheduleJob_${job.kind}`)}</dt>
              <dd>{job.nextRunAt ? <time dateTime={job.nextRunAt}>{formatTime(job.nextRunAt)}</time> : t('scheduleNone')}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
