import type Database from 'better-sqlite3';
import { dayNumber, formatLocalDate, fromDayNumber, localDateOf, startOfLocalDay } from '../limits/calendar.js';
import type { DailyDigest } from './messages.js';

interface NameRow {
  first_name: string | null;
  full_name: string;
}

/** First names unless the user opted in to full names: a summary leaves the machine (SPEC: least contact data). */
function shown(row: NameRow, fullNames: boolean): string {
  if (fullNames) return row.full_name;
  return row.first_name?.trim() || row.full_name.trim().split(/\s+/)[0] || '?';
}

/** Today's activity on the user's calendar day and tomorrow's birthdays, from the local database. */
export function collectDigest(sqlite: Database.Database, now: Date, timeZone: string, fullNames: boolean): Omit<DailyDigest, 'nextRunAt'> {
  const today = localDateOf(now, timeZone);
  const tomorrow = fromDayNumber(dayNumber(today) + 1);
  const from = startOfLocalDay(today, timeZone).toISOString();
  const to = startOfLocalDay(tomorrow, timeZone).toISOString();
  const wished = sqlite
    .prepare(
      `select c.first_name, c.full_name from interactions i join contacts c on c.id = i.contact_id
       where i.type = 'birthday_message' and i.status = 'sent' and i.occurred_at >= ? and i.occurred_at < ?
       order by i.occurred_at`,
    )
    .all(from, to) as NameRow[];
  const visits = (
    sqlite
      .prepare(
        `select count(*) as n from interactions where type = 'profile_visit' and status = 'sent' and occurred_at >= ? and occurred_at < ?`,
      )
      .get(from, to) as { n: number }
  ).n;
  const upcoming = sqlite
    .prepare(`select first_name, full_name from contacts where status = 'active' and birth_month = ? and birth_day = ? order by full_name`)
    .all(tomorrow.month, tomorrow.day) as NameRow[];
  return {
    day: formatLocalDate(today),
    wished: wished.map((r) => shown(r, fullNames)),
    visits,
    tomorrowBirthdays: upcoming.map((r) => shown(r, fullNames)),
  };
}
