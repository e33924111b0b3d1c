import type Database from 'better-sqlite3';
import type { QuotaName } from '../../../src-shared/domain.js';
import { INTERACTION_TYPE } from './quota.js';

export interface LedgerEntry {
  windowKey: string;
  used: number;
}

/**
 * The durable floor under every quota count (`quota_ledger`). Counts only go up, through
 * `max(used, x)` upserts, except the explicit decrement of a release. All writes are synchronous
 * (better-sqlite3), so callers can persist a grant before they hand it back.
 */
export class QuotaLedger {
  private readonly readStmt: Database.Statement<[string, string], { used: number }>;
  private readonly raiseStmt: Database.Statement<[string, string, number, string]>;
  private readonly lowerStmt: Database.Statement<[number, string, string, string]>;
  private readonly interactionsStmt: Database.Statement<[string, string, string], { n: number }>;
  /** BEGIN IMMEDIATE takes the write lock up front, so read-check-write is atomic across processes too. */
  private readonly inImmediate: <T>(fn: () => T) => T;

  constructor(private readonly sqlite: Database.Database) {
    this.readStmt = sqlite.prepare('select used from quota_ledger where quota = ? and window_key = ?');
    this.raiseStmt = sqlite.prepare(
      `insert into quota_ledger (quota, window_key, used, updated_at) values (?, ?, ?, ?)
       on conflict (quota, window_key) do update set used = excluded.used, updated_at = excluded.updated_at
       where excluded.used > quota_ledger.used`,
    );
    this.lowerStmt = sqlite.prepare(
      'update quota_ledger set used = max(0, used - ?), updated_at = ? where quota = ? and window_key = ?',
    );
    this.interactionsStmt = sqlite.prepare(
      `select count(*) as n from interactions
       where type = ? and status in ('sent', 'pending') and occurred_at >= ? and occurred_at < ?`,
    );
    const tx = sqlite.transaction((fn: () => unknown) => fn());
    this.inImmediate = <T>(fn: () => T) => tx.immediate(fn) as T;
  }

  read(quota: QuotaName, windowKeys: readonly string[]): number[] {
    return windowKeys.map((k) => this.readStmt.get(quota, k)?.used ?? 0);
  }

  /** Raises each window to at least `used`; never lowers. */
  raise(quota: QuotaName, entries: readonly LedgerEntry[], nowIso: string): void {
    this.immediate(() => {
      for (const e of entries) this.raiseStmt.run(quota, e.windowKey, e.used, nowIso);
    });
  }

  /** The one way down: gives back `n` units in each window (never below 0). */
  lower(quota: QuotaName, windowKeys: readonly string[], n: number, nowIso: string): void {
    this.immediate(() => {
      for (const k of windowKeys) this.lowerStmt.run(n, nowIso, quota, k);
    });
  }

  /** Units LinkedIn saw or may have seen (sent or pending) in [start, end). */
  consumed(quota: QuotaName, startIso: string, endIso: string): number {
    return this.interactionsStmt.get(INTERACTION_TYPE[quota], startIso, endIso)?.n ?? 0;
  }

  /** Runs `fn` in one write transaction; nested calls join the outer one. */
  immediate<T>(fn: () => T): T {
    return this.sqlite.inTransaction ? fn() : this.inImmediate(fn);
  }

  /** Throws when the ledger cannot be read (readiness). */
  ping(): void {
    this.readStmt.get('messages', '');
  }
}
