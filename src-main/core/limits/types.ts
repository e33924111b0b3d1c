import type Database from 'better-sqlite3';
import type { QuotaName, QuotaUsage } from '../../../src-shared/domain.js';
import type { Settings } from '../../../src-shared/settings.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { Clock } from '../util/runtime.js';

export interface AcquireResult {
  quota: QuotaName;
  granted: boolean;
  /** Units left after this call in each window. */
  remaining: { day: number; week: number };
  /** When the window that limits the most resets (ISO). */
  resetsAt: string;
}

export type QuotaStoreKind = 'redis' | 'memory-fallback' | 'memory';

/** The one way the app spends quota. Implementations are hard ceilings: see SPEC §3. */
export interface QuotaService {
  acquire(quota: QuotaName, n?: number): Promise<AcquireResult>;
  /** Gives back units acquired but not used (the send failed before LinkedIn saw it). */
  release(quota: QuotaName, n?: number): Promise<void>;
  usage(): Promise<QuotaUsage[]>;
  storeKind(): QuotaStoreKind;
  /** The Redis circuit breaker's state; 'none' when no Redis URL is set (memory store). */
  breakerState(): 'closed' | 'open' | 'half-open' | 'none';
  /** Readiness: ok when the store answers or the fallback is active (and says so). */
  check(): Promise<{ ok: boolean; detail: string }>;
  close(): Promise<void>;
}

export interface QuotaDeps {
  sqlite: Database.Database;
  settings: () => Settings;
  clock: Clock;
  metrics: Metrics;
  logger: Logger;
  /** When the LinkedIn account was connected, for the warm-up ramp; null when unknown. */
  accountConnectedAt: () => Date | null;
  /** Another process owns the data folder: read counts, never write the ledger. */
  readOnly?: boolean;
}
