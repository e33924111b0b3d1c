import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../../src-shared/errors.js';
import { keywordGroups, keywordsProblem, keywordTerms, normaliseKeywords } from '../../../src-shared/search-keywords.js';
import { settingsSchema } from '../../../src-shared/settings.js';

describe('normaliseKeywords', () => {
  it.each([
    ['data engineer', 'data engineer'],
    ['  data   engineer  ', 'data engineer'],
    ['data\u00a0engineer\n', 'data engineer'],
    ['java|kotlin', 'java OR kotlin'],
    ['java | kotlin|scala', 'java OR kotlin OR scala'],
    ['engineer -intern', 'engineer NOT intern'],
    ['engineer -"summer intern"', 'engineer NOT "summer intern"'],
    ['engineer -(intern OR stage)', 'engineer NOT (intern OR stage)'],
    ['"data   engineer"  OR  "ML engineer"', '"data engineer" OR "ML engineer"'],
    ['( java OR kotlin ) NOT intern', '(java OR kotlin) NOT intern'],
    ['full-stack developer', 'full-stack developer'],
    ['C++ - Java', 'C++ - Java'],
    ['"a|b -c" d', '"a|b -c" d'],
    ['or and not', 'or and not'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseKeywords(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const s of ['java|kotlin -intern', '"a b" OR (c -d)', 'x']) {
      expect(normaliseKeywords(normaliseKeywords(s))).toBe(normaliseKeywords(s));
    }
  });
});

describe('keywordsProblem', () => {
  it.each([
    'data engineer',
    '"data engineer" OR "ML engineer" NOT intern',
    'java|kotlin -intern',
    '(java OR kotlin) AND (Lyon OR Paris)',
    'NOT intern engineer',
    'C++',
    'x'.repeat(500),
  ])('accepts %j', (input) => {
    expect(keywordsProblem(input)).toBeNull();
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['x'.repeat(501), /at most 500/],
    ['"data engineer', /unbalanced quote/],
    ['a "b" "c', /unbalanced quote/],
    ['""', /empty quoted phrase/],
    ['java OR', /"OR" without a term after/],
    ['OR java', /"OR" without a term before/],
    ['java OR OR kotlin', /"OR" without a term/],
    ['java |', /"OR" without a term after/],
    ['java NOT', /"NOT" without a term after/],
    ['java -', null],
    ['AND java', /"AND" without a term before/],
    ['(java OR) kotlin', /"OR" without a term after/],
    ['(java', /"\(" without its "\)"/],
    ['java)', /"\)" without its "\("/],
    ['java ()', /empty parentheses/],
    ['NOT intern', /at least one term/],
    ['-intern -stage', /at least one term/],
    ['a\u0000b', /control characters/],
  ])('%j → %s', (input, expected) => {
    const problem = keywordsProblem(input);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('keywordTerms', () => {
  it.each([
    ['data engineer', ['data', 'engineer']],
    ['"data engineer" OR "ML engineer" NOT intern', ['data engineer', 'ML engineer']],
    ['java|kotlin -intern', ['java', 'kotlin']],
    ['engineer NOT (intern OR stage) lyon', ['engineer', 'lyon']],
    ['a NOT (b NOT (c))', ['a', 'c']],
    ['java java JAVA', ['java', 'JAVA']],
    ['NOT x', []],
  ])('%j → %j', (input, expected) => {
    expect(keywordTerms(input)).toEqual(expected);
  });
});

describe('keywordGroups', () => {
  it.each([
    ['data engineer', [['data'], ['engineer']]],
    ['"data engineer" (java OR kotlin) NOT intern', [['data engineer'], ['java', 'kotlin']]],
    ['(kotlin|scala) -intern', [['kotlin', 'scala']]],
    // LinkedIn precedence: OR binds loosest, so this is kotlin OR (scala AND NOT intern).
    ['kotlin|scala -intern', [['kotlin', 'scala']]],
    ['a OR NOT b', [['a']]],
    ['NOT (a OR b) c', [['c']]],
    ['(a b) OR c', [['a', 'b', 'c']]],
    ['x x', [['x']]],
    ['NOT x', []],
    ['', []],
  ])('%j → %j', (input, expected) => {
    expect(keywordGroups(input)).toEqual(expected);
  });
});

describe('saved search validation', () => {
  const search = (keywords: string) => ({ sourcing: { searches: [{ name: 'ok', keywords: 'fine' }, { name: 'bad', keywords }] } });

  it.each([
    ['"unbalanced', /unbalanced quote/],
    ['java OR', /without a term after/],
    ['', /must not be empty/],
  ])('rejects %j naming sourcing.searches.1.keywords', (keywords, reason) => {
    const result = settingsSchema.safeParse(search(keywords));
    expect(result.success).toBe(false);
    if (result.success) return;
    const issues = issuesFromZod(result.error);
    expect(issues).toHaveLength(1);
    expect(issues[0].field).toBe('sourcing.searches.1.keywords');
    expect(issues[0].reason).toMatch(reason);
  });

  it('accepts the previous tool forms as they are', () => {
    const result = settingsSchema.safeParse(search('java|kotlin -intern'));
    expect(result.success).toBe(true);
  });

  it.each([
    [{ maxPages: 0 }, 'maxPages'],
    [{ maxPages: 1000 }, 'maxPages'],
    [{ maxVisitsPerRun: 10_000 }, 'maxVisitsPerRun'],
    [{ degrees: [4] }, 'degrees.0'],
    [{ criteria: { yearsOfExperience: [10, 2] } }, 'criteria.yearsOfExperience'],
  ])('rejects absurd numbers %j', (extra, field) => {
    const result = settingsSchema.safeParse({ sourcing: { searches: [{ name: 'x', keywords: 'y', ...extra }] } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(issuesFromZod(result.error).map((i) => i.field)).toContain(`sourcing.searches.0.${field}`);
  });
});
