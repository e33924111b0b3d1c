import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/app.js';
import { FailedAuthLimiter } from '../../../src-main/core/server/auth.js';
import { MAX_SSE_CLIENTS, type RunningServer } from '../../../src-main/core/server/http.js';
import { tempDir } from '../../helpers/temp.js';

const TOKEN = 'hardening-test-token-0123456789';
let core: Core;
let server: RunningServer;

beforeEach(async () => {
  core = await createCore({ dataDir: tempDir(), env: { RAPPORT_API_KEY: TOKEN } });
  server = await core.serve({ host: '127.0.0.1', port: 0 });
});
afterEach(async () => {
  await core.stop();
});

interface Answer {
  status: number;
  body: string;
  code?: string;
}

function call(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let code: string | undefined;
          try {
            code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
          } catch {
            code = undefined;
          }
          resolve({ status: res.statusCode ?? 0, body: text, code });
        });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const auth = { 'x-api-key': TOKEN };

describe('auth that cannot be turned against the user', () => {
  it('keeps accepting the right token after a flood of wrong ones, from the same client', async () => {
    for (let i = 0; i < 25; i++) await call('GET', '/api/status', { 'x-api-key': `wrong-token-${i}` });
    expect((await call('GET', '/api/status', { 'x-api-key': 'wrong-token-x' })).code).toBe('TOO_MANY_ATTEMPTS');
    const ok = await call('GET', '/api/status', auth);
    expect(ok.status).toBe(200);
    const bearer = await call('GET', '/api/status', { authorization: `Bearer ${TOKEN}` });
    expect(bearer.status).toBe(200);
  });

  it('keeps its memory bounded whatever prefixes are tried', () => {
    let t = 0;
    const limiter = new FailedAuthLimiter(10, 60_000, () => t, 100);
    for (let i = 0; i < 5_000; i++) {
      t += 1;
      limiter.recordFailure(`client:x`, `prefix:${i}`);
    }
    expect(limiter.size).toBeLessThanOrEqual(100);
    expect(limiter.lockedFor('client:x')).toBeGreaterThan(0);
  });

  it('refuses an API token shorter than 24 characters given through RAPPORT_API_KEY, saying why', async () => {
    await expect(createCore({ dataDir: tempDir(), env: { RAPPORT_API_KEY: 'short-token-123' } })).rejects.toThrow(
      /RAPPORT_API_KEY is 15 characters long; use at least 24/,
    );
  });

  it('/ready reports check names and codes, never raw error text', async () => {
    const ok = JSON.parse((await call('GET', '/ready')).body) as { checks: Record<string, unknown> };
    expect(ok.checks).toEqual({
      database: { ok: true, code: 'OK' },
      quotaStore: { ok: true, code: 'MEMORY' },
      migrations: { ok: true, code: 'UP_TO_DATE' },
    });
    core.ctx.store.database.sqlite.close();
    const down = await call('GET', '/ready');
    expect(down.status).toBe(503);
    const report = JSON.parse(down.body) as { failing: string[]; checks: Record<string, { code: string }> };
    expect(report.failing).toContain('database');
    expect(report.checks.database?.code).toBe('DATABASE_UNAVAILABLE');
    expect(down.body).not.toMatch(/not open|TypeError|SqliteError/i);
  });
});

describe('no 5xx on bad input', () => {
  it('answers a malformed percent-escape in a path with 400, not 500', async () => {
    for (const path of ['/api/runs/%E0', '/api/runs/%', '/api/contacts/%ZZ', '/api/runs/%C0%AF/stop']) {
      const method = path.endsWith('/stop') ? 'POST' : path.startsWith('/api/contacts') ? 'PATCH' : 'GET';
      const res = await call(method, path, { ...auth, 'content-type': 'application/json' }, method === 'GET' ? undefined : '{}');
      expect(res.status, path).toBe(400);
      expect(res.code, path).toBe('VALIDATION_FAILED');
    }
  });

  it('refuses bodies that are not JSON in UTF-8 with a 4xx that names what was sent', async () => {
    const form = await call('PUT', '/api/settings', { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, 'a=1');
    expect(form.status).toBe(400);
    expect(form.code).toBe('INVALID_JSON');
    const multipart = await call('PUT', '/api/settings', { ...auth, 'content-type': 'multipart/form-data; boundary=x' }, '--x--');
    expect(multipart.status).toBe(415);
    expect(multipart.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(multipart.body).toContain('multipart/form-data');
    const latin1 = await call('PUT', '/api/settings', { ...auth, 'content-type': 'application/json; charset=latin1' }, '{}');
    expect(latin1.status).toBe(415);
    const gzip = await call('PUT', '/api/settings', { ...auth, 'content-type': 'application/json', 'content-encoding': 'gzip' }, '{}');
    expect(gzip.status).toBe(415);
    const invalidUtf8 = await call('PUT', '/api/settings', { ...auth, 'content-type': 'application/json' }, Buffer.from([0x7b, 0xff, 0x7d]));
    expect(invalidUtf8.status).toBe(400);
  });

  it('reports a prototype-pollution key in a settings patch as an unknown setting, and stores nothing', async () => {
    const before = await core.call('settings.get', {});
    const res = await call('PUT', '/api/settings', { ...auth, 'content-type': 'application/json' }, '{"__proto__":{"limits":{"messagesPerDay":99}}}');
    expect(res.status).toBe(400);
    expect(res.body).toContain('__proto__');
    expect(await core.call('settings.get', {})).toEqual(before);
    expect(({} as Record<string, unknown>).limits).toBeUndefined();
  });
});

describe('event stream limits', () => {
  it(`accepts ${MAX_SSE_CLIENTS} live streams and refuses one more with 429 TOO_MANY_CLIENTS`, async () => {
    const open: { destroy(): void }[] = [];
    for (let i = 0; i < MAX_SSE_CLIENTS; i++) {
      open.push(
        await new Promise((resolve, reject) => {
          const req = request(
            { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { ...auth, host: `127.0.0.1:${server.port}` } },
            (res) => {
              expect(res.statusCode).toBe(200);
              resolve(req);
            },
          );
          req.on('error', reject);
          req.end();
        }),
      );
    }
    const refused = await call('GET', '/api/events', auth);
    expect(refused.status).toBe(429);
    expect(refused.code).toBe('TOO_MANY_CLIENTS');
    open.forEach((r) => r.destroy());
  });

  it('drops a client that stops reading instead of buffering events for it without bound', async () => {
    const socketClosed = new Promise<void>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { ...auth, host: `127.0.0.1:${server.port}` } },
        (res) => {
          res.pause(); // never reads again
          res.on('close', () => resolve());
          res.on('error', () => resolve());
          const big = { level: 'info' as const, time: new Date().toISOString(), msg: 'x'.repeat(64 * 1024), runId: null, component: null, details: null };
          const flood = setInterval(() => {
            for (let i = 0; i < 20; i++) core.events.emit('log.line', big);
          }, 5);
          res.on('close', () => clearInterval(flood));
          setTimeout(() => {
            clearInterval(flood);
            reject(new Error('the server kept the non-reading client'));
          }, 20_000);
        },
      );
      req.on('error', () => resolve());
      req.end();
    });
    await socketClosed;
  });
});
