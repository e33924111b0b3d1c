import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Interaction } from '../../../src-shared/domain.js';
import { normaliseProfileUrl } from '../../../src-shared/profile-url.js';
import type { Db } from './db.js';
import { eraseTombstones } from './schema.js';

/** SHA-256 of the canonical profile URL: the same person whatever link found them, and not readable as a name. */
export function profileHash(profileUrl: string): string {
  const canonical = normaliseProfileUrl(profileUrl) ?? profileUrl.trim().toLowerCase();
  return createHash('sha256').update(canonical).digest('hex');
}

export interface TombstoneEntry {
  type: Interaction['type'];
  dedupeKey: string;
}

/** The dedupe keys an erased contact had used, so finding them again never repeats a wish. */
export class TombstonesRepository {
  constructor(
    /** The database or a transaction on it (erase writes the tombstone and deletes in one). */
    private readonly db: Pick<Db, 'insert' | 'select'>,
    private readonly now: () => Date,
  ) {}

  record(profileUrl: string, entries: TombstoneEntry[]): void {
    if (entries.length === 0) return;
    const hash = profileHash(profileUrl);
    const erasedAt = this.now().toISOString();
    this.db
      .insert(eraseTombstones)
      .values(entries.map((e) => ({ profileHash: hash, type: e.type, dedupeKey: e.dedupeKey, erasedAt })))
      .onConflictDoNothing()
      .run();
  }

  keysFor(profileUrl: string, type: Interaction['type']): Set<string> {
    const rows = this.db
      .select({ dedupeKey: eraseTombstones.dedupeKey })
      .from(eraseTombstones)
      .where(and(eq(eraseTombstones.profileHash, profileHash(profileUrl)), eq(eraseTombstones.type, type)))
      .all();
    return new Set(rows.map((r) => r.dedupeKey));
  }
}
