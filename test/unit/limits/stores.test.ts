import RedisMock from 'ioredis-mock';
import type { Redis } from 'ioredis';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryQuotaStore } from '../../../src-main/core/limits/memory-store.js';
import { RedisQuotaStore } from '../../../src-main/core/limits/redis-store.js';
import type { StoreOutcome, StoreWindow } from '../../../src-main/core/limits/store.js';
import { createMetrics } from '../../../src-main/core/metrics.js';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const windows = (dayLimit: number, weekLimit: number, floors: [number, number] = [0, 0]): StoreWindow[] => [
  { key: 'day:2026-11-26', limit: dayLimit, floor: floors[0], expiresAtMs: NOW + 14 * 3_600_000 },
  { key: 'week:2026-W48', limit: weekLimit, floor: floors[1], expiresAtMs: NOW + 4 * 86_400_000 },
];

/** The two stores behind one async interface, so every behaviour is checked on both. */
interface Subject {
  acquire(w: StoreWindow[], n: number): Promise<StoreOutcome>;
  release(w: StoreWindow[], n: number): Promise<number[]>;
  peek(): Promise<number[]>;
  wipe(): Promise<void>;
}

let mockPort = 41_000;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

function memorySubject(): Subject {
  let store = new MemoryQuotaStore();
  return {
    acquire: async (w, n) => store.acquire('messages', w, n, NOW),
    release: async (w, n) => store.release('messages', w, n),
    peek: async () => store.peek('messages', ['day:2026-11-26', 'week:2026-W48']),
    wipe: async () => {
      store = new MemoryQuotaStore();
    },
  };
}

async function redisSubject(): Promise<Subject & { client: Redis }> {
  // ioredis-mock shares data between clients on the same host:port: a port per test isolates them.
  const client = new RedisMock({ port: mockPort++ }) as unknown as Redis;
  const store = new RedisQuotaStore({
    url: 'redis://mock',
    metrics: createMetrics(),
    logger: pino({ enabled: false }),
    createClient: () => client,
  });
  closers.push(() => store.close());
  return {
    client,
    acquire: (w, n) => store.acquire('messages', w, n, NOW),
    release: (w, n) => store.release('messages', w, n, NOW),
    peek: () => store.peek('messages', ['day:2026-11-26', 'week:2026-W48']),
    wipe: async () => {
      await client.flushall();
    },
  };
}

describe.each([
  ['memory', async () => memorySubject()],
  ['redis (Lua on ioredis-mock)', redisSubject],
])('%s store', (_name, make) => {
  it('grants up to the limit and then refuses', async () => {
    const s = await make();
    const results = [];
    for (let i = 0; i < 17; i++) results.push(await s.acquire(windows(15, 80), 1));
    expect(results.filter((r) => r.granted)).toHaveLength(15);
    expect(results[14].counts).toEqual([15, 15]);
    expect(results[16]).toEqual({ granted: false, counts: [15, 15] });
  });

  it('consumes from every window or from none', async () => {
    const s = await make();
    expect((await s.acquire(windows(15, 3), 2)).granted).toBe(true);
    // 2 more fit the day (2 + 2 <= 15) but not the week (2 + 2 > 3): nothing is taken.
    expect(await s.acquire(windows(15, 3), 2)).toEqual({ granted: false, counts: [2, 2] });
    expect(await s.peek()).toEqual([2, 2]);
    expect((await s.acquire(windows(15, 3), 1)).counts).toEqual([3, 3]);
  });

  it('never starts below the ledger floor, so a wiped store grants nothing more', async () => {
    const s = await make();
    for (let i = 0; i < 5; i++) await s.acquire(windows(5, 80), 1);
    await s.wipe();
    expect(await s.acquire(windows(5, 80, [5, 5]), 1)).toEqual({ granted: false, counts: [5, 5] });
    expect((await s.acquire(windows(6, 80, [5, 5]), 1)).counts).toEqual([6, 6]);
  });

  it('a limit of 0 grants nothing', async () => {
    const s = await make();
    expect((await s.acquire(windows(0, 80), 1)).granted).toBe(false);
  });

  it('release gives units back, never below 0', async () => {
    const s = await make();
    await s.acquire(windows(15, 80), 3);
    expect(await s.release(windows(15, 80), 2)).toEqual([1, 1]);
    expect(await s.release(windows(15, 80), 5)).toEqual([0, 0]);
  });
});

describe('redis store specifics', () => {
  it('sets a TTL that ends after the window (plus grace) on every key it writes', async () => {
    const s = await redisSubject();
    await s.acquire(windows(15, 80), 1);
    const keys = (await s.client.keys('*')).sort();
    expect(keys).toEqual(['rapport:quota:{messages}:day:2026-11-26', 'rapport:quota:{messages}:week:2026-W48']);
    const dayTtl = await s.client.pttl('rapport:quota:{messages}:day:2026-11-26');
    const weekTtl = await s.client.pttl('rapport:quota:{messages}:week:2026-W48');
    expect(dayTtl).toBeGreaterThan(13 * 3_600_000);
    expect(dayTtl).toBeLessThanOrEqual(14 * 3_600_000);
    expect(weekTtl).toBeGreaterThan(3 * 86_400_000);
  });

  it('counts operations in the metrics', async () => {
    const metrics = createMetrics();
    const client = new RedisMock({ port: mockPort++ }) as unknown as Redis;
    const store = new RedisQuotaStore({ url: 'redis://mock', metrics, logger: pino({ enabled: false }), createClient: () => client });
    closers.push(() => store.close());
    await store.acquire('visits', windows(40, 200), 1, NOW);
    const ops = await metrics.redisOperations.get();
    expect(ops.values.find((v) => v.labels.operation === 'acquire' && v.labels.status === 'ok')?.value).toBe(1);
  });
});

describe('memory store atomicity', () => {
  it('commits nothing when the persist step throws', () => {
    const store = new MemoryQuotaStore();
    expect(() =>
      store.acquire('messages', windows(15, 80), 1, NOW, () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(store.peek('messages', ['day:2026-11-26', 'week:2026-W48'])).toEqual([0, 0]);
  });
});
