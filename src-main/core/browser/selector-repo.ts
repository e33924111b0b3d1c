import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../store/db.js';
import { selectors } from '../store/schema.js';
import type { TargetSpec } from './selector-catalogue.js';

export type CandidateRow = typeof selectors.$inferSelect;

export type TargetState = 'healthy' | 'degraded' | 'failing' | 'unused';

export interface TargetHealth {
  target: string;
  state: TargetState;
  candidates: CandidateRow[];
}

/** The outcome of one resolution: which candidates were tried and whether each matched. */
export interface Attempt {
  id: number;
  ok: boolean;
}

/** A candidate whose latest result is a failure goes behind those that still work. */
function isFailingNow(c: CandidateRow): boolean {
  return c.lastFailureAt !== null && (c.lastSuccessAt === null || c.lastFailureAt > c.lastSuccessAt);
}

/**
 * Rank order: candidates that currently work first, then by successes, then by most recent
 * success, then by the catalogue's priority. So a layout that flips between generations keeps
 * using what worked last without forgetting the catalogue's order.
 */
export function rankCandidates(rows: CandidateRow[]): CandidateRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(isFailingNow(a)) - Number(isFailingNow(b)) ||
      b.successes - a.successes ||
      (b.lastSuccessAt ?? '').localeCompare(a.lastSuccessAt ?? '') ||
      a.priority - b.priority ||
      a.id - b.id,
  );
}

/** State of a target from its candidates' counters (timestamps of one resolution are identical). */
export function targetState(rows: CandidateRow[]): TargetState {
  const lastSuccess = rows.reduce<string | null>((m, r) => (r.lastSuccessAt && (!m || r.lastSuccessAt > m) ? r.lastSuccessAt : m), null);
  const lastFailure = rows.reduce<string | null>((m, r) => (r.lastFailureAt && (!m || r.lastFailureAt > m) ? r.lastFailureAt : m), null);
  if (!lastSuccess && !lastFailure) return 'unused';
  if (!lastSuccess || (lastFailure && lastFailure > lastSuccess)) return 'failing';
  // A failure recorded in the same resolution as the latest success means a fallback was needed.
  return lastFailure === lastSuccess ? 'degraded' : 'healthy';
}

/** Counter changes not yet written: successes and failures to add, and the latest time of each. */
interface PendingCounts {
  successes: number;
  failures: number;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
}

/**
 * The `selectors` table: built-in candidates, their counters, and the health view.
 *
 * A run resolves the same few targets over and over, so the candidates of a target are read once and
 * kept in memory, and counters are applied to that copy at once (the rank order reacts to a fallback
 * straight away) but written in one transaction per page (`flush`), not one per hit. The repository
 * is the only writer of the table; `health` and `seed` flush first, so nothing is ever reported stale.
 */
export class SelectorRepository {
  private readonly rows = new Map<string, CandidateRow[]>();
  private readonly byId = new Map<number, CandidateRow>();
  private readonly pending = new Map<number, PendingCounts>();

  constructor(private readonly db: Db) {}

  /** Whether the table already holds exactly this catalogue's built-ins (then seeding writes nothing). */
  private holds(catalogue: TargetSpec[]): boolean {
    const stored = this.db
      .select({ target: selectors.target, locator: selectors.locator, locale: selectors.locale, priority: selectors.priority, origin: selectors.origin })
      .from(selectors)
      .all();
    const key = (target: string, locator: string) => `${target}\u0000${locator}`;
    const byKey = new Map(stored.map((r) => [key(r.target, r.locator), r]));
    const wanted = new Set<string>();
    for (const spec of catalogue) {
      for (const [priority, c] of spec.candidates.entries()) {
        const row = byKey.get(key(spec.target, c.locator));
        if (!row || row.origin !== 'builtin' || row.priority !== priority || row.locale !== c.locale) return false;
        wanted.add(key(spec.target, c.locator));
      }
    }
    const targets = new Set(catalogue.map((spec) => spec.target));
    return stored.every((r) => r.origin !== 'builtin' || !targets.has(r.target) || wanted.has(key(r.target, r.locator)));
  }

  /**
   * Upserts the built-in catalogue, keeping counters; drops built-ins a newer catalogue no longer has.
   * Writes nothing when the table already holds it: loading the engine must not change the database.
   */
  seed(catalogue: TargetSpec[]): void {
    this.flush();
    this.rows.clear();
    this.byId.clear();
    if (this.holds(catalogue)) return;
    this.db.transaction((tx) => {
      for (const spec of catalogue) {
        spec.candidates.forEach((c, priority) => {
          tx.insert(selectors)
            .values({ target: spec.target, locator: c.locator, locale: c.locale, priority, origin: 'builtin' })
            .onConflictDoUpdate({
              target: [selectors.target, selectors.locator],
              set: { priority, locale: c.locale, origin: 'builtin' },
            })
            .run();
        });
        tx.delete(selectors)
          .where(
            and(
              eq(selectors.target, spec.target),
              eq(selectors.origin, 'builtin'),
              notInArray(
                selectors.locator,
                spec.candidates.map((c) => c.locator),
              ),
            ),
          )
          .run();
      }
    });
  }

  private candidates(target: string): CandidateRow[] {
    let rows = this.rows.get(target);
    if (!rows) {
      rows = this.db.select().from(selectors).where(eq(selectors.target, target)).all();
      this.rows.set(target, rows);
      for (const row of rows) this.byId.set(row.id, row);
    }
    return rows;
  }

  ranked(target: string): CandidateRow[] {
    return rankCandidates(this.candidates(target));
  }

  /** Counts the outcome of one resolution: in memory now, in the table at the next `flush`. */
  record(attempts: Attempt[], at: string): void {
    for (const a of attempts) {
      const row = this.byId.get(a.id);
      const p = this.pending.get(a.id) ?? { successes: 0, failures: 0, lastSuccessAt: null, lastFailureAt: null };
      if (a.ok) {
        p.successes += 1;
        p.lastSuccessAt = at;
        if (row) [row.successes, row.lastSuccessAt] = [row.successes + 1, at];
      } else {
        p.failures += 1;
        p.lastFailureAt = at;
        if (row) [row.failures, row.lastFailureAt] = [row.failures + 1, at];
      }
      this.pending.set(a.id, p);
    }
  }

  /** Writes the counted outcomes in one transaction (the engine calls it once per page and at the end). */
  flush(): void {
    if (this.pending.size === 0) return;
    const entries = [...this.pending.entries()];
    this.pending.clear();
    this.db.transaction((tx) => {
      for (const [id, p] of entries) {
        tx.update(selectors)
          .set({
            successes: sql`${selectors.successes} + ${p.successes}`,
            failures: sql`${selectors.failures} + ${p.failures}`,
            ...(p.lastSuccessAt ? { lastSuccessAt: p.lastSuccessAt } : {}),
            ...(p.lastFailureAt ? { lastFailureAt: p.lastFailureAt } : {}),
          })
          .where(eq(selectors.id, id))
          .run();
      }
    });
  }

  health(): TargetHealth[] {
    this.flush();
    const rows = this.db.select().from(selectors).all();
    const byTarget = new Map<string, CandidateRow[]>();
    for (const r of rows) byTarget.set(r.target, [...(byTarget.get(r.target) ?? []), r]);
    return [...byTarget.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([target, candidates]) => ({
        target,
        state: targetState(candidates),
        candidates: [...candidates].sort((a, b) => a.priority - b.priority || a.id - b.id),
      }));
  }
}
