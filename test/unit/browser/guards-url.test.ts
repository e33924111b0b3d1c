import { describe, expect, it } from 'vitest';
import { guardFromStatus, guardFromUrl } from '../../../src-main/core/browser/guards.js';

const BASE = 'https://www.linkedin.com';

describe('guardFromUrl', () => {
  it.each([
    ['https://www.linkedin.com/login?session_redirect=%2Ffeed%2F', 'login'],
    ['https://www.linkedin.com/uas/login?trk=x', 'login'],
    ['https://www.linkedin.com/authwall?trk=gf', 'login'],
    ['https://www.linkedin.com/checkpoint/rm/sign-in-another-account', 'login'],
    ['https://www.linkedin.com/checkpoint/challenge/AgF123?ut=1', 'checkpoint'],
    ['https://www.linkedin.com/checkpoint/lg/login-submit', 'checkpoint'],
    ['https://www.linkedin.com/feed/', null],
    ['https://www.linkedin.com/in/login-expert/', null],
    ['https://example.org/login', null],
    ['about:blank', null],
  ])('%s → %s', (url, kind) => {
    expect(guardFromUrl(url, BASE)).toBe(kind);
  });

  it('works against another base URL (the simulator)', () => {
    expect(guardFromUrl('http://127.0.0.1:4000/authwall?x=1', 'http://127.0.0.1:4000')).toBe('login');
    expect(guardFromUrl('http://127.0.0.1:4000/authwall?x=1', BASE)).toBeNull();
  });
});

describe('guardFromStatus', () => {
  it('429 and 999 are throttling; others are not', () => {
    expect(guardFromStatus(429)).toBe('throttled');
    expect(guardFromStatus(999)).toBe('throttled');
    expect(guardFromStatus(200)).toBeNull();
    expect(guardFromStatus(404)).toBeNull();
    expect(guardFromStatus(undefined)).toBeNull();
  });
});
