import { Cron } from 'croner';
import { isRapportError } from '../../../src-shared/errors.js';
import type { PauseCause } from '../../../src-shared/status-text.js';
import type { RunKind } from '../campaigns/runner.js';
import type { CoreContext } from '../context.js';
import { accountStatusFrom } from '../status.js';
import { jobLabel, scheduledJobs, type ScheduledRun } from './jobs.js';

export type { ScheduledRun } from './jobs.js';

export interface PauseState {
  /** ISO time the pause ends, or null for "until resumed". */
  until: string | null;
  reason: string;
  /** Why, as a code the status renders in the user's language (older pauses have none). */
  cause?: PauseCause;
}

export interface ScheduleView {
  paused: boolean;
  pausedUntil: string | null;
  pauseReason: string | null;
  pauseCause?: PauseCause | null;
  /** Birthday, the global sourcing slot (`search` null), then each saved search with its own schedule. */
  jobs: { kind: RunKind; search: string | null; expression: string | null; nextRunAt: string | null }[];
}

const PAUSE_KEY = 'schedule.pause';
const LAST_TRIGGER_KEY = 'schedule.lastTriggered';
/** Timers are re-armed at least this often so clock changes, DST and setting edits are picked up. */
const MAX_TIMER_MS = 15 * 60_000;

function localDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Throws when the expression is not a valid cron pattern; used to validate settings. */
export function cronProblem(expression: string | null): string | null {
  if (expression === null) return null;
  try {
    new Cron(expression, { paused: true }).stop();
    return null;
  } catch (e) {
    return `is not a valid cron expression: ${(e as Error).message}`;
  }
}

export function previousRunOf(expression: string | null, timeZone: string, before: Date): Date | null {
  if (!expression) return null;
  const job = new Cron(expression, { paused: true, timezone: timeZone });
  try {
    return job.previousRuns(1, before)[0] ?? null;
  } finally {
    job.stop();
  }
}

export function nextRunOf(expression: string | null, timeZone: string, after: Date): Date | null {
  if (!expression) return null;
  const job = new Cron(expression, { paused: true, timezone: timeZone });
  try {
    return job.nextRun(after);
  } finally {
    job.stop();
  }
}

/**
 * Scheduled runs from the `schedule.*` settings and the saved searches' own schedules (croner patterns
 * in the user's time zone), with a start jitter from the seeded RNG, pause/resume (also set by guard
 * stops), and one catch-up run when the app was not running at the birthday slot today.
 *
 * One run at a time: a slot that comes while any run is in progress is skipped and logged, never
 * queued; the next slot of that job is the next chance.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  /** Aborts a start jitter in progress when the app stops, so shutdown never waits up to half an hour. */
  private readonly shutdown = new AbortController();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly ctx: CoreContext,
    /** Starts the run and resolves once it has started (not when it ends); throws RUN_IN_PROGRESS when busy. */
    private readonly trigger: (job: ScheduledRun) => Promise<void>,
  ) {
    this.unsubscribe = ctx.settings.onChange(() => this.arm());
  }

  private pause(): PauseState | null {
    const state = this.ctx.store.appState.get<PauseState>(PAUSE_KEY);
    if (!state) return null;
    if (state.until && new Date(state.until) <= this.ctx.clock.now()) {
      // Only the folder's owner tidies up; a read-only core just sees the pause as over.
      if (!this.ctx.readOnly) this.ctx.store.appState.delete(PAUSE_KEY);
      return null;
    }
    return state;
  }

  view(): ScheduleView {
    const settings = this.ctx.settings.get();
    const now = this.ctx.clock.now();
    const pause = this.pause();
    const after = pause?.until ? new Date(pause.until) : now;
    const jobs = scheduledJobs(settings).map(({ kind, search, expression, enabled }) => {
      const next = enabled ? nextRunOf(expression, settings.timeZone, after) : null;
      return { kind, search, expression, nextRunAt: pause && !pause.until ? null : (next?.toISOString() ?? null) };
    });
    return { paused: pause !== null, pausedUntil: pause?.until ?? null, pauseReason: pause?.reason ?? null, pauseCause: pause ? (pause.cause ?? 'other') : null, jobs };
  }

  pauseFor(hours: number | null, reason: string, cause: PauseCause = 'other'): ScheduleView {
    const until = hours === null ? null : new Date(this.ctx.clock.now().getTime() + hours * 3_600_000).toISOString();
    this.ctx.store.appState.set(PAUSE_KEY, { until, reason, cause } satisfies PauseState);
    this.ctx.logger.info({ until, reason }, 'schedule paused');
    this.arm();
    return this.view();
  }

  resume(): ScheduleView {
    this.ctx.store.appState.delete(PAUSE_KEY);
    this.arm();
    return this.view();
  }

  start(): void {
    this.stopped = false;
    this.arm();
    const missed = this.missedBirthdaySlot();
    if (missed) {
      this.ctx.logger.info({ slot: missed.toISOString() }, 'catching up the birthday run missed while the app was not running');
      void this.fire({ kind: 'birthday', search: null });
    }
  }

  /**
   * Today's birthday slot when it passed while the app was not running and no birthday run started
   * since (a Raspberry Pi rebooted at 10:00 still wishes today's birthdays). Only today's: a missed
   * yesterday is covered by belated wishes.
   */
  missedBirthdaySlot(): Date | null {
    const settings = this.ctx.settings.get();
    if (!settings.birthday.enabled || this.pause()) return null;
    const now = this.ctx.clock.now();
    const slot = previousRunOf(settings.schedule.birthday, settings.timeZone, now);
    if (!slot || localDay(slot, settings.timeZone) !== localDay(now, settings.timeZone)) return null;
    const last = this.ctx.store.runs.latestOfKind('birthday');
    return last && new Date(last.startedAt) >= slot ? null : slot;
  }

  stop(): void {
    this.stopped = true;
    this.shutdown.abort();
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Arms one timer for the earliest due slot; every job due then fires, each after its own jitter. */
  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped) return;
    const view = this.view();
    if (view.paused && !view.pausedUntil) return;
    const now = this.ctx.clock.now().getTime();
    const slots = view.jobs.filter((j) => j.nextRunAt).map((j) => ({ job: { kind: j.kind, search: j.search }, at: Date.parse(j.nextRunAt!) }));
    if (slots.length === 0) return;
    const at = Math.min(...slots.map((s) => s.at));
    const delay = Math.max(0, at - now);
    this.timer = setTimeout(() => {
      if (delay > MAX_TIMER_MS) return this.arm();
      for (const slot of slots) if (slot.at === at) void this.fire(slot.job);
    }, Math.min(delay, MAX_TIMER_MS));
    this.timer.unref?.();
  }

  private async fire(job: ScheduledRun): Promise<void> {
    const settings = this.ctx.settings.get();
    const jitterMs = this.ctx.rng.next() * settings.schedule.jitterMinutes * 60_000 * settings.pacing.scale;
    const log = { kind: job.kind, search: job.search ?? undefined };
    try {
      await this.ctx.sleep(jitterMs, this.shutdown.signal);
      if (this.stopped || this.pause()) return;
      if (accountStatusFrom(this.ctx).state === 'not-connected') {
        this.ctx.logger.info(log, 'scheduled run skipped: no LinkedIn account is connected');
        return;
      }
      this.ctx.store.appState.set(LAST_TRIGGER_KEY, { ...job, at: this.ctx.clock.now().toISOString() });
      await this.trigger(job);
    } catch (e) {
      if (this.stopped) return;
      if (isRapportError(e) && e.code === 'RUN_IN_PROGRESS') {
        this.ctx.logger.info({ ...log, runId: (e.details as { runId?: number } | undefined)?.runId }, `scheduled ${jobLabel(job)} run skipped: another run is in progress`);
      } else this.ctx.logger.warn({ err: e, ...log }, `scheduled ${jobLabel(job)} run could not start`);
    }
    // Re-arm after the minute of the trigger so the same slot does not fire twice; the run goes on
    // meanwhile, and a slot that comes during it is skipped (above), not queued.
    if (!this.stopped) setTimeout(() => this.arm(), 61_000 - (this.ctx.clock.now().getTime() % 60_000)).unref?.();
  }
}
