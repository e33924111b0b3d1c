import type { LocalDate } from '../../limits/calendar.js';

/**
 * Legacy dates are free-form text: `2025-03-14T08:02:11`, `2024-03-14 09:15:00.123456`, `+01:00`
 * offsets, `Z`, or a bare date. Without an offset the time is the user's local wall time.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export interface LegacyInstant {
  instant: Date;
  /** The calendar day in the user's time zone. */
  local: LocalDate;
}

const wallFormatters = new Map<string, Intl.DateTimeFormat>();
function wallFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = wallFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallFormatters.set(timeZone, f);
  }
  return f;
}

const DAY = 86_400_000;
const dayCache = new Map<string, [number, number]>();

/**
 * Offset of `timeZone` from UTC at an instant, in ms (wall time minus UTC). A day whose offsets at
 * both ends agree has no transition, so one pair of Intl calls per day serves a 100,000-row import.
 */
function offsetAt(ms: number, timeZone: string): number {
  const day = Math.floor(ms / DAY);
  const key = `${timeZone}|${day}`;
  let ends = dayCache.get(key);
  if (!ends) {
    if (dayCache.size > 100_000) dayCache.clear();
    ends = [computeOffset(day * DAY, timeZone), computeOffset((day + 1) * DAY - 1000, timeZone)];
    dayCache.set(key, ends);
  }
  return ends[0] === ends[1] ? ends[0] : computeOffset(ms, timeZone);
}

function computeOffset(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of wallFormatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant a local wall time names in `timeZone` (in a DST gap, the later offset wins). */
export function wallTimeToInstant(wallUtcMs: number, timeZone: string): Date {
  const first = wallUtcMs - offsetAt(wallUtcMs, timeZone);
  const second = wallUtcMs - offsetAt(first, timeZone);
  return new Date(second);
}

/** Parses a legacy date; null when it is not a date at all (the row is then reported, not guessed). */
export function parseLegacyDate(text: unknown, timeZone: string): LegacyInstant | null {
  if (typeof text !== 'string' && typeof text !== 'number') return null;
  const m = DATE_TIME.exec(String(text).trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(wall);
  // Date.UTC rolls 2025-02-30 over to March: such a date is not a real one.
  if (Number.isNaN(wall) || check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23) return null;
  let instant: Date;
  if (zone) {
    const offset =
      zone.toUpperCase() === 'Z'
        ? 0
        : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2))) * 60_000;
    instant = new Date(wall - offset);
  } else {
    instant = wallTimeToInstant(wall, timeZone);
  }
  const wallOfInstant = new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone));
  return { instant, local: { year: wallOfInstant.getUTCFullYear(), month: wallOfInstant.getUTCMonth() + 1, day: wallOfInstant.getUTCDate() } };
}
