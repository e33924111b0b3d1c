import type { ScheduleInfo } from '../../src-shared/domain.js';
import type { CoreContext, PartialHandlers } from './context.js';
import { dataHandlers } from './data-handlers.js';
import { formatLocalDate, localDateOf } from './limits/calendar.js';
import type { Extensions } from './extensions.js';
import { accountStatusFrom, computeStatus } from './status.js';

/** Handlers that need only the store, settings and quotas. */
export function coreHandlers(ctx: CoreContext, ext: Extensions): PartialHandlers {
  const { store, settings } = ctx;
  return {
    'status.get': async () => {
      const quotas = await ctx.quotas.usage();
      const account = accountStatusFrom(ctx);
      // A read-only core runs nothing itself: the owner's run is the one its database says is running.
      const currentRun = ext.currentRun() ?? (ctx.readOnly ? store.runs.latestRunning() : null);
      const lastRun = store.runs.latest();
      const schedule = ext.scheduler.view();
      // "Today" is the user's calendar day, not UTC's: a run at 00:30 in Paris is still today there.
      const tz = settings.get().timeZone;
      const localDay = (d: Date) => formatLocalDate(localDateOf(d, tz));
      const birthdayDoneToday =
        lastRun?.kind === 'birthday' &&
        lastRun.status === 'succeeded' &&
        !lastRun.dryRun &&
        localDay(new Date(lastRun.startedAt)) === localDay(ctx.clock.now());
      const computed = computeStatus({
        currentRun,
        currentWait: currentRun ? ext.currentWait() : null,
        now: ctx.clock.now(),
        lastRun,
        account,
        quotas,
        paused: schedule.paused ? { until: schedule.pausedUntil, reason: schedule.pauseReason, cause: schedule.pauseCause } : null,
        birthdayEnabled: settings.get().birthday.enabled,
        nextScheduledRun: schedule.jobs.find((j) => j.kind === 'birthday')?.nextRunAt ?? null,
        nextSourcingRun: earliestSourcingRun(schedule.jobs),
        birthdayDoneToday,
        timeZone: tz,
      });
      return {
        version: ctx.version,
        dataDir: ctx.paths.dataDir,
        ...computed,
        account,
        quotas,
        quotaStore: ctx.quotas.storeKind(),
        dryRun: settings.get().birthday.dryRun,
        currentRun,
        lastRun,
      };
    },
    'settings.get': async () => settings.view(),
    'settings.update': async (patch) => settings.update(patch),
    'runs.list': async ({ page, pageSize, kind, status, search }) => store.runs.list(page, pageSize, { kind, status, search }),
    'runs.get': async ({ id }) => store.runs.mustGet(id),
    'contacts.list': async (query) => store.contacts.list(query),
    'contacts.update': async ({ id, ...patch }) => store.contacts.update(id, patch),
    'contacts.erase': async ({ id }) => {
      store.contacts.erase(id);
      return { ok: true as const };
    },
    'contacts.get': async ({ id }) => {
      const contact = store.contacts.mustGet(id);
      const history = store.interactions.forContact(id);
      return { contact, interactions: history, lastInteractionAt: history[0]?.occurredAt ?? null };
    },
    'interactions.list': async (query) => store.interactions.list(query),
    'account.status': async () => accountStatusFrom(ctx),
    ...dataHandlers(ctx),
  };
}

/** The sourcing job that fires first (a search on its own schedule, or the campaign-wide slot). */
function earliestSourcingRun(jobs: ScheduleInfo['jobs']): { at: string; search: string | null } | null {
  const next = jobs
    .filter((j): j is typeof j & { nextRunAt: string } => j.kind === 'sourcing' && j.nextRunAt !== null)
    .sort((a, b) => Date.parse(a.nextRunAt) - Date.parse(b.nextRunAt))[0];
  return next ? { at: next.nextRunAt, search: next.search ?? null } : null;
}
