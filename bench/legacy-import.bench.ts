/**
 * Importing a v1 legacy database with 100,000 birthday messages (20,000 contacts, 5 years of wishes):
 * wall time, peak RSS, and a baseline measured in the same run — only reading the same rows.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src-main/core/app.js';
import { buildV1, type V1Content } from '../test/helpers/legacy-db.js';
import type { BenchResult } from './types.js';

const MESSAGES = 100_000;
const CONTACTS = 20_000;

function dataset(): V1Content {
  const contacts = Array.from({ length: CONTACTS }, (_, i) => ({ id: i + 1, name: `Personne ${i} Élodie`, url: `https://www.linkedin.com/in/person-${i}/` }));
  const messages = Array.from({ length: MESSAGES }, (_, i) => {
    const c = i % CONTACTS;
    const year = 2020 + Math.floor(i / CONTACTS);
    const day = String((c % 28) + 1).padStart(2, '0');
    const month = String((c % 12) + 1).padStart(2, '0');
    return { id: i + 1, contactId: c + 1, contactName: `Personne ${c} Élodie`, text: `Joyeux anniversaire ! 🎂 #${i}`, sentAt: `${year}-${month}-${day} 09:${String(i % 60).padStart(2, '0')}:00` };
  });
  return { contacts, messages, visits: [], blacklist: [], scraped: [] };
}

export default async function bench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-legacy-'));
  try {
    const file = join(dir, 'legacy.db');
    buildV1(file, dataset());

    let t = performance.now();
    const reader = new Database(file, { readonly: true });
    let rows = 0;
    for (const _ of reader.prepare('select * from birthday_messages').iterate()) rows++;
    reader.close();
    const readMs = performance.now() - t;

    const core = await createCore({ dataDir: join(dir, 'data'), env: { RAPPORT_API_KEY: 'bench-token-0123456789-padded-to-24-chars' } });
    try {
      const rssBefore = process.memoryUsage().rss;
      t = performance.now();
      const report = await core.call('legacy.import', { path: file });
      const importMs = performance.now() - t;
      const peakRss = process.resourceUsage().maxRSS * 1024;
      if (report.imported.birthdayMessages !== MESSAGES) throw new Error(`imported ${report.imported.birthdayMessages} of ${MESSAGES}`);
      t = performance.now();
      await core.call('legacy.import', { path: file });
      const againMs = performance.now() - t;
      return [
        { name: `legacy import of ${MESSAGES} messages, ${CONTACTS} contacts`, value: importMs / 1000, unit: 's' },
        { name: 'legacy import per message', value: (importMs * 1000) / MESSAGES, unit: 'µs' },
        { name: 'peak RSS of the process during the import', value: peakRss / 2 ** 20, unit: 'MiB', note: `RSS before ${(rssBefore / 2 ** 20).toFixed(0)} MiB` },
        { name: `baseline: reading the ${rows} rows only`, value: readMs / 1000, unit: 's' },
        { name: 'import / read-only baseline', value: importMs / readMs, unit: '×' },
        { name: 're-import of the same file (imports nothing)', value: againMs / 1000, unit: 's' },
      ];
    } finally {
      await core.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
