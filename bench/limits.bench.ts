/**
 * Quota figures: `acquire` on the in-memory store (throughput, p99), and on the Redis store beside
 * the durable work an acquire must do, done raw: an ioredis INCR plus a better-sqlite3 upsert of the
 * same ledger row (same database settings: WAL, synchronous=NORMAL), at the same concurrency against
 * the same server in the same run.
 */
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { defaultSettings, type Settings } from '../src-shared/settings.js';
import { createQuotaService } from '../src-main/core/limits/index.js';
import { redisClientOptions } from '../src-main/core/limits/redis-store.js';
import { createMetrics } from '../src-main/core/metrics.js';
import { openDatabase } from '../src-main/core/store/db.js';
import { startRedis } from '../test/helpers/redis.js';
import type { BenchResult } from './types.js';

const CONCURRENCY = 32;
const MEMORY_OPS = 20_000;
const REDIS_OPS = 10_000;
const WARMUP_OPS = 1_000;

interface Run {
  opsPerSecond: number;
  p99Ms: number;
}

/** `ops` calls of `op` spread over `concurrency` loops; per-call latency and overall throughput. */
async function measure(op: () => Promise<unknown>, ops: number, concurrency: number): Promise<Run> {
  const latencies: number[] = [];
  let started = 0;
  const loop = async () => {
    while (started < ops) {
      started++;
      const t0 = performance.now();
      await op();
      latencies.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { opsPerSecond: ops / elapsed, p99Ms: latencies[Math.floor(latencies.length * 0.99)] };
}

/** Limits far above any run here, so every call takes the grant path (check, increment, ledger write). */
function benchSettings(redisUrl?: string): Settings {
  const s = defaultSettings();
  s.timeZone = 'Europe/Paris';
  s.limits = { ...s.limits, warmup: false, visitsPerDay: 1e9, visitsPerWeek: 1e9, redisUrl };
  return s;
}

async function quotaService(dir: string, name: string, redisUrl?: string) {
  const database = openDatabase(join(dir, `${name}.db`));
  const settings = benchSettings(redisUrl);
  const service = await createQuotaService({
    sqlite: database.sqlite,
    settings: () => settings,
    clock: { now: () => new Date() },
    metrics: createMetrics(),
    logger: pino({ enabled: false }),
    accountConnectedAt: () => null,
  });
  return { service, close: async () => (await service.close(), database.close()) };
}

export default async function bench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-limits-'));
  const redis = await startRedis();
  const results: BenchResult[] = [];
  const note = `${CONCURRENCY} concurrent callers`;
  try {
    const memory = await quotaService(dir, 'memory');
    await measure(() => memory.service.acquire('visits'), WARMUP_OPS, CONCURRENCY);
    const mem = await measure(() => memory.service.acquire('visits'), MEMORY_OPS, CONCURRENCY);
    await memory.close();
    results.push(
      { name: 'quota acquire, memory store: throughput', value: mem.opsPerSecond, unit: 'ops/s', note },
      { name: 'quota acquire, memory store: p99 latency', value: mem.p99Ms, unit: 'ms', note },
    );

    const viaRedis = await quotaService(dir, 'redis', redis.url);
    const raw = new Redis(redis.url, redisClientOptions(750, 1000));
    await raw.connect();
    const rawDb = openDatabase(join(dir, 'raw.db'));
    const upsert = rawDb.sqlite.prepare(
      `insert into quota_ledger (quota, window_key, used, updated_at) values (?, ?, ?, ?)
       on conflict (quota, window_key) do update set used = excluded.used, updated_at = excluded.updated_at
       where excluded.used > quota_ledger.used`,
    );
    const rawAcquire = async () => {
      const n = await raw.incr('bench:raw');
      upsert.run('visits', 'bench-day', n, new Date().toISOString());
    };
    // Interleave warm-ups so neither side gets a cold server.
    await measure(rawAcquire, WARMUP_OPS, CONCURRENCY);
    await measure(() => viaRedis.service.acquire('visits'), WARMUP_OPS, CONCURRENCY);
    const incr = await measure(rawAcquire, REDIS_OPS, CONCURRENCY);
    const acq = await measure(() => viaRedis.service.acquire('visits'), REDIS_OPS, CONCURRENCY);
    const fellBack = viaRedis.service.storeKind() !== 'redis';
    raw.disconnect();
    rawDb.close();
    await viaRedis.close();
    if (fellBack) throw new Error('the Redis store fell back to memory during the run: figures would be wrong');
    const rawName = 'raw INCR + raw SQLite upsert';
    results.push(
      { name: 'quota acquire, Redis store: throughput', value: acq.opsPerSecond, unit: 'ops/s', baseline: incr.opsPerSecond, baselineName: rawName, note: `${note}; target ≥ 0.8×` },
      { name: 'quota acquire, Redis store: p99 latency', value: acq.p99Ms, unit: 'ms', baseline: incr.p99Ms, baselineName: rawName, note },
    );
  } finally {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
