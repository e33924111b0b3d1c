import type { DailyStats } from '../../src-shared/contract.js';
import type { CoreContext, PartialHandlers } from './context.js';
import { dayNumber, formatLocalDate, fromDayNumber, localDateOf, startOfLocalDay } from './limits/calendar.js';
import type { LogFeed } from './log-feed.js';
import { runLinesFromFiles } from './log-history.js';

/** What the panel's Today chart and Activity page read: daily counts and recent log lines. */
export function activityHandlers(ctx: CoreContext, logs: LogFeed): PartialHandlers {
  return {
    'stats.daily': async ({ days }) => {
      const timeZone = ctx.settings.get().timeZone;
      const today = dayNumber(localDateOf(ctx.clock.now(), timeZone));
      const first = today - days + 1;
      const byDate = new Map<string, DailyStats>();
      for (let n = first; n <= today; n++) {
        const date = formatLocalDate(fromDayNumber(n));
        byDate.set(date, { date, messages: { sent: 0, failed: 0, dryRun: 0 }, visits: { sent: 0, failed: 0, dryRun: 0 } });
      }
      const since = startOfLocalDay(fromDayNumber(first), timeZone).toISOString();
      for (const row of ctx.store.interactions.hourlyCounts(since)) {
        const day = byDate.get(formatLocalDate(localDateOf(new Date(`${row.hour}:00:00.000Z`), timeZone)));
        if (!day) continue;
        const counts = row.type === 'birthday_message' ? day.messages : day.visits;
        if (row.status === 'sent') counts.sent += row.n;
        else if (row.status === 'failed') counts.failed += row.n;
        else if (row.status === 'dry_run') counts.dryRun += row.n;
      }
      return { timeZone, days: [...byDate.values()] };
    },
    'logs.recent': async ({ runId, level, limit }) => {
      if (runId === undefined || logs.holdsRun(runId)) return { lines: logs.recent({ runId, level, limit }) };
      return { lines: await runLinesFromFiles(ctx.paths.logs, runId, { level, limit }) };
    },
  };
}
