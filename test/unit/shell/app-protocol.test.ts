import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PANEL_CSP } from '../../../src-main/core/server/http.js';

type ProtocolHandler = (request: { url: string }) => Promise<Response>;

const fake = vi.hoisted(() => ({
  handlers: new Map<string, ProtocolHandler>(),
  privileged: [] as unknown[],
}));

vi.mock('electron', () => ({
  protocol: {
    handle: (scheme: string, handler: ProtocolHandler) => fake.handlers.set(scheme, handler),
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
  },
}));

const { registerAppScheme, resolveAppFile, serveAppProtocol } = await import('../../../src-main/shell/app-protocol.js');

let top: string;
let root: string;

beforeAll(() => {
  top = mkdtempSync(join(tmpdir(), 'rapport-protocol-'));
  root = join(top, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Rapport</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(top, 'secret.txt'), 'not for the page');
});

afterAll(() => rmSync(top, { recursive: true, force: true }));

describe('app:// scheme', () => {
  it('is registered as a standard, secure scheme (its own origin, like https)', () => {
    registerAppScheme();
    expect(fake.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('maps app URLs to files of the built renderer', () => {
    expect(resolveAppFile(root, 'app://rapport/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppFile(root, 'app://rapport/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://rapport/contacts')).toBe(join(root, 'index.html'));
  });

  it('never serves a file outside the renderer directory, another host, or a missing asset', () => {
    for (const url of [
      'app://rapport/../secret.txt',
      'app://rapport/%2e%2e/secret.txt',
      'app://rapport/..%2fsecret.txt',
      'app://rapport/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    ]) {
      expect(resolveAppFile(root, url)).not.toBe(join(top, 'secret.txt'));
    }
    expect(resolveAppFile(root, 'app://rapport/%2e%2e/secret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppFile(root, 'https://rapport/index.html')).toBeNull();
    expect(resolveAppFile(root, 'app://rapport/assets/missing.js')).toBeNull();
  });

  it('answers with the panel’s CSP and the right content type, 404 otherwise', async () => {
    serveAppProtocol(root);
    const handler = fake.handlers.get('app');
    if (!handler) throw new Error('no app:// handler');
    const page = await handler({ url: 'app://rapport/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(PANEL_CSP);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Rapport</title>');

    const script = await handler({ url: 'app://rapport/assets/app.js' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    const missing = await handler({ url: 'app://rapport/%2e%2e/secret.txt' });
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('not for the page');
  });
});
