/** Every guard kind stops the engine with its code, before any further action, in real Chromium. */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorCode } from '../../../src-shared/errors.js';
import { createBrowserEngine, type BrowserEngine, type LinkedIn } from '../../../src-main/core/browser/index.js';
import type { GuardKind as MetricKind } from '../../../src-main/core/browser/guards.js';
import { startSimulator, type GuardKind, type SimLocale, type SimPerson, type SimVariant, type Simulator } from '../../fixtures/linkedin-sim/index.js';
import { createTestContext, linkedInStorageState, metricValue, TEST_ENGINE_OPTIONS, sharedBrowserProfile, type TestContext } from '../../helpers/browser.js';

// Each test drives a real Chromium; on a busy machine a launch alone can take seconds.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

/** Each kind once through the whole engine, alternating DOM generation and language. */
const KINDS: Array<[GuardKind, SimVariant, SimLocale, ErrorCode, MetricKind, string]> = [
  ['login', 'classic', 'en', 'SESSION_EXPIRED', 'login', 'expired'],
  ['checkpoint', 'modern', 'fr', 'LINKEDIN_CHECKPOINT', 'checkpoint', 'checkpoint'],
  ['captcha', 'classic', 'fr', 'LINKEDIN_CHECKPOINT', 'checkpoint', 'checkpoint'],
  ['restricted', 'modern', 'en', 'LINKEDIN_RESTRICTED', 'restricted', 'restricted'],
  ['limit', 'modern', 'fr', 'LINKEDIN_RESTRICTED', 'limit', 'connected'],
  ['http429', 'classic', 'en', 'LINKEDIN_RESTRICTED', 'throttled', 'connected'],
  ['http999', 'modern', 'en', 'LINKEDIN_RESTRICTED', 'throttled', 'connected'],
];

let sim: Simulator;
const profile = sharedBrowserProfile();
let t: TestContext;
let engine: BrowserEngine;

beforeAll(async () => {
  sim = await startSimulator({ seed: 5 });
});
afterAll(async () => {
  await sim?.close();
});

beforeEach(async () => {
  t = createTestContext({ baseUrl: sim.url, browserProfile: profile });
  engine = createBrowserEngine(t.ctx, TEST_ENGINE_OPTIONS);
  await engine.session.importCookies(linkedInStorageState());
  sim.reset();
  sim.configure({ guard: null, variant: 'classic', locale: 'en', popup: false, strayBubbleFor: null, removeLandmarks: false });
  return async () => {
    await engine.stop();
    t.dispose();
  };
});

const nameOf = (p: SimPerson) => `${p.firstName} ${p.lastName}`;

/** The error `fn` throws (the test fails when it throws none). */
async function caught(fn: () => Promise<unknown>): Promise<{ code?: string; details?: unknown }> {
  try {
    await fn();
  } catch (e) {
    return e as { code?: string; details?: unknown };
  }
  throw new Error('expected an error');
}

describe.each(KINDS)('guard %s (%s DOM, %s)', (kind, variant, locale, code, metricKind, accountState) => {
  it(`stops with ${code} at the first page and refuses every further action`, async () => {
    sim.configure({ variant, locale, guard: { kind } });
    const cfg = sim.config();
    const someone = cfg.people.find((p) => p.publicId === cfg.birthdays[0].publicId) as SimPerson;
    const after: string[] = [];
    const error = await caught(() =>
      engine.withLinkedIn(new AbortController().signal, async (li: LinkedIn) => {
        const first = await caught(() => li.birthdays.read());
        expect(first.code).toBe(code);
        expect(li.guards.stopped()?.code).toBe(code);
        // Nothing more happens on LinkedIn in this session: each call fails before acting.
        for (const action of [
          () => li.profile.visit(someone.publicId),
          () => li.messaging.send({ publicId: someone.publicId, fullName: nameOf(someone), text: 'Hi', from: 'profile' }),
          () => li.birthdays.read(),
        ]) {
          after.push((await caught(action)).code ?? 'none');
        }
        throw first;
      }),
    );
    expect(error.code).toBe(code);
    expect(after).toEqual([code, code, code]);
    expect(sim.sent()).toEqual([]);
    expect(sim.visits()).toEqual([]);
    expect(await metricValue(t.ctx, 'guardStops', { kind: metricKind })).toBe(1);
    expect(engine.session.meta().state).toBe(accountState);
  });
});

describe('guards in the middle of a run', () => {
  it.each([
    ['limit', 'LINKEDIN_RESTRICTED'],
    ['checkpoint', 'LINKEDIN_CHECKPOINT'],
  ] as const)('%s after the first message: the second send stops with %s and nothing more is sent', async (kind, code) => {
    sim.configure({ guard: { kind, afterMessages: 1 } });
    const cfg = sim.config();
    const [a, b, c] = cfg.birthdays.slice(0, 3).map((bd) => cfg.people.find((p) => p.publicId === bd.publicId) as SimPerson);
    const error = await caught(() =>
      engine.withLinkedIn(new AbortController().signal, async (li) => {
        await li.birthdays.read();
        await li.messaging.send({ publicId: a.publicId, fullName: nameOf(a), text: 'First', from: 'birthdays' });
        const second = await caught(() => li.messaging.send({ publicId: b.publicId, fullName: nameOf(b), text: 'Second', from: 'birthdays' }));
        const third = await caught(() => li.messaging.send({ publicId: c.publicId, fullName: nameOf(c), text: 'Third', from: 'birthdays' }));
        expect(third.code).toBe(second.code);
        throw second;
      }),
    );
    expect(error.code).toBe(code);
    expect(sim.sent().map((m) => m.text)).toEqual(['First']);
    expect(sim.decoyClicks()).toBe(0);
  });
});
