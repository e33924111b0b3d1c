import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../fixtures/linkedin-sim/index.js';

describe('generateDataset', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateDataset({ seed: 7 })).toEqual(generateDataset({ seed: 7 }));
    expect(generateDataset({ seed: 7 }).people.map((p) => p.publicId)).not.toEqual(generateDataset({ seed: 8 }).people.map((p) => p.publicId));
  });

  it('has the default mix: 3 today, belated 1/2/5/12, upcoming 1/3, 35 more people', () => {
    const { people, birthdays } = generateDataset({ seed: 1 });
    expect(birthdays.map((b) => b.when)).toEqual([
      { kind: 'today' }, { kind: 'today' }, { kind: 'today' },
      { kind: 'late', days: 1 }, { kind: 'late', days: 2 }, { kind: 'late', days: 5 }, { kind: 'late', days: 12 },
      { kind: 'upcoming', days: 1 }, { kind: 'upcoming', days: 3 },
    ]);
    expect(people).toHaveLength(9 + 35);
    const ids = new Set(people.map((p) => p.publicId));
    expect(ids.size).toBe(people.length);
    for (const b of birthdays) expect(ids.has(b.publicId)).toBe(true);
    expect(people.filter((p) => birthdays.some((b) => b.publicId === p.publicId)).every((p) => p.degree === 1)).toBe(true);
  });

  it('always contains the tricky names and some people without a company', () => {
    for (const seed of [1, 2, 3]) {
      const { people } = generateDataset({ seed, today: 1, late: [], upcoming: [], searchPeople: 0 });
      const names = people.map((p) => `${p.firstName} ${p.lastName}`);
      expect(names.some((n) => n.includes('Thierry'))).toBe(true);
      expect(names.some((n) => n.includes('Gauthier'))).toBe(true);
      expect(names).toContain('Hélène Lefèvre');
      expect(people.filter((p) => p.firstName === 'Marie')).toHaveLength(2);
    }
    const { people } = generateDataset({ seed: 5 });
    expect(people.some((p) => p.company === undefined)).toBe(true);
    expect(people.find((p) => p.firstName === 'Hélène')?.publicId).toMatch(/^helene-lefevre-[0-9a-f]{8}$/);
  });

  it('honours custom counts and French texts', () => {
    const { people, birthdays } = generateDataset({ seed: 3, today: 0, late: [4, 2], upcoming: [], searchPeople: 2, locale: 'fr' });
    expect(birthdays.map((b) => b.when)).toEqual([{ kind: 'late', days: 2 }, { kind: 'late', days: 4 }]);
    expect(people.length).toBeGreaterThanOrEqual(5);
    expect(people.some((p) => / chez | en freelance/.test(p.headline))).toBe(true);
  });
});
