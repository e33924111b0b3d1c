import { describe, expect, it } from 'vitest';
import { fitScore, fitText, type FitCriteria, type FitProfile } from '../../../src-main/core/campaigns/fit-score.js';

const profile = (p: Partial<FitProfile> = {}): FitProfile => ({
  headline: 'Senior Data Engineer at Acme',
  company: 'Acme',
  location: 'Lyon, Auvergne-Rhône-Alpes, France',
  degree: 2,
  ...p,
});
const criteria = (c: Partial<FitCriteria> = {}): FitCriteria => ({ keywords: [], ...c });

describe('fitScore', () => {
  it.each<[string, Partial<FitProfile>, Partial<FitCriteria>, number, Record<string, number>]>([
    ['everything matches, 1st degree', { degree: 1 }, { keywords: ['data engineer', 'acme'], location: 'Lyon' }, 100, { keywords: 61, location: 28, network: 11 }],
    ['half the keywords', { degree: 1 }, { keywords: ['data engineer', 'kotlin'], location: 'Lyon' }, 69, { keywords: 30, location: 28, network: 11 }],
    ['no keyword, no location match, unknown degree', { degree: null }, { keywords: ['nurse'], location: 'Berlin' }, 0, { keywords: 0, location: 0, network: 0 }],
    ['2nd degree only', { degree: 2 }, { keywords: ['nurse'], location: 'Berlin' }, 7, { keywords: 0, location: 0, network: 7 }],
    ['3rd degree only', { degree: 3 }, { keywords: ['nurse'], location: 'Berlin' }, 3, { keywords: 0, location: 0, network: 3 }],
    ['empty profile location matches nothing', { location: '', degree: 1 }, { keywords: ['acme'], location: 'Lyon' }, 72, { keywords: 61, location: 0, network: 11 }],
    ['null profile location matches nothing', { location: null, degree: 1 }, { keywords: ['acme'], location: 'Lyon' }, 72, { keywords: 61, location: 0, network: 11 }],
    ['part of the location (country)', { degree: 1 }, { keywords: ['acme'], location: 'Paris, France' }, 86, { keywords: 61, location: 14, network: 11 }],
    ['accents and case ignored', { location: 'Montréal, Québec', degree: 1 }, { keywords: ['DATA ENGINEER'], location: 'montreal' }, 100, { keywords: 61, location: 28, network: 11 }],
    ['only keywords set: scaled to 100', { degree: 1 }, { keywords: ['data'] }, 100, { keywords: 85, network: 15 }],
    ['only location set', { degree: 1 }, { location: 'Lyon' }, 100, { location: 71, network: 29 }],
    ['no criteria at all: closeness only', { degree: 2 }, {}, 60, { network: 60 }],
    ['empty criteria location does not apply', { degree: 1 }, { keywords: ['data'], location: '  ' }, 100, { keywords: 85, network: 15 }],
    ['whole words: java is not javascript', { headline: 'JavaScript developer', degree: 1 }, { keywords: ['java'] }, 15, { keywords: 0, network: 15 }],
    ['C++ is not C', { headline: 'C developer', degree: 1 }, { keywords: ['C++'] }, 15, { keywords: 0, network: 15 }],
    ['C++ matches C++', { headline: 'C++ developer', degree: 1 }, { keywords: ['c++'] }, 100, { keywords: 85, network: 15 }],
    ['company text counts', { headline: 'Engineer', company: 'Pied Piper', degree: 1 }, { keywords: ['pied piper'] }, 100, { keywords: 85, network: 15 }],
    ['no headline, no company', { headline: null, company: null, degree: 1 }, { keywords: ['data'] }, 15, { keywords: 0, network: 15 }],
    ['duplicate keywords count once', { degree: 1 }, { keywords: ['Data', 'data', ' DATA '] }, 100, { keywords: 85, network: 15 }],
    ['alternatives: any one counts', { degree: 1 }, { keywords: [['kotlin', 'data'], 'acme'] }, 100, { keywords: 85, network: 15 }],
    ['alternatives: none found', { degree: 1 }, { keywords: [['kotlin', 'scala'], 'acme'] }, 58, { keywords: 42, network: 16 }],
    ['alternatives equal to a plain entry count once', { degree: 1 }, { keywords: [['data'], 'data', ['DATA', 'data']] }, 100, { keywords: 85, network: 15 }],
    ['experience inside the range', { degree: 1, yearsOfExperience: 6 }, { keywords: ['data'], yearsOfExperience: [5, 10] }, 100, { keywords: 74, experience: 13, network: 13 }],
    ['experience 2 years short', { degree: 1, yearsOfExperience: 3 }, { keywords: ['data'], yearsOfExperience: [5, 10] }, 95, { keywords: 74, experience: 8, network: 13 }],
    ['experience far outside', { degree: 1, yearsOfExperience: 30 }, { keywords: ['data'], yearsOfExperience: [5, 10] }, 87, { keywords: 74, experience: 0, network: 13 }],
    ['experience unknown: does not apply', { degree: 1 }, { keywords: ['data'], yearsOfExperience: [5, 10] }, 100, { keywords: 85, network: 15 }],
  ])('%s', (_name, p, c, score, breakdown) => {
    const result = fitScore(profile(p), criteria(c));
    expect(result).toEqual({ score, breakdown });
  });

  it('always gives an integer 0–100 whose breakdown adds up to it', () => {
    const headlines = ['Data Engineer', 'Ingénieure data chez Hooli', '', 'CTO', 'Founder at Acme'];
    const locations = ['Paris, France', '', 'Lyon', 'Berlin, Germany'];
    const keywordSets = [[], ['data'], ['data', 'acme', 'cto'], ['x', 'y', 'z']];
    for (const headline of headlines) {
      for (const location of locations) {
        for (const keywords of keywordSets) {
          for (const degree of [1, 2, 3, null]) {
            const r = fitScore({ headline, company: 'Acme', location, degree }, { keywords, location: 'Paris, Île-de-France, France' });
            expect(Number.isInteger(r.score)).toBe(true);
            expect(r.score).toBeGreaterThanOrEqual(0);
            expect(r.score).toBeLessThanOrEqual(100);
            expect(Object.values(r.breakdown).reduce((a, b) => a + b, 0)).toBe(r.score);
          }
        }
      }
    }
  });
});

describe('fitText', () => {
  it.each([
    ['Ingénieure Données', 'ingenieure donnees'],
    ['Node.js / C# / C++', 'node js c# c++'],
    [null, ''],
    ['  Paris,  France ', 'paris france'],
  ])('%j → %j', (input, expected) => {
    expect(fitText(input)).toBe(expected);
  });
});
