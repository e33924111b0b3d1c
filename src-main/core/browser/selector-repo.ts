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

/** The `selectors` table: built-in candidates, their counters, and the health view. */
export class SelectorRepository {
  constructor(private readonly db: Db) {}

  /** Upserts the built-in catalogue, keeping counters; drops built-ins a newer catalogue no longer has. */
  seed(catalogue: TargetSpec[]): void {
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

  ranked(target: string): CandidateRow[] {
    return rankCandidates(this.db.select().from(selectors).where(eq(selectors.target, target)).all());
  }

  record(attempts: Attempt[], at: string): void {
    if (attempts.length === 0) return;
    this.db.transaction((tx) => {
      for (const a of attempts) {
        tx.update(selectors)
          .set(
            a.ok
              ? { successes: sql`${selectors.successes} + 1`, lastSuccessAt: at }
              : { failures: sql`${selectors.failures} + 1`, lastFailureAt: at },
          )
          .where(eq(selectors.id, a.id))
          .run();
      }
    });
  }

  health(): TargetHealth[] {
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
