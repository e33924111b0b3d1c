import type { Settings } from '../../../src-shared/settings.js';
import type { RunKind } from '../campaigns/runner.js';

/** One scheduled thing to start: a campaign, and for sourcing which saved search (null = the global slot). */
export interface ScheduledRun {
  kind: RunKind;
  search: string | null;
}

export interface JobSpec extends ScheduledRun {
  expression: string | null;
  /** False when the job has nothing to run (birthday off, no saved search left for the global slot). */
  enabled: boolean;
}

/**
 * The schedule's jobs, from the settings: birthday; the global sourcing slot, which runs every saved
 * search without a schedule of its own (it is idle when each has one); then one job per saved search
 * that has its own schedule. Recomputed on every arm, so editing a search moves its job at once.
 */
export function scheduledJobs(settings: Settings): JobSpec[] {
  const searches = settings.sourcing.searches;
  return [
    { kind: 'birthday', search: null, expression: settings.schedule.birthday, enabled: settings.birthday.enabled },
    { kind: 'sourcing', search: null, expression: settings.schedule.sourcing, enabled: searches.some((s) => !s.schedule) },
    ...searches
      .filter((s) => s.schedule)
      .map((s): JobSpec => ({ kind: 'sourcing', search: s.name, expression: s.schedule ?? null, enabled: true })),
  ];
}

/** A label for logs: `sourcing "Data engineers in Lyon"`. */
export function jobLabel(job: ScheduledRun): string {
  return job.search === null ? job.kind : `${job.kind} "${job.search}"`;
}
