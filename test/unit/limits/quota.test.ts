import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src-shared/settings.js';
import { isRapportError } from '../../../src-shared/errors.js';
import {
  limitsFor,
  planFor,
  quotaExhaustedError,
  resultFor,
  warmupActive,
  warmupLimit,
} from '../../../src-main/core/limits/quota.js';

const DAY = 86_400_000;

describe('policies', () => {
  it('uses the configured limits', () => {
    const s = defaultSettings();
    expect(limitsFor('messages', s, false)).toEqual({ day: 15, week: 80 });
    expect(limitsFor('visits', s, false)).toEqual({ day: 40, week: 200 });
  });

  it('warm-up halves, rounding down, but keeps at least 1 for a limit above 0', () => {
    const s = defaultSettings();
    expect(limitsFor('messages', s, true)).toEqual({ day: 7, week: 40 });
    expect(limitsFor('visits', s, true)).toEqual({ day: 20, week: 100 });
    expect([0, 1, 2, 3, 15].map(warmupLimit)).toEqual([0, 1, 1, 1, 7]);
  });

  it('warm-up lasts 14 days from the connection, is on when the date is unknown, and can be switched off', () => {
    const connected = new Date('2026-11-01T09:00:00Z');
    expect(warmupActive(true, connected, new Date(connected.getTime() + 14 * DAY - 1))).toBe(true);
    expect(warmupActive(true, connected, new Date(connected.getTime() + 14 * DAY))).toBe(false);
    expect(warmupActive(true, null, new Date())).toBe(true);
    expect(warmupActive(false, connected, connected)).toBe(false);
  });

  it('never returns a limit above the setting, whatever the input', () => {
    const s = defaultSettings();
    s.limits = { ...s.limits, messagesPerDay: -3, messagesPerWeek: 2.7 };
    expect(limitsFor('messages', s, false)).toEqual({ day: 0, week: 2 });
  });

  it('plans both windows in the user time zone', () => {
    const s = defaultSettings();
    s.timeZone = 'Europe/Paris';
    const plan = planFor('messages', s, null, new Date('2026-11-26T10:00:00Z'));
    expect(plan.warmup).toBe(true);
    expect(plan.windows.map((w) => [w.key, w.limit])).toEqual([
      ['day:2026-11-26', 7],
      ['week:2026-W48', 40],
    ]);
  });
});

describe('resultFor', () => {
  const s = defaultSettings();
  s.timeZone = 'UTC';
  const plan = planFor('messages', s, new Date('2020-01-01'), new Date('2026-11-26T10:00:00Z'));
  const dayEnd = '2026-11-27T00:00:00.000Z';
  const weekEnd = '2026-11-30T00:00:00.000Z';

  it('points at the day when the day has fewer units left', () => {
    expect(resultFor(plan, true, [3, 10], 1)).toEqual({ quota: 'messages', granted: true, remaining: { day: 12, week: 70 }, resetsAt: dayEnd });
  });

  it('points at the week when the week blocks, even if the day is full too', () => {
    expect(resultFor(plan, false, [15, 80], 1).resetsAt).toBe(weekEnd);
    expect(resultFor(plan, false, [2, 80], 1).resetsAt).toBe(weekEnd);
    expect(resultFor(plan, false, [15, 40], 1).resetsAt).toBe(dayEnd);
  });
});

describe('quotaExhaustedError', () => {
  it('names the quota, the limit hit and the local reset time, with {quota, resetsAt} details', () => {
    const e = quotaExhaustedError(
      { quota: 'messages', granted: false, remaining: { day: 0, week: 65 }, resetsAt: '2026-11-26T23:00:00.000Z' },
      'Europe/Paris',
    );
    expect(isRapportError(e)).toBe(true);
    expect(e.code).toBe('QUOTA_EXHAUSTED');
    expect(e.message).toContain('daily messages quota');
    expect(e.message).toContain('27 Nov 2026');
    expect(e.message).toContain('00:00');
    expect(e.message).toContain('Europe/Paris');
    expect(e.details).toEqual({ quota: 'messages', resetsAt: '2026-11-26T23:00:00.000Z' });
  });

  it('says weekly when the week is used up', () => {
    const e = quotaExhaustedError({ quota: 'visits', granted: false, remaining: { day: 0, week: 0 }, resetsAt: '2026-11-29T23:00:00.000Z' }, 'UTC');
    expect(e.message).toContain('weekly visits quota');
  });
});
