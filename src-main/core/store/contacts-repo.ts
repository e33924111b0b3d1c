import { and, asc, count, desc, eq, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Contact } from '../../../src-shared/domain.js';
import type { ContactsFilter, ContactsQuery } from '../../../src-shared/contract.js';
import { RapportError } from '../../../src-shared/errors.js';
import type { Db } from './db.js';
import { contacts, interactions } from './schema.js';
import { TombstonesRepository } from './tombstones-repo.js';

export interface ContactUpsert {
  profileUrl: string;
  publicId?: string | null;
  fullName: string;
  firstName?: string | null;
  lastName?: string | null;
  headline?: string | null;
  location?: string | null;
  company?: string | null;
  birthMonth?: number | null;
  birthDay?: number | null;
  source: Contact['source'];
  score?: number | null;
  scoreBreakdown?: Record<string, number> | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const SORTS: Record<ContactsQuery['sort'], SQL[]> = {
  name: [asc(contacts.fullName), asc(contacts.id)],
  '-name': [desc(contacts.fullName), desc(contacts.id)],
  created: [asc(contacts.createdAt), asc(contacts.id)],
  '-created': [desc(contacts.createdAt), desc(contacts.id)],
  updated: [asc(contacts.updatedAt), asc(contacts.id)],
  '-updated': [desc(contacts.updatedAt), desc(contacts.id)],
  score: [asc(contacts.score), asc(contacts.id)],
  '-score': [sql`${contacts.score} desc nulls last`, asc(contacts.id)],
  birthday: [asc(contacts.birthMonth), asc(contacts.birthDay), asc(contacts.id)],
};

const LAST_INTERACTION_DAYS = { week: 7, month: 30, quarter: 91, year: 365 } as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Only the fields a scrape actually produced overwrite stored ones, so a sparse card never erases a rich profile. */
function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

export class ContactsRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  upsert(input: ContactUpsert): Contact {
    const at = this.now().toISOString();
    const { source, ...rest } = input;
    const fields = definedFields(rest);
    const row = this.db
      .insert(contacts)
      .values({ ...fields, profileUrl: input.profileUrl, fullName: input.fullName, source, createdAt: at, updatedAt: at, lastSeenAt: at })
      .onConflictDoUpdate({ target: contacts.profileUrl, set: { ...fields, updatedAt: at, lastSeenAt: at } })
      .returning()
      .get();
    return row as Contact;
  }

  get(id: number): Contact | null {
    return (this.db.select().from(contacts).where(eq(contacts.id, id)).get() as Contact | undefined) ?? null;
  }

  getByProfileUrl(profileUrl: string): Contact | null {
    return (this.db.select().from(contacts).where(eq(contacts.profileUrl, profileUrl)).get() as Contact | undefined) ?? null;
  }

  mustGet(id: number): Contact {
    const contact = this.get(id);
    if (!contact) throw new RapportError('NOT_FOUND', `No contact with id ${id}.`, { id });
    return contact;
  }

  update(id: number, patch: { status?: Contact['status']; notes?: string | null }): Contact {
    this.mustGet(id);
    const set: Record<string, unknown> = { updatedAt: this.now().toISOString() };
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.notes !== undefined) set.notes = patch.notes;
    return this.db.update(contacts).set(set).where(eq(contacts.id, id)).returning().get() as Contact;
  }

  /**
   * Erases the contact; its interactions go with it (ON DELETE CASCADE). The dedupe keys of what was
   * sent (or may have been: pending) stay behind as a tombstone, in the same transaction.
   */
  erase(id: number): void {
    this.db.transaction((tx) => {
      const contact = this.mustGet(id);
      const used = tx
        .select({ type: interactions.type, dedupeKey: interactions.dedupeKey })
        .from(interactions)
        .where(and(eq(interactions.contactId, id), inArray(interactions.status, ['sent', 'pending'])))
        .all();
      new TombstonesRepository(tx, this.now).record(contact.profileUrl, used);
      tx.delete(contacts).where(eq(contacts.id, id)).run();
    });
  }

  /** The WHERE clause of the Contacts page's filter, done in SQL so 100,000 rows stay fast. */
  private whereOf(filter: Omit<ContactsFilter, 'sort'>): SQL | undefined {
    const filters: SQL[] = [];
    if (filter.query?.trim()) {
      const pattern = `%${escapeLike(filter.query.trim())}%`;
      const match = or(
        sql`${contacts.fullName} like ${pattern} escape '\\'`,
        sql`${contacts.headline} like ${pattern} escape '\\'`,
        sql`${contacts.company} like ${pattern} escape '\\'`,
        sql`${contacts.location} like ${pattern} escape '\\'`,
      );
      if (match) filters.push(match);
    }
    if (filter.status) filters.push(eq(contacts.status, filter.status));
    if (filter.source) filters.push(eq(contacts.source, filter.source));
    if (filter.birthMonth) filters.push(eq(contacts.birthMonth, filter.birthMonth));
    if (filter.minScore !== undefined) filters.push(gte(contacts.score, filter.minScore));
    if (filter.lastInteraction === 'never') {
      filters.push(sql`not exists (select 1 from ${interactions} where ${interactions.contactId} = ${contacts.id})`);
    } else if (filter.lastInteraction) {
      const since = new Date(this.now().getTime() - LAST_INTERACTION_DAYS[filter.lastInteraction] * 86_400_000).toISOString();
      filters.push(
        sql`exists (select 1 from ${interactions} where ${interactions.contactId} = ${contacts.id} and ${interactions.occurredAt} >= ${since})`,
      );
    }
    return filters.length ? and(...filters) : undefined;
  }

  list(query: ContactsQuery): Page<Contact> {
    const where = this.whereOf(query);
    const total = this.db.select({ n: count() }).from(contacts).where(where).get()?.n ?? 0;
    const items = this.db
      .select()
      .from(contacts)
      .where(where)
      .orderBy(...SORTS[query.sort])
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .all() as Contact[];
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** Every contact matching the filter, in the filter's order, read in batches (CSV export of 100,000 rows). */
  *iterateFiltered(filter: ContactsFilter, batch = 2000): Generator<Contact> {
    const where = this.whereOf(filter);
    for (let offset = 0; ; offset += batch) {
      const rows = this.db
        .select()
        .from(contacts)
        .where(where)
        .orderBy(...SORTS[filter.sort])
        .limit(batch)
        .offset(offset)
        .all() as Contact[];
      yield* rows;
      if (rows.length < batch) return;
    }
  }

  /** Streams every contact in id order, for CSV export without loading 100,000 rows at once. */
  *iterateAll(batch = 1000): Generator<Contact> {
    let lastId = 0;
    for (;;) {
      const rows = this.db
        .select()
        .from(contacts)
        .where(sql`${contacts.id} > ${lastId}`)
        .orderBy(asc(contacts.id))
        .limit(batch)
        .all() as Contact[];
      if (rows.length === 0) return;
      yield* rows;
      lastId = rows[rows.length - 1].id;
    }
  }

  count(): number {
    return this.db.select({ n: count() }).from(contacts).get()?.n ?? 0;
  }
}

