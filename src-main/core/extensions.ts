import type { Run } from '../../src-shared/domain.js';
import { createBrowserEngine, browserHandlers, type BrowserEngine, type BrowserEngineOptions } from './browser/index.js';
import { planBirthday, startBirthdayRun } from './campaigns/birthday.js';
import type { CampaignDeps } from './campaigns/deps.js';
import { CampaignRunner, type RunKind } from './campaigns/runner.js';
import { startSourcingRun } from './campaigns/sourcing.js';
import type { CoreContext, PartialHandlers } from './context.js';
import type { RapportError } from '../../src-shared/errors.js';
import { refusingEngine } from './browser/refusing-engine.js';
import { Scheduler } from './schedule/scheduler.js';

/** Services built on top of the base context: the browser engine, campaigns, the schedule. */
export interface Extensions {
  handlers: PartialHandlers;
  engine: BrowserEngine;
  runner: CampaignRunner;
  scheduler: Scheduler;
  /** The run in progress, for the status model. */
  currentRun(): Run | null;
  currentWait(): { reason: string; until: string } | null;
  stop(): Promise<void>;
}

export interface ExtensionOptions {
  browser?: BrowserEngineOptions;
  /** Start the schedule's timers (the app does; tests and one-shot CLI commands do not). */
  schedule?: boolean;
  /**
   * Set when another process owns the data folder: no recovery, no schedule, and anything that
   * would open the browser fails with this error instead.
   */
  readerOf?: RapportError;
}

/** Hours of pause after a restriction (SPEC §4); a checkpoint pauses until the user resumes. */
const RESTRICTION_PAUSE_HOURS = 24;

export async function createExtensions(ctx: CoreContext, options: ExtensionOptions = {}): Promise<Extensions> {
  const engine = options.readerOf ? refusingEngine(ctx, options.readerOf) : createBrowserEngine(ctx, options.browser);
  const runner = new CampaignRunner(ctx);
  // Only the folder's owner may decide that a run left `running` is over.
  if (!options.readerOf) runner.recoverInterrupted();
  const deps: CampaignDeps = { ctx, engine, runner };

  const trigger = async (kind: RunKind) => {
    const { done } =
      kind === 'birthday' ? startBirthdayRun(deps, {}, 'schedule') : startSourcingRun(deps, {}, 'schedule');
    await done;
  };
  const scheduler = new Scheduler(ctx, trigger);

  // A guard stop pauses the schedule: the user must clear a checkpoint; a restriction waits a day.
  runner.onFinished((run) => {
    if (run.errorCode === 'LINKEDIN_CHECKPOINT' || run.errorCode === 'SESSION_EXPIRED') {
      const checkpoint = run.errorCode === 'LINKEDIN_CHECKPOINT';
      scheduler.pauseFor(
        null,
        checkpoint ? 'Paused: LinkedIn asks for a security check — action needed.' : 'Paused: reconnect your LinkedIn account.',
        checkpoint ? 'checkpoint' : 'session',
      );
    } else if (run.errorCode === 'LINKEDIN_RESTRICTED') {
      scheduler.pauseFor(RESTRICTION_PAUSE_HOURS, 'Paused for 24 h: LinkedIn showed a restriction or limit.', 'restriction');
    }
  });
  if (options.schedule && !options.readerOf) scheduler.start();

  const handlers: PartialHandlers = {
    ...browserHandlers(ctx, engine),
    'campaigns.birthday.run': async (input) => ({ runId: startBirthdayRun(deps, input, 'manual').run.id }),
    'campaigns.sourcing.run': async (input) => ({ runId: startSourcingRun(deps, input, 'manual').run.id }),
    'runs.stop': async ({ id }) => runner.stop(id),
    'plan.birthday': async () => planBirthday(deps, new AbortController().signal),
    'schedule.get': async () => scheduler.view(),
    'schedule.pause': async ({ hours }) => scheduler.pauseFor(hours ?? null, 'Paused by you.', 'user'),
    'schedule.resume': async () => scheduler.resume(),
  };

  return {
    handlers,
    engine,
    runner,
    scheduler,
    currentRun: () => runner.current(),
    currentWait: () => runner.currentWait(),
    async stop() {
      scheduler.stop();
      await runner.stopAll();
      await engine.stop();
    },
  };
}
