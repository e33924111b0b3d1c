import type { Run } from '../../src-shared/domain.js';
import type { BrowserEngine, BrowserEngineOptions } from './browser/engine.js';
import { browserHandlers } from './browser/handlers.js';
import type { CampaignDeps } from './campaigns/deps.js';
import { CampaignRunner } from './campaigns/runner.js';
import type { CoreContext, PartialHandlers } from './context.js';
import type { RapportError } from '../../src-shared/errors.js';
import { refusingEngine } from './browser/refusing-engine.js';
import { SELECTOR_CATALOGUE } from './browser/selector-catalogue.js';
import { SelectorRepository } from './browser/selector-repo.js';
import { Scheduler, type ScheduledRun } from './schedule/scheduler.js';

/** Services built on top of the base context: the browser engine, campaigns, the schedule. */
export interface Extensions {
  handlers: PartialHandlers;
  /** The browser engine, loaded (with playwright-core) on first use. */
  engine(): Promise<BrowserEngine>;
  /** True once something needed the engine: an idle app never loads it. */
  engineLoaded(): boolean;
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

/**
 * The browser engine and the campaign code are imported when a run, a plan or an account action
 * first needs them: an idle app (store, settings, quotas, scheduler, server) never pays for
 * playwright-core. Each import happens once; later calls reuse the module.
 */
function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((e: unknown) => {
      loading = null;
      throw e;
    });
    return loading;
  };
}

export async function createExtensions(ctx: CoreContext, options: ExtensionOptions = {}): Promise<Extensions> {
  let loadedEngine: BrowserEngine | null = null;
  const engine = onDemand(async () => {
    // A reader beside the folder's owner never starts a browser.
    if (options.readerOf) return refusingEngine(ctx, options.readerOf);
    const { createBrowserEngine } = await import('./browser/engine.js');
    loadedEngine = createBrowserEngine(ctx, options.browser);
    return loadedEngine;
  });
  const birthday = onDemand(() => import('./campaigns/birthday.js'));
  const sourcing = onDemand(() => import('./campaigns/sourcing.js'));
  const runner = new CampaignRunner(ctx);
  // Only the folder's owner may decide that a run left `running` is over.
  if (!options.readerOf) {
    runner.recoverInterrupted();
    // The built-in selectors are data: seeded at start, so a first browser action writes nothing extra.
    new SelectorRepository(ctx.store.database.db).seed(SELECTOR_CATALOGUE);
  }
  const deps = async (): Promise<CampaignDeps> => ({ ctx, engine: await engine(), runner });

  // Resolves once the run has started: the schedule keeps its timers armed during a run, so a slot
  // that comes meanwhile is seen (and skipped with RUN_IN_PROGRESS) rather than silently missed.
  const trigger = async ({ kind, search }: ScheduledRun) => {
    const { done } =
      kind === 'birthday'
        ? (await birthday()).startBirthdayRun(await deps(), {}, 'schedule')
        : (await sourcing()).startSourcingRun(await deps(), search === null ? {} : { search }, 'schedule');
    // How the run ended is the runner's to report (events, log, notifications).
    done.catch(() => {});
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
    'campaigns.birthday.run': async (input) => ({ runId: (await birthday()).startBirthdayRun(await deps(), input, 'manual').run.id }),
    'campaigns.sourcing.run': async (input) => ({ runId: (await sourcing()).startSourcingRun(await deps(), input, 'manual').run.id }),
    'runs.stop': async ({ id }) => runner.stop(id),
    'plan.birthday': async () => (await birthday()).planBirthday(await deps(), new AbortController().signal),
    'schedule.get': async () => scheduler.view(),
    'schedule.pause': async ({ hours }) => scheduler.pauseFor(hours ?? null, 'Paused by you.', 'user'),
    'schedule.resume': async () => scheduler.resume(),
  };

  return {
    handlers,
    engine,
    engineLoaded: () => loadedEngine !== null,
    runner,
    scheduler,
    currentRun: () => runner.current(),
    currentWait: () => runner.currentWait(),
    async stop() {
      scheduler.stop();
      await runner.stopAll();
      await loadedEngine?.stop();
    },
  };
}
