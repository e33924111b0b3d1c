import { isRapportError, RapportError } from '../../../src-shared/errors.js';
import type { LinkedIn, ProfileData, SearchResult } from '../browser/index.js';
import type { CoreContext } from '../context.js';
import { quotaExhaustedError } from '../limits/index.js';
import { abortError } from '../util/runtime.js';
import { fitScore } from './fit-score.js';
import type { RunContext, RunTrigger } from './runner.js';
import { buildSearchUrl } from './search-url.js';
import type { PlannedSearch, SourcingPlan } from './sourcing-plan.js';
import { SKIP_COUNT, skipReason, visitDedupeKey } from './sourcing-skip.js';
import { describeWorkingHours, withinWorkingHours } from './working-hours.js';

/** `app_state` key of the last dry run's would-visit list (read by the UI and the CLI). */
export const LAST_DRY_RUN_KEY = 'sourcing.lastDryRun';

export interface DryRunProfile {
  profileUrl: string;
  fullName: string;
  headline: string | null;
}

export interface LastDryRun {
  runId: number;
  profiles: DryRunProfile[];
}

export interface SourcingRunOptions {
  ctx: CoreContext;
  rc: RunContext;
  plan: SourcingPlan;
  dryRun: boolean;
  trigger: RunTrigger;
}

/**
 * True when a failed visit never got its page loaded: the navigation itself failed (Playwright
 * reports those as `page.goto: …` — network error, timeout, browser closed mid-load). Only then is
 * the quota unit given back. Anything later (a guard page, a missing landmark, a stop while reading)
 * came after LinkedIn served the profile, so the unit stays spent: the quota is a ceiling.
 */
export function failedBeforeLoad(e: unknown): boolean {
  return !isRapportError(e) && e instanceof Error && /^page\.goto:/.test(e.message);
}

class SourcingRun {
  private readonly ctx: CoreContext;
  private readonly rc: RunContext;
  /** Profiles met in this run, across pages and searches: each is considered once. */
  private readonly seen = new Set<string>();
  private readonly wouldVisit: DryRunProfile[] = [];
  /** Visits (or would-be visits) so far, for the run-wide cap. */
  private used = 0;

  constructor(private readonly opts: SourcingRunOptions) {
    this.ctx = opts.ctx;
    this.rc = opts.rc;
  }

  private remainingCap(): number {
    return this.opts.plan.runCap === null ? Number.POSITIVE_INFINITY : Math.max(0, this.opts.plan.runCap - this.used);
  }

  async run(li: LinkedIn): Promise<void> {
    try {
      for (const search of this.opts.plan.searches) {
        const limit = Math.min(search.maxVisits, this.remainingCap());
        if (limit <= 0) break;
        const queue = await this.collect(li, search, limit);
        if (this.opts.dryRun) this.listDryRun(queue);
        else await this.visitAll(li, search, queue);
      }
    } finally {
      this.ctx.metrics.profilesQueueSize.set(0);
      if (this.opts.dryRun) this.saveDryRun();
    }
    this.rc.progress('done', null);
  }

  /** Walks result pages until `limit` people to visit are found, the page limit, or the end of results. */
  private async collect(li: LinkedIn, search: PlannedSearch, limit: number): Promise<SearchResult[]> {
    const settings = this.ctx.settings.get();
    const now = this.ctx.clock.now();
    const check = {
      store: this.ctx.store,
      now,
      revisitAfterDays: settings.sourcing.revisitAfterDays,
      todayKey: visitDedupeKey(now, settings.timeZone),
      degrees: search.degrees,
    };
    const queue: SearchResult[] = [];
    let page = 0;
    this.rc.progress(`searching "${search.name}"`, null, null);
    const urlFor = (n: number) => buildSearchUrl(settings.linkedin.baseUrl, search, n);
    for await (const result of li.search.results(urlFor, search.maxPages)) {
      this.assertRunning();
      if (result.page !== page) {
        page = result.page;
        this.rc.progress(`searching "${search.name}" page ${page}`, null, null);
      }
      if (this.seen.has(result.profileUrl)) continue;
      this.seen.add(result.profileUrl);
      this.rc.bump('seen');
      const reason = skipReason(result, check);
      if (reason) {
        this.rc.bump(SKIP_COUNT[reason]);
        this.ctx.metrics.profilesVisited.inc({ status: 'skipped' });
        continue;
      }
      queue.push(result);
      if (queue.length >= limit) break;
    }
    this.rc.logger.info({ search: search.name, pages: page, queued: queue.length }, 'search results collected');
    return queue;
  }

  private listDryRun(queue: SearchResult[]): void {
    for (const r of queue) {
      this.wouldVisit.push({ profileUrl: r.profileUrl, fullName: r.fullName, headline: r.headline });
      this.used++;
      this.rc.bump('dry_run');
      this.ctx.metrics.profilesVisited.inc({ status: 'dry_run' });
    }
  }

  private saveDryRun(): void {
    const value: LastDryRun = { runId: this.rc.run.id, profiles: this.wouldVisit };
    this.ctx.store.appState.set(LAST_DRY_RUN_KEY, value);
    this.rc.logger.info({ wouldVisit: this.wouldVisit.map((p) => `${p.fullName} <${p.profileUrl}>`) }, `dry run: would visit ${this.wouldVisit.length} profile(s)`);
  }

  /** The engine closes the browser on stop; this also stops a run between two page actions. */
  private assertRunning(): void {
    if (this.rc.signal.aborted) throw abortError(this.rc.signal);
  }

  private assertWorkingHours(): void {
    if (this.opts.trigger === 'schedule') assertWorkingHours(this.ctx);
  }

  private async visitAll(li: LinkedIn, search: PlannedSearch, queue: SearchResult[]): Promise<void> {
    const { metrics } = this.ctx;
    metrics.profilesQueueSize.set(queue.length);
    for (const [i, result] of queue.entries()) {
      // Wait first and take the quota unit after, so no unit is held through a long pause.
      if (this.used > 0) await li.pacing.betweenVisits(this.rc.signal);
      this.assertRunning();
      this.assertWorkingHours();
      const grant = await this.ctx.quotas.acquire('visits');
      if (!grant.granted) throw quotaExhaustedError(grant, this.ctx.settings.get().timeZone);
      if (this.rc.signal.aborted) {
        // Stopped while the unit was being taken: nothing was asked of LinkedIn yet.
        await this.release();
        throw abortError(this.rc.signal);
      }
      this.used++;
      this.rc.progress('visiting', result.fullName, queue.length);
      const visited = await this.visitOne(li, search, result);
      metrics.profilesQueueSize.set(queue.length - i - 1);
      metrics.profilesVisited.inc({ status: visited ? 'visited' : 'failed' });
    }
  }

  private async release(): Promise<void> {
    await this.ctx.quotas.release('visits').catch((err: unknown) => this.rc.logger.warn({ err }, 'could not give back a visits unit'));
  }

  /** Visits one profile; false when it does not exist (counted, the run goes on); throws otherwise. */
  private async visitOne(li: LinkedIn, search: PlannedSearch, result: SearchResult): Promise<boolean> {
    const { ctx, rc } = this;
    let profile: ProfileData;
    try {
      profile = await li.profile.visit(result.publicId);
    } catch (e) {
      if (failedBeforeLoad(e)) await this.release();
      if (isRapportError(e) && e.code === 'NOT_FOUND') {
        rc.bump('failed');
        rc.logger.warn({ publicId: result.publicId }, 'profile not found; skipped');
        return false;
      }
      // Guards and stops end the run as they are; anything else counts as this profile's failure too.
      if (!(isRapportError(e) && ['ABORTED', 'SESSION_EXPIRED', 'LINKEDIN_CHECKPOINT', 'LINKEDIN_RESTRICTED'].includes(e.code)) && !rc.signal.aborted) {
        rc.bump('failed');
        ctx.metrics.profilesVisited.inc({ status: 'failed' });
      }
      throw e;
    }
    const { score, breakdown } = fitScore(profile, search.criteria);
    const contact = ctx.store.contacts.upsert({
      profileUrl: profile.profileUrl,
      publicId: profile.publicId,
      fullName: profile.fullName || result.fullName,
      firstName: profile.firstName,
      lastName: profile.lastName,
      headline: profile.headline,
      location: profile.location,
      company: profile.company,
      source: 'search',
      score,
      scoreBreakdown: breakdown,
    });
    const settings = ctx.settings.get();
    // tryCreate: the day's visit may already be on record (e.g. written by a legacy import); that is no error.
    ctx.store.interactions.tryCreate({
      contactId: contact.id,
      runId: rc.run.id,
      type: 'profile_visit',
      status: 'sent',
      dedupeKey: visitDedupeKey(ctx.clock.now(), settings.timeZone),
      payload: { search: search.name, page: result.page, score },
    });
    rc.bump('visited');
    return true;
  }
}

/**
 * Scheduled runs keep to working hours (checked before the browser starts and before each visit).
 * A manual run is the user asking now, so it is not held back.
 */
export function assertWorkingHours(ctx: CoreContext): void {
  const settings = ctx.settings.get();
  if (withinWorkingHours(ctx.clock.now(), settings.workingHours, settings.timeZone)) return;
  throw new RapportError(
    'OUTSIDE_WORKING_HOURS',
    `Outside working hours (${describeWorkingHours(settings.workingHours, settings.timeZone)}); the scheduled run stops here.`,
  );
}

/** The sourcing campaign body, run inside `withLinkedIn` by `startSourcingRun`. */
export function runSourcing(opts: SourcingRunOptions, li: LinkedIn): Promise<void> {
  return new SourcingRun(opts).run(li);
}
