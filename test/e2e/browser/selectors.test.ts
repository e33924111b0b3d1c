/** The selector engine in real Chromium on hand-written pages (page.setContent). */
import { existsSync } from 'node:fs';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BROWSER_FLAGS } from '../../../src-main/core/browser/launch.js';
import { SELECTOR_CATALOGUE, type TargetSpec } from '../../../src-main/core/browser/selector-catalogue.js';
import { SelectorRepository } from '../../../src-main/core/browser/selector-repo.js';
import { SelectorEngine } from '../../../src-main/core/browser/selectors.js';
import { browserHandlers } from '../../../src-main/core/browser/handlers.js';
import type { BrowserEngine } from '../../../src-main/core/browser/index.js';
import { realSleep } from '../../../src-main/core/util/runtime.js';
import { createTestContext, metricValue, type TestContext } from '../../helpers/browser.js';

// Each test drives a real Chromium; on a busy machine a launch alone can take seconds.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const TEST_TARGETS: TargetSpec[] = [
  {
    target: 'test.send',
    description: 'a send button',
    candidates: [
      { locator: 'role=button[name=/^(Send|Envoyer)$/i]', locale: null },
      { locator: 'css=button.send-fallback', locale: null },
      { locator: 'label=/Envoyer maintenant/', locale: 'fr' },
    ],
  },
  { target: 'test.item', description: 'a list item', candidates: [{ locator: 'css=li.item', locale: null }] },
  { target: 'test.item.named', description: 'a named list item', candidates: [{ locator: 'css=li[data-id="{id}"]', locale: null }] },
];

let browser: Browser;
let page: Page;
let t: TestContext;
let repo: SelectorRepository;
let engine: SelectorEngine;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...BROWSER_FLAGS, '--no-sandbox'] });
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(() => {
  t = createTestContext();
  repo = new SelectorRepository(t.ctx.store.database.db);
  repo.seed([...SELECTOR_CATALOGUE, ...TEST_TARGETS]);
  engine = new SelectorEngine({
    page,
    repo,
    metrics: t.ctx.metrics,
    clock: t.ctx.clock,
    sleep: realSleep,
    signal: new AbortController().signal,
    logger: pino({ enabled: false }),
    diagnosticsDir: t.ctx.paths.diagnostics,
    timeoutMs: 300,
  });
  return () => t.dispose();
});

const health = (target: string) => repo.health().find((h) => h.target === target);

describe('SelectorEngine', () => {
  it('every built-in candidate is a selector Playwright accepts (also with the visibility filter)', async () => {
    await page.setContent('<main><h1>x</h1></main>');
    const warnings: string[] = [];
    const strict = new SelectorEngine({
      page,
      repo,
      metrics: t.ctx.metrics,
      clock: t.ctx.clock,
      sleep: realSleep,
      signal: new AbortController().signal,
      logger: { warn: (o: { locator: string }) => warnings.push(o.locator) } as unknown as pino.Logger,
      diagnosticsDir: t.ctx.paths.diagnostics,
      timeoutMs: 0,
    });
    for (const spec of SELECTOR_CATALOGUE) await strict.count(spec.target, { params: { publicId: 'jane-doe' } });
    expect(warnings).toEqual([]);
  });

  it('uses the first candidate that matches and records its success', async () => {
    await page.setContent('<button>Envoyer</button>');
    const button = await engine.one('test.send');
    expect(await button.textContent()).toBe('Envoyer');
    expect(health('test.send')?.state).toBe('healthy');
    expect(await metricValue(t.ctx, 'selectorFallbacks', { target: 'test.send' })).toBe(0);
  });

  it('falls back to a later candidate, counts the fallback and reports the target degraded; the fallback then ranks first', async () => {
    await page.setContent('<button class="send-fallback" aria-label="Paper plane">✈</button>');
    await engine.one('test.send');
    expect(await metricValue(t.ctx, 'selectorFallbacks', { target: 'test.send' })).toBe(1);
    expect(health('test.send')?.state).toBe('degraded');
    expect(health('test.send')?.candidates.map((c) => [c.successes, c.failures])).toEqual([
      [0, 1],
      [1, 0],
      [0, 0],
    ]);
    expect(repo.ranked('test.send')[0].locator).toBe('css=button.send-fallback');
    await engine.one('test.send'); // no fallback needed any more: it is tried first
    expect(await metricValue(t.ctx, 'selectorFallbacks', { target: 'test.send' })).toBe(1);
  });

  it('supports label= candidates', async () => {
    await page.setContent('<label>Envoyer maintenant <input type="checkbox"></label>');
    expect(await (await engine.one('test.send')).getAttribute('type')).toBe('checkbox');
  });

  it('only visible elements count: hidden duplicates are never returned', async () => {
    await page.setContent(`
      <button style="display:none">Send</button>
      <button style="visibility:hidden">Send</button>
      <button id="real">Send</button>`);
    const button = await engine.one('test.send', { unique: true });
    expect(await button.getAttribute('id')).toBe('real');
    await page.setContent('<button style="display:none">Send</button><div hidden><button>Send</button></div>');
    await expect(engine.one('test.send')).rejects.toMatchObject({ code: 'SELECTOR_NOT_FOUND' });
  });

  it('unique: refuses to guess between two visible matches', async () => {
    await page.setContent('<button>Send</button><button>Envoyer</button>');
    await expect(engine.one('test.send', { unique: true })).rejects.toMatchObject({ code: 'SELECTOR_NOT_FOUND' });
  });

  it('waits for an element that shows up later', async () => {
    await page.setContent('<div id="root"></div><script>setTimeout(() => { document.getElementById("root").innerHTML = "<button>Send</button>"; }, 150)</script>');
    expect(await (await engine.one('test.send', { timeoutMs: 3_000 })).textContent()).toBe('Send');
  });

  it('nothing matching: SELECTOR_NOT_FOUND with a screenshot and the HTML, listed by diagnostics.list; the target is failing', async () => {
    await page.setContent('<p>Something changed</p>');
    type NotFound = { code: string; details: { screenshot: string; html: string; target: string } };
    const error = (await engine.one('test.send').then(
      () => ({ code: 'none', details: { screenshot: '', html: '', target: '' } }),
      (e: unknown) => e,
    )) as NotFound;
    expect(error).toMatchObject({ code: 'SELECTOR_NOT_FOUND', details: { target: 'test.send' } });
    expect(existsSync(error.details.screenshot)).toBe(true);
    expect(existsSync(error.details.html)).toBe(true);
    expect(error.details.screenshot.startsWith(t.ctx.paths.diagnostics)).toBe(true);
    expect(health('test.send')?.state).toBe('failing');
    const handlers = browserHandlers(t.ctx, { selectors: repo } as unknown as BrowserEngine);
    const listed = await handlers['diagnostics.list']?.({});
    expect(listed).toEqual([expect.objectContaining({ target: 'test.send', screenshot: error.details.screenshot, html: error.details.html })]);
    const report = await handlers['selectors.health']?.({});
    expect(report?.find((h) => h.target === 'test.send')?.state).toBe('failing');
    expect(report?.find((h) => h.target === 'nav.loggedIn')?.state).toBe('unused');
  });

  it('all(): every visible match; optional(): null without recording a failure; params fill placeholders', async () => {
    await page.setContent('<ul><li class="item" data-id="a">A</li><li class="item" style="display:none">H</li><li class="item" data-id="b&quot;c">B</li></ul>');
    const items = await engine.all('test.item');
    expect(await Promise.all(items.map((i) => i.textContent()))).toEqual(['A', 'B']);
    expect(await (await engine.one('test.item.named', { params: { id: 'b"c' } })).textContent()).toBe('B');
    expect(await engine.optional('test.send')).toBeNull();
    expect(health('test.send')?.state).toBe('unused');
  });

  it('probe(): which target shows, in one look', async () => {
    await page.setContent('<main><h1>Votre compte a été temporairement restreint</h1></main>');
    expect(await engine.probe(['guard.checkpoint', 'guard.restricted'])).toBe('guard.restricted');
    await page.setContent('<main><h1>Hello</h1></main>');
    expect(await engine.probe(['guard.checkpoint', 'guard.restricted'])).toBeNull();
  });
});

describe('SelectorEngine bookkeeping and round trips', () => {
  const storedCounts = (target: string) =>
    t.ctx.store.database.sqlite
      .prepare('select successes, failures from selectors where target = ? order by priority')
      .all(target) as { successes: number; failures: number }[];

  it('counts hits in memory on a page and writes them in one go when the page changes; health is never stale', async () => {
    await page.goto('data:text/html,<button>Send</button>');
    for (let i = 0; i < 3; i++) await engine.one('test.send');
    expect(storedCounts('test.send')[0].successes).toBe(0); // not one write per hit
    await page.goto('data:text/html,<p>next page</p><button>Send</button>');
    await engine.one('test.send'); // the first look on the new page writes the previous page's counters
    expect(storedCounts('test.send')[0].successes).toBe(3);
    expect(health('test.send')?.candidates[0].successes).toBe(4); // the health view flushes first
    expect(storedCounts('test.send')[0].successes).toBe(4);
  });

  it('a target absent at the last look still resolves to the first-ranked candidate, and a fallback still counts', async () => {
    await page.setContent('<p>nothing yet</p>');
    expect(await engine.optional('test.send')).toBeNull();
    expect(await engine.optional('test.send')).toBeNull(); // absent twice: looked for with all candidates at once
    await page.setContent('<button class="send-fallback">✈</button><button>Send</button>');
    expect(await (await engine.one('test.send')).textContent()).toBe('Send');
    expect(await metricValue(t.ctx, 'selectorFallbacks', { target: 'test.send' })).toBe(0);

    await page.setContent('<p>gone again</p>');
    expect(await engine.optional('test.send')).toBeNull();
    await page.setContent('<button class="send-fallback">✈</button>');
    expect(await (await engine.one('test.send')).getAttribute('class')).toBe('send-fallback');
    expect(await metricValue(t.ctx, 'selectorFallbacks', { target: 'test.send' })).toBe(1);
    expect(health('test.send')?.state).toBe('degraded');
  });

  it('uniqueness still holds after an absent look: two visible matches are refused', async () => {
    await page.setContent('<p>nothing</p>');
    expect(await engine.optional('test.send', { unique: true })).toBeNull();
    await page.setContent('<button>Send</button><button>Envoyer</button>');
    await expect(engine.one('test.send', { unique: true })).rejects.toMatchObject({ code: 'SELECTOR_NOT_FOUND' });
  });
});
