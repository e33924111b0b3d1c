import type { Settings } from '../../../src-shared/settings.js';

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** ISO weekday (1 = Monday) and "HH:MM" of an instant in a time zone. */
export function localClock(instant: Date, timeZone: string): { weekday: number; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: WEEKDAYS[get('weekday')] ?? 0, time: `${get('hour')}:${get('minute')}` };
}

/** True when working hours are off, or the instant falls on a working day between start (inclusive) and end (exclusive). */
export function withinWorkingHours(instant: Date, hours: Settings['workingHours'], timeZone: string): boolean {
  if (!hours.enabled) return true;
  const { weekday, time } = localClock(instant, timeZone);
  return hours.days.includes(weekday) && time >= hours.start && time < hours.end;
}

const DAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function describeWorkingHours(hours: Settings['workingHours'], timeZone: string): string {
  const days = [...hours.days].sort().map((d) => DAY_NAMES[d]).join(', ');
  return `${days} ${hours.start}–${hours.end} (${timeZone})`;
}
