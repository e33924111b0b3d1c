import { describe, expect, it } from 'vitest';
import { buildSearchUrl, locationPhrase, networkFilter, searchKeywords } from '../../../src-main/core/campaigns/search-url.js';
import { isRapportError } from '../../../src-shared/errors.js';

const BASE = 'https://www.linkedin.com';

function parts(url: string) {
  const u = new URL(url);
  return { origin: u.origin, path: u.pathname, hash: u.hash, params: Object.fromEntries(u.searchParams), keys: [...u.searchParams.keys()] };
}

describe('buildSearchUrl', () => {
  it.each([
    ['plain keywords', BASE, { keywords: 'data engineer' }, 1, { keywords: 'data engineer', page: '1' }],
    ['page 3', BASE, { keywords: 'data engineer' }, 3, { keywords: 'data engineer', page: '3' }],
    ['previous tool forms', BASE, { keywords: 'java|kotlin -intern' }, 1, { keywords: 'java OR kotlin NOT intern', page: '1' }],
    ['location phrase', BASE, { keywords: 'data engineer', location: 'Lyon' }, 2, { keywords: 'data engineer "Lyon"', page: '2' }],
    ['location grouped after OR', BASE, { keywords: 'java OR kotlin', location: 'Paris, France' }, 1, { keywords: '(java OR kotlin) "Paris, France"', page: '1' }],
    ['degrees 1 and 2', BASE, { keywords: 'x', degrees: [2, 1] }, 1, { keywords: 'x', network: '["F","S"]', page: '1' }],
    ['all degrees = no filter', BASE, { keywords: 'x', degrees: [1, 2, 3] }, 1, { keywords: 'x', page: '1' }],
    ['simulator base URL with a path', 'http://127.0.0.1:4321/some/path?x=1#frag', { keywords: 'x' }, 1, { keywords: 'x', page: '1' }],
    ['page clamped low', BASE, { keywords: 'x' }, 0, { keywords: 'x', page: '1' }],
    ['page clamped high', BASE, { keywords: 'x' }, 5000, { keywords: 'x', page: '100' }],
    ['page NaN', BASE, { keywords: 'x' }, Number.NaN, { keywords: 'x', page: '1' }],
    ['page fraction', BASE, { keywords: 'x' }, 2.7, { keywords: 'x', page: '2' }],
  ])('%s', (_name, base, search, page, expected) => {
    const url = buildSearchUrl(base, search, page);
    const p = parts(url);
    expect(p.origin).toBe(new URL(base).origin);
    expect(p.path).toBe('/search/results/people/');
    expect(p.hash).toBe('');
    expect(p.params).toEqual(expected);
  });

  it('always ends with the page number and starts with the base origin', () => {
    expect(buildSearchUrl(BASE, { keywords: 'data engineer' }, 2)).toBe('https://www.linkedin.com/search/results/people/?keywords=data+engineer&page=2');
  });

  const hostile = [
    'https://evil.example/in/x',
    '//evil.example/path',
    'javascript:alert(document.cookie)',
    '../../../admin',
    '/feed/?x=1#y',
    'a&page=999&keywords=b',
    'x#fragment',
    'a\r\nHost: evil.example',
    '@evil.example',
    '%2F%2Fevil.example',
    'x'.repeat(100_000),
    '"'.repeat(1001),
    '\u0000\u202e\ud83d\ude00',
  ];

  it.each(hostile)('hostile keywords %# can never change the host or path', (keywords) => {
    for (const search of [{ keywords }, { keywords: 'x', location: keywords }, { keywords, location: keywords, degrees: [1] }]) {
      const url = buildSearchUrl(BASE, search, 1);
      const p = parts(url);
      expect(p.origin).toBe(BASE);
      expect(p.path).toBe('/search/results/people/');
      expect(p.hash).toBe('');
      expect(p.keys.sort()).toEqual(search.degrees ? ['keywords', 'network', 'page'] : ['keywords', 'page']);
      expect(p.params.page).toBe('1');
    }
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'not a url', ''])('refuses a base URL that is not http(s): %j', (base) => {
    let error: unknown;
    try {
      buildSearchUrl(base, { keywords: 'x' }, 1);
    } catch (e) {
      error = e;
    }
    expect(isRapportError(error) && error.code).toBe('VALIDATION_FAILED');
  });
});

describe('search URL parts', () => {
  it.each([
    [' Lyon ', 'Lyon'],
    ['"Paris"', 'Paris'],
    ['Paris,\n  France', 'Paris, France'],
    [null, ''],
    ['a\u0000b', 'a b'],
  ])('locationPhrase(%j) = %j', (input, expected) => {
    expect(locationPhrase(input)).toBe(expected);
  });

  it.each([
    [{ keywords: 'a', location: '' }, 'a'],
    [{ keywords: 'a', location: '  ' }, 'a'],
    [{ keywords: 'a|b', location: 'Lyon' }, '(a OR b) "Lyon"'],
    [{ keywords: '"a" b', location: 'x"y' }, '"a" b "x y"'],
  ])('searchKeywords(%j) = %j', (search, expected) => {
    expect(searchKeywords(search)).toBe(expected);
  });

  it.each([
    [[], null],
    [null, null],
    [[3], '["O"]'],
    [[1, 1, 3], '["F","O"]'],
    [[7], null],
  ])('networkFilter(%j) = %j', (degrees, expected) => {
    expect(networkFilter(degrees)).toBe(expected);
  });
});
