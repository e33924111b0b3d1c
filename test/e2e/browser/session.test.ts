/** Connecting (the user logs in themselves), importing cookies, status and disconnecting, against the simulator. */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserHandlers, createBrowserEngine, type BrowserEngine } from '../../../src-main/core/browser/index.js';
import { startSimulator, type Simulator } from '../../fixtures/linkedin-sim/index.js';
import { createTestContext, linkedInStorageState, TEST_ENGINE_OPTIONS, sharedBrowserProfile, type TestContext } from '../../helpers/browser.js';

// Each test drives a real Chromium; on a busy machine a launch alone can take seconds.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

let sim: Simulator;
const profile = sharedBrowserProfile();
let t: TestContext;

beforeAll(async () => {
  sim = await startSimulator({ seed: 21 });
});
afterAll(async () => {
  await sim?.close();
});
beforeEach(() => {
  sim.reset();
  sim.configure({ guard: null, sessionToken: 'sim-li-at', variant: 'classic', locale: 'en' });
  t = createTestContext({ baseUrl: sim.url, browserProfile: profile });
  return () => t.dispose();
});

function engineWith(options: Parameters<typeof createBrowserEngine>[1] = {}): { engine: BrowserEngine; handlers: ReturnType<typeof browserHandlers> } {
  const engine = createBrowserEngine(t.ctx, { ...TEST_ENGINE_OPTIONS, ...options });
  return { engine, handlers: browserHandlers(t.ctx, engine) };
}

describe('account', () => {
  it('connect: waits on the login page until the user has logged in, then stores the session; runs use it', async () => {
    let typedByRapport = false;
    const { engine, handlers } = engineWith({
      connectHeadless: true,
      // Plays the user: Rapport itself never touches the login form.
      onConnectPage: async (page) => {
        typedByRapport = (await page.locator('#username').inputValue()) !== '';
        await page.locator('#username').fill('user@example.org');
        await page.locator('#password').fill('correct horse');
        await page.locator('button[type="submit"]').click();
      },
    });
    expect((await handlers['account.status']?.({}))?.state).toBe('not-connected');
    const status = await handlers['account.connect']?.({ timeoutSeconds: 60 });
    expect(typedByRapport).toBe(false);
    expect(status).toMatchObject({ state: 'connected' });
    expect(status?.connectedAt).not.toBeNull();
    expect(status?.lastVerifiedAt).not.toBeNull();
    expect(engine.busy()).toBe(false);

    const cards = await engine.withLinkedIn(new AbortController().signal, (li) => li.birthdays.read());
    expect(cards).toHaveLength(sim.config().birthdays.length);
  });

  it('connect gives up after its timeout without storing anything', async () => {
    const { engine, handlers } = engineWith({ connectHeadless: true });
    await expect(engine.connect(new AbortController().signal, 1)).rejects.toMatchObject({ code: 'ABORTED' });
    expect((await handlers['account.status']?.({}))?.state).toBe('not-connected');
  });

  it('imported linkedin.com cookies work against the simulator; status shows when the session was last verified', async () => {
    const { engine, handlers } = engineWith();
    const imported = await handlers['account.importCookies']?.({ content: linkedInStorageState() });
    expect(imported).toMatchObject({ state: 'connected', lastVerifiedAt: null });
    await engine.withLinkedIn(new AbortController().signal, (li) => li.birthdays.read());
    const status = await handlers['account.status']?.({});
    expect(status?.state).toBe('connected');
    expect(status?.lastVerifiedAt).not.toBeNull();
  });

  it('an expired session stops the run with SESSION_EXPIRED and the account says expired', async () => {
    const { engine, handlers } = engineWith();
    await handlers['account.importCookies']?.({ content: linkedInStorageState('stale-token') });
    await expect(engine.withLinkedIn(new AbortController().signal, (li) => li.birthdays.read())).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect((await handlers['account.status']?.({}))?.state).toBe('expired');
  });

  it('import refusals store nothing; disconnect forgets the session and the browser profile', async () => {
    const { engine, handlers } = engineWith();
    await expect(handlers['account.importCookies']?.({ content: '[{"name":"lang","value":"fr","domain":".linkedin.com"}]' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect((await handlers['account.status']?.({}))?.state).toBe('not-connected');

    await handlers['account.importCookies']?.({ content: linkedInStorageState() });
    await engine.withLinkedIn(new AbortController().signal, async () => undefined);
    expect(existsSync(t.ctx.paths.browserProfile)).toBe(true);
    const status = await handlers['account.disconnect']?.({});
    expect(status).toMatchObject({ state: 'not-connected', connectedAt: null, lastVerifiedAt: null });
    expect(existsSync(t.ctx.paths.browserProfile)).toBe(false);
    await expect(engine.withLinkedIn(new AbortController().signal, async () => 1)).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  });
});
