import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/app.js';
import type { RunningServer } from '../../../src-main/core/server/http.js';
import { tempDir } from '../../helpers/temp.js';

const TOKEN = 'test-token-activity-0123456789abcdef';
// 10:00 in Paris on 15 June; 23:30 UTC on the 14th is already the 15th there (UTC+2).
const NOW = new Date('2026-06-15T08:00:00.000Z');
let core: Core;
let server: RunningServer;

beforeEach(async () => {
  core = await createCore({
    dataDir: tempDir(),
    env: { RAPPORT_API_KEY: TOKEN, RAPPORT_TIME_ZONE: 'Europe/Paris' },
    clock: { now: () => NOW },
  });
  server = await core.serve({ host: '127.0.0.1', port: 0 });
});
afterEach(async () => {
  await core.stop();
});

async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.url}${path}`, { headers: { 'x-api-key': TOKEN } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function seed() {
  const { store } = core.ctx;
  const jane = store.contacts.upsert({ profileUrl: 'https://www.linkedin.com/in/jane/', fullName: 'Jane Doe', source: 'birthday' });
  const marc = store.contacts.upsert({ profileUrl: 'https://www.linkedin.com/in/marc/', fullName: 'Marc Martin', source: 'search' });
  const birthday = store.runs.start('birthday', 'manual', false);
  store.runs.finish(birthday.id, 'succeeded', { sent: 1, failed: 1 });
  const dry = store.runs.start('birthday', 'manual', true);
  store.runs.finish(dry.id, 'stopped', { dryRun: 1 }, { code: 'ABORTED', message: 'Stopped by the user.' });
  const sourcing = store.runs.start('sourcing', 'schedule', false);
  store.runs.finish(sourcing.id, 'succeeded', { visited: 1 });
  const add = (contactId: number, runId: number, type: 'birthday_message' | 'profile_visit', status: 'sent' | 'failed' | 'dry_run' | 'skipped', at: string, key: string) =>
    store.interactions.create({ contactId, runId, type, status, dedupeKey: key, payload: { text: `hello ${key}` }, occurredAt: at });
  add(jane.id, birthday.id, 'birthday_message', 'sent', '2026-06-14T23:30:00.000Z', 'a'); // the 15th in Paris
  add(marc.id, birthday.id, 'birthday_message', 'failed', '2026-06-15T07:00:00.000Z', 'b');
  add(jane.id, dry.id, 'birthday_message', 'dry_run', '2026-06-15T07:10:00.000Z', 'c');
  add(marc.id, sourcing.id, 'profile_visit', 'sent', '2026-06-13T09:00:00.000Z', 'd');
  add(jane.id, sourcing.id, 'profile_visit', 'skipped', '2026-06-13T09:05:00.000Z', 'e');
  add(jane.id, birthday.id, 'birthday_message', 'sent', '2026-05-01T09:00:00.000Z', 'old'); // outside 30 days
  return { jane, marc, birthday, dry, sourcing };
}

describe('stats.daily', () => {
  it('counts messages and visits per calendar day of the user’s time zone, oldest first, ending today', async () => {
    seed();
    const { status, body } = await get('/api/stats/daily?days=30');
    expect(status).toBe(200);
    const days = body.days as { date: string; messages: Record<string, number>; visits: Record<string, number> }[];
    expect(body.timeZone).toBe('Europe/Paris');
    expect(days).toHaveLength(30);
    expect(days[0].date).toBe('2026-05-17');
    expect(days.at(-1)).toEqual({ date: '2026-06-15', messages: { sent: 1, failed: 1, dryRun: 1 }, visits: { sent: 0, failed: 0, dryRun: 0 } });
    expect(days.find((d) => d.date === '2026-06-14')?.messages).toEqual({ sent: 0, failed: 0, dryRun: 0 });
    expect(days.find((d) => d.date === '2026-06-13')?.visits).toEqual({ sent: 1, failed: 0, dryRun: 0 });
    const total = days.reduce((n, d) => n + d.messages.sent, 0);
    expect(total).toBe(1);
  });

  it('refuses a number of days out of range, naming the field', async () => {
    const { status, body } = await get('/api/stats/daily?days=0');
    expect(status).toBe(400);
    const error = body.error as { code: string; message: string };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('days');
  });
});

describe('runs.list filters', () => {
  it('narrows to one kind or one status, keeping the total right', async () => {
    const { sourcing, dry } = seed();
    const byKind = await core.call('runs.list', { kind: 'sourcing' });
    expect(byKind.items.map((r) => r.id)).toEqual([sourcing.id]);
    expect(byKind.total).toBe(1);
    const byStatus = (await get('/api/runs?status=stopped')).body as { items: { id: number }[]; total: number };
    expect(byStatus.items.map((r) => r.id)).toEqual([dry.id]);
    expect((await core.call('runs.list', { kind: 'birthday', pageSize: 1, page: 2 })).items).toHaveLength(1);
    const bad = await get('/api/runs?status=exploded');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('status');
  });
});

describe('interactions.list', () => {
  it('filters by run and by contact and names the contact of each item', async () => {
    const { jane, birthday } = seed();
    const ofRun = await core.call('interactions.list', { runId: birthday.id });
    expect(ofRun.total).toBe(3);
    expect(ofRun.items.map((i) => [i.contactName, i.status])).toEqual([
      ['Marc Martin', 'failed'],
      ['Jane Doe', 'sent'],
      ['Jane Doe', 'sent'],
    ]);
    expect(ofRun.items[0].profileUrl).toBe('https://www.linkedin.com/in/marc/');
    const ofJane = (await get(`/api/interactions?contactId=${jane.id}&type=profile_visit`)).body as { items: { contactName: string; status: string }[] };
    expect(ofJane.items).toEqual([expect.objectContaining({ contactName: 'Jane Doe', status: 'skipped' })]);
    const bad = await get('/api/interactions?runId=abc');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('runId');
  });
});

describe('logs.recent and log.line', () => {
  it('keeps what runs log at info and above, per run, redacted, and streams each line as an event', async () => {
    const seen: { msg: string; runId: number | null }[] = [];
    const off = core.events.on('log.line', (line) => seen.push(line));
    const runLogger = core.ctx.logger.child({ runId: 77, kind: 'birthday' });
    runLogger.debug('too chatty to show');
    runLogger.info({ token: 'tok-secret-123', contact: 'Jane Doe' }, 'message sent');
    runLogger.warn({ code: 'SELECTOR_NOT_FOUND' }, 'selector fell back');
    core.ctx.logger.info('unrelated line');
    off();

    expect(seen.map((l) => l.msg)).toEqual(['message sent', 'selector fell back', 'unrelated line']);
    const ofRun = await get('/api/logs?runId=77');
    const lines = ofRun.body.lines as { msg: string; level: string; runId: number; details: string | null }[];
    expect(lines.map((l) => [l.level, l.msg, l.runId])).toEqual([
      ['info', 'message sent', 77],
      ['warn', 'selector fell back', 77],
    ]);
    expect(lines[0].details).toContain('Jane Doe');
    expect(JSON.stringify(ofRun.body)).not.toContain('tok-secret-123');
    const warnings = (await core.call('logs.recent', { level: 'warn' })).lines;
    expect(warnings.map((l) => l.msg)).toEqual(['selector fell back']);
    const all = (await core.call('logs.recent', { limit: 1 })).lines;
    expect(all.map((l) => l.msg)).toEqual(['unrelated line']);
    expect((await get('/api/logs?level=debug')).status).toBe(400);
  });
});
