import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Paths } from './config.js';

/** What moves from an earlier version's Electron user-data folder: the database and what it needs. */
const MOVED = ['rapport.db', 'rapport.db-wal', 'rapport.db-shm', 'api-token', 'secret.key', 'secrets', 'browser-profile'];
export const MOVED_NOTE = 'MOVED-TO-DATA-FOLDER.txt';

export interface AdoptResult {
  moved: string[];
  backup: string;
}

function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(from, to, { recursive: true, preserveTimestamps: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Earlier versions kept the Electron app's data in its user-data folder while the CLI and headless
 * host used the XDG one. The first start that finds a database there and none in the data folder
 * backs it up (a consistent SQLite copy in the data folder's backups) and moves it in, with the
 * secrets and browser profile that go with it, leaving a note behind. Afterwards (or when both
 * folders hold a database) nothing is touched: it happens once.
 */
export function adoptLegacyDataDir(legacyDir: string, paths: Paths, now: Date = new Date()): AdoptResult | null {
  if (resolve(legacyDir) === resolve(paths.dataDir)) return null;
  const legacyDb = join(legacyDir, 'rapport.db');
  if (!existsSync(legacyDb) || existsSync(paths.database)) return null;

  mkdirSync(paths.backups, { recursive: true });
  const backup = join(paths.backups, `rapport-${now.toISOString().replace(/[:.]/g, '-')}-from-electron-user-data.db`);
  // Read-write so a leftover WAL is read in; that process is gone (Electron's single-instance lock).
  const sqlite = new Database(legacyDb, { fileMustExist: true });
  try {
    sqlite.prepare('vacuum into ?').run(backup);
  } finally {
    sqlite.close();
  }

  const moved: string[] = [];
  for (const name of MOVED) {
    const from = join(legacyDir, name);
    const to = join(paths.dataDir, name);
    // The shell may already have created an empty secrets folder here before the core started.
    if (existsSync(to) && statSync(to).isDirectory() && readdirSync(to).length === 0) rmdirSync(to);
    if (!existsSync(from) || existsSync(to)) continue;
    move(from, to);
    moved.push(name);
  }
  writeFileSync(
    join(legacyDir, MOVED_NOTE),
    `Rapport moved its data from this folder to ${paths.dataDir} on ${now.toISOString()}.\n` +
      `A copy of the database from before the move: ${backup}\n`,
  );
  return { moved, backup };
}
