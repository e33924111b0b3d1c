import { and, asc, count, desc, eq, gt, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { InteractionListItem, InteractionsExportQuery, InteractionsQuery } from '../../../src-shared/contract.js';
import type { Interaction } from '../../../src-shared/domain.js';
import type { Db } from './db.js';
import type { Page } from './contacts-repo.js';
import { contacts, interactions } from './schema.js';

export type InteractionWithContact = Interaction & { profileUrl: string; fullName: string };

export interface NewInteraction {
  contactId: number;
  runId: number | null;
  type: Interaction['type'];
  status: Interaction['status'];
  dedupeKey: string;
  payload: Record<string, unknown>;
  occurredAt?: string;
}

export class InteractionsRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** Inserts; returns null when the unique (contact, type, dedupe key) rule for sent/pending refuses it. */
  tryCreate(input: NewInteraction): Interaction | null {
    try {
      return this.create(input);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return null;
      throw e;
    }
  }

  create(input: NewInteraction): Interaction {
    return this.db
      .insert(interactions)
      .values({ ...input, occurredAt: input.occurredAt ?? this.now().toISOString() })
      .returning()
      .get() as Interaction;
  }

  setStatus(id: number, status: Interaction['status'], payloadPatch: Record<string, unknown> = {}): Interaction {
    const current = this.db.select().from(interactions).where(eq(interactions.id, id)).get();
    if (!current) throw new Error(`interaction ${id} not found`);
    return this.db
      .update(interactions)
      .set({ status, payload: { ...(current.payload as Record<string, unknown>), ...payloadPatch } })
      .where(eq(interactions.id, id))
      .returning()
      .get() as Interaction;
  }

  forContact(contactId: number, type?: Interaction['type']): Interaction[] {
    const where = type ? and(eq(interactions.contactId, contactId), eq(interactions.type, type)) : eq(interactions.contactId, contactId);
    return this.db.select().from(interactions).where(where).orderBy(desc(interactions.occurredAt)).all() as Interaction[];
  }

  withStatus(status: Interaction['status'], type?: Interaction['type']): Interaction[] {
    const where = type ? and(eq(interactions.status, status), eq(interactions.type, type)) : eq(interactions.status, status);
    return this.db.select().from(interactions).where(where).all() as Interaction[];
  }

  /** Units LinkedIn saw (or may have seen: pending) since a moment — the floor for quota reconciliation. */
  countConsumed(type: Interaction['type'], sinceIso: string): number {
    return (
      this.db
        .select({ n: count() })
        .from(interactions)
        .where(and(eq(interactions.type, type), inArray(interactions.status, ['sent', 'pending']), gte(interactions.occurredAt, sinceIso)))
        .get()?.n ?? 0
    );
  }

  /** Newest first, each with its contact's name and profile (the panel's lists show who it concerns). */
  list(query: InteractionsQuery): Page<InteractionListItem> {
    const filters: SQL[] = [];
    if (query.type) filters.push(eq(interactions.type, query.type));
    if (query.status) filters.push(eq(interactions.status, query.status));
    if (query.since) filters.push(gte(interactions.occurredAt, new Date(query.since).toISOString()));
    if (query.runId !== undefined) filters.push(eq(interactions.runId, query.runId));
    if (query.contactId !== undefined) filters.push(eq(interactions.contactId, query.contactId));
    const where = filters.length ? and(...filters) : undefined;
    const total = this.db.select({ n: count() }).from(interactions).where(where).get()?.n ?? 0;
    const rows = this.db
      .select({ interaction: interactions, contactName: contacts.fullName, profileUrl: contacts.profileUrl, contactHeadline: contacts.headline })
      .from(interactions)
      .innerJoin(contacts, eq(contacts.id, interactions.contactId))
      .where(where)
      .orderBy(desc(interactions.occurredAt), desc(interactions.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .all();
    const items = rows.map((r) => ({
      ...(r.interaction as Interaction),
      contactName: r.contactName,
      profileUrl: r.profileUrl,
      contactHeadline: r.contactHeadline,
    }));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Counts per UTC hour, type and status since a moment. SQL does the counting; the caller folds the
   * hours into the user's calendar days, because SQLite knows no time zones. (Zones with a half-hour
   * offset see an item within 30 minutes of midnight counted on the neighbouring day.)
   */
  hourlyCounts(sinceIso: string): { hour: string; type: Interaction['type']; status: Interaction['status']; n: number }[] {
    return this.db
      .select({
        hour: sql<string>`substr(${interactions.occurredAt}, 1, 13)`,
        type: interactions.type,
        status: interactions.status,
        n: count(),
      })
      .from(interactions)
      .where(and(gte(interactions.occurredAt, sinceIso), inArray(interactions.status, ['sent', 'failed', 'dry_run'])))
      .groupBy(sql`1`, interactions.type, interactions.status)
      .all();
  }

  /** Every interaction matching the export filter, oldest first, with who it was for; read in batches. */
  *iterateForExport(filter: InteractionsExportQuery, batch = 1000): Generator<InteractionWithContact> {
    const filters: SQL[] = [];
    if (filter.type) filters.push(eq(interactions.type, filter.type));
    if (filter.status) filters.push(eq(interactions.status, filter.status));
    if (filter.since) filters.push(gte(interactions.occurredAt, new Date(filter.since).toISOString()));
    if (filter.until) filters.push(lt(interactions.occurredAt, new Date(filter.until).toISOString()));
    let lastId = 0;
    for (;;) {
      const rows = this.db
        .select({
          id: interactions.id,
          contactId: interactions.contactId,
          runId: interactions.runId,
          type: interactions.type,
          status: interactions.status,
          dedupeKey: interactions.dedupeKey,
          payload: interactions.payload,
          occurredAt: interactions.occurredAt,
          profileUrl: contacts.profileUrl,
          fullName: contacts.fullName,
        })
        .from(interactions)
        .innerJoin(contacts, eq(contacts.id, interactions.contactId))
        .where(and(gt(interactions.id, lastId), ...filters))
        .orderBy(asc(interactions.id))
        .limit(batch)
        .all() as InteractionWithContact[];
      if (rows.length === 0) return;
      yield* rows;
      lastId = rows[rows.length - 1].id;
    }
  }
}
