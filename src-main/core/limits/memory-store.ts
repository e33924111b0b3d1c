import type { QuotaName } from '../../../src-shared/domain.js';
import { storeKey, type StoreOutcome, type StoreWindow } from './store.js';

interface Counter {
  used: number;
  expiresAtMs: number;
}

/**
 * In-process quota counts. Every method is synchronous, so a check and its increment can never be
 * interleaved with another acquisition in this process.
 */
export class MemoryQuotaStore {
  private readonly counters = new Map<string, Counter>();

  /**
   * Grants `n` from every window or from none. `persist` runs after the check and before the counts
   * change; if it throws, nothing is granted (that is how the ledger write joins the same step).
   */
  acquire(quota: QuotaName, windows: readonly StoreWindow[], n: number, nowMs: number, persist?: (o: StoreOutcome) => void): StoreOutcome {
    this.prune(nowMs);
    const current = windows.map((w) => Math.max(this.counters.get(storeKey('', quota, w.key))?.used ?? 0, w.floor));
    const granted = windows.every((w, i) => current[i] + n <= w.limit);
    const outcome: StoreOutcome = { granted, counts: granted ? current.map((c) => c + n) : current };
    persist?.(outcome);
    windows.forEach((w, i) => this.set(quota, w, outcome.counts[i]));
    return outcome;
  }

  /** Gives back `n` units in each window; the floor keeps a count the ledger still holds. */
  release(quota: QuotaName, windows: readonly StoreWindow[], n: number): number[] {
    return windows.map((w) => {
      const next = Math.max(0, Math.max(this.peekOne(quota, w.key), w.floor) - n);
      this.set(quota, w, next);
      return next;
    });
  }

  peek(quota: QuotaName, windowKeys: readonly string[]): number[] {
    return windowKeys.map((k) => this.peekOne(quota, k));
  }

  /** Raises counters to what another store reported, so a later fallback starts from the latest known counts. */
  observe(quota: QuotaName, windows: readonly StoreWindow[], counts: readonly number[]): void {
    windows.forEach((w, i) => this.set(quota, w, Math.max(this.peekOne(quota, w.key), counts[i])));
  }

  private peekOne(quota: QuotaName, windowKey: string): number {
    return this.counters.get(storeKey('', quota, windowKey))?.used ?? 0;
  }

  private set(quota: QuotaName, w: StoreWindow, used: number): void {
    this.counters.set(storeKey('', quota, w.key), { used, expiresAtMs: w.expiresAtMs });
  }

  private prune(nowMs: number): void {
    if (this.counters.size < 64) return;
    for (const [k, c] of this.counters) if (c.expiresAtMs <= nowMs) this.counters.delete(k);
  }
}
