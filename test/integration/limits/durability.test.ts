import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuotaService } from '../../../src-main/core/limits/index.js';
import { openDatabase } from '../../../src-main/core/store/db.js';
import { seededRng } from '../../../src-main/core/util/runtime.js';
import { startRedis, type RedisProcess } from '../../helpers/redis.js';
import { harness, ledgerRows, type Harness } from '../../unit/limits/support.js';
import { spawnChild } from './child.js';

const TRIALS = 20;
const LIMIT = 200;
const NOW = '2026-11-26T10:00:00Z';

let redis: RedisProcess;
let admin: Redis;
const scratch: Harness[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
  admin = new Redis(redis.url);
});
afterAll(async () => {
  admin?.disconnect();
  await redis?.stop();
  for (const h of scratch) h.cleanup();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface TrialOutcome {
  trial: number;
  store: 'memory' | 'redis';
  seen: number;
  ledgerDay: number;
  ledgerWeek: number;
  usedAfterRestart: number;
  overAskGranted: boolean;
  remainingAfterRestart: number;
}

/** One trial: a child spends quota, is SIGKILLed at a random grant, and a fresh service takes over. */
async function trial(i: number, killAfter: number): Promise<TrialOutcome> {
  const store = i % 2 === 0 ? 'memory' : 'redis';
  const dir = mkdtempSync(join(tmpdir(), 'rapport-durability-'));
  dirs.push(dir);
  const dbFile = join(dir, 'trial.db');
  openDatabase(dbFile).close(); // migrated by the app's own code; the child only reopens it
  const keyPrefix = `trial${i}:`;
  const child = spawnChild({
    mode: 'loop',
    dbFile,
    now: NOW,
    redisUrl: store === 'redis' ? redis.url : undefined,
    keyPrefix,
    limits: { visitsPerDay: LIMIT, visitsPerWeek: 2 * LIMIT },
  });
  await child.waitFor((l) => l === `G ${killAfter}` || l === 'DONE');
  child.proc.kill('SIGKILL');
  const exit = await child.exited;
  expect(exit.signal, `trial ${i} (${store}): exit ${JSON.stringify(exit)}, last lines ${child.lines.slice(-3).join('|')}, stderr ${child.stderr()}`).toBe('SIGKILL');
  // Every line that reached us was written after its grant resolved.
  const seen = Math.max(0, ...child.lines.filter((l) => l.startsWith('G ')).map((l) => Number(l.slice(2))));

  const after = harness({ now: NOW, dbFile, limits: { visitsPerDay: LIMIT, visitsPerWeek: 2 * LIMIT } });
  scratch.push(after);
  const ledger = ledgerRows(after).filter((r) => r.quota === 'visits');
  if (store === 'redis') {
    // Lose the Redis keys too: the ledger alone must still hold the count.
    const keys = await admin.keys(`${keyPrefix}*`);
    if (keys.length) await admin.del(...keys);
    after.settings.limits.redisUrl = redis.url;
  }
  const service = await createQuotaService(after.deps, { keyPrefix });
  try {
    const usedAfterRestart = (await service.usage()).find((u) => u.quota === 'visits')?.day.used ?? -1;
    // One unit more than was left at the kill must be refused: the budget did not grow.
    const overAsk = await service.acquire('visits', LIMIT - seen + 1);
    return {
      trial: i,
      store,
      seen,
      ledgerDay: ledger.find((r) => r.window_key.startsWith('day:'))?.used ?? 0,
      ledgerWeek: ledger.find((r) => r.window_key.startsWith('week:'))?.used ?? 0,
      usedAfterRestart,
      overAskGranted: overAsk.granted,
      remainingAfterRestart: overAsk.remaining.day,
    };
  } finally {
    await service.close();
  }
}

const rng = seededRng(20261126);
const killPoints = Array.from({ length: TRIALS }, () => 1 + Math.floor(rng.next() * (LIMIT / 2)));

// Concurrent: each trial is mostly a child process starting up, and they are independent.
describe.concurrent('durability under SIGKILL', () => {
  it.each(killPoints.map((k, i) => [i, k]))(
    'trial %i, killed after grant %i: the ledger holds every grant and a restart adds no budget',
    { timeout: 60_000 },
    async (i, killAfter) => {
      const o = await trial(i, killAfter);
      const context = JSON.stringify(o);
      expect(o.seen, context).toBeGreaterThan(0);
      expect(o.ledgerDay, context).toBeGreaterThanOrEqual(o.seen);
      expect(o.ledgerWeek, context).toBeGreaterThanOrEqual(o.seen);
      expect(o.usedAfterRestart, context).toBeGreaterThanOrEqual(o.seen);
      // Remaining budget after the restart is at most what was left when the child was killed.
      expect(o.overAskGranted, context).toBe(false);
      expect(o.remainingAfterRestart, context).toBeLessThanOrEqual(LIMIT - o.seen);
      expect(o.remainingAfterRestart, context).toBe(LIMIT - o.usedAfterRestart);
    },
  );
});
