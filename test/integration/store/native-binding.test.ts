import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { openDatabase } from '../../../src-main/core/store/db.js';
import { tempDir } from '../../helpers/temp.js';

const require = createRequire(import.meta.url);
const nodeBuild = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

describe('the database opener with an addon passed by the shell', () => {
  it('loads better-sqlite3 from the given addon file (as the Electron shell does in development)', () => {
    const dir = tempDir();
    // A copy elsewhere stands for the Electron build in its cache folder.
    const addon = join(dir, 'electron-cache', 'better_sqlite3.node');
    mkdirSync(dirname(addon), { recursive: true });
    copyFileSync(nodeBuild, addon);
    const opened = openDatabase(join(dir, 'rapport.db'), { nativeBinding: addon });
    try {
      expect(opened.appliedMigrations).toBeGreaterThan(0);
      expect(opened.sqlite.prepare('select 1 as one').get()).toEqual({ one: 1 });
    } finally {
      opened.close();
    }
  });

  it('refuses a missing addon with a clear error naming the database', () => {
    const dir = tempDir();
    expect(() => openDatabase(join(dir, 'rapport.db'), { nativeBinding: join(dir, 'missing.node') })).toThrow(
      expect.objectContaining({ code: 'DATABASE_UNAVAILABLE', message: expect.stringContaining('rapport.db') }),
    );
  });
});
