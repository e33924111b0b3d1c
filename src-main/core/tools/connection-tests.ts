import { Redis } from 'ioredis';
import { chromium } from 'playwright-core';
import { RapportError } from '../../../src-shared/errors.js';
import { redactedRedisUrl } from './redact-url.js';
import { BROWSER_FLAGS, discoverBrowsers } from '../browser/launch.js';
import type { CoreContext } from '../context.js';

const REDIS_TIMEOUT_MS = 2000;
const BROWSER_TIMEOUT_MS = 30_000;

/**
 * Pings a Redis URL with a short-lived client (the quota store's own client is left alone) and reports
 * the quota store's breaker: the user sees both "does this URL answer?" and "what do quotas use now?".
 */
export async function testRedis(ctx: CoreContext, url: string) {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: REDIS_TIMEOUT_MS,
    commandTimeout: REDIS_TIMEOUT_MS,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  const started = Date.now();
  let ok = false;
  let message: string;
  try {
    await client.connect();
    const pong = await client.ping();
    ok = pong === 'PONG';
    message = ok ? `${redactedRedisUrl(url)} answered PING.` : `${redactedRedisUrl(url)} answered ${pong} instead of PONG.`;
  } catch (e) {
    const reason = (e as Error).message.replace(url, redactedRedisUrl(url));
    message = `${redactedRedisUrl(url)} does not answer: ${reason}`;
  } finally {
    client.disconnect();
  }
  return {
    ok,
    message,
    latencyMs: ok ? Date.now() - started : null,
    breaker: ctx.quotas.breakerState(),
    quotaStore: ctx.quotas.storeKind(),
  };
}

/** Launches the browser at a path (or the one Rapport would pick), reads its version, closes it. */
export async function testBrowser(ctx: CoreContext, executablePath: string | undefined) {
  let candidates;
  try {
    candidates = discoverBrowsers({ executablePath: executablePath ?? ctx.settings.get().browser.executablePath, env: ctx.env });
  } catch (e) {
    const message = e instanceof RapportError ? e.message : String(e);
    return { ok: false, executablePath: executablePath ?? null, version: null, message };
  }
  const candidate = candidates[0];
  const label = candidate.kind === 'path' ? candidate.executablePath : `channel ${candidate.channel}`;
  try {
    const browser = await chromium.launch({
      ...(candidate.kind === 'path' ? { executablePath: candidate.executablePath } : { channel: candidate.channel }),
      headless: true,
      args: [...BROWSER_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      timeout: BROWSER_TIMEOUT_MS,
    });
    const version = browser.version();
    await browser.close();
    return { ok: true, executablePath: label, version, message: `${label} started: version ${version}.` };
  } catch (e) {
    const reason = (e as Error).message.split('\n')[0];
    return { ok: false, executablePath: label, version: null, message: `${label} did not start: ${reason}` };
  }
}
