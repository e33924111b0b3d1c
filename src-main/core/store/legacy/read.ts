import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { RapportError } from '../../../../src-shared/errors.js';

export type LegacyLayout = 'v1' | 'app_v2';
export type Row = Record<string, unknown>;

/** The legacy tables an importer reads, row by row, from a private copy of the user's file. */
export interface LegacySource {
  layout: LegacyLayout;
  tables: Set<string>;
  rows(table: string): Iterable<Row>;
  count(table: string): number;
  close(): void;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

function unreadable(path: string, why: string): RapportError {
  return new RapportError('LEGACY_UNREADABLE', `${path} ${why}. Nothing was imported.`, { path });
}

/** A file the system will not let us read (permissions, a folder): the user's input, so a 400 naming the field. */
export function cannotRead(path: string, e: Error): RapportError {
  const reason = `cannot read ${path}: ${e.message}`;
  return new RapportError('VALIDATION_FAILED', `Invalid input — path: ${reason}`, { issues: [{ field: 'path', reason }] });
}

function assertSqliteHeader(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    if (size < 512 || buf.toString('latin1') !== SQLITE_HEADER) throw unreadable(path, 'is not a SQLite database');
  } finally {
    closeSync(fd);
  }
}

function columnsOf(db: Database.Database, table: string): Set<string> {
  return new Set((db.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name));
}

/** Tells the two layouts apart by their columns, since both have `contacts` and `birthday_messages`. */
export function detectLayout(db: Database.Database, path: string): { layout: LegacyLayout; tables: Set<string> } {
  const tables = new Set(
    (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[]).map(
      (r) => r.name,
    ),
  );
  const contactColumns = tables.has('contacts') ? columnsOf(db, 'contacts') : new Set<string>();
  if (tables.has('schema_version') || contactColumns.has('linkedin_url')) return { layout: 'v1', tables };
  if (contactColumns.has('profile_url') && contactColumns.has('birth_date') && tables.has('interactions')) return { layout: 'app_v2', tables };
  const found = [...tables].sort();
  const contactsNote = tables.has('contacts') ? `; contacts has columns ${[...contactColumns].join(', ')}` : '';
  throw new RapportError(
    'LEGACY_UNSUPPORTED',
    `${path} is not a v1 or app_v2 database of the old bot: it has tables ${found.length ? found.join(', ') : '(none)'}${contactsNote}. Nothing was imported.`,
    { path, tables: found, contactColumns: [...contactColumns] },
  );
}

/**
 * Opens a copy of the legacy file (its `-wal` too, so recent writes are seen) in a private temp folder:
 * the user's original is never opened, so no journal replay or checkpoint can change it.
 */
export function openLegacySource(path: string): LegacySource {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new RapportError('VALIDATION_FAILED', `Invalid input — path: no file at ${path}`, {
      issues: [{ field: 'path', reason: `no file at ${path}` }],
    });
  }
  try {
    assertSqliteHeader(path);
  } catch (e) {
    if (e instanceof RapportError) throw e;
    throw cannotRead(path, e as Error);
  }
  const dir = mkdtempSync(join(tmpdir(), 'rapport-legacy-'));
  const copy = join(dir, basename(path));
  let db: Database.Database | null = null;
  try {
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    db = new Database(copy);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw unreadable(path, `is damaged (${String(check)})`);
    const { layout, tables } = detectLayout(db, path);
    const opened = db;
    return {
      layout,
      tables,
      rows: (table) => (tables.has(table) ? (opened.prepare(`select * from "${table}" order by rowid`).iterate() as Iterable<Row>) : []),
      count: (table) => (tables.has(table) ? (opened.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n : 0),
      close: () => {
        if (opened.open) opened.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    if (db?.open) db.close();
    rmSync(dir, { recursive: true, force: true });
    if (e instanceof RapportError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (/SQLITE_(CORRUPT|NOTADB)/.test(code)) throw unreadable(path, `is damaged (${(e as Error).message})`);
    if (/^E[A-Z]+$/.test(code)) throw cannotRead(path, e as Error);
    throw e;
  }
}
