import type { EventPayload } from '../../../src-shared/contract.js';
import type { Run } from '../../../src-shared/domain.js';
import { isRapportError, RapportError, type ErrorCode } from '../../../src-shared/errors.js';
import type { CoreContext } from '../context.js';
import type { Logger } from '../log.js';
import { ERROR_TYPES } from '../metrics.js';

export type RunKind = Run['kind'];
export type RunTrigger = Run['trigger'];

export interface WaitInfo {
  reason: string;
  ms: number;
  until: string;
}

/** What a campaign body gets: the abort signal, counters, and progress reporting. */
export interface RunContext {
  run: Run;
  signal: AbortSignal;
  logger: Logger;
  counts: Record<string, number>;
  bump(key: string, n?: number): void;
  progress(step: string, contact?: string | null, total?: number | null): void;
  /** Reports a pacing wait in progress (shown as "waiting 73 s"). */
  waiting(wait: WaitInfo | null): void;
}

export type CampaignBody = (rc: RunContext) => Promise<void>;

/** Codes that end a run as `stopped` (a normal, expected stop) rather than `failed`. */
const STOP_CODES: ErrorCode[] = ['ABORTED', 'QUOTA_EXHAUSTED', 'OUTSIDE_WORKING_HOURS'];

function errorType(code: ErrorCode): (typeof ERROR_TYPES)[number] {
  if (code === 'VALIDATION_FAILED') return 'validation';
  if (code === 'QUOTA_EXHAUSTED') return 'quota';
  if (['SESSION_EXPIRED', 'LINKEDIN_CHECKPOINT', 'LINKEDIN_RESTRICTED', 'SELECTOR_NOT_FOUND', 'RECIPIENT_MISMATCH', 'NOT_CONNECTED'].includes(code)) {
    return 'linkedin';
  }
  if (['BROWSER_NOT_FOUND', 'BROWSER_FAILED'].includes(code)) return 'browser';
  if (code.startsWith('DATABASE') || code === 'MIGRATION_FAILED') return 'database';
  return 'internal';
}

interface ActiveRun {
  run: Run;
  controller: AbortController;
  done: Promise<Run>;
  /** The pacing wait in progress, for the status model; cleared by the next progress step. */
  wait: WaitInfo | null;
}

/**
 * Run lifecycle for both campaigns: one run at a time, a `campaign_runs` row from start to end,
 * progress and finished events, immediate stop through the abort signal, interrupted-run recovery.
 */
export class CampaignRunner {
  private active: ActiveRun | null = null;
  private readonly finishedListeners = new Set<(run: Run) => void>();

  constructor(private readonly ctx: CoreContext) {}

  current(): Run | null {
    return this.active ? this.ctx.store.runs.get(this.active.run.id) : null;
  }

  /** The wait the current run is in, if it has not ended yet. */
  currentWait(): WaitInfo | null {
    const wait = this.active?.wait ?? null;
    return wait && new Date(wait.until) > this.ctx.clock.now() ? wait : null;
  }

  onFinished(listener: (run: Run) => void): () => void {
    this.finishedListeners.add(listener);
    return () => this.finishedListeners.delete(listener);
  }

  /** Marks runs left `running` by a crash as `interrupted`. Call once at start-up. */
  recoverInterrupted(): Run[] {
    const runs = this.ctx.store.runs.markRunningInterrupted();
    for (const run of runs) this.ctx.logger.warn({ runId: run.id, kind: run.kind }, 'run was interrupted by a previous stop');
    return runs;
  }

  /** Starts a run in the background and returns its row at once (HTTP answers 202 with its id). */
  start(kind: RunKind, trigger: RunTrigger, dryRun: boolean, body: CampaignBody, searches: string[] | null = null): { run: Run; done: Promise<Run> } {
    if (this.active) {
      throw new RapportError('RUN_IN_PROGRESS', `Run #${this.active.run.id} (${this.active.run.kind}) is in progress; wait for it or stop it.`, {
        runId: this.active.run.id,
      });
    }
    const { ctx } = this;
    const run = ctx.store.runs.start(kind, trigger, dryRun, searches);
    const controller = new AbortController();
    const logger = ctx.logger.child({ runId: run.id, kind });
    const counts: Record<string, number> = {};
    let lastProgress: Omit<EventPayload<'run.progress'>, 'wait'> = {
      runId: run.id,
      kind,
      step: 'starting',
      contact: null,
      counts,
      total: null,
    };
    const emitProgress = (wait: WaitInfo | null) => ctx.events.emit('run.progress', { ...lastProgress, counts: { ...counts }, wait });
    const rc: RunContext = {
      run,
      signal: controller.signal,
      logger,
      counts,
      bump(key, n = 1) {
        counts[key] = (counts[key] ?? 0) + n;
        ctx.store.runs.updateCounts(run.id, counts);
      },
      progress: (step, contact = null, total = lastProgress.total) => {
        lastProgress = { ...lastProgress, step, contact, total };
        if (this.active) this.active.wait = null;
        emitProgress(null);
      },
      waiting: (wait) => {
        if (this.active) this.active.wait = wait;
        emitProgress(wait);
      },
    };

    ctx.metrics.backgroundTasksActive.inc();
    const timer = (kind === 'birthday' ? ctx.metrics.birthdayCampaignDuration : ctx.metrics.sourcingCampaignDuration).startTimer();
    logger.info({ trigger, dryRun }, 'run started');
    rc.progress('starting');

    const done = (async (): Promise<Run> => {
      let finished: Run;
      try {
        await body(rc);
        finished = ctx.store.runs.finish(run.id, 'succeeded', counts);
      } catch (e) {
        const code: ErrorCode = isRapportError(e) ? e.code : 'INTERNAL';
        const message = isRapportError(e) ? e.message : `Unexpected error: ${(e as Error).message}`;
        const status = STOP_CODES.includes(code) ? 'stopped' : 'failed';
        if (status === 'failed') ctx.metrics.errors.inc({ type: errorType(code) });
        if (code === 'INTERNAL') logger.error({ err: e }, 'run failed');
        else logger.warn({ code, message }, `run ${status}`);
        finished = ctx.store.runs.finish(run.id, status, counts, { code, message });
      } finally {
        timer();
        ctx.metrics.backgroundTasksActive.dec();
        this.active = null;
      }
      logger.info({ status: finished.status, counts }, 'run finished');
      ctx.events.emit('run.finished', finished);
      for (const listener of this.finishedListeners) listener(finished);
      return finished;
    })();
    this.active = { run, controller, done, wait: null };
    return { run, done };
  }

  /** Aborts the run at once: every wait and page action listens to the signal. */
  async stop(id: number): Promise<Run> {
    const run = this.ctx.store.runs.mustGet(id);
    if (!this.active || this.active.run.id !== id) return run;
    this.active.controller.abort(new RapportError('ABORTED', 'Stopped by the user.'));
    return this.active.done;
  }

  /** Stops whatever runs (app shutdown) and waits for it to settle. */
  async stopAll(): Promise<void> {
    if (this.active) await this.stop(this.active.run.id);
  }
}
