import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQuotaService } from '../../../src-main/core/limits/index.js';
import type { QuotaService } from '../../../src-main/core/limits/types.js';
import { startRedis, type RedisProcess } from '../../helpers/redis.js';
import { harness, ledgerRows, metricValue, type Harness } from '../../unit/limits/support.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function setup(): Promise<{ redis: RedisProcess; h: Harness; service: QuotaService }> {
  const redis = await startRedis();
  cleanups.push(() => redis.stop());
  const h = harness({ limits: { redisUrl: redis.url } });
  cleanups.push(() => h.cleanup());
  const service = await createQuotaService(h.deps);
  cleanups.push(() => service.close());
  return { redis, h, service };
}

const breakerStates = (h: Harness) => {
  const spy = vi.spyOn(h.metrics.circuitBreakerState, 'set');
  return () => spy.mock.calls.map((c) => (c as unknown[])[1]);
};

async function grantedInSequence(service: QuotaService, times: number): Promise<number> {
  let n = 0;
  for (let i = 0; i < times; i++) if ((await service.acquire('messages')).granted) n++;
  return n;
}

describe('Redis faults', () => {
  it('Redis stopped mid-sequence: opens after 3 failures, the fallback keeps the limit, Redis back → half-open → closed', async () => {
    const { redis, h, service } = await setup();
    const states = breakerStates(h);
    expect(await grantedInSequence(service, 5)).toBe(5);

    await redis.stop();
    expect(await grantedInSequence(service, 3)).toBe(3); // each one failed on Redis and was served by the fallback
    expect(service.storeKind()).toBe('memory-fallback');
    expect(await metricValue(h.metrics, 'circuit_breaker_state', { service: 'redis' })).toBe(1);
    expect(await metricValue(h.metrics, 'circuit_breaker_failures_total', { service: 'redis' })).toBe(3);
    expect(await metricValue(h.metrics, 'redis_operations_total', { operation: 'acquire', status: 'error' })).toBe(3);
    expect(await metricValue(h.metrics, 'redis_connection_errors_total')).toBeGreaterThan(0);
    expect(await service.check()).toMatchObject({ ok: true, detail: expect.stringMatching(/^memory-fallback/) });

    // 5 + 3 granted so far: the fallback grants the remaining 7 and no more.
    expect(await grantedInSequence(service, 20)).toBe(7);
    expect(ledgerRows(h).filter((r) => r.quota === 'messages').map((r) => r.used)).toEqual([15, 15]);

    // Back, empty (as after a flush). Advance past each backoff until a probe reaches the new server.
    await redis.restart();
    const deadline = Date.now() + 10_000;
    while (service.storeKind() !== 'redis' && Date.now() < deadline) {
      h.clock.advance(60_000);
      await service.check();
      if (service.storeKind() !== 'redis') await new Promise((r) => setTimeout(r, 100));
    }
    expect(service.storeKind()).toBe('redis');
    const seen = states();
    expect(seen[0]).toBe(1);
    expect(seen).toContain(2);
    expect(seen.at(-1)).toBe(0);

    // Redis lost everything, but is seeded from the ledger: still exhausted.
    expect(await grantedInSequence(service, 5)).toBe(0);
    const admin = new Redis(redis.url);
    cleanups.push(() => admin.disconnect());
    expect(Number(await admin.get('rapport:quota:{messages}:day:2026-11-26'))).toBe(15);
  });

  it('a hung Redis is timed out (command timeout 750 ms), counted as a failure, and the call served by the fallback', async () => {
    const { redis, h, service } = await setup();
    expect(await grantedInSequence(service, 2)).toBe(2);
    // SIGSTOP hangs the server like DEBUG SLEEP, but from a known moment: no race with the test.
    redis.pause();
    cleanups.push(() => redis.resume());

    // Three concurrent calls time out together: three failures open the breaker; the fallback grants them.
    const results = await Promise.all([1, 2, 3].map(() => service.acquire('messages')));
    expect(results.every((r) => r.granted)).toBe(true);
    expect(await metricValue(h.metrics, 'circuit_breaker_failures_total', { service: 'redis' })).toBe(3);
    expect(await metricValue(h.metrics, 'redis_operations_total', { operation: 'acquire', status: 'error' })).toBe(3);
    expect(service.storeKind()).toBe('memory-fallback');

    // Once it wakes, the timed-out scripts still run: Redis over-counts (safe); the ledger holds what was granted.
    redis.resume();
    h.clock.advance(1000);
    let after = await service.acquire('messages');
    for (let i = 0; i < 50 && service.storeKind() !== 'redis'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      h.clock.advance(60_000);
      after = await service.acquire('messages');
    }
    expect(after.granted).toBe(true);
    expect(service.storeKind()).toBe('redis');
    const [dayUsed] = ledgerRows(h).filter((r) => r.quota === 'messages').map((r) => r.used);
    expect(dayUsed).toBeGreaterThanOrEqual(6);
    expect(after.remaining.day).toBe(15 - dayUsed);
    expect(dayUsed).toBeLessThanOrEqual(15);
  });
});
