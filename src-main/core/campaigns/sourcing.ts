import type { Run } from '../../../src-shared/domain.js';
import type { CampaignDeps } from './deps.js';
import { planSourcingRun, type SourcingRunInput } from './sourcing-plan.js';
import { assertWorkingHours, runSourcing } from './sourcing-run.js';

export { buildSearchUrl } from './search-url.js';
export { fitScore } from './fit-score.js';
export { LAST_DRY_RUN_KEY, type LastDryRun, type DryRunProfile } from './sourcing-run.js';
export { planSourcingRun, type SourcingRunInput, type SourcingPlan, type PlannedSearch } from './sourcing-plan.js';

export type { CampaignDeps } from './deps.js';

/**
 * Starts a sourcing run (SPEC §2.2) in the background and returns its row at once.
 *
 * - `search`: a saved search by name (a search's own schedule starts it so); `keywords` (+ `location`):
 *   an ad-hoc search validated like a saved one; neither: every saved search in turn — when the
 *   global `schedule.sourcing` starts it, only those without a schedule of their own. Bad input throws
 *   VALIDATION_FAILED here, before any run row exists.
 * - The run row records which saved searches it was for (`searches`), so the panel lists exactly
 *   what the last run of a search visited.
 * - `maxVisits` replaces each search's `maxVisitsPerRun` and also caps the whole run.
 * - `dryRun` defaults to false: unlike birthday wishes, a visit is harmless to the person visited,
 *   and `birthday.dryRun` (on for new installs) is about messages. A dry run walks the result pages
 *   only: no profile is opened, no quota used, nothing stored but the would-visit list
 *   (`app_state.sourcing.lastDryRun`, the run's `dry_run` count, and the log).
 * Counts: seen, visited, dry_run, skipped_recent, skipped_blocked, skipped_degree, failed.
 */
export function startSourcingRun(
  deps: CampaignDeps,
  input: SourcingRunInput,
  trigger: 'manual' | 'schedule',
): { run: Run; done: Promise<Run> } {
  const { ctx, engine, runner } = deps;
  const scope = trigger === 'schedule' && input.search === undefined && input.keywords === undefined ? 'unscheduled' : 'all';
  const plan = planSourcingRun(ctx.settings.get(), input, scope);
  const dryRun = input.dryRun ?? false;
  const searches = input.keywords === undefined ? plan.searches.map((s) => s.name) : [];
  return runner.start('sourcing', trigger, dryRun, async (rc) => {
    if (trigger === 'schedule') assertWorkingHours(ctx);
    rc.logger.info({ searches: plan.searches.map((s) => s.name), runCap: plan.runCap }, 'sourcing run planned');
    await engine.withLinkedIn(rc.signal, (li) => runSourcing({ ctx, rc, plan, dryRun, trigger }, li), {
      onWait: (wait) => rc.waiting(wait),
    });
  }, searches);
}
