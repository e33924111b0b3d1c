import { describe, expect, it } from 'vitest';
import { matches, parseQuery } from '../../fixtures/linkedin-sim/query.js';

const text = 'Hélène Lefèvre\nData Engineer at Acme\nAcme\nParis, Île-de-France, France';
const m = (q: string) => matches(parseQuery(q), text);

describe('boolean keywords', () => {
  it('matches case- and accent-insensitively at word starts, implicit AND', () => {
    expect(m('')).toBe(true);
    expect(m('helene')).toBe(true);
    expect(m('DATA engineer')).toBe(true);
    expect(m('engin')).toBe(true);
    expect(m('ngineer')).toBe(false);
    expect(m('data recruiter')).toBe(false);
  });
  it('supports "exact phrase", OR, NOT, AND and parentheses', () => {
    expect(m('"data engineer"')).toBe(true);
    expect(m('"engineer data"')).toBe(false);
    expect(m('recruiter OR engineer')).toBe(true);
    expect(m('recruiter OR designer')).toBe(false);
    expect(m('engineer NOT acme')).toBe(false);
    expect(m('engineer NOT globex')).toBe(true);
    expect(m('data AND paris')).toBe(true);
    expect(m('(recruiter OR data) AND paris')).toBe(true);
    expect(m('(recruiter OR designer) paris')).toBe(false);
    expect(m('data or recruiter')).toBe(false); // lower-case "or" is a plain word
  });
});
