import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { RunsQuery } from '../../../src-shared/contract.js';
import type { Run } from '../../../src-shared/domain.js';
import { RapportError } from '../../../src-shared/errors.js';
import type { Db } from './db.js';
import type { Page } from './contacts-repo.js';
import { campaignRuns } from './schema.js';

export class RunsRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  start(kind: Run['kind'], trigger: Run['trigger'], dryRun: boolean, searches: string[] | null = null): Run {
    return this.db
      .insert(campaignRuns)
      .values({ kind, trigger, dryRun, status: 'running', counts: {}, startedAt: this.now().toISOString(), searches })
      .returning()
      .get() as Run;
  }

  updateCounts(id: number, counts: Record<string, number>): void {
    this.db.update(campaignRuns).set({ counts }).where(eq(campaignRuns.id, id)).run();
  }

  finish(
    id: number,
    status: Exclude<Run['status'], 'running'>,
    counts: Record<string, number>,
    error?: { code: string; message: string } | null,
  ): Run {
    return this.db
      .update(campaignRuns)
      .set({
        status,
        counts,
        errorCode: error?.code ?? null,
        errorMessage: error?.message ?? null,
        finishedAt: this.now().toISOString(),
      })
      .where(eq(campaignRuns.id, id))
      .returning()
      .get() as Run;
  }

  get(id: number): Run | null {
    return (this.db.select().from(campaignRuns).where(eq(campaignRuns.id, id)).get() as Run | undefined) ?? null;
  }

  mustGet(id: number): Run {
    const run = this.get(id);
    if (!run) throw new RapportError('NOT_FOUND', `No run with id ${id}.`, { id });
    return run;
  }

  latest(): Run | null {
    return (this.db.select().from(campaignRuns).orderBy(desc(campaignRuns.id)).limit(1).get() as Run | undefined) ?? null;
  }

  latestOfKind(kind: Run['kind']): Run | null {
    return (
      (this.db.select().from(campaignRuns).where(eq(campaignRuns.kind, kind)).orderBy(desc(campaignRuns.id)).limit(1).get() as
        | Run
        | undefined) ?? null
    );
  }

  /** When a run of `kind` last succeeded, or null if none has. */
  lastSucceededAt(kind: Run['kind']): string | null {
    const row = this.db
      .select({ finishedAt: campaignRuns.finishedAt })
      .from(campaignRuns)
      .where(and(eq(campaignRuns.kind, kind), eq(campaignRuns.status, 'succeeded')))
      .orderBy(desc(campaignRuns.id))
      .limit(1)
      .get();
    return row?.finishedAt ?? null;
  }

  list(page: number, pageSize: number, { kind, status, search }: Pick<RunsQuery, 'kind' | 'status' | 'search'> = {}): Page<Run> {
    const filters: SQL[] = [];
    if (kind) filters.push(eq(campaignRuns.kind, kind));
    if (status) filters.push(eq(campaignRuns.status, status));
    if (search !== undefined) {
      filters.push(sql`exists (select 1 from json_each(${campaignRuns.searches}) where json_each.value = ${search})`);
    }
    const where = filters.length ? and(...filters) : undefined;
    const total = this.db.select({ n: count() }).from(campaignRuns).where(where).get()?.n ?? 0;
    const items = this.db
      .select()
      .from(campaignRuns)
      .where(where)
      .orderBy(desc(campaignRuns.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .all() as Run[];
    return { items, total, page, pageSize };
  }

  /** The newest run marked `running` (another process's run, seen by a read-only core). */
  latestRunning(): Run | null {
    return (
      (this.db.select().from(campaignRuns).where(eq(campaignRuns.status, 'running')).orderBy(desc(campaignRuns.id)).limit(1).get() as
        | Run
        | undefined) ?? null
    );
  }

  /** A run still `running` when the app starts was cut short by a crash or a kill. */
  markRunningInterrupted(): Run[] {
    return this.db
      .update(campaignRuns)
      .set({
        status: 'interrupted',
        errorCode: 'INTERRUPTED',
        errorMessage: 'The app stopped while this run was in progress.',
        finishedAt: this.now().toISOString(),
      })
      .where(eq(campaignRuns.status, 'running'))
      .returning()
      .all() as Run[];
  }
}
