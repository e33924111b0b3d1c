import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportError } from '../../../src-shared/errors.js';
import { normaliseSameSite, parseCookieFile, type SessionCookie } from '../../../src-main/core/browser/cookie-import.js';
import { cookiesForBaseUrl, SESSION_SECRET, SessionStore } from '../../../src-main/core/browser/session.js';
import { createTestContext, linkedInStorageState, type TestContext } from '../../helpers/browser.js';

const NOW = new Date('2026-03-10T12:00:00Z');
const nowSeconds = NOW.getTime() / 1000;
const HOSTS = ['linkedin.com'];

/** What the EditThisCookie extension exports. */
function editThisCookie(overrides: Array<Record<string, unknown>> = []): string {
  const base = [
    {
      domain: '.www.linkedin.com',
      expirationDate: nowSeconds + 86_400 * 300,
      hostOnly: false,
      httpOnly: true,
      name: 'li_at',
      path: '/',
      sameSite: 'no_restriction',
      secure: true,
      session: false,
      storeId: '0',
      value: 'AQEDAR-token',
      id: 1,
    },
    {
      domain: '.linkedin.com',
      hostOnly: false,
      httpOnly: false,
      name: 'lang',
      path: '/',
      sameSite: 'unspecified',
      secure: true,
      session: true,
      storeId: '0',
      value: 'v=2&lang=fr-fr',
      id: 2,
    },
    {
      domain: '.www.linkedin.com',
      expirationDate: nowSeconds - 60,
      httpOnly: false,
      name: 'old_tracking',
      path: '/',
      sameSite: 'lax',
      secure: false,
      session: false,
      value: 'x',
      id: 3,
    },
    { domain: '.example.org', expirationDate: nowSeconds + 1000, name: 'other_site', path: '/', sameSite: 'strict', secure: true, value: 'y', id: 4 },
  ];
  return JSON.stringify([...base, ...overrides]);
}

function refused(content: string): RapportError {
  try {
    parseCookieFile(content, { now: NOW, hosts: HOSTS });
  } catch (e) {
    if (e instanceof RapportError) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

describe('parseCookieFile', () => {
  it('reads a Playwright storage state', () => {
    const state = parseCookieFile(linkedInStorageState('tok', nowSeconds + 3600), { now: NOW, hosts: HOSTS });
    expect(state.cookies.map((c) => c.name)).toEqual(['li_at', 'JSESSIONID']);
    expect(state.cookies[0]).toMatchObject({ value: 'tok', domain: '.www.linkedin.com', expires: nowSeconds + 3600, secure: true, sameSite: 'None' });
  });

  it('reads an EditThisCookie array: converts expirationDate and sameSite, keeps session cookies, drops expired and other sites', () => {
    const state = parseCookieFile(editThisCookie(), { now: NOW, hosts: HOSTS });
    const byName = Object.fromEntries(state.cookies.map((c) => [c.name, c])) as Record<string, SessionCookie>;
    expect(Object.keys(byName).sort()).toEqual(['lang', 'li_at']);
    expect(byName.li_at).toEqual({
      name: 'li_at',
      value: 'AQEDAR-token',
      domain: '.www.linkedin.com',
      path: '/',
      expires: Math.floor(nowSeconds + 86_400 * 300),
      httpOnly: true,
      secure: true,
      sameSite: 'None',
    });
    expect(byName.lang).toMatchObject({ expires: -1, sameSite: 'Lax' });
  });

  it('refuses a file whose session cookie has expired', () => {
    const expired = JSON.stringify([{ domain: '.linkedin.com', name: 'li_at', value: 'v', path: '/', expirationDate: nowSeconds - 10 }]);
    const e = refused(expired);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toMatch(/expired/);
  });

  it('refuses a file without a session cookie', () => {
    const e = refused(JSON.stringify([{ domain: '.linkedin.com', name: 'lang', value: 'fr', path: '/' }]));
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toMatch(/no LinkedIn session cookie/);
  });

  it("refuses li_at set for another site", () => {
    expect(refused(JSON.stringify([{ domain: '.example.org', name: 'li_at', value: 'v', path: '/' }])).code).toBe('VALIDATION_FAILED');
  });

  it('refuses non-JSON, wrong shapes and malformed cookies', () => {
    expect(refused('li_at=abc; JSESSIONID=def').message).toMatch(/not JSON/);
    expect(refused('{"hello": 1}').code).toBe('VALIDATION_FAILED');
    expect(refused('42').code).toBe('VALIDATION_FAILED');
    expect(refused(JSON.stringify([{ name: 'li_at', value: 'v' }])).message).toMatch(/cookie #1 is malformed \(domain/);
  });

  it('maps sameSite values to what Chromium accepts', () => {
    expect(normaliseSameSite('no_restriction', true)).toBe('None');
    expect(normaliseSameSite('no_restriction', false)).toBe('Lax');
    expect(normaliseSameSite('unspecified', true)).toBe('Lax');
    expect(normaliseSameSite(null, true)).toBe('Lax');
    expect(normaliseSameSite('Strict', false)).toBe('Strict');
    expect(normaliseSameSite('lax', false)).toBe('Lax');
  });
});

describe('cookiesForBaseUrl', () => {
  const cookies = parseCookieFile(linkedInStorageState('tok', nowSeconds + 3600), { now: NOW, hosts: HOSTS }).cookies;

  it('leaves cookies alone for linkedin.com', () => {
    expect(cookiesForBaseUrl(cookies, 'https://www.linkedin.com')).toEqual(cookies);
  });

  it('rewrites linkedin.com cookies to the base host (the simulator), dropping Secure on http', () => {
    const rewritten = cookiesForBaseUrl(cookies, 'http://127.0.0.1:4321');
    expect(rewritten.map((c) => [c.domain, c.secure, c.sameSite])).toEqual([
      ['127.0.0.1', false, 'Lax'],
      ['127.0.0.1', false, 'Lax'],
    ]);
    expect(rewritten[0].value).toBe('tok');
  });
});

describe('SessionStore.importCookies', () => {
  let t: TestContext;
  let store: SessionStore;
  beforeEach(() => {
    t = createTestContext({ baseUrl: 'http://127.0.0.1:9' });
    store = new SessionStore(t.ctx);
  });
  afterEach(() => t.dispose());

  it('stores an accepted file encrypted and marks the account connected (not yet verified)', async () => {
    await store.importCookies(editThisCookie());
    const raw = await t.ctx.secrets.get(SESSION_SECRET);
    expect(JSON.parse(raw ?? '{}').cookies).toHaveLength(2);
    expect(store.meta()).toMatchObject({ state: 'connected', lastVerifiedAt: null });
    expect(store.meta().connectedAt).not.toBeNull();
  });

  it.each([
    ['expired-only', JSON.stringify([{ domain: '.linkedin.com', name: 'li_at', value: 'v', path: '/', expirationDate: 1 }])],
    ['no-session', JSON.stringify([{ domain: '.linkedin.com', name: 'lang', value: 'fr', path: '/' }])],
    ['non-JSON', 'not json at all'],
  ])('stores nothing when the file is refused (%s)', async (_label, content) => {
    await expect(store.importCookies(content)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await t.ctx.secrets.get(SESSION_SECRET)).toBeNull();
    expect(store.meta().state).toBe('not-connected');
    expect(t.ctx.store.appState.get('account')).toBeUndefined();
  });

  it('a refused file leaves an existing session in place', async () => {
    await store.importCookies(linkedInStorageState('first'));
    await expect(store.importCookies('[]')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.parse((await t.ctx.secrets.get(SESSION_SECRET)) ?? '{}').cookies[0].value).toBe('first');
  });
});
