/** Notification delivery without a browser: retries, giving up, rate limit, the test action, secrets at rest. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/app.js';
import { REDACT_PATHS } from '../../../src-main/core/log.js';
import type { Run } from '../../../src-shared/domain.js';
import { deadPort, startHttpReceiver, startSmtpSink, type HttpReceiver, type SmtpSink } from '../../helpers/notify-sinks.js';

const PASSWORD = 'smtp-Pa55word-never-in-clear';
const HOOK_SECRET = 'T000/B000/hook-secret-token-xyz';

interface Harness {
  core: Core;
  dir: string;
  /** Real time plus `offset`: backoff waits pass for real (milliseconds), a day passes by moving `offset`. */
  clock: { offset: number; now(): Date };
  logs: string[];
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function harness(env: Record<string, string> = {}, options: { backoffMs?: number } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-notify-'));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString('utf8'));
      cb();
    },
  });
  const logger = pino({ level: 'trace', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
  const clock = { offset: 0, now: () => new Date(Date.now() + clock.offset) };
  const core = await createCore({
    dataDir: dir,
    env: { RAPPORT_API_KEY: 'notify-test-token-0123-padded-to-24-chars', RAPPORT_UI_LANGUAGE: 'en', RAPPORT_TIME_ZONE: 'Europe/Paris', ...env },
    clock,
    logger,
    notifications: { backoffMs: options.backoffMs ?? 10, maxBackoffMs: 50 },
  });
  cleanups.push(async () => {
    await core.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { core, dir, clock, logs };
}

function checkpointRun(id = 1): Run {
  return {
    id,
    kind: 'birthday',
    trigger: 'schedule',
    dryRun: false,
    status: 'failed',
    counts: { sent: 2 },
    errorCode: 'LINKEDIN_CHECKPOINT',
    errorMessage: 'LinkedIn asks for a security check.',
    startedAt: '2026-03-10T09:59:00.000Z',
    finishedAt: '2026-03-10T10:00:00.000Z',
  };
}

async function receiver(statuses?: number[]): Promise<HttpReceiver> {
  const r = await startHttpReceiver(statuses);
  cleanups.push(() => r.close());
  return r;
}

async function smtp(): Promise<SmtpSink> {
  const s = await startSmtpSink('rapport', PASSWORD);
  cleanups.push(() => s.close());
  return s;
}

async function useWebhook(core: Core, url: string, format: 'json' | 'ntfy' | 'slack' = 'json') {
  await core.call('notifications.secrets.set', { webhookUrl: url });
  await core.call('settings.update', { notifications: { webhook: { enabled: true, format, events: ['action_needed', 'run_finished'] } } });
}

async function useEmail(core: Core, port: number, password = PASSWORD) {
  await core.call('notifications.secrets.set', { emailPassword: password });
  await core.call('settings.update', {
    notifications: {
      email: { enabled: true, host: '127.0.0.1', port, tls: 'none', user: 'rapport', from: 'rapport@example.test', to: ['me@example.test'] },
    },
  });
}

async function metric(core: Core, labels: string): Promise<number> {
  const text = await core.ctx.metrics.registry.metrics();
  const line = text.split('\n').find((l) => l.startsWith(`notifications_sent_total{${labels}}`));
  return Number(line?.split(' ').pop() ?? NaN);
}

describe('notification delivery', () => {
  it('a receiver that answers 500 three times then 200 gets the message once', async () => {
    const h = await harness();
    const hook = await receiver([500, 500, 500, 200]);
    await useWebhook(h.core, `${hook.url}/${HOOK_SECRET}`);
    expect(await metric(h.core, 'channel="webhook",event="action_needed",status="sent"')).toBe(0);
    h.core.notifications.onRunFinished(checkpointRun());
    await expect.poll(() => h.core.ctx.store.outbox.list(1, 10).items[0]?.status, { timeout: 10_000 }).toBe('sent');
    expect(hook.requests).toHaveLength(4);
    expect(hook.accepted()).toHaveLength(1);
    const item = h.core.ctx.store.outbox.list(1, 10).items[0];
    expect(item).toMatchObject({ channel: 'webhook', event: 'action_needed', attempts: 4, runId: 1 });
    expect(item.lastError).toContain('HTTP 500');
    expect(hook.accepted()[0].body).toEqual({
      event: 'action_needed',
      severity: 'critical',
      title: 'Rapport needs you: LinkedIn security check',
      text: expect.stringContaining('security check'),
      runId: 1,
      link: 'http://127.0.0.1:9464/#/activity/runs/1',
      time: expect.any(String),
      lang: 'en',
    });
    expect(await metric(h.core, 'channel="webhook",event="action_needed",status="retry"')).toBe(3);
    expect(await metric(h.core, 'channel="webhook",event="action_needed",status="sent"')).toBe(1);
  });

  it('gives up after a day of failures and keeps the reason', async () => {
    const h = await harness({}, { backoffMs: 10 });
    const port = await deadPort();
    await useWebhook(h.core, `http://127.0.0.1:${port}/${HOOK_SECRET}`);
    h.core.notifications.onRunFinished(checkpointRun());
    await expect.poll(() => h.core.ctx.store.outbox.list(1, 10).items[0]?.attempts, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect(h.core.ctx.store.outbox.list(1, 10).items[0].status).toBe('pending');
    h.clock.offset += 24 * 3600_000 + 1;
    await h.core.notifications.drain();
    const item = h.core.ctx.store.outbox.list(1, 10).items[0];
    expect(item.status).toBe('given_up');
    expect(item.lastError).toMatch(/gave up after \d+ attempts: ECONNREFUSED/);
    expect(item.lastError).not.toContain(HOOK_SECRET);
    expect(await metric(h.core, 'channel="webhook",event="action_needed",status="given_up"')).toBe(1);
  });

  it('sends the same event to a channel at most once an hour, and again after the hour', async () => {
    const h = await harness();
    const hook = await receiver();
    await useWebhook(h.core, `${hook.url}/${HOOK_SECRET}`);
    h.core.notifications.onRunFinished(checkpointRun(1));
    h.core.notifications.onRunFinished(checkpointRun(2));
    await expect.poll(() => hook.accepted().length, { timeout: 10_000 }).toBe(1);
    const items = h.core.ctx.store.outbox.list(1, 10).items;
    expect(items.map((i) => i.status).sort()).toEqual(['sent', 'suppressed']);
    h.clock.offset += 3600_000 + 1;
    h.core.notifications.onRunFinished(checkpointRun(3));
    await expect.poll(() => hook.accepted().length, { timeout: 10_000 }).toBe(2);
    expect(await metric(h.core, 'channel="webhook",event="action_needed",status="suppressed"')).toBe(1);
  });

  it('formats ntfy and Slack-compatible webhooks', async () => {
    const h = await harness({ RAPPORT_UI_LANGUAGE: 'fr' });
    const hook = await receiver();
    await useWebhook(h.core, `${hook.url}/ntfy-topic-secret`, 'ntfy');
    expect(await h.core.call('notifications.test', { channel: 'webhook' })).toEqual({ channel: 'webhook', ok: true, problem: null, message: null });
    expect(hook.requests[0].path).toBe('/');
    expect(hook.requests[0].body).toMatchObject({ topic: 'ntfy-topic-secret', title: 'Rapport : notification de test', priority: 3 });
    await useWebhook(h.core, `${hook.url}/services/${HOOK_SECRET}`, 'slack');
    await h.core.call('notifications.test', { channel: 'webhook' });
    expect(hook.requests[1].path).toBe(`/services/${HOOK_SECRET}`);
    expect((hook.requests[1].body as { text: string }).text).toMatch(/^\*Rapport : notification de test\*\nCe canal fonctionne/);
  });
});

describe('the Send a test action', () => {
  it('reports success, a wrong SMTP password and a refused connection clearly', async () => {
    const h = await harness();
    const sink = await smtp();
    await useEmail(h.core, sink.port);
    expect(await h.core.call('notifications.test', { channel: 'email' })).toEqual({ channel: 'email', ok: true, problem: null, message: null });
    expect(sink.mails).toHaveLength(1);
    expect(sink.mails[0]).toMatchObject({ user: 'rapport', to: ['me@example.test'], subject: 'Rapport: test notification' });

    await h.core.call('notifications.secrets.set', { emailPassword: 'wrong-password' });
    const wrong = await h.core.call('notifications.test', { channel: 'email' });
    expect(wrong).toMatchObject({ ok: false, problem: 'auth_failed' });
    expect(wrong.message).toMatch(/EAUTH.*535/);
    expect(wrong.message).not.toContain('wrong-password');

    await useEmail(h.core, await deadPort());
    const refused = await h.core.call('notifications.test', { channel: 'email' });
    expect(refused).toMatchObject({ ok: false, problem: 'connection_refused' });
    expect(refused.message).toContain('ECONNREFUSED');

    await useWebhook(h.core, `http://127.0.0.1:${await deadPort()}/${HOOK_SECRET}`);
    const hookRefused = await h.core.call('notifications.test', { channel: 'webhook' });
    expect(hookRefused).toMatchObject({ ok: false, problem: 'connection_refused' });
    expect(hookRefused.message).not.toContain(HOOK_SECRET);

    const failing = await receiver([404]);
    await useWebhook(h.core, `${failing.url}/${HOOK_SECRET}`);
    expect(await h.core.call('notifications.test', { channel: 'webhook' })).toMatchObject({
      ok: false,
      problem: 'http_status',
      message: 'HTTP 404 Not Found: receiver says no',
    });
    // The test goes around the outbox: nothing queued.
    expect(h.core.ctx.store.outbox.list(1, 10).total).toBe(0);
  });

  it('says a channel is not configured rather than failing', async () => {
    const h = await harness();
    expect(await h.core.call('notifications.test', { channel: 'webhook' })).toMatchObject({ ok: false, problem: 'not_configured' });
    expect(await h.core.call('notifications.test', { channel: 'email' })).toMatchObject({ ok: false, problem: 'not_configured' });
  });
});

describe('channel secrets', () => {
  it('never appear in clear in the database, the logs or API answers', async () => {
    const h = await harness();
    const sink = await smtp();
    const hook = await receiver([500, 200]);
    const hookUrl = `${hook.url}/${HOOK_SECRET}`;
    expect(await h.core.call('notifications.secrets.get', {})).toEqual({ emailPassword: false, webhookUrl: false });
    await useEmail(h.core, sink.port);
    await useWebhook(h.core, hookUrl);
    await h.core.call('settings.update', { notifications: { email: { events: ['action_needed'] } } });
    const answers: unknown[] = [
      await h.core.call('notifications.secrets.get', {}),
      await h.core.call('settings.get', {}),
      await h.core.call('notifications.test', { channel: 'email' }),
      await h.core.call('notifications.test', { channel: 'webhook' }),
    ];
    expect(answers[0]).toEqual({ emailPassword: true, webhookUrl: true });
    h.core.notifications.onRunFinished(checkpointRun());
    await expect.poll(() => h.core.ctx.store.outbox.list(1, 10).items.filter((i) => i.status === 'sent').length, { timeout: 10_000 }).toBe(2);
    answers.push(await h.core.call('notifications.outbox', {}));
    // Over HTTP too, as the panel sees it.
    const server = await h.core.serve({ port: 0 });
    for (const path of ['/api/settings', '/api/notifications/secrets', '/api/notifications/outbox']) {
      const res = await fetch(`${server.url}${path}`, { headers: { 'x-api-key': 'notify-test-token-0123-padded-to-24-chars' } });
      answers.push(await res.text());
    }
    await server.close();
    h.core.ctx.store.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');

    const haystacks = [
      ...answers.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))),
      h.logs.join(''),
      ...filesUnder(h.dir).map((f) => readFileSync(f).toString('latin1')),
    ];
    for (const text of haystacks) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(HOOK_SECRET);
    }
    // The secrets did work: the mail sink saw the password, the receiver the path.
    expect(sink.mails.length).toBeGreaterThanOrEqual(2);
    expect(hook.accepted().some((r) => r.path === `/${HOOK_SECRET}`)).toBe(true);
    expect(h.logs.join('')).toContain('notification sent');
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
