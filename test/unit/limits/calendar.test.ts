import { describe, expect, it } from 'vitest';
import {
  dayNumber,
  fromDayNumber,
  isoWeekOf,
  isoWeekday,
  localDateOf,
  startOfLocalDay,
  windowsFor,
} from '../../../src-main/core/limits/calendar.js';

const at = (iso: string) => new Date(iso);
const hours = (w: { start: Date; end: Date }) => (w.end.getTime() - w.start.getTime()) / 3_600_000;

describe('windowsFor in a non-UTC time zone', () => {
  it('names the local day and ISO week and gives their bounds (Europe/Paris, winter)', () => {
    const w = windowsFor(at('2026-11-26T10:00:00Z'), 'Europe/Paris');
    expect(w.day.key).toBe('day:2026-11-26');
    expect(w.day.start.toISOString()).toBe('2026-11-25T23:00:00.000Z');
    expect(w.day.end.toISOString()).toBe('2026-11-26T23:00:00.000Z');
    expect(w.week.key).toBe('week:2026-W48');
    expect(w.week.start.toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(w.week.end.toISOString()).toBe('2026-11-29T23:00:00.000Z');
  });

  it('turns the day over at local midnight, not UTC midnight', () => {
    expect(windowsFor(at('2026-11-26T22:59:59.999Z'), 'Europe/Paris').day.key).toBe('day:2026-11-26');
    expect(windowsFor(at('2026-11-26T23:00:00.000Z'), 'Europe/Paris').day.key).toBe('day:2026-11-27');
    // Tokyo is ahead of UTC: 15:00Z is already the next local day.
    expect(windowsFor(at('2026-11-26T14:59:59Z'), 'Asia/Tokyo').day.key).toBe('day:2026-11-26');
    expect(windowsFor(at('2026-11-26T15:00:00Z'), 'Asia/Tokyo').day.key).toBe('day:2026-11-27');
    // Los Angeles is behind: 07:59Z is still the previous local day.
    expect(windowsFor(at('2026-11-27T07:59:59Z'), 'America/Los_Angeles').day.key).toBe('day:2026-11-26');
    expect(windowsFor(at('2026-11-27T08:00:00Z'), 'America/Los_Angeles').day.key).toBe('day:2026-11-27');
  });

  it('turns the week over at local Monday 00:00', () => {
    expect(windowsFor(at('2026-11-29T22:59:59Z'), 'Europe/Paris').week.key).toBe('week:2026-W48');
    expect(windowsFor(at('2026-11-29T23:00:00Z'), 'Europe/Paris').week.key).toBe('week:2026-W49');
    // Auckland (UTC+13 in summer): Monday 4 January 2027 starts on Sunday 11:00Z.
    const w = windowsFor(at('2027-01-03T11:00:00Z'), 'Pacific/Auckland');
    expect(w.week.key).toBe('week:2027-W01');
    expect(w.week.start.toISOString()).toBe('2027-01-03T11:00:00.000Z');
    expect(windowsFor(at('2027-01-03T10:59:59Z'), 'Pacific/Auckland').week.key).toBe('week:2026-W53');
  });
});

describe('windowsFor across DST changes', () => {
  it('spring forward: the day has 23 hours and the week 167 (Europe/Paris, 29 March 2026)', () => {
    const w = windowsFor(at('2026-03-29T12:00:00Z'), 'Europe/Paris');
    expect(w.day.key).toBe('day:2026-03-29');
    expect(w.day.start.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(w.day.end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(hours(w.day)).toBe(23);
    expect(w.week.key).toBe('week:2026-W13');
    expect(hours(w.week)).toBe(167);
    expect(windowsFor(at('2026-03-29T22:00:00Z'), 'Europe/Paris').day.key).toBe('day:2026-03-30');
  });

  it('fall back: the day has 25 hours (Europe/Paris, 25 October 2026; New York, 1 November 2026)', () => {
    const paris = windowsFor(at('2026-10-25T01:30:00Z'), 'Europe/Paris');
    expect(paris.day.key).toBe('day:2026-10-25');
    expect(paris.day.start.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(hours(paris.day)).toBe(25);
    expect(hours(paris.week)).toBe(169);
    const ny = windowsFor(at('2026-11-01T12:00:00Z'), 'America/New_York');
    expect(ny.day.start.toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(ny.day.end.toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  it('a day whose local midnight does not exist starts at the first instant of that date (America/Santiago)', () => {
    // Chile moves clocks from 00:00 to 01:00 on Sunday 6 September 2026 (04:00Z).
    expect(startOfLocalDay({ year: 2026, month: 9, day: 6 }, 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(windowsFor(at('2026-09-06T03:59:59Z'), 'America/Santiago').day.key).toBe('day:2026-09-05');
    expect(windowsFor(at('2026-09-06T04:00:00Z'), 'America/Santiago').day.key).toBe('day:2026-09-06');
  });
});

describe('ISO weeks', () => {
  it.each([
    ['2026-12-31', '2026-W53'], // a Thursday: 2026 starts on a Thursday, so it has 53 weeks
    ['2027-01-01', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'], // a Monday in December that belongs to next year
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2026-01-01', '2026-W01'],
    ['2025-12-29', '2026-W01'],
    ['2023-01-01', '2022-W52'],
  ])('%s is in %s', (date, week) => {
    const [year, month, day] = date.split('-').map(Number);
    const w = isoWeekOf({ year, month, day });
    expect(`${w.year}-W${String(w.week).padStart(2, '0')}`).toBe(week);
  });

  it('weeks advance by one every Monday, and week 53 exists exactly in the long ISO years (1995–2045)', () => {
    const longYears = new Set<number>();
    let prev = isoWeekOf(fromDayNumber(dayNumber({ year: 1995, month: 1, day: 1 })));
    for (let n = dayNumber({ year: 1995, month: 1, day: 2 }); n < dayNumber({ year: 2045, month: 1, day: 1 }); n++) {
      const d = fromDayNumber(n);
      const w = isoWeekOf(d);
      if (isoWeekday(d) === 1) {
        const rolled = w.week === 1 && w.year === prev.year + 1 && (prev.week === 52 || prev.week === 53);
        expect(rolled || (w.year === prev.year && w.week === prev.week + 1)).toBe(true);
        if (rolled && prev.week === 53) longYears.add(prev.year);
      } else {
        expect(w).toEqual(prev);
      }
      prev = w;
    }
    // A year is long when it starts on a Thursday, or on a Wednesday in a leap year.
    for (let y = 1995; y < 2044; y++) {
      const jan1 = isoWeekday({ year: y, month: 1, day: 1 });
      const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
      expect(longYears.has(y)).toBe(jan1 === 4 || (leap && jan1 === 3));
    }
  });

  it('at the year turn the same instant is in 2027-W01 in Tokyo and 2026-W53 in London', () => {
    // Monday 4 January 2027 00:00 in Tokyo is Sunday 15:00Z: Tokyo is in 2027-W01 while London is in 2026-W53.
    const instant = at('2027-01-03T15:30:00Z');
    expect(windowsFor(instant, 'Asia/Tokyo').week.key).toBe('week:2027-W01');
    expect(windowsFor(instant, 'Europe/London').week.key).toBe('week:2026-W53');
  });
});

describe('localDateOf', () => {
  it('reads the calendar date in the zone', () => {
    expect(localDateOf(at('2026-01-01T00:30:00Z'), 'America/New_York')).toEqual({ year: 2025, month: 12, day: 31 });
    expect(localDateOf(at('2026-01-01T00:30:00Z'), 'UTC')).toEqual({ year: 2026, month: 1, day: 1 });
  });
});
