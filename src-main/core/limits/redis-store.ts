import { Redis, type RedisOptions } from 'ioredis';
import type { QuotaName } from '../../../src-shared/domain.js';
import type { Logger } from '../log.js';
import type { Metrics, REDIS_OPERATIONS } from '../metrics.js';
import { storeKey, type StoreOutcome, type StoreWindow } from './store.js';

/**
 * KEYS: one counter per window. ARGV: n, then per window limit, floor, ttl ms.
 * Checks every window and increments all of them or none, setting the TTL in the same step; the
 * floor (the durable ledger count) means a flushed or expired key can never grant more than before.
 * The reply is built with a table constructor: ioredis-mock's Lua bridge only turns those into arrays.
 */
export const ACQUIRE_LUA = `
local n = tonumber(ARGV[1])
local counts = {}
local ok = 1
for i = 1, #KEYS do
  local limit = tonumber(ARGV[(i - 1) * 3 + 2])
  local floor = tonumber(ARGV[(i - 1) * 3 + 3])
  local used = tonumber(redis.call('GET', KEYS[i]) or '0') or 0
  if floor > used then used = floor end
  counts[i] = used
  if used + n > limit then ok = 0 end
end
for i = 1, #KEYS do
  if ok == 1 then counts[i] = counts[i] + n end
  redis.call('SET', KEYS[i], counts[i], 'PX', tonumber(ARGV[(i - 1) * 3 + 4]))
end
return { ok, counts[1], counts[2] }
`;

/** Same KEYS/ARGV layout (limit unused). Gives back n units per window, never below 0. */
export const RELEASE_LUA = `
local n = tonumber(ARGV[1])
local counts = {}
for i = 1, #KEYS do
  local floor = tonumber(ARGV[(i - 1) * 3 + 3])
  local used = tonumber(redis.call('GET', KEYS[i]) or '0') or 0
  if floor > used then used = floor end
  local nextUsed = used - n
  if nextUsed < 0 then nextUsed = 0 end
  redis.call('SET', KEYS[i], nextUsed, 'PX', tonumber(ARGV[(i - 1) * 3 + 4]))
  counts[i] = nextUsed
end
return { counts[1], counts[2] }
`;

interface QuotaCommands {
  rapportQuotaAcquire(...args: (string | number)[]): Promise<number[]>;
  rapportQuotaRelease(...args: (string | number)[]): Promise<number[]>;
}
type ScriptedRedis = Redis & QuotaCommands;

export interface RedisStoreOptions {
  url: string;
  metrics: Metrics;
  logger: Logger;
  /** A command slower than this fails (and counts against the breaker) instead of hanging a run. */
  commandTimeoutMs?: number;
  connectTimeoutMs?: number;
  keyPrefix?: string;
  /** Tests pass ioredis-mock here. */
  createClient?: (url: string, options: RedisOptions) => Redis;
}

export const DEFAULT_COMMAND_TIMEOUT_MS = 750;
const WINDOW_COUNT = 2;

export function redisClientOptions(commandTimeoutMs: number, connectTimeoutMs: number): RedisOptions {
  return {
    lazyConnect: true,
    // Fail at once while disconnected: the breaker and the memory fallback take over, nothing queues.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: connectTimeoutMs,
    // Keep reconnecting in the background; the breaker decides when to try Redis again.
    retryStrategy: (times: number) => Math.min(100 * times, 1000),
  };
}

/** Quota counters in Redis: one Lua script per operation, keys named after the window they count. */
export class RedisQuotaStore {
  readonly url: string;
  private readonly client: ScriptedRedis;
  private readonly prefix: string;
  private closing = false;

  constructor(private readonly options: RedisStoreOptions) {
    this.url = options.url;
    this.prefix = options.keyPrefix ?? 'rapport:quota:';
    const clientOptions = redisClientOptions(
      options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
      options.connectTimeoutMs ?? 1000,
    );
    const client = options.createClient ? options.createClient(options.url, clientOptions) : new Redis(options.url, clientOptions);
    // defineCommand runs EVALSHA and falls back to EVAL: no SCRIPT LOAD (which ioredis-mock cannot do).
    // The key count is fixed (ioredis-mock ignores a count passed per call): every quota has a day and a week.
    client.defineCommand('rapportQuotaAcquire', { numberOfKeys: WINDOW_COUNT, lua: ACQUIRE_LUA });
    client.defineCommand('rapportQuotaRelease', { numberOfKeys: WINDOW_COUNT, lua: RELEASE_LUA });
    // A failed (re)connection emits 'error'; a lost connection only 'close': both are connection errors.
    let connected = false;
    client.on('ready', () => (connected = true));
    client.on('close', () => {
      if (connected && !this.closing) {
        options.metrics.redisConnectionErrors.inc();
        options.logger.warn('redis connection lost');
      }
      connected = false;
    });
    client.on('error', (e: Error) => {
      options.metrics.redisConnectionErrors.inc();
      options.logger.debug({ err: e.message }, 'redis connection error');
    });
    this.client = client as ScriptedRedis;
  }

  /** Starts connecting; resolves true once ready, false after `timeoutMs` (it keeps trying in the background). */
  async connect(timeoutMs: number): Promise<boolean> {
    if (this.client.status === 'ready') return true;
    if (this.client.status === 'wait') this.client.connect().catch(() => undefined);
    return new Promise<boolean>((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.client.off('ready', onReady);
        resolve(ok);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.client.once('ready', onReady);
      if (this.client.status === 'ready') done(true);
    });
  }

  async acquire(quota: QuotaName, windows: readonly StoreWindow[], n: number, nowMs: number): Promise<StoreOutcome> {
    const reply = await this.timed('acquire', () => this.client.rapportQuotaAcquire(...this.args(quota, windows, n, nowMs)));
    const [ok, ...counts] = reply.map(Number);
    if (counts.length !== windows.length || counts.some((c) => !Number.isFinite(c))) {
      throw new Error(`unexpected reply from the quota script: ${JSON.stringify(reply)}`);
    }
    return { granted: ok === 1, counts };
  }

  async release(quota: QuotaName, windows: readonly StoreWindow[], n: number, nowMs: number): Promise<number[]> {
    const reply = await this.timed('release', () => this.client.rapportQuotaRelease(...this.args(quota, windows, n, nowMs)));
    return reply.map(Number);
  }

  async peek(quota: QuotaName, windowKeys: readonly string[]): Promise<number[]> {
    const keys = windowKeys.map((k) => storeKey(this.prefix, quota, k));
    const values = await this.timed('peek', () => this.client.mget(...keys));
    return values.map((v) => Number(v ?? 0) || 0);
  }

  async ping(): Promise<void> {
    await this.timed('ping', () => this.client.ping());
  }

  async close(): Promise<void> {
    // disconnect, not quit: quit waits for a reply a hung server never sends.
    this.closing = true;
    this.client.disconnect();
  }

  private args(quota: QuotaName, windows: readonly StoreWindow[], n: number, nowMs: number): (string | number)[] {
    if (windows.length !== WINDOW_COUNT) throw new Error(`a quota has ${WINDOW_COUNT} windows, got ${windows.length}`);
    const keys = windows.map((w) => storeKey(this.prefix, quota, w.key));
    const argv = windows.flatMap((w) => [w.limit, w.floor, Math.max(1000, w.expiresAtMs - nowMs)]);
    return [...keys, n, ...argv];
  }

  private async timed<T>(operation: (typeof REDIS_OPERATIONS)[number], fn: () => Promise<T>): Promise<T> {
    const stop = this.options.metrics.redisDuration.startTimer({ operation });
    try {
      const result = await fn();
      this.options.metrics.redisOperations.inc({ operation, status: 'ok' });
      return result;
    } catch (e) {
      this.options.metrics.redisOperations.inc({ operation, status: 'error' });
      throw e;
    } finally {
      stop();
    }
  }
}
