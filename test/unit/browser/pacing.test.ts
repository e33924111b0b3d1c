import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../src-shared/settings.js';
import { createPacing, type KeyboardLike, type WaitInfo } from '../../../src-main/core/browser/pacing.js';
import { realSleep, seededRng, type Sleep } from '../../../src-main/core/util/runtime.js';

function setup(scale: number, overrides: Partial<Settings['pacing']> = {}) {
  const slept: number[] = [];
  const waits: WaitInfo[] = [];
  const sleep: Sleep = async (ms, signal) => {
    slept.push(ms);
    return realSleep(0, signal);
  };
  const pacing = createPacing({
    settings: () => ({ ...defaultSettings().pacing, scale, ...overrides }),
    rng: seededRng(7),
    sleep,
    clock: { now: () => new Date('2026-03-10T09:00:00Z') },
    onWait: (w) => waits.push(w),
  });
  return { pacing, slept, waits };
}

function recordingKeyboard(): KeyboardLike & { keys: string[] } {
  const keys: string[] = [];
  return {
    keys,
    async type(text) {
      keys.push(text);
    },
    async press(key) {
      keys.push(`<${key}>`);
    },
  };
}

const signal = () => new AbortController().signal;

function expectWithin(values: number[], min: number, max: number): void {
  expect(Math.min(...values)).toBeGreaterThanOrEqual(min);
  expect(Math.max(...values)).toBeLessThanOrEqual(max);
}

describe('pacing', () => {
  it('scale 1 draws human delays from the configured ranges', async () => {
    const { pacing, slept } = setup(1);
    for (let i = 0; i < 20; i++) await pacing.betweenMessages(signal());
    for (let i = 0; i < 20; i++) await pacing.betweenVisits(signal());
    for (let i = 0; i < 20; i++) await pacing.micro(signal());
    const [messages, visits, micro] = [slept.slice(0, 20), slept.slice(20, 40), slept.slice(40)];
    expectWithin(messages, 60_000, 180_000);
    expectWithin(visits, 15_000, 45_000);
    expectWithin(micro, 400, 1_500);
    expect(new Set(messages).size).toBeGreaterThan(10); // random, not a constant
  });

  it('is reproducible from the seed', async () => {
    const a = setup(1);
    const b = setup(1);
    for (let i = 0; i < 5; i++) {
      await a.pacing.betweenMessages(signal());
      await b.pacing.betweenMessages(signal());
    }
    expect(a.slept).toEqual(b.slept);
  });

  it('scale multiplies every delay; scale 0 never sleeps', async () => {
    const half = setup(0.5, { visitGapSeconds: [10, 10] });
    await half.pacing.betweenVisits(signal());
    expect(half.slept).toEqual([5_000]);
    const off = setup(0);
    await off.pacing.betweenMessages(signal());
    await off.pacing.micro(signal());
    await off.pacing.wait('custom', 5_000, signal());
    await off.pacing.type(recordingKeyboard(), 'hello', signal());
    expect(off.slept).toEqual([]);
    expect(off.waits).toEqual([]);
  });

  it('announces gaps (not micro-pauses or keystrokes) with their end time', async () => {
    const { pacing, waits } = setup(1, { messageGapSeconds: [73, 73] });
    await pacing.betweenMessages(signal());
    await pacing.micro(signal());
    await pacing.type(recordingKeyboard(), 'ab', signal());
    expect(waits).toEqual([{ reason: 'message-gap', ms: 73_000, until: '2026-03-10T09:01:13.000Z' }]);
  });

  it('types key by key with a per-key delay, line breaks as Shift+Enter', async () => {
    const { pacing, slept } = setup(1);
    const keyboard = recordingKeyboard();
    await pacing.type(keyboard, 'Hé\nyo', signal());
    expect(keyboard.keys).toEqual(['H', 'é', '<Shift+Enter>', 'y', 'o']);
    expect(slept).toHaveLength(5);
    expectWithin(slept, 40, 120);
  });

  it('without delays still never presses Enter for a line break', async () => {
    const { pacing } = setup(0);
    const keyboard = recordingKeyboard();
    await pacing.type(keyboard, 'Happy birthday!\n\nSee you', signal());
    expect(keyboard.keys).toEqual(['Happy birthday!', '<Shift+Enter>', '<Shift+Enter>', 'See you']);
  });

  it('stops at once when aborted, before and during a wait', async () => {
    const controller = new AbortController();
    controller.abort();
    const off = setup(0);
    await expect(off.pacing.betweenMessages(controller.signal)).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(off.pacing.type(recordingKeyboard(), 'x', controller.signal)).rejects.toMatchObject({ code: 'ABORTED' });

    const live = createPacing({
      settings: () => ({ ...defaultSettings().pacing, scale: 1 }),
      rng: seededRng(1),
      sleep: realSleep,
      clock: { now: () => new Date() },
    });
    const running = new AbortController();
    const wait = live.betweenMessages(running.signal);
    running.abort();
    await expect(wait).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
