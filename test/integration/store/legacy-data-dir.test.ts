import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/app.js';
import { MOVED_NOTE } from '../../../src-main/core/legacy-data-dir.js';
import { openDatabase } from '../../../src-main/core/store/db.js';
import { createStore } from '../../../src-main/core/store/index.js';
import { tempDir } from '../../helpers/temp.js';

/** An earlier version's Electron user-data folder: a database with one contact, its token and secrets. */
function legacyFolder(): string {
  const dir = tempDir('rapport-electron-');
  const opened = openDatabase(join(dir, 'rapport.db'));
  createStore(opened, () => new Date()).contacts.upsert({ profileUrl: 'https://www.linkedin.com/in/ada/', fullName: 'Ada Lovelace', source: 'manual' });
  opened.close();
  writeFileSync(join(dir, 'api-token'), 'legacy-token-0123456789abcdef\n');
  mkdirSync(join(dir, 'secrets'));
  writeFileSync(join(dir, 'secrets', 'linkedin-session.bin'), 'sealed');
  return dir;
}

describe('one data folder for Electron, headless and the CLI', () => {
  it('moves a database found in the Electron user-data folder in once, with a backup', async () => {
    const legacy = legacyFolder();
    const dataDir = tempDir('rapport-data-');
    mkdirSync(join(dataDir, 'secrets')); // the shell's secret store creates it before the core starts

    const core = await createCore({ dataDir, env: {}, legacyDataDir: legacy });
    try {
      expect((await core.call('contacts.list', {})).items.map((c) => c.fullName)).toEqual(['Ada Lovelace']);
      expect(core.apiKey).toBe('legacy-token-0123456789abcdef');
    } finally {
      await core.stop();
    }
    expect(existsSync(join(legacy, 'rapport.db'))).toBe(false);
    expect(readFileSync(join(dataDir, 'secrets', 'linkedin-session.bin'), 'utf8')).toBe('sealed');
    expect(readFileSync(join(legacy, MOVED_NOTE), 'utf8')).toContain(dataDir);
    const backups = readdirSync(join(dataDir, 'backups')).filter((f) => f.includes('from-electron-user-data'));
    expect(backups).toHaveLength(1);
    const copy = openDatabase(join(dataDir, 'backups', backups[0]));
    expect(createStore(copy, () => new Date()).contacts.count()).toBe(1);
    copy.close();

    // Once: a database that shows up in the old folder later is left alone.
    const later = openDatabase(join(legacy, 'rapport.db'));
    later.close();
    const again = await createCore({ dataDir, env: {}, legacyDataDir: legacy });
    await again.stop();
    expect(existsSync(join(legacy, 'rapport.db'))).toBe(true);
  });
});
