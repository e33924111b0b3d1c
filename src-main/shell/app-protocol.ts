import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { MIME, PANEL_CSP } from '../core/server/static-files.js';
import { APP_HOST, APP_SCHEME } from './app-origin.js';

/** Must run before `app` is ready: a standard, secure scheme gets an origin, fetch and storage like https. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Maps an `app://rapport/…` URL to a file under the built renderer, or null. Paths that climb out of
 * the root are refused; extension-less paths fall back to index.html (client-side routes).
 */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  let url: URL;
  let relative: string;
  try {
    url = new URL(requestUrl);
    relative = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  const base = resolve(root);
  const file = resolve(base, relative);
  if (file !== base && !file.startsWith(base + sep)) return null;
  if (existsSync(file) && statSync(file).isFile()) return file;
  if (extname(file)) return null;
  const index = join(base, 'index.html');
  return existsSync(index) ? index : null;
}

const SECURITY_HEADERS = {
  'content-security-policy': PANEL_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Serves the built renderer on `app://rapport/` with the same CSP as the headless panel. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    const body = await readFile(file);
    return new Response(body, {
      headers: { ...SECURITY_HEADERS, 'content-type': MIME[extname(file)] ?? 'application/octet-stream' },
    });
  });
}
