/**
 * The imported LinkedIn session and engine options of browser tests. Kept apart from `browser.ts` (which
 * needs vitest) so a child process started by a test can use them without loading the test runner.
 */

/** A Playwright storage state as a user would export it from linkedin.com (the simulator's token by default). */
export function linkedInStorageState(token = 'sim-li-at', expires = Math.floor(Date.now() / 1000) + 86_400 * 30): string {
  return JSON.stringify({
    cookies: [
      { name: 'li_at', value: token, domain: '.www.linkedin.com', path: '/', expires, httpOnly: true, secure: true, sameSite: 'None' },
      { name: 'JSESSIONID', value: '"ajax:123"', domain: '.www.linkedin.com', path: '/', expires, httpOnly: false, secure: true, sameSite: 'None' },
    ],
    origins: [],
  });
}

export const TEST_ENGINE_OPTIONS = { timeoutMs: 4_000, scrollIdleMs: 500 } as const;
