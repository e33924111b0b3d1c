import RedisMock from 'ioredis-mock';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isRapportError } from '../../../src-shared/errors.js';
import { createQuotaService, type QuotaServiceOptions } from '../../../src-main/core/limits/index.js';
import type { QuotaService } from '../../../src-main/core/limits/types.js';
import { addInteraction, harness, ledgerRows, metricValue, type HarnessOptions } from './support.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function setup(options: HarnessOptions = {}, serviceOptions: QuotaServiceOptions = {}) {
  const h = harness(options);
  const service = await createQuotaService(h.deps, serviceOptions);
  cleanups.push(() => h.cleanup());
  cleanups.push(() => service.close());
  return { h, service };
}

const granted = async (s: QuotaService, quota: 'messages' | 'visits', times: number) => {
  const results = await Promise.all(Array.from({ length: times }, () => s.acquire(quota)));
  return results.filter((r) => r.granted).length;
};

describe('quota service, memory store', () => {
  it('200 concurrent acquisitions with a limit of 15 grant exactly 15', async () => {
    const { h, service } = await setup();
    expect(service.storeKind()).toBe('memory');
    expect(await granted(service, 'messages', 200)).toBe(15);
    expect(ledgerRows(h)).toEqual([
      { quota: 'messages', window_key: 'day:2026-11-26', used: 15 },
      { quota: 'messages', window_key: 'week:2026-W48', used: 15 },
    ]);
    expect(await metricValue(h.metrics, 'rate_limit_hits_total', { quota: 'messages', result: 'granted' })).toBe(15);
    expect(await metricValue(h.metrics, 'rate_limit_hits_total', { quota: 'messages', result: 'denied' })).toBe(185);
    expect(await metricValue(h.metrics, 'rate_limit_quota_remaining', { quota: 'messages', window: 'day' })).toBe(0);
    expect(await metricValue(h.metrics, 'rate_limit_quota_remaining', { quota: 'messages', window: 'week' })).toBe(65);
  });

  it('answers with remaining units per window and the reset of the window that limits the most', async () => {
    const { service } = await setup();
    const r = await service.acquire('messages', 3);
    expect(r).toEqual({ quota: 'messages', granted: true, remaining: { day: 12, week: 77 }, resetsAt: '2026-11-26T23:00:00.000Z' });
  });

  it('the week holds across days: a new local day brings back the day budget only', async () => {
    const { h, service } = await setup({ limits: { messagesPerDay: 15, messagesPerWeek: 20 } });
    expect(await granted(service, 'messages', 30)).toBe(15);
    h.clock.set('2026-11-26T23:00:00Z'); // midnight in Paris
    const r = await Promise.all(Array.from({ length: 10 }, () => service.acquire('messages')));
    expect(r.filter((x) => x.granted)).toHaveLength(5);
    expect(r.at(-1)?.resetsAt).toBe('2026-11-29T23:00:00.000Z'); // the week blocks: it resets on local Monday
    h.clock.set('2026-11-29T23:00:00Z'); // Monday 00:00 in Paris: a new ISO week
    expect(await granted(service, 'messages', 20)).toBe(15);
  });

  it('applies setting changes on the next call, and warm-up halves the limits', async () => {
    const { h, service } = await setup({ connectedAt: new Date('2026-11-20T00:00:00Z'), limits: { warmup: true } });
    expect(await granted(service, 'visits', 30)).toBe(20);
    h.settings.limits.warmup = false;
    expect(await granted(service, 'visits', 30)).toBe(20);
    h.settings.limits.visitsPerDay = 10; // lowered below what is used: nothing more
    expect(await granted(service, 'visits', 5)).toBe(0);
    const usage = await service.usage();
    expect(usage.find((u) => u.quota === 'visits')).toMatchObject({ day: { used: 40, limit: 10 }, warmup: false });
  });

  it('a restart on the same database keeps the count', async () => {
    const first = harness();
    const s1 = await createQuotaService(first.deps);
    expect(await granted(s1, 'messages', 10)).toBe(10);
    await s1.close();
    first.database.close();
    const second = harness({ dbFile: first.database.path });
    cleanups.push(() => second.cleanup());
    cleanups.push(() => first.cleanup());
    const s2 = await createQuotaService(second.deps);
    cleanups.push(() => s2.close());
    expect(await granted(s2, 'messages', 10)).toBe(5);
  });

  it('reconciles with the interactions table at start-up: the higher count wins', async () => {
    const h = harness();
    cleanups.push(() => h.cleanup());
    for (let i = 0; i < 12; i++) addInteraction(h, 'birthday_message', i < 6 ? 'sent' : 'pending', '2026-11-26T08:00:00.000Z');
    addInteraction(h, 'birthday_message', 'failed', '2026-11-26T08:00:00.000Z'); // not counted
    addInteraction(h, 'birthday_message', 'sent', '2026-11-25T22:00:00.000Z'); // yesterday in Paris: week only
    addInteraction(h, 'profile_visit', 'sent', '2026-11-26T08:00:00.000Z');
    const service = await createQuotaService(h.deps);
    cleanups.push(() => service.close());
    const usage = await service.usage();
    expect(usage.find((u) => u.quota === 'messages')).toMatchObject({ day: { used: 12 }, week: { used: 13 } });
    expect(usage.find((u) => u.quota === 'visits')).toMatchObject({ day: { used: 1 }, week: { used: 1 } });
    expect(await granted(service, 'messages', 10)).toBe(3);
  });

  it('release gives back what this process acquired, and no more', async () => {
    const { h, service } = await setup();
    expect(await granted(service, 'messages', 15)).toBe(15);
    await service.release('messages', 2);
    expect(ledgerRows(h).map((r) => r.used)).toEqual([13, 13]);
    await service.release('messages', 20); // only 13 were outstanding
    expect(ledgerRows(h).map((r) => r.used)).toEqual([0, 0]);
    expect(await granted(service, 'messages', 20)).toBe(15);
  });

  it('release after midnight returns the unit to the day it came from', async () => {
    const { h, service } = await setup();
    await service.acquire('messages');
    h.clock.set('2026-11-26T23:30:00Z');
    await service.acquire('messages');
    await service.release('messages', 2);
    const rows = ledgerRows(h);
    expect(rows).toEqual([
      { quota: 'messages', window_key: 'day:2026-11-26', used: 0 },
      { quota: 'messages', window_key: 'day:2026-11-27', used: 0 },
      { quota: 'messages', window_key: 'week:2026-W48', used: 0 },
    ]);
  });

  it('refuses bad unit counts and fails closed when the ledger cannot be written', async () => {
    const { h, service } = await setup();
    await expect(service.acquire('messages', 0)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(service.acquire('messages', 1.5)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    h.database.sqlite.exec('drop table quota_ledger');
    const e = await service.acquire('messages').catch((x: unknown) => x);
    expect(isRapportError(e) && e.code).toBe('DATABASE_UNAVAILABLE');
    expect(await service.check()).toMatchObject({ ok: false });
  });

  it('usage lists both quotas with used, limit and reset', async () => {
    const { service } = await setup();
    await service.acquire('visits', 4);
    expect(await service.usage()).toEqual([
      {
        quota: 'messages',
        day: { used: 0, limit: 15, resetsAt: '2026-11-26T23:00:00.000Z' },
        week: { used: 0, limit: 80, resetsAt: '2026-11-29T23:00:00.000Z' },
        warmup: false,
      },
      {
        quota: 'visits',
        day: { used: 4, limit: 40, resetsAt: '2026-11-26T23:00:00.000Z' },
        week: { used: 4, limit: 200, resetsAt: '2026-11-29T23:00:00.000Z' },
        warmup: false,
      },
    ]);
    expect(await service.check()).toEqual({ ok: true, detail: 'memory' });
  });
});

let mockPort = 42_000;

/** ioredis-mock behind the service; `control.fail` makes every Redis call reject like a dead server. */
async function setupMockRedis(options: HarnessOptions = {}) {
  const client = new RedisMock({ port: mockPort++ }) as unknown as Redis;
  /** `fail` fails every call; `script` scripts the next acquire calls one by one ('delay' = 50 ms late). */
  const control = { fail: false, script: [] as ('delay' | 'fail')[] };
  const { h, service } = await setup(
    { ...options, limits: { redisUrl: 'redis://127.0.0.1:1', ...options.limits } },
    { createRedisClient: () => client },
  );
  // The scripts are defined on the client by now: wrap them (and the reads) so a test can fail them.
  const methods = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of ['rapportQuotaAcquire', 'rapportQuotaRelease', 'mget', 'ping']) {
    const real = methods[name].bind(client);
    methods[name] = async (...args: unknown[]) => {
      const step = name === 'rapportQuotaAcquire' ? control.script.shift() : undefined;
      if (control.fail || step === 'fail') throw new Error('Connection is closed.');
      if (step === 'delay') await new Promise((r) => setTimeout(r, 50));
      return real(...args);
    };
  }
  return { h, service, client, control };
}

describe('quota service, Redis store on ioredis-mock', () => {
  it('concurrent acquisitions grant exactly 15 and write through to the ledger', async () => {
    const { h, service } = await setupMockRedis();
    expect(service.storeKind()).toBe('redis');
    // 50, not 200: the mock's Lua VM is slow; the 200-way race runs against a real redis-server.
    expect(await granted(service, 'messages', 50)).toBe(15);
    expect(ledgerRows(h).map((r) => r.used)).toEqual([15, 15]);
    expect(await service.check()).toEqual({ ok: true, detail: 'redis' });
  });

  it('a flushed Redis grants nothing more: the ledger floor seeds the keys', async () => {
    const { service, client } = await setupMockRedis();
    expect(await granted(service, 'messages', 12)).toBe(12);
    await client.flushall();
    expect(await granted(service, 'messages', 10)).toBe(3);
    expect(Number(await client.get('rapport:quota:{messages}:day:2026-11-26'))).toBe(15);
  });

  it('a fallback grant waits for Redis grants in flight, so the two paths cannot pass the limit together', async () => {
    const { h, service, control } = await setupMockRedis();
    expect(await granted(service, 'messages', 14)).toBe(14);
    // A reaches Redis slowly and takes the 15th unit; B fails on Redis meanwhile and falls back to memory.
    control.script = ['delay', 'fail'];
    const [a, b] = await Promise.all([service.acquire('messages'), service.acquire('messages')]);
    expect([a.granted, b.granted]).toEqual([true, false]);
    expect(ledgerRows(h).filter((r) => r.quota === 'messages').map((r) => r.used)).toEqual([15, 15]);
  });

  it('falls back to memory when Redis fails, keeps the limit, and returns to Redis after a successful probe', async () => {
    const { h, service, control } = await setupMockRedis();
    const states = vi.spyOn(h.metrics.circuitBreakerState, 'set');
    expect(await granted(service, 'messages', 5)).toBe(5);
    control.fail = true;
    // Sequential, so exactly 3 calls reach the dead Redis before the breaker opens.
    const during = [];
    for (let i = 0; i < 6; i++) during.push(await service.acquire('messages'));
    expect(during.every((r) => r.granted)).toBe(true);
    expect(service.storeKind()).toBe('memory-fallback');
    expect(await metricValue(h.metrics, 'circuit_breaker_failures_total', { service: 'redis' })).toBe(3);
    expect((await service.check()).detail).toMatch(/^memory-fallback/);
    expect(await granted(service, 'messages', 10)).toBe(4); // 5 + 6 + 4 = 15
    control.fail = false;
    h.clock.advance(1000); // the first backoff
    expect(await granted(service, 'messages', 3)).toBe(0); // Redis is seeded from the ledger: still full
    expect(service.storeKind()).toBe('redis');
    expect(states.mock.calls.map((c) => (c as unknown[])[1])).toEqual([1, 2, 0]);
    expect(ledgerRows(h).filter((r) => r.quota === 'messages').map((r) => r.used)).toEqual([15, 15]);
  });
});
