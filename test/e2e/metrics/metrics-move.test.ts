/**
 * No dead metric: a dry run, a real run, a sourcing run and a guard stop, driven through the HTTP API
 * against the simulator with Redis holding the quotas, must move every SPEC §9 family as expected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../../src-shared/domain.js';
import { startSimulator, type Simulator } from '../../fixtures/linkedin-sim/index.js';
import { campaignCore, type CampaignCore } from '../../helpers/campaign-core.js';
import { startRedis, type RedisProcess } from '../../helpers/redis.js';

type Snapshot = Map<string, number>;

let sim: Simulator;
let redis: RedisProcess;
let h: CampaignCore;
let base: string;
const TOKEN = 'campaign-test-token-0123';

/** `name{a="x",b="y"}` → value; histograms contribute their `_count` series only. */
async function snapshot(): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const metric of await h.core.ctx.metrics.registry.getMetricsAsJSON()) {
    for (const v of metric.values as Array<{ value: number; labels: Record<string, string | number>; metricName?: string }>) {
      const name = v.metricName ?? metric.name;
      if (metric.type === ('histogram' as never) && !name.endsWith('_count')) continue;
      const labels = Object.entries(v.labels)
        .filter(([k]) => k !== 'le')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, val]) => `${k}="${val}"`)
        .join(',');
      out.set(`${name}{${labels}}`, v.value);
    }
  }
  return out;
}

function sum(s: Snapshot, family: string, filter: Record<string, string> = {}): number {
  let total = 0;
  for (const [key, value] of s) {
    const name = key.slice(0, key.indexOf('{'));
    if (name !== family) continue;
    if (Object.entries(filter).every(([k, v]) => key.includes(`${k}="${v}"`))) total += value;
  }
  return total;
}

async function api(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'x-api-key': TOKEN, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as unknown;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Starts a run over HTTP, samples the gauges while it runs, and waits for its end. */
async function runOverHttp(path: string, body: unknown) {
  const peaks = { background: 0, queue: 0 };
  const offProgress = h.core.events.on('run.progress', () => {
    void snapshot().then((s) => {
      peaks.background = Math.max(peaks.background, sum(s, 'background_tasks_active'));
      peaks.queue = Math.max(peaks.queue, sum(s, 'profiles_queue_size'));
    });
  });
  const finished = new Promise<Run>((resolve) => {
    const off = h.core.events.on('run.finished', (run) => {
      off();
      resolve(run);
    });
  });
  await api('POST', path, body);
  const run = await finished;
  offProgress();
  return { run, peaks };
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  redis = await startRedis();
  h = await campaignCore(sim.url, { RAPPORT_LIMITS_REDIS_URL: redis.url, RAPPORT_API_KEY: TOKEN });
  ({ url: base } = await h.core.serve({ host: '127.0.0.1', port: 0 }));
});

afterAll(async () => {
  await h?.dispose();
  await redis?.stop();
  await sim?.close();
});

describe('every SPEC §9 family moves when it should', () => {
  it('dry run, real run, sourcing run and a guard stop', async () => {
    // A scrape is a request: from the first one on, the HTTP families have series too.
    await fetch(`${base}/metrics`);
    const start = await snapshot();
    // Every family is exported, with its small label sets at 0.
    for (const family of [
      'http_requests_total', 'http_request_duration_seconds_count', 'http_requests_in_progress', 'birthday_messages_sent_total',
      'birthday_campaign_duration_seconds_count', 'birthday_contacts_checked_total', 'profiles_visited_total',
      'sourcing_campaign_duration_seconds_count', 'profiles_queue_size', 'database_query_duration_seconds_count',
      'database_errors_total', 'redis_operations_total', 'redis_operation_duration_seconds_count', 'redis_connection_errors_total',
      'rate_limit_hits_total', 'rate_limit_quota_remaining', 'circuit_breaker_state', 'circuit_breaker_failures_total',
      'errors_total', 'background_tasks_active', 'linkedin_guard_stops_total', 'selector_fallbacks_total',
    ]) {
      expect([...start.keys()].some((k) => k.startsWith(`${family}{`)), family).toBe(true);
    }
    const remainingBefore = sum(start, 'rate_limit_quota_remaining', { quota: 'messages', window: 'day' });

    const dry = await runOverHttp('/api/campaigns/birthday', { dryRun: true });
    expect(dry.run.status).toBe('succeeded');
    const afterDry = await snapshot();
    expect(sum(afterDry, 'birthday_messages_sent_total', { status: 'dry_run' })).toBeGreaterThan(0);
    expect(sum(afterDry, 'birthday_messages_sent_total', { status: 'sent' })).toBe(0);
    expect(sum(afterDry, 'birthday_campaign_duration_seconds_count')).toBe(1);
    expect(sum(afterDry, 'birthday_contacts_checked_total')).toBeGreaterThan(0);
    expect(dry.peaks.background).toBeGreaterThan(0);

    const real = await runOverHttp('/api/campaigns/birthday', {});
    expect(real.run.status).toBe('succeeded');
    const afterReal = await snapshot();
    const sent = sum(afterReal, 'birthday_messages_sent_total', { status: 'sent' });
    expect(sent).toBeGreaterThan(0);
    expect(sum(afterReal, 'birthday_campaign_duration_seconds_count')).toBe(2);
    expect(sum(afterReal, 'rate_limit_hits_total', { quota: 'messages', result: 'granted' })).toBe(sent);
    expect(sum(afterReal, 'rate_limit_quota_remaining', { quota: 'messages', window: 'day' })).toBe(remainingBefore - sent);
    expect(sum(afterReal, 'redis_operations_total', { operation: 'acquire', status: 'ok' })).toBeGreaterThanOrEqual(sent);
    expect(sum(afterReal, 'redis_operation_duration_seconds_count', { operation: 'acquire' })).toBeGreaterThanOrEqual(sent);

    const people = sim.config().people;
    const keywords = people[0]!.headline.split(/\s+/)[0]!;
    const sourcing = await runOverHttp('/api/campaigns/sourcing', { keywords, maxVisits: 2 });
    expect(sourcing.run.status).toBe('succeeded');
    const afterSourcing = await snapshot();
    expect(sum(afterSourcing, 'profiles_visited_total', { status: 'visited' })).toBeGreaterThan(0);
    expect(sum(afterSourcing, 'sourcing_campaign_duration_seconds_count')).toBe(1);
    expect(sourcing.peaks.queue).toBeGreaterThan(0);
    expect(sum(afterSourcing, 'rate_limit_hits_total', { quota: 'visits', result: 'granted' })).toBeGreaterThan(0);

    sim.configure({ guard: { kind: 'checkpoint' } });
    const guarded = await runOverHttp('/api/campaigns/birthday', { dryRun: true });
    expect(guarded.run.errorCode).toBe('LINKEDIN_CHECKPOINT');
    const end = await snapshot();
    expect(sum(end, 'linkedin_guard_stops_total', { kind: 'checkpoint' })).toBe(1);
    expect(sum(end, 'errors_total', { type: 'linkedin' })).toBeGreaterThan(0);

    // The store and the HTTP layer measured the real work.
    for (const operation of ['select', 'insert', 'update']) {
      expect(sum(end, 'database_query_duration_seconds_count', { operation }), operation).toBeGreaterThan(sum(start, 'database_query_duration_seconds_count', { operation }));
    }
    expect(sum(end, 'http_requests_total', { route: '/api/campaigns/birthday', status: '202' })).toBe(3);
    expect(sum(end, 'http_request_duration_seconds_count')).toBeGreaterThanOrEqual(4);
    // What must not move on a healthy machine did not, and the gauges went back to rest.
    expect(sum(end, 'database_errors_total')).toBe(0);
    expect(sum(end, 'redis_connection_errors_total')).toBe(0);
    expect(sum(end, 'circuit_breaker_failures_total')).toBe(0);
    expect(sum(end, 'circuit_breaker_state', { service: 'redis' })).toBe(0);
    expect(sum(end, 'background_tasks_active')).toBe(0);
    expect(sum(end, 'profiles_queue_size')).toBe(0);
    expect(sum(end, 'http_requests_in_progress')).toBe(0);
  }, 120_000);
});
