/**
 * Guard detection on the simulator's pages, every kind in both DOM generations and both languages,
 * and no false alarm on the ordinary pages (one browser for the whole file).
 */
import pino from 'pino';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Guards } from '../../../src-main/core/browser/guards.js';
import { BROWSER_FLAGS } from '../../../src-main/core/browser/launch.js';
import { SELECTOR_CATALOGUE } from '../../../src-main/core/browser/selector-catalogue.js';
import { SelectorRepository } from '../../../src-main/core/browser/selector-repo.js';
import { SelectorEngine } from '../../../src-main/core/browser/selectors.js';
import { realSleep } from '../../../src-main/core/util/runtime.js';
import { startSimulator, type GuardKind, type Simulator } from '../../fixtures/linkedin-sim/index.js';
import { createTestContext, type TestContext } from '../../helpers/browser.js';

// Each test drives a real Chromium; on a busy machine a launch alone can take seconds.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const MATRIX = [
  ['classic', 'en'],
  ['classic', 'fr'],
  ['modern', 'en'],
  ['modern', 'fr'],
] as const;

const EXPECTED: Record<GuardKind, string> = {
  login: 'SESSION_EXPIRED',
  checkpoint: 'LINKEDIN_CHECKPOINT',
  captcha: 'LINKEDIN_CHECKPOINT',
  restricted: 'LINKEDIN_RESTRICTED',
  limit: 'LINKEDIN_RESTRICTED',
  http429: 'LINKEDIN_RESTRICTED',
  http999: 'LINKEDIN_RESTRICTED',
};

let sim: Simulator;
let browser: Browser;
let context: BrowserContext;
let t: TestContext;
let repo: SelectorRepository;

beforeAll(async () => {
  sim = await startSimulator({ seed: 3 });
  t = createTestContext({ baseUrl: sim.url });
  repo = new SelectorRepository(t.ctx.store.database.db);
  repo.seed(SELECTOR_CATALOGUE);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...BROWSER_FLAGS, '--no-sandbox'] });
  context = await browser.newContext();
  await context.addCookies([{ name: 'li_at', value: 'sim-li-at', url: sim.url }]);
});

afterAll(async () => {
  await browser?.close();
  t?.dispose();
  await sim?.close();
});

/** Loads `path` with fresh guards (as a new session would) and returns what the guard check says. */
async function guardCodeAt(page: Page, path: string): Promise<string> {
  const logger = pino({ enabled: false });
  const guards = new Guards({ page, baseUrl: sim.url, metrics: t.ctx.metrics, logger });
  const signal = new AbortController().signal;
  guards.useEngine(
    new SelectorEngine({ page, repo, metrics: t.ctx.metrics, clock: t.ctx.clock, sleep: realSleep, signal, logger, diagnosticsDir: t.ctx.paths.diagnostics, timeoutMs: 1_000 }),
  );
  try {
    const response = await page.goto(sim.url + path, { waitUntil: 'domcontentloaded' });
    await guards.check(response);
    return 'none';
  } catch (e) {
    return (e as { code: string }).code;
  } finally {
    guards.dispose();
  }
}

describe.each(MATRIX)('%s DOM, %s', (variant, locale) => {
  let page: Page;
  beforeAll(async () => {
    page = await context.newPage();
  });
  afterAll(async () => {
    await page?.close();
  });

  it.each(Object.entries(EXPECTED))('guard %s → %s', async (kind, code) => {
    sim.configure({ variant, locale, guard: { kind: kind as GuardKind }, popup: false, strayBubbleFor: null });
    expect(await guardCodeAt(page, '/mynetwork/catch-up/birthday/')).toBe(code);
  });

  it('no false alarm on ordinary pages, with a popup and a stray bubble open', async () => {
    sim.configure({ variant, locale, guard: null, popup: true });
    const cfg = sim.config();
    sim.configure({ strayBubbleFor: cfg.birthdays[0].publicId });
    const pages = [
      '/feed/',
      '/mynetwork/catch-up/birthday/',
      `/in/${cfg.people[0].publicId}/`,
      `/in/${cfg.people[4].publicId}/`,
      '/search/results/people/?keywords=a',
      '/search/results/people/?keywords=zzzz-nobody',
    ];
    const codes = [];
    for (const path of pages) codes.push(await guardCodeAt(page, path));
    expect(codes).toEqual(pages.map(() => 'none'));
  });
});
