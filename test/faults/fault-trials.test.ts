/**
 * Faults survived on purpose, each trial bounded in time: Redis stopped and Redis frozen mid-run, Chromium
 * killed mid-run, the database locked by another process, the disk full while writing.
 * The counts are printed for the closing note.
 */
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../src-shared/domain.js';
import { generateDataset, startSimulator, type Simulator } from '../fixtures/linkedin-sim/index.js';
import { campaignCore, runToEnd, type CampaignCore } from '../helpers/campaign-core.js';
import { startRedis } from '../helpers/redis.js';
import { tempDirFor } from '../fuzz/temp.js';

const TRIALS = 5;
const DAILY_LIMIT = 3;
const TRIAL_TIMEOUT_MS = 60_000;
/**
 * Four birthdays today: one more than the daily limit, so the quota still binds, and few enough that
 * the run after a crash is short. They fit in the page's first batch (nothing is lazy-loaded), so the
 * scrolls that look for more need not wait long for nothing.
 */
const BIRTHDAYS_TODAY = DAILY_LIMIT + 1;
const BROWSER = { scrollIdleMs: 100 };
const counts: Record<string, Record<string, number>> = {};

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, ...generateDataset({ seed: 7, today: BIRTHDAYS_TODAY, late: [], upcoming: [], searchPeople: 0 }) });
});
afterAll(async () => {
  await sim?.close();
  console.log(`Fault trials:\n${JSON.stringify(counts, null, 1)}`);
});

function tally(trial: string, key: string) {
  counts[trial] ??= {};
  counts[trial][key] = (counts[trial][key] ?? 0) + 1;
}

/** A trial that cannot hang the suite. */
async function bounded<T>(what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${TRIAL_TIMEOUT_MS} ms`)), TRIAL_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves at the first progress event that follows a sent message. */
function afterFirstSend(h: CampaignCore): Promise<void> {
  return new Promise((resolve) => {
    const off = h.core.events.on('run.progress', (p) => {
      if ((p.counts.sent ?? 0) >= 1) {
        off();
        resolve();
      }
    });
  });
}

const metric = async (h: CampaignCore, name: string, labels: Record<string, string>) => {
  const m = (await h.core.ctx.metrics.registry.getMetricsAsJSON()).find((x) => x.name === name);
  return (m?.values as Array<{ value: number; labels: Record<string, string> }> | undefined)?.find((v) =>
    Object.entries(labels).every(([k, val]) => v.labels[k] === val),
  )?.value;
};

describe('Redis faults during a run: never over the quota, the breaker visible', () => {
  for (const fault of ['stopped', 'frozen'] as const) {
    it(`Redis ${fault} mid-run, ${TRIALS} trials`, async () => {
      for (let trial = 0; trial < TRIALS; trial++) {
        sim.reset();
        const redis = await startRedis();
        const h = await campaignCore(
          sim.url,
          {
            RAPPORT_LIMITS_REDIS_URL: redis.url,
            RAPPORT_LIMITS_MESSAGES_PER_DAY: String(DAILY_LIMIT),
            RAPPORT_PACING_SCALE: '0.004',
          },
          undefined,
          BROWSER,
        );
        try {
          const run = await bounded(`trial ${trial}`, (async () => {
            const firstSend = afterFirstSend(h);
            const done = runToEnd(h.core, () => h.core.call('campaigns.birthday.run', {}));
            await firstSend;
            if (fault === 'stopped') await redis.stop();
            else redis.pause();
            return done;
          })());
          const sent = sim.sent().length;
          expect(sent, `trial ${trial}: messages sent`).toBeLessThanOrEqual(DAILY_LIMIT);
          // It ends on its own: done, or stopped at the quota (never interrupted, never an internal error).
          expect(['succeeded', 'stopped'], `trial ${trial}: ${run.status} ${run.errorCode}`).toContain(run.status);
          if (run.status === 'stopped') expect(run.errorCode).toBe('QUOTA_EXHAUSTED');
          const status = await h.core.call('status.get', {});
          expect(status.quotaStore).toBe('memory-fallback');
          expect(await metric(h, 'circuit_breaker_state', { service: 'redis' })).toBe(1);
          expect(await metric(h, 'circuit_breaker_failures_total', { service: 'redis' })).toBeGreaterThan(0);
          const pending = h.core.ctx.store.database.sqlite.prepare("select count(*) as n from interactions where status = 'pending'").get() as { n: number };
          expect(pending.n).toBe(0);
          tally(`redis-${fault}`, 'trials');
          tally(`redis-${fault}`, `sent=${sent}`);
        } finally {
          if (fault === 'frozen') redis.resume();
          await h.dispose();
          await redis.stop().catch(() => undefined);
        }
      }
      expect(counts[`redis-${fault}`]?.trials).toBe(TRIALS);
    }, TRIALS * TRIAL_TIMEOUT_MS);
  }
});

describe('Chromium killed mid-run', () => {
  it(`fails the run with BROWSER_FAILED, leaves nothing pending, and the next run works — ${TRIALS} trials`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      sim.reset();
      const h = await campaignCore(sim.url, { RAPPORT_PACING_SCALE: '0.004' }, undefined, BROWSER);
      try {
        const run: Run = await bounded(`trial ${trial}`, (async () => {
          const firstSend = afterFirstSend(h);
          const done = runToEnd(h.core, () => h.core.call('campaigns.birthday.run', {}));
          await firstSend;
          // Every process whose command line names this trial's browser profile: the browser and its helpers.
          spawnSync('pkill', ['-KILL', '-f', h.core.ctx.paths.browserProfile]);
          return done;
        })());
        expect(run.status, `trial ${trial}`).toBe('failed');
        expect(run.errorCode, `trial ${trial}: ${run.errorMessage}`).toBe('BROWSER_FAILED');
        const pending = h.core.ctx.store.database.sqlite.prepare("select count(*) as n from interactions where status = 'pending'").get() as { n: number };
        expect(pending.n).toBe(0);
        const sentBefore = sim.sent().length;
        const next = await bounded(`trial ${trial} (next run)`, runToEnd(h.core, () => h.core.call('campaigns.birthday.run', {})));
        expect(next.status, `trial ${trial} next run: ${next.errorMessage}`).toBe('succeeded');
        // Nobody is wished twice across the crash.
        const names = sim.sent().map((m) => m.recipientPublicId);
        expect(new Set(names).size).toBe(names.length);
        tally('chromium-killed', 'trials');
        tally('chromium-killed', `resent=${sim.sent().length - sentBefore}`);
      } finally {
        await h.dispose();
      }
    }
    expect(counts['chromium-killed']?.trials).toBe(TRIALS);
  }, TRIALS * 2 * TRIAL_TIMEOUT_MS);
});

describe('database faults', () => {
  it('the database locked by another process: a clear DB_BUSY, nothing lost, and it works once released', async () => {
    // A folder kept until the file ends: the rotating log may still be closing when the core has stopped.
    const h = await campaignCore(sim.url, { RAPPORT_API_KEY: 'campaign-test-token-0123' }, tempDirFor('rapport-fault-db-'));
    try {
      const { url } = await h.core.serve({ host: '127.0.0.1', port: 0 });
      h.core.ctx.store.database.sqlite.pragma('busy_timeout = 200');
      const before = await h.core.call('settings.get', {});
      const other = new Database(h.core.ctx.paths.database);
      other.exec('BEGIN EXCLUSIVE');
      const put = (body: unknown) =>
        fetch(`${url}/api/settings`, {
          method: 'PUT',
          headers: { 'x-api-key': 'campaign-test-token-0123', 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const busy = await put({ limits: { messagesPerDay: 5 } });
      const error = ((await busy.json()) as { error: { code: string; message: string } }).error;
      expect(busy.status).toBe(503);
      expect(error.code).toBe('DB_BUSY');
      expect(error.message).toMatch(/locked by another process/);
      expect(await metric(h, 'database_errors_total', { operation: 'insert' })).toBeGreaterThan(0);
      other.exec('ROLLBACK');
      other.close();
      expect(await h.core.call('settings.get', {})).toEqual(before);
      expect((await put({ limits: { messagesPerDay: 5 } })).status).toBe(200);
      tally('db-locked', 'trials');
    } finally {
      await h.dispose();
    }
  });

  it('the disk full while writing: a clear DISK_FULL, the settings and the database intact', async () => {
    // A folder kept until the file ends: the rotating log may still be closing when the core has stopped.
    const h = await campaignCore(sim.url, { RAPPORT_API_KEY: 'campaign-test-token-0123' }, tempDirFor('rapport-fault-db-'));
    try {
      const { url } = await h.core.serve({ host: '127.0.0.1', port: 0 });
      const sqlite = h.core.ctx.store.database.sqlite;
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const before = await h.core.call('settings.get', {});
      // SQLite's own "disk full": the file may not grow by a single page.
      sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
      const templates = Array.from({ length: 12 }, (_, i) => `Happy birthday {firstName}! ${i} ${'x'.repeat(6000)}`);
      const res = await fetch(`${url}/api/settings`, {
        method: 'PUT',
        headers: { 'x-api-key': 'campaign-test-token-0123', 'content-type': 'application/json' },
        body: JSON.stringify({ birthday: { templatesToday: templates } }),
      });
      const error = ((await res.json()) as { error: { code: string } }).error;
      expect(error.code).toBe('DISK_FULL');
      sqlite.pragma('max_page_count = 1073741823');
      expect(await h.core.call('settings.get', {})).toEqual(before);
      expect(sqlite.pragma('quick_check', { simple: true })).toBe('ok');
      tally('disk-full', 'trials');
    } finally {
      await h.dispose();
    }
  });
});
