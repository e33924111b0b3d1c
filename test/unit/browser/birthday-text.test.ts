import { describe, expect, it } from 'vitest';
import { calendarToday, parseBirthdayLine, type BirthdayWhen } from '../../../src-main/core/browser/linkedin/birthday-text.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Row = [text: string, today: string, when: BirthdayWhen | null, birth?: [month: number, day: number]];

const ROWS: Row[] = [
  // Today / yesterday / tomorrow, both languages.
  ['Today', '2026-03-10', { kind: 'today' }, [3, 10]],
  ["Aujourd'hui", '2026-03-10', { kind: 'today' }, [3, 10]],
  ['Aujourd’hui', '2026-03-10', { kind: 'today' }, [3, 10]],
  ['Yesterday', '2026-03-10', { kind: 'late', days: 1 }, [3, 9]],
  ['Hier', '2026-03-10', { kind: 'late', days: 1 }, [3, 9]],
  ['Tomorrow', '2026-03-10', { kind: 'upcoming', days: 1 }, [3, 11]],
  ['Demain', '2026-03-10', { kind: 'upcoming', days: 1 }, [3, 11]],
  // Relative days.
  ['2 days ago', '2026-03-10', { kind: 'late', days: 2 }, [3, 8]],
  ['1 day ago', '2026-03-10', { kind: 'late', days: 1 }, [3, 9]],
  ['il y a 2 jours', '2026-03-10', { kind: 'late', days: 2 }, [3, 8]],
  ['Il y a 12 jours', '2026-03-10', { kind: 'late', days: 12 }, [2, 26]],
  ['in 3 days', '2026-03-10', { kind: 'upcoming', days: 3 }, [3, 13]],
  ['in 1 day', '2026-03-10', { kind: 'upcoming', days: 1 }, [3, 11]],
  ['dans 3 jours', '2026-03-10', { kind: 'upcoming', days: 3 }, [3, 13]],
  ['dans 1 jour', '2026-03-10', { kind: 'upcoming', days: 1 }, [3, 11]],
  // Names that contain "hier" are not "Hier" (word boundaries, accents included).
  ['Thierry', '2026-03-10', null],
  ['Gauthier', '2026-03-10', null],
  ['Thierry Gauthier', '2026-03-10', null],
  ['Hiéronymus', '2026-03-10', null],
  ['Yesterdays', '2026-03-10', null],
  // Dates, English and French.
  ['Nov 24', '2026-11-26', { kind: 'late', days: 2 }, [11, 24]],
  ['24 nov.', '2026-11-26', { kind: 'late', days: 2 }, [11, 24]],
  ['Nov 29', '2026-11-26', { kind: 'upcoming', days: 3 }, [11, 29]],
  ['29 nov.', '2026-11-26', { kind: 'upcoming', days: 3 }, [11, 29]],
  ['Nov 26', '2026-11-26', { kind: 'today' }, [11, 26]],
  ['1er mars', '2026-03-10', { kind: 'late', days: 9 }, [3, 1]],
  ['15 août', '2026-08-20', { kind: 'late', days: 5 }, [8, 15]],
  ['3 févr.', '2026-02-10', { kind: 'late', days: 7 }, [2, 3]],
  ['September 9', '2026-09-12', { kind: 'late', days: 3 }, [9, 9]],
  // Across the new year, both ways.
  ['Dec 30', '2026-01-02', { kind: 'late', days: 3 }, [12, 30]],
  ['30 déc.', '2026-01-02', { kind: 'late', days: 3 }, [12, 30]],
  ['Jan 2', '2025-12-30', { kind: 'upcoming', days: 3 }, [1, 2]],
  ['2 janv.', '2025-12-30', { kind: 'upcoming', days: 3 }, [1, 2]],
  ['Yesterday', '2026-01-01', { kind: 'late', days: 1 }, [12, 31]],
  ['il y a 2 jours', '2026-01-01', { kind: 'late', days: 2 }, [12, 30]],
  ['in 3 days', '2025-12-30', { kind: 'upcoming', days: 3 }, [1, 2]],
  ['dans 3 jours', '2025-12-30', { kind: 'upcoming', days: 3 }, [1, 2]],
  // Explicit year.
  ['Dec 30, 2025', '2026-01-02', { kind: 'late', days: 3 }, [12, 30]],
  // Leap day in a common year is not a date.
  ['Feb 29', '2027-03-01', null],
  // Nothing about a date.
  ['Software Engineer at Acme', '2026-03-10', null],
  ['', '2026-03-10', null],
];

describe('parseBirthdayLine', () => {
  it.each(ROWS)('%s (today %s)', (text, today, when, birth) => {
    const parsed = parseBirthdayLine(text, day(today));
    if (when === null) {
      expect(parsed).toBeNull();
      return;
    }
    expect(parsed?.when).toEqual(when);
    if (birth) expect([parsed?.birthMonth, parsed?.birthDay]).toEqual(birth);
  });

  it('a future date is never read as a late birthday', () => {
    for (const text of ['in 3 days', 'dans 3 jours', 'Tomorrow', 'Demain']) {
      expect(parseBirthdayLine(text, day('2026-03-10'))?.when.kind).toBe('upcoming');
    }
  });

  it('finds the phrase inside a longer line, unless the whole line must be the phrase', () => {
    expect(parseBirthdayLine('Birthday today', day('2026-03-10'))?.when).toEqual({ kind: 'today' });
    expect(parseBirthdayLine('Birthday today', day('2026-03-10'), { wholeLine: true })).toBeNull();
    expect(parseBirthdayLine('· 2 days ago', day('2026-03-10'), { wholeLine: true })?.when).toEqual({ kind: 'late', days: 2 });
    expect(parseBirthdayLine('Founder, building the future today', day('2026-03-10'), { wholeLine: true })).toBeNull();
  });
});

describe('calendarToday', () => {
  it("gives the user's calendar day in their time zone", () => {
    const instant = new Date('2026-01-01T23:30:00Z');
    expect(calendarToday(instant, 'Europe/Paris').toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(calendarToday(instant, 'America/New_York').toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});
