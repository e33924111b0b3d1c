import { describe, expect, it, vi } from 'vitest';
import { ApiError, createClient } from '../../../src-renderer/api/client.js';
import { buildRequest, createHttpTransport } from '../../../src-renderer/api/http-transport.js';

const BASE = 'http://127.0.0.1:9464';
const TOKEN = 'tok-0123456789abcdef';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function clientWith(fetchImpl: typeof fetch) {
  return createClient(createHttpTransport({ baseUrl: BASE, token: TOKEN, fetch: fetchImpl }));
}

describe('HTTP requests built from the contract', () => {
  it('sends GET inputs as a query string, skipping absent values, with the token header', () => {
    const { url, init } = buildRequest('contacts.list', { query: 'Ada L', status: 'active', page: 2, source: undefined }, BASE, TOKEN);
    expect(url).toBe(`${BASE}/api/contacts?query=Ada+L&status=active&page=2`);
    expect(init.method).toBe('GET');
    expect(init.body).toBeUndefined();
    expect(init.headers).toMatchObject({ 'X-API-Key': TOKEN });
  });

  it('fills path parameters from the input and keeps them out of the body', () => {
    const stop = buildRequest('runs.stop', { id: 12 }, BASE, TOKEN);
    expect(stop.url).toBe(`${BASE}/api/runs/12/stop`);
    expect(stop.init).toMatchObject({ method: 'POST', body: '{}' });

    const update = buildRequest('contacts.update', { id: 5, status: 'blocked', notes: null }, BASE, TOKEN);
    expect(update.url).toBe(`${BASE}/api/contacts/5`);
    expect(update.init.method).toBe('PATCH');
    expect(JSON.parse(String(update.init.body))).toEqual({ status: 'blocked', notes: null });
    expect(update.init.headers).toMatchObject({ 'Content-Type': 'application/json' });

    expect(buildRequest('contacts.erase', { id: 9 }, BASE, TOKEN)).toMatchObject({
      url: `${BASE}/api/contacts/9`,
      init: { method: 'DELETE' },
    });
  });

  it('sends other inputs as a JSON body', () => {
    const { url, init } = buildRequest('campaigns.birthday.run', { dryRun: true }, BASE, TOKEN);
    expect(url).toBe(`${BASE}/api/campaigns/birthday`);
    expect(init).toMatchObject({ method: 'POST', body: '{"dryRun":true}' });
  });

  it('refuses to call a route whose path parameter is missing', () => {
    expect(() => buildRequest('runs.get', {}, BASE, TOKEN)).toThrow(ApiError);
  });
});

describe('HTTP answers', () => {
  it('returns the JSON value on success', async () => {
    const fetchImpl = vi.fn(async () => json(200, { runId: 3 }));
    await expect(clientWith(fetchImpl).call('campaigns.birthday.run', {})).resolves.toEqual({ runId: 3 });
  });

  it('returns text for non-JSON operations (CSV export)', async () => {
    const fetchImpl = vi.fn(async () => new Response('id,fullName\n1,Ada\n', { headers: { 'content-type': 'text/csv' } }));
    await expect(clientWith(fetchImpl).call('contacts.export', {})).resolves.toBe('id,fullName\n1,Ada\n');
  });

  it('turns the server’s error body into an ApiError with code, message and details', async () => {
    const body = { error: { code: 'VALIDATION_FAILED', message: 'Invalid input — id: bad', details: { issues: [{ field: 'id', reason: 'bad' }] } } };
    const error = await clientWith(vi.fn(async () => json(400, body))).call('runs.get', { id: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Invalid input — id: bad', details: body.error.details });
  });

  it('reports an unreadable error as BAD_RESPONSE and a dead server as UNREACHABLE', async () => {
    const proxy = await clientWith(vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })))
      .call('status.get', {})
      .catch((e: unknown) => e);
    expect(proxy).toMatchObject({ code: 'BAD_RESPONSE' });
    const down = await clientWith(
      vi.fn(async () => {
        throw new TypeError('fetch failed');
      }),
    )
      .call('status.get', {})
      .catch((e: unknown) => e);
    expect(down).toMatchObject({ code: 'UNREACHABLE' });
  });
});
