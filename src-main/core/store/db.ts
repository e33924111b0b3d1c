import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, openSync, readFileSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { appRoot } from '../app-root.js';
import { RapportError } from '../../../src-shared/errors.js';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  path: string;
  sqlite: Database.Database;
  db: Db;
  /** Path of the backup taken before migrating, when one was needed. */
  backupPath: string | null;
  appliedMigrations: number;
  close(): void;
}

export interface OpenDatabaseOptions {
  backupDir?: string;
  migrationsFolder?: string;
  busyTimeoutMs?: number;
  now?: () => Date;
  /**
   * Path of a better-sqlite3 addon built for another runtime's ABI (Electron in development), so Node
   * keeps its own build in node_modules.
   */
  nativeBinding?: string;
  /**
   * Another process owns the folder: read without writing anything (no WAL switch, no migration).
   * A pending migration is refused, since only the owner may apply it.
   */
  readonly?: boolean;
}

export const DEFAULT_MIGRATIONS_FOLDER = join(appRoot(), 'src-main', 'core', 'store', 'migrations');
const SQLITE_HEADER = 'SQLite format 3\u0000';

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function readJournal(migrationsFolder: string): JournalEntry[] {
  const raw = readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8');
  return (JSON.parse(raw) as { entries: JournalEntry[] }).entries;
}

/** Refuses files that are not SQLite before the driver touches them (a WAL switch would rewrite the header). */
function assertLooksLikeSqlite(file: string): void {
  if (!existsSync(file)) return;
  const size = statSync(file).size;
  if (size === 0) return;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    if (size < 100 || buf.toString('latin1') !== SQLITE_HEADER) {
      throw new RapportError(
        'DATABASE_CORRUPT',
        `The database file ${file} is not a SQLite database. It was left untouched; move it away or restore a backup.`,
        { path: file },
      );
    }
  } finally {
    closeSync(fd);
  }
}

function appliedMigrationTimes(sqlite: Database.Database): number[] {
  const table = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!table) return [];
  return (sqlite.prepare('select created_at as t from __drizzle_migrations').all() as { t: number }[]).map((r) => Number(r.t));
}

export function pendingMigrations(sqlite: Database.Database, migrationsFolder = DEFAULT_MIGRATIONS_FOLDER): JournalEntry[] {
  const applied = appliedMigrationTimes(sqlite);
  const last = applied.length ? Math.max(...applied) : -Infinity;
  return readJournal(migrationsFolder).filter((e) => e.when > last);
}

function hasUserTables(sqlite: Database.Database): boolean {
  const row = sqlite
    .prepare("select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations'")
    .get() as { n: number };
  return row.n > 0;
}

function timestampForFile(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

function openReadOnly(file: string, sqlite: Database.Database, migrationsFolder: string): OpenedDatabase {
  const pending = pendingMigrations(sqlite, migrationsFolder);
  if (pending.length > 0) {
    throw new RapportError(
      'DATABASE_UNAVAILABLE',
      `The database ${file} is from another version of Rapport and the process using it has not updated it yet; try again once it has.`,
      { path: file, pending: pending.map((p) => p.tag) },
    );
  }
  return {
    path: file,
    sqlite,
    db: drizzle(sqlite, { schema }),
    backupPath: null,
    appliedMigrations: 0,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

/**
 * Opens (creating if needed) the store: integrity check first, then WAL, foreign keys, busy timeout,
 * and pending migrations after a backup copy of the file. A corrupt file is refused and never modified.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  const now = options.now ?? (() => new Date());
  mkdirSync(dirname(file), { recursive: true });
  assertLooksLikeSqlite(file);

  let sqlite: Database.Database;
  try {
    const native = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
    sqlite = options.readonly ? new Database(file, { ...native, readonly: true, fileMustExist: true }) : new Database(file, native);
  } catch (e) {
    throw new RapportError('DATABASE_UNAVAILABLE', `Cannot open the database ${file}: ${(e as Error).message}`, { path: file });
  }
  try {
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    if (options.readonly) return openReadOnly(file, sqlite, migrationsFolder);
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new RapportError(
        'DATABASE_CORRUPT',
        `The database ${file} failed its integrity check (${String(check)}). It was left untouched; restore a backup.`,
        { path: file, check },
      );
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');

    const pending = pendingMigrations(sqlite, migrationsFolder);
    let backupPath: string | null = null;
    if (pending.length > 0 && hasUserTables(sqlite)) {
      const dir = options.backupDir ?? join(dirname(file), 'backups');
      mkdirSync(dir, { recursive: true });
      backupPath = join(dir, `rapport-${timestampForFile(now())}-before-${pending[0].tag}.db`);
      sqlite.prepare('vacuum into ?').run(backupPath);
    }
    const db = drizzle(sqlite, { schema });
    if (pending.length > 0) {
      try {
        migrate(db, { migrationsFolder });
      } catch (e) {
        throw new RapportError(
          'MIGRATION_FAILED',
          `Updating the database failed and was rolled back: ${(e as Error).message}` +
            (backupPath ? ` A copy from before the update is at ${backupPath}.` : ''),
          { backupPath },
        );
      }
    }
    return {
      path: file,
      sqlite,
      db,
      backupPath,
      appliedMigrations: pending.length,
      close: () => {
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (e) {
    if (sqlite.open) sqlite.close();
    if (e instanceof RapportError) throw e;
    const message = (e as Error).message;
    const corrupt = /malformed|not a database|corrupt/i.test(message);
    throw new RapportError(
      corrupt ? 'DATABASE_CORRUPT' : 'DATABASE_UNAVAILABLE',
      `Cannot use the database ${file}: ${message}. It was left untouched.`,
      { path: file },
    );
  }
}
