/**
 * Shared by the sourcing tests and the bench: a CoreContext on a temp data dir (test helper), a real
 * quota service on its SQLite ledger, the campaign runner, and a movable clock.
 */
import { CampaignRunner } from '../../../src-main/core/campaigns/runner.js';
import type { CoreContext } from '../../../src-main/core/context.js';
import { createQuotaService } from '../../../src-main/core/limits/index.js';
import type { Clock } from '../../../src-main/core/util/runtime.js';
import type { QuotaUsage } from '../../../src-shared/domain.js';
import type { SettingsPatch } from '../../../src-shared/settings.js';
import { createTestContext } from '../../helpers/browser.js';

export interface SourcingHarness {
  ctx: CoreContext;
  runner: CampaignRunner;
  clock: MovableClock;
  settings(patch: SettingsPatch): void;
  visitsUsedToday(): Promise<number>;
  dispose(): Promise<void>;
}

export interface MovableClock extends Clock {
  advanceDays(days: number): void;
}

export function movableClock(start: Date): MovableClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advanceDays(days) {
      now += days * 86_400_000;
    },
  };
}

/** Noon UTC on a Wednesday: inside working hours everywhere near Europe, far from midnight. */
export const FIXED_START = new Date('2026-03-11T12:00:00Z');

export async function createSourcingHarness(options: { baseUrl?: string; env?: Record<string, string> } = {}): Promise<SourcingHarness> {
  const clock = movableClock(FIXED_START);
  const test = createTestContext({
    baseUrl: options.baseUrl,
    clock,
    env: options.env,
  });
  const { ctx } = test;
  // Stored settings rather than env overrides, so a test can still change them.
  ctx.settings.update({ timeZone: 'Europe/Paris', limits: { warmup: false, visitsPerDay: 500, visitsPerWeek: 2500 } });
  ctx.quotas = await createQuotaService({
    sqlite: ctx.store.database.sqlite,
    settings: () => ctx.settings.get(),
    clock,
    metrics: ctx.metrics,
    logger: ctx.logger,
    accountConnectedAt: () => null,
  });
  return {
    ctx,
    runner: new CampaignRunner(ctx),
    clock,
    settings: (patch) => void ctx.settings.update(patch),
    async visitsUsedToday() {
      const usage: QuotaUsage[] = await ctx.quotas.usage();
      return usage.find((u) => u.quota === 'visits')?.day.used ?? -1;
    },
    async dispose() {
      await ctx.quotas.close();
      test.dispose();
    },
  };
}

/** Value of a labelled counter or of a gauge. */
export async function metric(ctx: CoreContext, name: 'profilesVisited' | 'profilesQueueSize', labels: Record<string, string> = {}): Promise<number> {
  const m = await ctx.metrics[name].get();
  const match = m.values.find((v) => Object.entries(labels).every(([k, val]) => (v.labels as Record<string, unknown>)[k] === val));
  return match?.value ?? 0;
}
