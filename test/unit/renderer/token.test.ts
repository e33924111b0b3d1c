import { describe, expect, it } from 'vitest';
import { forgetToken, takeToken, type TokenHost } from '../../../src-renderer/api/token.js';

function host(hash: string): TokenHost & { address: () => string; stored: Map<string, string> } {
  const stored = new Map<string, string>();
  const location = { hash, pathname: '/', search: '' };
  return {
    stored,
    location,
    address: () => location.pathname + location.search + location.hash,
    history: {
      replaceState: (_data: unknown, _unused: string, url?: string | URL | null) => {
        location.hash = String(url ?? '').includes('#') ? String(url).slice(String(url).indexOf('#')) : '';
      },
    },
    sessionStorage: {
      getItem: (k) => stored.get(k) ?? null,
      setItem: (k, v) => void stored.set(k, v),
      removeItem: (k) => void stored.delete(k),
    },
  };
}

describe('API token in the browser', () => {
  it('takes the token from #token=…, keeps it for the tab and removes it from the address bar', () => {
    const h = host('#token=abc123');
    expect(takeToken(h)).toBe('abc123');
    expect(h.address()).toBe('/');
    expect(takeToken(h)).toBe('abc123');
  });

  it('has no token when none was given, and forgets a refused one', () => {
    const h = host('');
    expect(takeToken(h)).toBeNull();
    const given = host('#token=wrong');
    takeToken(given);
    forgetToken(given);
    expect(takeToken(given)).toBeNull();
  });
});
