import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuotaService } from '../../../src-main/core/limits/index.js';
import { openDatabase } from '../../../src-main/core/store/db.js';
import { startRedis, type RedisProcess } from '../../helpers/redis.js';
import { harness, ledgerRows } from '../../unit/limits/support.js';
import { spawnChild } from './child.js';

let redis: RedisProcess;
beforeAll(async () => {
  redis = await startRedis(); // no redis-server → this throws and the suite fails: never a skip
});
afterAll(async () => {
  await redis?.stop();
});

describe('Redis store on a real redis-server', () => {
  it('200 concurrent acquisitions with a limit of 15 grant exactly 15', async () => {
    const h = harness({ limits: { redisUrl: redis.url } });
    const service = await createQuotaService(h.deps, { keyPrefix: 'conc:' });
    try {
      expect(service.storeKind()).toBe('redis');
      const results = await Promise.all(Array.from({ length: 200 }, () => service.acquire('messages')));
      expect(results.filter((r) => r.granted)).toHaveLength(15);
      expect(ledgerRows(h).filter((r) => r.quota === 'messages').map((r) => r.used)).toEqual([15, 15]);
      expect(await service.check()).toEqual({ ok: true, detail: 'redis' });
      expect(service.storeKind()).toBe('redis'); // no call failed over to memory
    } finally {
      await service.close();
      h.cleanup();
    }
  });

  it('two processes sharing the Redis grant exactly 15 between them', async () => {
    const h = harness();
    const base = {
      mode: 'burst' as const,
      now: '2026-11-26T10:00:00Z',
      redisUrl: redis.url,
      keyPrefix: 'two-proc:',
      count: 100,
      // Separate SQLite files: Redis is the only thing the two processes share.
      limits: { visitsPerDay: 15, visitsPerWeek: 200 },
    };
    for (const name of ['a.db', 'b.db']) openDatabase(join(h.dir, name)).close(); // migrated here; children reopen
    const a = spawnChild({ ...base, dbFile: join(h.dir, 'a.db') });
    const b = spawnChild({ ...base, dbFile: join(h.dir, 'b.db') });
    try {
      await Promise.all([a.waitFor((l) => l === 'READY'), b.waitFor((l) => l === 'READY')]);
      a.proc.stdin?.write('go\n');
      b.proc.stdin?.write('go\n');
      const [ra, rb] = await Promise.all([a.waitFor((l) => l.startsWith('RESULT')), b.waitFor((l) => l.startsWith('RESULT'))]);
      const ga = Number(ra.split(' ')[1]);
      const gb = Number(rb.split(' ')[1]);
      expect(ga + gb).toBe(15);
      expect((await a.exited).code).toBe(0);
      expect((await b.exited).code).toBe(0);
    } finally {
      a.proc.kill('SIGKILL');
      b.proc.kill('SIGKILL');
      h.cleanup();
    }
  });
});
