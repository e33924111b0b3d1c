/**
 * The browser engine on the simulator with pacing.scale=0 and no overlay delay, so the figures are the
 * engine's own overhead (plus Chromium's), not a simulated network:
 *  - per birthday message, launch included: the engine (open the browser with the session, then for
 *    each birthday card: close stray bubbles, open the conversation, verify the recipient, type key by
 *    key, send, confirm, close) vs a raw playwright-core script that launches the same Chromium and
 *    clicks the same controls on the same simulator page with no checks at all;
 *  - the birthday list read, and the browser's launch and close on their own.
 */
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createBrowserEngine } from '../src-main/core/browser/index.js';
import { BROWSER_FLAGS, discoverBrowsers, launchBrowser } from '../src-main/core/browser/launch.js';
import { cookiesForBaseUrl } from '../src-main/core/browser/session.js';
import { parseCookieFile } from '../src-main/core/browser/cookie-import.js';
import { generateDataset, startSimulator, type Dataset } from '../test/fixtures/linkedin-sim/index.js';
import { createTestContext, linkedInStorageState, openSession, TEST_ENGINE_OPTIONS } from '../test/helpers/browser.js';
import { median, type BenchResult } from './types.js';

const MESSAGES = 20;
const LAUNCHES = 5;
const TEXT = 'Happy birthday! Wishing you a great year ahead.';
const BIRTHDAYS_PATH = '/mynetwork/catch-up/birthday/';

function dataset(): Dataset {
  return generateDataset({ seed: 4, today: MESSAGES, late: [], upcoming: [], searchPeople: 0 });
}

function recipients(data: Dataset): { publicId: string; fullName: string }[] {
  const people = new Map(data.people.map((p) => [p.publicId, p]));
  return data.birthdays.map((b) => {
    const p = people.get(b.publicId)!;
    return { publicId: p.publicId, fullName: `${p.firstName} ${p.lastName}` };
  });
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Launch, send every message through the engine (from the birthday cards), close: total ms. */
async function engineRun(): Promise<number> {
  const data = dataset();
  const sim = await startSimulator({ overlayDelayMs: 0, ...data });
  const t = createTestContext({ baseUrl: sim.url });
  try {
    const engine = createBrowserEngine(t.ctx, TEST_ENGINE_OPTIONS);
    await engine.session.importCookies(linkedInStorageState());
    const started = performance.now();
    await engine.withLinkedIn(new AbortController().signal, async (li) => {
      for (const r of recipients(data)) await li.messaging.send({ ...r, text: TEXT, from: 'birthdays' });
    });
    const total = performance.now() - started;
    await engine.stop();
    if (sim.sent().length !== MESSAGES) throw new Error(`engine: expected ${MESSAGES} messages, the simulator got ${sim.sent().length}`);
    return total;
  } finally {
    t.dispose();
    await sim.close();
  }
}

/** The same messages by a bare playwright-core script: same browser, same page, same clicks, no checks. */
async function rawRun(): Promise<number> {
  const data = dataset();
  const sim = await startSimulator({ overlayDelayMs: 0, ...data });
  const profile = mkdtempSync(join(tmpdir(), 'rapport-bench-raw-'));
  try {
    const candidate = discoverBrowsers({ env: process.env }).find((c) => c.kind === 'path');
    if (!candidate || candidate.kind !== 'path') throw new Error('no Chromium executable found for the raw script');
    const executablePath = candidate.executablePath;
    const cookies = cookiesForBaseUrl(parseCookieFile(linkedInStorageState(), { now: new Date(), hosts: ['linkedin.com', new URL(sim.url).hostname] }).cookies, sim.url);
    const started = performance.now();
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...BROWSER_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    });
    await context.addCookies(cookies);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(new URL(BIRTHDAYS_PATH, sim.url).toString());
    for (const r of recipients(data)) {
      const open = page.getByRole('button', { name: `Send message to ${r.fullName}`, exact: true });
      while ((await open.count()) === 0) await page.mouse.wheel(0, 1800);
      await open.click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox').pressSequentially(TEXT);
      await dialog.getByRole('button', { name: 'Send', exact: true }).click();
      await dialog.getByRole('button', { name: `Close your conversation with ${r.fullName}`, exact: true }).click();
    }
    await waitFor(() => sim.sent().length === MESSAGES, 'the raw script’s messages');
    await context.close();
    return performance.now() - started;
  } finally {
    rmSync(profile, { recursive: true, force: true });
    await sim.close();
  }
}

async function readAndLaunchFigures(): Promise<{ readMs: number; launch: number[]; close: number[] }> {
  const sim = await startSimulator({ overlayDelayMs: 0, ...dataset() });
  const t = createTestContext({ baseUrl: sim.url });
  try {
    const engine = createBrowserEngine(t.ctx, TEST_ENGINE_OPTIONS);
    await engine.session.importCookies(linkedInStorageState());
    const session = await openSession(engine);
    let readMs: number;
    try {
      const start = performance.now();
      const cards = await session.li.birthdays.read();
      readMs = performance.now() - start;
      if (cards.length !== MESSAGES) throw new Error(`read ${cards.length} cards, expected ${MESSAGES}`);
    } finally {
      await session.close();
      await engine.stop();
    }
    const launch: number[] = [];
    const close: number[] = [];
    for (let i = 0; i < LAUNCHES; i++) {
      let start = performance.now();
      const browser = await launchBrowser({ candidates: discoverBrowsers({ env: process.env }), profileDir: t.ctx.paths.browserProfile, headless: true, logger: pino({ enabled: false }) });
      launch.push(performance.now() - start);
      start = performance.now();
      await browser.close();
      close.push(performance.now() - start);
    }
    return { readMs, launch, close };
  } finally {
    t.dispose();
    await sim.close();
  }
}

export default async function bench(): Promise<BenchResult[]> {
  // Alternate the two sides so a busy moment on the machine does not land on one of them only.
  const engine: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < 2; i++) {
    raw.push(await rawRun());
    engine.push(await engineRun());
  }
  const { readMs, launch, close } = await readAndLaunchFigures();
  return [
    {
      name: `per birthday message, launch included (${MESSAGES} messages, best of 2)`,
      value: Math.min(...engine) / MESSAGES,
      unit: 'ms',
      baseline: Math.min(...raw) / MESSAGES,
      baselineName: 'raw playwright-core script, no checks',
      note: `${TEXT.length} chars typed key by key, pacing.scale=0; target ≤ 1.3×`,
    },
    { name: `birthday list read (${MESSAGES} cards, lazy-loaded)`, value: readMs, unit: 'ms', note: 'includes the idle scrolls that prove the end' },
    { name: `browser launch, persistent profile (median of ${LAUNCHES})`, value: median(launch), unit: 'ms' },
    { name: `browser close and reap (median of ${LAUNCHES})`, value: median(close), unit: 'ms' },
  ];
}
