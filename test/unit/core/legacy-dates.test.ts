import { describe, expect, it } from 'vitest';
import { parseLegacyDate } from '../../../src-main/core/store/legacy/dates.js';
import { legacyProfileUrl } from '../../../src-main/core/store/legacy/model.js';
import { normaliseName, splitName } from '../../../src-main/core/store/legacy/names.js';
import { birthdayOfWish } from '../../../src-main/core/store/legacy-import.js';

const at = (text: string, tz = 'Europe/Paris') => {
  const parsed = parseLegacyDate(text, tz);
  return parsed && { instant: parsed.instant.toISOString(), local: parsed.local };
};

describe('legacy dates', () => {
  it('reads every shape the old bot wrote, local time when no offset is given', () => {
    expect(at('2025-03-14T08:02:11')?.instant).toBe('2025-03-14T07:02:11.000Z');
    expect(at('2024-03-14 09:15:00.123456')?.instant).toBe('2024-03-14T08:15:00.123Z');
    expect(at('2025-07-01 09:00:00')?.instant).toBe('2025-07-01T07:00:00.000Z'); // summer time
    expect(at('2025-06-01T12:00:00+01:00')?.instant).toBe('2025-06-01T11:00:00.000Z');
    expect(at('2025-06-01T23:30:00Z')).toEqual({ instant: '2025-06-01T23:30:00.000Z', local: { year: 2025, month: 6, day: 2 } });
    expect(at('2024-07-01')).toEqual({ instant: '2024-06-30T22:00:00.000Z', local: { year: 2024, month: 7, day: 1 } });
    expect(at('2025-01-01 00:30', 'America/New_York')?.instant).toBe('2025-01-01T05:30:00.000Z');
  });

  it('refuses what is not a date instead of guessing', () => {
    for (const bad of ['yesterday', '', '2025-02-30 10:00', '2025-13-01', '14/03/2025', null, undefined]) expect(at(bad as string)).toBeNull();
  });
});

describe('the birthday a wish was for', () => {
  it('counts back days_late, else uses the contact’s birthday, else the day itself', () => {
    expect(birthdayOfWish({ year: 2025, month: 1, day: 2 }, 3, null, null)).toEqual({ year: 2024, month: 12, day: 30 });
    expect(birthdayOfWish({ year: 2025, month: 1, day: 2 }, null, 12, 30)).toEqual({ year: 2024, month: 12, day: 30 });
    expect(birthdayOfWish({ year: 2025, month: 3, day: 14 }, null, 3, 14)).toEqual({ year: 2025, month: 3, day: 14 });
    expect(birthdayOfWish({ year: 2025, month: 3, day: 14 }, null, null, null)).toEqual({ year: 2025, month: 3, day: 14 });
  });
});

describe('legacy people', () => {
  it('normalises every URL shape to the canonical profile URL', () => {
    const canonical = 'https://www.linkedin.com/in/zoe-martin/';
    for (const url of [
      'https://fr.linkedin.com/in/zoe-martin/?trk=public_profile',
      'HTTPS://WWW.LINKEDIN.COM/IN/ZOE-MARTIN',
      'www.linkedin.com/in/zoe-martin',
      'linkedin.com/in/zoe-martin/#about',
    ]) {
      expect(legacyProfileUrl(url)).toBe(canonical);
    }
    expect(legacyProfileUrl('https://www.linkedin.com/in/ana-%C3%B1u%C3%B1ez')).toBe('https://www.linkedin.com/in/ana-%C3%B1u%C3%B1ez/');
    expect(legacyProfileUrl('https://www.linkedin.com/company/acme')).toBeNull();
    expect(legacyProfileUrl(null)).toBeNull();
  });

  it('matches names whatever the apostrophe, accents, case and spaces', () => {
    expect(normaliseName(' Jean  O’Brien ')).toBe(normaliseName("jean o'brien"));
    expect(normaliseName('Zoé Martin')).toBe(normaliseName('ZOE MARTIN'));
    expect(normaliseName('Nina 🌸 Simone')).toBe('nina 🌸 simone');
    expect(splitName('Marie-Claire de La Tour')).toEqual({ firstName: 'Marie-Claire', lastName: 'de La Tour' });
    expect(splitName('Cher')).toEqual({ firstName: 'Cher', lastName: null });
  });
});
