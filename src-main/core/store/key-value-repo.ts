import { eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { appState, settings } from './schema.js';

type KeyValueTable = typeof settings | typeof appState;

/** JSON values by key; used for the settings sections and for small app state. */
export class KeyValueRepository {
  private readonly listeners = new Set<(key: string) => void>();

  constructor(
    private readonly db: Db,
    private readonly table: KeyValueTable,
    private readonly now: () => Date,
  ) {}

  /** Called after each write or delete, with the key (the status follows the account and pause keys). */
  onChange(listener: (key: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(keys: string[]): void {
    for (const key of keys) for (const listener of this.listeners) listener(key);
  }

  get<T>(key: string): T | undefined {
    const row = this.db.select().from(this.table).where(eq(this.table.key, key)).get();
    return row ? (row.value as T) : undefined;
  }

  all(): Record<string, unknown> {
    return Object.fromEntries(this.db.select().from(this.table).all().map((r) => [r.key, r.value]));
  }

  set(key: string, value: unknown): void {
    const updatedAt = this.now().toISOString();
    this.db
      .insert(this.table)
      .values({ key, value, updatedAt })
      .onConflictDoUpdate({ target: this.table.key, set: { value, updatedAt } })
      .run();
    this.changed([key]);
  }

  /** Replaces several keys in one transaction: either all are written or none. */
  setMany(values: Record<string, unknown>): void {
    this.db.transaction((tx) => {
      const updatedAt = this.now().toISOString();
      for (const [key, value] of Object.entries(values)) {
        tx.insert(this.table).values({ key, value, updatedAt }).onConflictDoUpdate({ target: this.table.key, set: { value, updatedAt } }).run();
      }
    });
    this.changed(Object.keys(values));
  }

  delete(key: string): void {
    this.db.delete(this.table).where(eq(this.table.key, key)).run();
    this.changed([key]);
  }
}
