import type { Redis, RedisOptions } from 'ioredis';
import { QUOTA_NAMES, type QuotaName, type QuotaUsage } from '../../../src-shared/domain.js';
import { RapportError } from '../../../src-shared/errors.js';
import type { Settings } from '../../../src-shared/settings.js';
import { BREAKER_STATE_VALUE, CircuitBreaker, type BreakerState } from './breaker.js';
import { ModeGate } from './gate.js';
import { QuotaLedger } from './ledger.js';
import { MemoryQuotaStore } from './memory-store.js';
import { planFor, resultFor, type QuotaPlan } from './quota.js';
import type { RedisQuotaStore } from './redis-store.js';
import { EXPIRY_GRACE_MS, type StoreOutcome, type StoreWindow } from './store.js';
import type { AcquireResult, QuotaDeps, QuotaService, QuotaStoreKind } from './types.js';

/** Knobs for tests and benchmarks; the app uses the defaults. */
export interface QuotaServiceOptions {
  createRedisClient?: (url: string, options: RedisOptions) => Redis;
  commandTimeoutMs?: number;
  /** How long start-up (or a changed URL) waits for Redis before serving from the fallback. */
  connectTimeoutMs?: number;
  keyPrefix?: string;
  breaker?: { failureThreshold?: number; baseDelayMs?: number; maxDelayMs?: number };
}

interface RedisBackend {
  url: string;
  store: RedisQuotaStore;
  breaker: CircuitBreaker;
}

/** A grant this process may still give back; release never returns more than was acquired here. */
interface Grant {
  windows: { key: string; expiresAtMs: number }[];
  n: number;
}

const MAX_TRACKED_GRANTS = 256;

function persistError(e: unknown): RapportError {
  if (e instanceof RapportError) return e;
  return new RapportError('DATABASE_UNAVAILABLE', `Cannot record quota use in the ledger: ${(e as Error).message}`);
}

function assertUnits(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RapportError('VALIDATION_FAILED', `Quota units must be a positive integer, got ${String(n)}.`);
  }
}

class DefaultQuotaService implements QuotaService {
  private readonly memory = new MemoryQuotaStore();
  private readonly gate = new ModeGate();
  private readonly grants: Record<QuotaName, Grant[]> = { messages: [], visits: [] };
  private readonly reconciledWindows = new Map<QuotaName, string>();
  private backend: RedisBackend | null = null;
  private backendPending: Promise<RedisBackend | null> | null = null;
  private closed = false;

  constructor(
    private readonly deps: QuotaDeps,
    private readonly ledger: QuotaLedger,
    private readonly options: QuotaServiceOptions,
  ) {}

  async acquire(quota: QuotaName, n = 1): Promise<AcquireResult> {
    assertUnits(n);
    const settings = this.deps.settings();
    const now = this.deps.clock.now();
    const plan = this.plan(quota, settings, now);
    const backend = await this.backendFor(settings);
    const outcome =
      (backend && (await this.acquireRedis(backend, plan, n, now))) ??
      (await this.gate.exclusive(() => this.acquireMemory(plan, n, now)));
    if (outcome.granted) this.track(quota, plan, n, now);
    const result = resultFor(plan, outcome.granted, outcome.counts, n);
    this.deps.metrics.rateLimitHits.inc({ quota, result: outcome.granted ? 'granted' : 'denied' });
    this.setRemaining(quota, result.remaining);
    return result;
  }

  async release(quota: QuotaName, n = 1): Promise<void> {
    assertUnits(n);
    const now = this.deps.clock.now();
    const taken = this.untrack(quota, n);
    if (taken.total < n) {
      this.deps.logger.warn({ quota, requested: n, released: taken.total }, 'release of more quota than this process acquired; ignoring the rest');
    }
    const backend = await this.backendFor(this.deps.settings());
    for (const g of taken.grants) {
      const windows = (floors: number[]): StoreWindow[] =>
        g.windows.map((w, i) => ({ key: w.key, expiresAtMs: w.expiresAtMs, limit: 0, floor: floors[i] }));
      const keys = g.windows.map((w) => w.key);
      if (backend) {
        await this.viaRedis(backend, (store) => store.release(quota, windows(this.floors(quota, keys)), g.n, now.getTime()));
      }
      await this.gate.exclusive(() => {
        try {
          this.ledger.immediate(() => {
            this.memory.release(quota, windows(this.ledger.read(quota, keys)), g.n);
            this.ledger.lower(quota, keys, g.n, now.toISOString());
          });
        } catch (e) {
          throw persistError(e);
        }
      });
    }
  }

  async usage(): Promise<QuotaUsage[]> {
    const settings = this.deps.settings();
    const now = this.deps.clock.now();
    const backend = await this.backendFor(settings);
    const out: QuotaUsage[] = [];
    for (const quota of QUOTA_NAMES) {
      const plan = this.plan(quota, settings, now);
      const keys = plan.windows.map((w) => w.key);
      const ledger = this.floors(quota, keys, persistError);
      const memory = this.memory.peek(quota, keys);
      const redis = backend ? await this.viaRedis(backend, (store) => store.peek(quota, keys)) : null;
      const used = keys.map((_, i) => Math.max(ledger[i], memory[i], redis?.[i] ?? 0));
      const [day, week] = plan.windows.map((w, i) => ({ used: used[i], limit: w.limit, resetsAt: w.end.toISOString() }));
      out.push({ quota, day, week, warmup: plan.warmup });
      this.setRemaining(quota, { day: Math.max(0, day.limit - day.used), week: Math.max(0, week.limit - week.used) });
    }
    return out;
  }

  storeKind(): QuotaStoreKind {
    if (!this.deps.settings().limits.redisUrl) return 'memory';
    // Half-open still means the fallback serves everything but the one probe.
    const state = this.backend?.breaker.state ?? 'closed';
    return state === 'closed' ? 'redis' : 'memory-fallback';
  }

  breakerState(): 'closed' | 'open' | 'half-open' | 'none' {
    if (!this.deps.settings().limits.redisUrl) return 'none';
    return this.backend?.breaker.state ?? 'closed';
  }

  async check(): Promise<{ ok: boolean; detail: string }> {
    try {
      this.ledger.ping();
    } catch (e) {
      return { ok: false, detail: `quota ledger unavailable: ${(e as Error).message}` };
    }
    const backend = await this.backendFor(this.deps.settings());
    if (!backend) return { ok: true, detail: 'memory' };
    const pong = await this.viaRedis(backend, (store) => store.ping().then(() => true));
    if (pong) return { ok: true, detail: 'redis' };
    return { ok: true, detail: 'memory-fallback: Redis is unavailable; quotas are served from memory seeded by the ledger' };
  }

  async close(): Promise<void> {
    this.closed = true;
    const backend = this.backend ?? (await this.backendPending);
    this.backend = null;
    await backend?.store.close();
  }

  /** Current windows and limits; the first time a window is used, its count is raised to the interactions it holds. */
  private plan(quota: QuotaName, settings: Settings, now: Date): QuotaPlan {
    const plan = planFor(quota, settings, this.deps.accountConnectedAt(), now);
    this.reconcile(plan);
    return plan;
  }

  /** Ledger = max(ledger, sent-or-pending interactions in the window), so a lost ledger row cannot reopen budget. */
  private reconcile(plan: QuotaPlan): void {
    const id = plan.windows.map((w) => w.key).join('|');
    if (this.reconciledWindows.get(plan.quota) === id) return;
    try {
      const iso = this.deps.clock.now().toISOString();
      const entries = plan.windows
        .map((w) => ({ windowKey: w.key, used: this.ledger.consumed(plan.quota, w.start.toISOString(), w.end.toISOString()) }))
        .filter((e) => e.used > 0);
      if (entries.length > 0 && !this.deps.readOnly) this.ledger.raise(plan.quota, entries, iso);
    } catch (e) {
      throw persistError(e);
    }
    this.reconciledWindows.set(plan.quota, id);
  }

  /** Ledger counts; inside a Redis operation a failure here must be blamed on the ledger, not on Redis. */
  private floors(quota: QuotaName, keys: string[], wrap: (e: unknown) => Error = (e) => new LedgerFailure(e)): number[] {
    try {
      return this.ledger.read(quota, keys);
    } catch (e) {
      throw wrap(e);
    }
  }

  private storeWindows(plan: QuotaPlan, floors: number[]): StoreWindow[] {
    return plan.windows.map((w, i) => ({ key: w.key, limit: w.limit, floor: floors[i], expiresAtMs: w.end.getTime() + EXPIRY_GRACE_MS }));
  }

  /** Memory path: ledger read, check, increment and ledger write in one synchronous SQLite transaction. */
  private acquireMemory(plan: QuotaPlan, n: number, now: Date): StoreOutcome {
    const keys = plan.windows.map((w) => w.key);
    try {
      return this.ledger.immediate(() => {
        const windows = this.storeWindows(plan, this.ledger.read(plan.quota, keys));
        return this.memory.acquire(plan.quota, windows, n, now.getTime(), (o) => {
          if (o.granted) this.ledger.raise(plan.quota, keys.map((k, i) => ({ windowKey: k, used: o.counts[i] })), now.toISOString());
        });
      });
    } catch (e) {
      throw persistError(e);
    }
  }

  /** Redis path: null when Redis is refused or fails, so the caller falls back to memory. */
  private async acquireRedis(backend: RedisBackend, plan: QuotaPlan, n: number, now: Date): Promise<StoreOutcome | null> {
    const keys = plan.windows.map((w) => w.key);
    return this.viaRedis(backend, async (store) => {
      // Floors are read inside the shared gate: no memory grant can land between this read and the script.
      const outcome = await store.acquire(plan.quota, this.storeWindows(plan, this.floors(plan.quota, keys)), n, now.getTime());
      // Still inside the gate, and before the caller hears of the grant: a fallback grant that runs next
      // sees this count, and a crash after this line cannot forget it.
      try {
        this.ledger.raise(plan.quota, keys.map((k, i) => ({ windowKey: k, used: outcome.counts[i] })), now.toISOString());
      } catch (e) {
        throw new LedgerFailure(e);
      }
      this.memory.observe(plan.quota, this.storeWindows(plan, [0, 0]), outcome.counts);
      return outcome;
    });
  }

  /** Runs a Redis operation through the breaker inside the shared gate; null when refused or failed. */
  private async viaRedis<T>(backend: RedisBackend, op: (store: RedisQuotaStore) => Promise<T>): Promise<T | null> {
    await this.gate.enterShared();
    try {
      const permit = backend.breaker.tryPermit();
      if (!permit) return null;
      try {
        // Awaited inside the try, so a synchronous throw (a ledger read) is handled like a rejection.
        const result = await op(backend.store);
        backend.breaker.recordSuccess(permit);
        return result;
      } catch (e) {
        if (e instanceof LedgerFailure) {
          // Not Redis's fault: the permit says nothing about Redis; fail closed.
          backend.breaker.abandon(permit);
          throw persistError(e.cause);
        }
        backend.breaker.recordFailure(permit, e);
        this.deps.logger.warn({ err: (e as Error).message, state: backend.breaker.state }, 'redis quota operation failed');
        return null;
      }
    } finally {
      this.gate.leaveShared();
    }
  }

  private async backendFor(settings: Settings): Promise<RedisBackend | null> {
    while (this.backendPending) await this.backendPending;
    const url = settings.limits.redisUrl;
    if (this.closed) return null;
    if (this.backend?.url === url) return this.backend;
    this.backendPending = this.switchBackend(url);
    try {
      return await this.backendPending;
    } finally {
      this.backendPending = null;
    }
  }

  /** Settings may change the Redis URL at any time: drop the old client and connect the new one. */
  private async switchBackend(url: string | undefined): Promise<RedisBackend | null> {
    const old = this.backend;
    this.backend = null;
    if (old) {
      await old.store.close();
      this.setBreakerGauge('closed');
    }
    if (!url) return null;
    const { metrics, logger, clock } = this.deps;
    // Loaded on first use: a memory-only install never pays for ioredis.
    const { RedisQuotaStore } = await import('./redis-store.js');
    const store = new RedisQuotaStore({
      url,
      metrics,
      logger,
      commandTimeoutMs: this.options.commandTimeoutMs,
      keyPrefix: this.options.keyPrefix,
      createClient: this.options.createRedisClient,
    });
    const breaker = new CircuitBreaker({
      ...this.options.breaker,
      now: () => clock.now().getTime(),
      onFailure: () => metrics.circuitBreakerFailures.inc({ service: 'redis' }),
      onStateChange: (state, previous) => {
        this.setBreakerGauge(state);
        // Whenever the store changes hands, re-seed from the interactions table (the ledger is read on every call).
        this.reconciledWindows.clear();
        const log = state === 'closed' ? logger.info.bind(logger) : logger.warn.bind(logger);
        log({ state, previous, retryAt: new Date(breaker.retryAt).toISOString() }, `quota store circuit breaker ${state}`);
      },
    });
    const ready = await store.connect(this.options.connectTimeoutMs ?? 1000);
    if (!ready) logger.warn('redis is not reachable yet; quotas are served from memory until it answers');
    const backend = { url, store, breaker };
    if (this.closed) {
      await store.close();
      return null;
    }
    this.backend = backend;
    return backend;
  }

  private setBreakerGauge(state: BreakerState): void {
    this.deps.metrics.circuitBreakerState.set({ service: 'redis' }, BREAKER_STATE_VALUE[state]);
  }

  private setRemaining(quota: QuotaName, remaining: { day: number; week: number }): void {
    this.deps.metrics.rateLimitRemaining.set({ quota, window: 'day' }, remaining.day);
    this.deps.metrics.rateLimitRemaining.set({ quota, window: 'week' }, remaining.week);
  }

  private track(quota: QuotaName, plan: QuotaPlan, n: number, now: Date): void {
    const list = this.grants[quota];
    list.push({ n, windows: plan.windows.map((w) => ({ key: w.key, expiresAtMs: w.end.getTime() + EXPIRY_GRACE_MS })) });
    const nowMs = now.getTime();
    // Forget grants whose windows are over (nothing left to give back) and cap the list.
    while (list.length > 0 && (list.length > MAX_TRACKED_GRANTS || list[0].windows.every((w) => w.expiresAtMs <= nowMs))) {
      list.shift();
    }
  }

  private untrack(quota: QuotaName, n: number): { grants: Grant[]; total: number } {
    const list = this.grants[quota];
    const grants: Grant[] = [];
    let total = 0;
    while (total < n && list.length > 0) {
      const last = list[list.length - 1];
      const take = Math.min(last.n, n - total);
      grants.push({ windows: last.windows, n: take });
      total += take;
      if (take === last.n) list.pop();
      else last.n -= take;
    }
    return { grants, total };
  }
}

/** Marks a ledger read failure inside a Redis operation, so it is not blamed on Redis. */
class LedgerFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('ledger read failed');
  }
}

export async function createQuotaService(deps: QuotaDeps, options: QuotaServiceOptions = {}): Promise<QuotaService> {
  const service = new DefaultQuotaService(deps, new QuotaLedger(deps.sqlite), options);
  // Start-up: reconcile the ledger with the interactions table, connect Redis, publish remaining units.
  await service.usage();
  return service;
}
