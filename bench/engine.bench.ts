/**
 * The browser engine on the simulator with pacing.scale=0: time per birthday message (open the
 * conversation from the card, verify the recipient, type key by key, send, confirm, close), the
 * birthday list read, and the browser's launch and close. The simulator's overlay delay is 0 so the
 * figures are the engine's own overhead (plus Chromium's), not a simulated network.
 */
import pino from 'pino';
import { createBrowserEngine } from '../src-main/core/browser/index.js';
import { discoverBrowsers, launchBrowser } from '../src-main/core/browser/launch.js';
import { generateDataset, startSimulator } from '../test/fixtures/linkedin-sim/index.js';
import { createTestContext, linkedInStorageState, openSession, TEST_ENGINE_OPTIONS } from '../test/helpers/browser.js';
import type { BenchResult } from './types.js';

const MESSAGES = 20;
const LAUNCHES = 5;
const TEXT = 'Happy birthday! Wishing you a great year ahead.';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function launchFigures(profileDir: string): Promise<{ launch: number[]; close: number[] }> {
  const launch: number[] = [];
  const close: number[] = [];
  for (let i = 0; i < LAUNCHES; i++) {
    let t = performance.now();
    const browser = await launchBrowser({ candidates: discoverBrowsers({ env: process.env }), profileDir, headless: true, logger: pino({ enabled: false }) });
    launch.push(performance.now() - t);
    t = performance.now();
    await browser.close();
    close.push(performance.now() - t);
  }
  return { launch, close };
}

export default async function bench(): Promise<BenchResult[]> {
  const sim = await startSimulator({
    overlayDelayMs: 0,
    ...generateDataset({ seed: 4, today: MESSAGES, late: [], upcoming: [], searchPeople: 0 }),
  });
  const t = createTestContext({ baseUrl: sim.url });
  try {
    const engine = createBrowserEngine(t.ctx, TEST_ENGINE_OPTIONS);
    await engine.session.importCookies(linkedInStorageState());
    const people = new Map(sim.config().people.map((p) => [p.publicId, p]));
    const session = await openSession(engine);
    const perMessage: number[] = [];
    let readMs = 0;
    try {
      let start = performance.now();
      const cards = await session.li.birthdays.read();
      readMs = performance.now() - start;
      for (const card of cards.slice(0, MESSAGES)) {
        const person = people.get(card.publicId);
        if (!person) throw new Error(`unknown card ${card.publicId}`);
        start = performance.now();
        await session.li.messaging.send({ publicId: card.publicId, fullName: card.fullName, text: TEXT, from: 'birthdays' });
        perMessage.push(performance.now() - start);
      }
    } finally {
      await session.close();
      await engine.stop();
    }
    if (sim.sent().length !== MESSAGES) throw new Error(`expected ${MESSAGES} messages, the simulator got ${sim.sent().length}`);
    const { launch, close } = await launchFigures(t.ctx.paths.browserProfile);
    return [
      { name: `engine overhead per birthday message (median of ${MESSAGES})`, value: median(perMessage), unit: 'ms', note: `${TEXT.length} chars typed key by key, pacing.scale=0` },
      { name: 'slowest birthday message', value: Math.max(...perMessage), unit: 'ms' },
      { name: `birthday list read (${MESSAGES} cards, lazy-loaded)`, value: readMs, unit: 'ms', note: 'includes the idle scrolls that prove the end' },
      { name: `browser launch, persistent profile (median of ${LAUNCHES})`, value: median(launch), unit: 'ms' },
      { name: `browser close and reap (median of ${LAUNCHES})`, value: median(close), unit: 'ms' },
    ];
  } finally {
    t.dispose();
    await sim.close();
  }
}
