/**
 * Quota windows in the user's time zone, computed with Intl only (no date library is installed).
 * Day = local calendar day; week = ISO-8601 week (Monday first, week 1 holds the year's first Thursday).
 */

export type WindowName = 'day' | 'week';
export const WINDOW_NAMES: readonly WindowName[] = ['day', 'week'];

export interface QuotaWindow {
  name: WindowName;
  /** Stable id of the window, e.g. `day:2026-11-26` or `week:2026-W48`. */
  key: string;
  /** First instant of the window (inclusive). */
  start: Date;
  /** First instant after the window (exclusive): when it resets. */
  end: Date;
}

export interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export interface IsoWeek {
  year: number;
  week: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-US with numeric parts is the one locale whose parts are plain ASCII digits everywhere.
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date an instant falls on in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type === 'year') year = Number(p.value);
    else if (p.type === 'month') month = Number(p.value);
    else if (p.type === 'day') day = Number(p.value);
  }
  return { year, month, day };
}

/** Days since 1970-01-01 for a calendar date (proleptic Gregorian), so date arithmetic is integer maths. */
export function dayNumber(d: LocalDate): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);
}

export function fromDayNumber(n: number): LocalDate {
  const t = new Date(n * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: LocalDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(d) + 3) % 7) + 7) % 7) + 1;
}

/** ISO week-numbering year and week of a calendar date: the week belongs to the year of its Thursday. */
export function isoWeekOf(d: LocalDate): IsoWeek {
  const n = dayNumber(d);
  const thursday = fromDayNumber(n + 4 - isoWeekday(d));
  const jan1 = dayNumber({ year: thursday.year, month: 1, day: 1 });
  const week = Math.floor((dayNumber(thursday) - jan1) / 7) + 1;
  return { year: thursday.year, week };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const formatLocalDate = (d: LocalDate) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
export const formatIsoWeek = (w: IsoWeek) => `${pad(w.year, 4)}-W${pad(w.week)}`;

const startCache = new Map<string, number>();

/**
 * First instant whose local date is `d` or later. Local midnight may not exist (a DST gap at 00:00,
 * as in America/Santiago), so instead of converting "00:00" we search for the first second at which
 * the local date turns over. Offsets are within −12 h…+14 h, which bounds the search; results are
 * cached because each costs ~17 Intl calls.
 */
export function startOfLocalDay(d: LocalDate, timeZone: string): Date {
  const target = dayNumber(d);
  const cacheKey = `${timeZone}|${target}`;
  const cached = startCache.get(cacheKey);
  if (cached !== undefined) return new Date(cached);
  const utcMidnightSec = target * 86_400;
  let lo = utcMidnightSec - 15 * 3600; // local date here is certainly before d
  let hi = utcMidnightSec + 13 * 3600; // and here certainly d or later
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayNumber(localDateOf(new Date(mid * 1000), timeZone)) >= target) hi = mid;
    else lo = mid;
  }
  const ms = hi * 1000;
  if (startCache.size > 4096) startCache.clear();
  startCache.set(cacheKey, ms);
  return new Date(ms);
}

export interface WindowSet {
  day: QuotaWindow;
  week: QuotaWindow;
}

/** Last answer per zone: every acquisition asks, and almost always for the same day. */
const lastWindows = new Map<string, WindowSet>();

/** The day and week windows that contain `instant` in `timeZone`. */
export function windowsFor(instant: Date, timeZone: string): WindowSet {
  const t = instant.getTime();
  const last = lastWindows.get(timeZone);
  if (last && t >= last.day.start.getTime() && t < last.day.end.getTime()) return last;
  const computed = computeWindows(instant, timeZone);
  if (lastWindows.size > 64) lastWindows.clear();
  lastWindows.set(timeZone, computed);
  return computed;
}

function computeWindows(instant: Date, timeZone: string): WindowSet {
  const local = localDateOf(instant, timeZone);
  const n = dayNumber(local);
  const monday = n - (isoWeekday(local) - 1);
  return {
    day: {
      name: 'day',
      key: `day:${formatLocalDate(local)}`,
      start: startOfLocalDay(local, timeZone),
      end: startOfLocalDay(fromDayNumber(n + 1), timeZone),
    },
    week: {
      name: 'week',
      key: `week:${formatIsoWeek(isoWeekOf(local))}`,
      start: startOfLocalDay(fromDayNumber(monday), timeZone),
      end: startOfLocalDay(fromDayNumber(monday + 7), timeZone),
    },
  };
}
