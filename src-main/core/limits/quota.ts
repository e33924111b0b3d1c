import type { Interaction, QuotaName } from '../../../src-shared/domain.js';
import { RapportError } from '../../../src-shared/errors.js';
import type { Settings } from '../../../src-shared/settings.js';
import { windowsFor, type QuotaWindow, type WindowName } from './calendar.js';
import type { AcquireResult } from './types.js';

export const WARMUP_DAYS = 14;
const DAY_MS = 86_400_000;

/** Which interactions consume which quota (for reconciliation with the interactions table). */
export const INTERACTION_TYPE: Record<QuotaName, Interaction['type']> = {
  messages: 'birthday_message',
  visits: 'profile_visit',
};

export interface WindowPlan extends QuotaWindow {
  limit: number;
}

export interface QuotaPlan {
  quota: QuotaName;
  warmup: boolean;
  /** Day first, then week; every acquisition consumes from all of them or none. */
  windows: [WindowPlan, WindowPlan];
}

/**
 * Warm-up applies for the first 14 days after the account was connected. When the connection date is
 * unknown we assume a new account: a ceiling that is too low costs a delayed birthday wish, one that is
 * too high can cost the account.
 */
export function warmupActive(enabled: boolean, connectedAt: Date | null, now: Date): boolean {
  if (!enabled) return false;
  if (!connectedAt || Number.isNaN(connectedAt.getTime())) return true;
  return now.getTime() - connectedAt.getTime() < WARMUP_DAYS * DAY_MS;
}

/** Half, rounded down, but never 0 for a limit that allows sending at all. */
export function warmupLimit(limit: number): number {
  return limit > 0 ? Math.max(1, Math.floor(limit / 2)) : 0;
}

/** Configured limits; nothing here can raise them, the ramp only lowers. */
export function limitsFor(quota: QuotaName, settings: Settings, warmup: boolean): Record<WindowName, number> {
  const l = settings.limits;
  const base =
    quota === 'messages' ? { day: l.messagesPerDay, week: l.messagesPerWeek } : { day: l.visitsPerDay, week: l.visitsPerWeek };
  const clamp = (n: number) => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);
  const day = clamp(base.day);
  const week = clamp(base.week);
  return warmup ? { day: warmupLimit(day), week: warmupLimit(week) } : { day, week };
}

export function planFor(quota: QuotaName, settings: Settings, connectedAt: Date | null, now: Date): QuotaPlan {
  const warmup = warmupActive(settings.limits.warmup, connectedAt, now);
  const limits = limitsFor(quota, settings, warmup);
  const w = windowsFor(now, settings.timeZone);
  return {
    quota,
    warmup,
    windows: [
      { ...w.day, limit: limits.day },
      { ...w.week, limit: limits.week },
    ],
  };
}

/**
 * Builds the caller's answer from the counts after the call. `resetsAt` is the end of the window that
 * limits the most: one that cannot take `n` more units (the latest such if several), else the one with
 * the fewest units left; on a tie the later reset, since both must reset before more is possible.
 */
export function resultFor(plan: QuotaPlan, granted: boolean, counts: readonly number[], n: number): AcquireResult {
  const remaining = plan.windows.map((w, i) => Math.max(0, w.limit - counts[i]));
  const candidates = plan.windows.map((w, i) => ({ end: w.end.getTime(), left: remaining[i] }));
  const blocked = candidates.filter((c) => c.left < n);
  const pool = blocked.length > 0 ? blocked : candidates;
  const fewest = Math.min(...pool.map((c) => (blocked.length > 0 ? 0 : c.left)));
  const resetsAt = Math.max(...pool.filter((c) => blocked.length > 0 || c.left === fewest).map((c) => c.end));
  return {
    quota: plan.quota,
    granted,
    remaining: { day: remaining[0], week: remaining[1] },
    resetsAt: new Date(resetsAt).toISOString(),
  };
}

function formatLocal(iso: string, timeZone: string): string {
  const d = new Date(iso);
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
  return `${text} (${timeZone})`;
}

/** The error that stops a run: names the quota, which limit was hit, and when it resets in local time. */
export function quotaExhaustedError(result: AcquireResult, timeZone?: string): RapportError {
  const tz = timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const which = result.remaining.week <= 0 ? 'weekly' : 'daily';
  return new RapportError(
    'QUOTA_EXHAUSTED',
    `The ${which} ${result.quota} quota is used up; it resets at ${formatLocal(result.resetsAt, tz)}.`,
    { quota: result.quota, resetsAt: result.resetsAt },
  );
}
