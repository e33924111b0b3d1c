import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { createCore, type Core } from '../../../src-main/core/app.js';
import type { RunningServer } from '../../../src-main/core/server/http.js';
import { tempDir } from '../../helpers/temp.js';

const TOKEN = 'test-token-0123456789abcdef';
let core: Core;
let server: RunningServer;

beforeEach(async () => {
  const dir = tempDir();
  core = await createCore({ dataDir: dir, env: { RAPPORT_API_KEY: TOKEN } });
  server = await core.serve({ host: '127.0.0.1', port: 0 });
});
afterEach(async () => {
  await core.stop();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: () => { error?: { code: string; message: string; details?: unknown } } & Record<string, unknown>;
}

/** Raw HTTP so tests can send any Host header and body. */
function raw(method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method, path, headers: { host: `127.0.0.1:${server.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const auth = { 'x-api-key': TOKEN };

describe('probes', () => {
  it('/health answers 200 with the version and no auth', async () => {
    const res = await raw('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', version: core.ctx.version });
  });

  it('/ready answers 200 with its checks and the quota store', async () => {
    const res = await raw('GET', '/ready');
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ready', quotaStore: 'memory', failing: [] });
  });

  it('/ready answers 503 naming the database when it is closed', async () => {
    core.ctx.store.database.sqlite.close();
    const res = await raw('GET', '/ready');
    expect(res.status).toBe(503);
    expect(res.json().failing).toContain('database');
  });

  it('/metrics serves Prometheus text with every SPEC family and route templates, not raw paths', async () => {
    await raw('GET', '/api/runs/12345', { headers: auth });
    const res = await raw('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/plain');
    for (const family of [
      'http_requests_total',
      'http_request_duration_seconds',
      'http_requests_in_progress',
      'birthday_messages_sent_total',
      'birthday_campaign_duration_seconds',
      'birthday_contacts_checked_total',
      'profiles_visited_total',
      'sourcing_campaign_duration_seconds',
      'profiles_queue_size',
      'database_query_duration_seconds',
      'database_errors_total',
      'redis_operations_total',
      'redis_operation_duration_seconds',
      'redis_connection_errors_total',
      'rate_limit_hits_total',
      'rate_limit_quota_remaining',
      'circuit_breaker_state',
      'circuit_breaker_failures_total',
      'errors_total',
      'background_tasks_active',
      'linkedin_guard_stops_total',
      'selector_fallbacks_total',
      'process_cpu_seconds_total',
    ]) {
      expect(res.body, family).toContain(`# TYPE ${family} `);
    }
    expect(res.body).toContain('route="/api/runs/:id"');
    expect(res.body).not.toContain('12345"');
    expect(res.body).toMatch(/linkedin_guard_stops_total\{kind="checkpoint"\} 0/);
  });
});

describe('/api authentication', () => {
  it('401 without a token, 200 with X-API-Key or Bearer', async () => {
    const none = await raw('GET', '/api/status');
    expect(none.status).toBe(401);
    expect(none.json().error?.code).toBe('UNAUTHORIZED');
    expect((await raw('GET', '/api/status', { headers: auth })).status).toBe(200);
    const bearer = await raw('GET', '/api/status', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(bearer.status).toBe(200);
    expect(bearer.json()).toMatchObject({ version: core.ctx.version, dataDir: core.ctx.paths.dataDir });
  });

  it('a wrong token of any length is refused', async () => {
    for (const token of ['x', TOKEN.slice(0, -1), TOKEN + 'x', '']) {
      expect((await raw('GET', '/api/status', { headers: { 'x-api-key': token } })).status).toBe(401);
    }
  });

  it('refuses wrong tokens with 429 after 10 failures, while the right token keeps working', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await raw('GET', '/api/status', { headers: { 'x-api-key': `wrong-${i}` } })).status).toBe(401);
    }
    const locked = await raw('GET', '/api/status', { headers: { 'x-api-key': 'wrong-again' } });
    expect(locked.status).toBe(429);
    expect(locked.json().error?.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    expect((await raw('GET', '/api/status', { headers: auth })).status).toBe(200);
    expect((await raw('GET', '/health')).status).toBe(200);
  });
});

describe('request rules', () => {
  it('refuses a Host header that is not loopback (DNS rebinding)', async () => {
    const res = await raw('GET', '/api/status', { headers: { ...auth, host: 'evil.example.com' } });
    expect(res.status).toBe(403);
    expect(res.json().error?.code).toBe('FORBIDDEN_HOST');
    expect((await raw('GET', '/health', { headers: { host: 'rebind.attacker.net:9464' } })).status).toBe(403);
    expect((await raw('GET', '/health', { headers: { host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('413 for a body over 1 MB', async () => {
    const big = JSON.stringify({ limits: { messagesPerDay: 1 }, pad: 'x'.repeat(1024 * 1024) });
    const res = await raw('PUT', '/api/settings', { headers: { ...auth, 'content-type': 'application/json' }, body: big });
    expect(res.status).toBe(413);
    expect(res.json().error?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('400 for invalid JSON, and settings stay as they were', async () => {
    const before = await core.call('settings.get', {});
    const res = await raw('PUT', '/api/settings', { headers: auth, body: '{"limits": {' });
    expect(res.status).toBe(400);
    expect(res.json().error?.code).toBe('INVALID_JSON');
    expect(await core.call('settings.get', {})).toEqual(before);
  });

  it('400 VALIDATION_FAILED naming the field for a wrong type', async () => {
    const res = await raw('PUT', '/api/settings', { headers: auth, body: JSON.stringify({ limits: { messagesPerDay: 'ten' } }) });
    expect(res.status).toBe(400);
    const error = res.json().error!;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('limits.messagesPerDay');
  });

  it('400 for a JSON body that is not an object, and for bad query values', async () => {
    expect((await raw('PUT', '/api/settings', { headers: auth, body: '[1,2]' })).status).toBe(400);
    const q = await raw('GET', '/api/contacts?pageSize=abc', { headers: auth });
    expect(q.status).toBe(400);
    expect(q.json().error?.message).toContain('pageSize');
  });

  it('404 JSON for unknown routes, 404 for unknown ids, 405 for a wrong method', async () => {
    const unknown = await raw('GET', '/api/nope', { headers: auth });
    expect(unknown.status).toBe(404);
    expect(unknown.json().error?.code).toBe('NOT_FOUND');
    const run = await raw('GET', '/api/runs/999', { headers: auth });
    expect(run.status).toBe(404);
    expect((await raw('DELETE', '/api/status', { headers: auth })).status).toBe(405);
    const page = await raw('GET', '/nothing-here.js');
    expect(page.status).toBe(404);
    expect(page.json().error?.code).toBe('NOT_FOUND');
  });

  it('sends no CORS headers to other origins', async () => {
    const res = await raw('GET', '/api/status', { headers: { ...auth, origin: 'https://evil.example.com' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await raw('OPTIONS', '/api/status', { headers: { origin: 'https://evil.example.com' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });

  it('settings round-trip through the API and partial updates keep the rest', async () => {
    const res = await raw('PUT', '/api/settings', { headers: auth, body: JSON.stringify({ limits: { messagesPerDay: 9 } }) });
    expect(res.status).toBe(200);
    const view = (await raw('GET', '/api/settings', { headers: auth })).json() as { settings: { limits: Record<string, number> } };
    expect(view.settings.limits.messagesPerDay).toBe(9);
    expect(view.settings.limits.visitsPerDay).toBe(40);
  });

  it('exports contacts as CSV with formula cells neutralised', async () => {
    core.ctx.store.contacts.upsert({ profileUrl: 'https://www.linkedin.com/in/x/', fullName: '=HYPERLINK("evil")', source: 'manual' });
    const res = await raw('GET', '/api/contacts.csv', { headers: auth });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    expect(res.body.split('\r\n')[0]).toContain('profileUrl');
    expect(res.body).toContain(`"'=HYPERLINK(""evil"")"`);
  });
});
