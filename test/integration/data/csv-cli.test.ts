import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/index.js';
import { createCore } from '../../../src-main/core/app.js';
import { buildV1 } from '../../helpers/legacy-db.js';

const root = mkdtempSync(join(tmpdir(), 'rapport-csv-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true, maxRetries: 5 }));
let n = 0;
let dataDir: string;
beforeEach(() => {
  dataDir = join(root, `data-${++n}`);
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const previous = process.env.RAPPORT_DATA_DIR;
  process.env.RAPPORT_DATA_DIR = dataDir;
  try {
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    if (previous === undefined) delete process.env.RAPPORT_DATA_DIR;
    else process.env.RAPPORT_DATA_DIR = previous;
  }
}

const CONNECTIONS = `Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Zoé,Martin,https://www.linkedin.com/in/zoe-martin,,Acme,"Data engineer, platform",14 Mar 2023
Jean,O’Brien,https://www.linkedin.com/in/jean-obrien,jean@example.com,"=cmd|' /C calc'!A0",CTO,01 Jan 2020
Anonymous,Member,,,,,02 Feb 2021
`;

describe('LinkedIn Connections.csv import', () => {
  it('previews, imports, and updates existing contacts instead of duplicating them', async () => {
    const file = join(root, 'Connections.csv');
    writeFileSync(file, CONNECTIONS);
    const preview = await cli('import-contacts', file, '--dry-run', '--json');
    expect(preview.code, preview.err).toBe(0);
    expect(JSON.parse(preview.out)).toEqual({ dryRun: true, found: 3, created: 2, updated: 0, unchanged: 0, skipped: { no_profile_url: 1 } });
    const first = await cli('import-contacts', file, '--json');
    expect(JSON.parse(first.out)).toMatchObject({ dryRun: false, created: 2, updated: 0 });

    writeFileSync(file, CONNECTIONS.replace('Acme,', 'Globex,'));
    const second = await cli('import-contacts', file);
    expect(second.out).toContain('0 new, 1 updated, 1 unchanged');

    const out = join(root, `contacts-${n}.csv`);
    expect((await cli('export', 'contacts', '--out', out)).code).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.fullName, r.company, r.headline, r.source])).toEqual([
      ['Jean O’Brien', "'=cmd|' /C calc'!A0", 'CTO', 'import'],
      ['Zoé Martin', 'Globex', 'Data engineer, platform', 'import'],
    ]);
  });

  it('refuses broken quoting or a missing column, naming the line, and imports nothing', async () => {
    const broken = join(root, 'broken.csv');
    writeFileSync(broken, CONNECTIONS.replace('"Data engineer, platform"', '"Data engineer, platform'));
    const r1 = await cli('import-contacts', broken);
    expect(r1.code).toBe(1);
    expect(r1.err).toMatch(/CSV_INVALID: .*broken\.csv, line \d+/);
    const missing = join(root, 'missing.csv');
    writeFileSync(missing, CONNECTIONS.replace('First Name,Last Name,URL,Email Address,', 'First Name,Last Name,Email Address,'));
    const r2 = await cli('import-contacts', missing);
    expect(r2.err).toContain('missing.csv, line 4: missing column URL');
    const out = join(root, `empty-${n}.csv`);
    await cli('export', 'contacts', '--out', out);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(1);
  });
});

describe('exports', () => {
  it('contacts round-trip every field through export → import', async () => {
    const legacy = join(root, `v1-${n}.db`);
    buildV1(legacy);
    expect((await cli('import-legacy', legacy)).code).toBe(0);
    const core = await createCore({ dataDir, env: { RAPPORT_API_KEY: 'csv-test-token-0123456-padded-to-24-chars' } });
    const zoe = core.ctx.store.contacts.getByProfileUrl('https://www.linkedin.com/in/zoe-martin/')!;
    core.ctx.store.contacts.update(zoe.id, { notes: '=SUM(A1:A2) "quoted", line\nbreak 🎂', status: 'ignored' });
    core.ctx.store.contacts.upsert({ profileUrl: zoe.profileUrl, fullName: zoe.fullName, source: 'search', birthMonth: 2, birthDay: 29, score: 12, scoreBreakdown: { title: 8, location: 4 } });
    const server = await core.serve({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${server.url}/api/contacts.csv?sort=-name`, { headers: { 'x-api-key': 'csv-test-token-0123456-padded-to-24-chars' } });
    const bytes = Buffer.from(await res.arrayBuffer());
    const streamed = bytes.toString('utf8');
    const bad = await fetch(`${server.url}/api/contacts.csv?minScore=500`, { headers: { 'x-api-key': 'csv-test-token-0123456-padded-to-24-chars' } });
    const interactions = await fetch(`${server.url}/api/interactions.csv?type=birthday_message&since=2024-01-01`, { headers: { 'x-api-key': 'csv-test-token-0123456-padded-to-24-chars' } });
    const interactionsText = await interactions.text();
    await core.stop();
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(streamed.startsWith('\uFEFFid,profileUrl,')).toBe(true);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    const wishes = parse(interactionsText, { columns: true, bom: true }) as Record<string, string>[];
    expect(wishes.map((w) => w.dedupeKey).sort()).toEqual(['birthday:2024', 'birthday:2024', 'birthday:2025', 'birthday:2025']);
    expect(wishes.find((w) => w.fullName === 'Zoé Martin')?.text).toBe('Joyeux anniversaire Zoé ! 🎂\nBelle journée');

    const first = join(root, 'first.csv');
    await cli('export', 'contacts', '--out', first);
    const original = parse(readFileSync(first, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(original.length).toBe(7);
    dataDir = join(root, `data-${++n}`);
    const imported = await cli('import-contacts', first, '--json');
    expect(JSON.parse(imported.out)).toMatchObject({ created: 7, updated: 0 });
    const second = join(root, 'second.csv');
    await cli('export', 'contacts', '--out', second);
    const copy = parse(readFileSync(second, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    const withoutId = (rows: Record<string, string>[]) => rows.map(({ id: _id, ...rest }) => rest);
    expect(withoutId(copy)).toEqual(withoutId(original));
    expect(copy.find((c) => c.fullName === 'Zoé Martin')).toMatchObject({ notes: `'=SUM(A1:A2) "quoted", line\nbreak 🎂`, status: 'ignored', source: 'import', birthMonth: '2', birthDay: '29', score: '12', scoreBreakdown: '{"title":8,"location":4}' });

    const erase = await cli('contacts', 'erase', 'https://fr.linkedin.com/in/zoe-martin/?trk=x');
    expect(erase.out).toContain('Erased Zoé Martin');
    expect((await cli('contacts', 'erase', 'https://www.linkedin.com/in/nobody/')).err).toContain('NOT_FOUND');
  });
});
