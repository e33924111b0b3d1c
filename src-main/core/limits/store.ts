import type { QuotaName } from '../../../src-shared/domain.js';

/** One window of a store request: counts never exceed `limit`, and never start below `floor`. */
export interface StoreWindow {
  key: string;
  limit: number;
  /** Durable count from the ledger: a store that lost its state still starts from here. */
  floor: number;
  /** When the counter may be forgotten: window end plus a grace (epoch ms on the caller's clock). */
  expiresAtMs: number;
}

export interface StoreOutcome {
  granted: boolean;
  /** Count per window after the call, in request order. */
  counts: number[];
}

/** Margin after a window ends before its counter is dropped, so clock skew cannot forget a live window. */
export const EXPIRY_GRACE_MS = 3_600_000;

export function storeKey(prefix: string, quota: QuotaName, windowKey: string): string {
  // The {hash tag} keeps a quota's windows in one Redis Cluster slot, as one script touches them all.
  return `${prefix}{${quota}}:${windowKey}`;
}
