import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase, pendingMigrations } from '../../../src-main/core/store/db.js';
import { createStore } from '../../../src-main/core/store/index.js';
import { tempDir } from '../../helpers/temp.js';

const EXPECTED_TABLES = ['app_state', 'campaign_runs', 'contacts', 'interactions', 'quota_ledger', 'selectors', 'settings'];
const EXPECTED_INDEXES = [
  'contacts_birthday_idx',
  'contacts_status_idx',
  'contacts_created_at_idx',
  'interactions_contact_type_idx',
  'interactions_type_occurred_idx',
  'selectors_last_success_idx',
  'interactions_once_unique',
];

describe('database open and migrations', () => {
  it('creates a fresh database with every table, named index and pragma', () => {
    const dir = tempDir();
    const opened = openDatabase(join(dir, 'r.db'));
    const names = (opened.sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    for (const t of EXPECTED_TABLES) expect(names).toContain(t);
    const indexes = (opened.sqlite.prepare("select name from sqlite_master where type = 'index'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    for (const i of EXPECTED_INDEXES) expect(indexes).toContain(i);
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(opened.backupPath).toBeNull();
    expect(pendingMigrations(opened.sqlite)).toEqual([]);
    opened.close();
  });

  it('reopening an up-to-date database applies nothing and takes no backup', () => {
    const dir = tempDir();
    openDatabase(join(dir, 'r.db')).close();
    const again = openDatabase(join(dir, 'r.db'));
    expect(again.appliedMigrations).toBe(0);
    expect(again.backupPath).toBeNull();
    again.close();
  });

  it('backs up the file before applying a new migration and keeps the data', () => {
    const dir = tempDir();
    const file = join(dir, 'r.db');
    const first = openDatabase(file);
    createStore(first, () => new Date()).contacts.upsert({
      profileUrl: 'https://www.linkedin.com/in/jane/',
      fullName: 'Jane Doe',
      source: 'manual',
    });
    first.close();

    const folder = join(dir, 'migrations');
    cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
    writeFileSync(join(folder, '9999_add_column.sql'), 'ALTER TABLE `contacts` ADD `nickname` text;');
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now() + 1000, tag: '9999_add_column', breakpoints: true });
    writeFileSync(journalPath, JSON.stringify(journal));

    const upgraded = openDatabase(file, { migrationsFolder: folder, backupDir: join(dir, 'backups') });
    expect(upgraded.appliedMigrations).toBe(1);
    expect(upgraded.backupPath).not.toBeNull();
    expect(existsSync(upgraded.backupPath!)).toBe(true);
    const backup = new Database(upgraded.backupPath!, { readonly: true });
    expect(backup.prepare('select full_name from contacts').get()).toEqual({ full_name: 'Jane Doe' });
    const backupColumns = (backup.prepare('pragma table_info(contacts)').all() as { name: string }[]).map((c) => c.name);
    expect(backupColumns).not.toContain('nickname');
    backup.close();
    expect(upgraded.sqlite.prepare('select full_name, nickname from contacts').get()).toEqual({ full_name: 'Jane Doe', nickname: null });
    upgraded.close();
  });

  it('refuses a file that is not SQLite and leaves it byte for byte', () => {
    const dir = tempDir();
    const file = join(dir, 'r.db');
    const garbage = Buffer.from('this is not a database, just some text the user put here\n'.repeat(50));
    writeFileSync(file, garbage);
    expect(() => openDatabase(file)).toThrowError(expect.objectContaining({ code: 'DATABASE_CORRUPT' }));
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(readdirSync(dir)).toEqual(['r.db']);
  });

  it('refuses a SQLite file with damaged pages and leaves it untouched', () => {
    const dir = tempDir();
    const file = join(dir, 'r.db');
    const opened = openDatabase(file);
    const store = createStore(opened, () => new Date());
    for (let i = 0; i < 300; i++) {
      store.contacts.upsert({ profileUrl: `https://www.linkedin.com/in/p${i}/`, fullName: `Person ${i}`, source: 'manual', headline: 'x'.repeat(200) });
    }
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    opened.sqlite.pragma('journal_mode = DELETE');
    opened.close();
    const bytes = readFileSync(file);
    // Scribble over the second half of the file (b-tree pages), keeping the header valid.
    for (let i = Math.floor(bytes.length / 2); i < bytes.length; i += 7) bytes[i] = 0xff;
    writeFileSync(file, bytes);
    expect(() => openDatabase(file)).toThrowError(expect.objectContaining({ code: 'DATABASE_CORRUPT' }));
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('schema drift', () => {
  it('the committed migrations match the drizzle schema', () => {
    const dir = tempDir();
    const out = join(dir, 'migrations');
    cpSync(DEFAULT_MIGRATIONS_FOLDER, out, { recursive: true });
    const before = readdirSync(out).sort();
    const config = join(dir, 'drizzle.config.json');
    writeFileSync(
      config,
      JSON.stringify({ dialect: 'sqlite', schema: resolve('src-main/core/store/schema.ts'), out: './migrations' }),
    );
    const run = spawnSync(resolve('node_modules/.bin/drizzle-kit'), ['generate', '--config', config], {
      encoding: 'utf8',
      cwd: dir,
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(0);
    expect(readdirSync(out).sort(), `drizzle-kit generated a new migration:\n${output}`).toEqual(before);
    expect(output).toMatch(/No schema changes/i);
  });
});
