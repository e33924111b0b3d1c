/**
 * Fuzzing of what users hand Rapport as text or files: message templates, search keywords, cookie files,
 * LinkedIn's Connections.csv and legacy databases. Never a 5xx; a refused input leaves the database
 * byte-identical (file and WAL hashed before and after).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/app.js';
import { tempDirFor } from './temp.js';

const RUNS = Number(process.env.RAPPORT_FILE_FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.RAPPORT_FUZZ_SEED ?? 20261202);
const TOKEN = 'file-fuzz-token-0123456789abcdef';

let core: Core;
let base: string;
let dbFile: string;
let files: string;
let validLegacy: Buffer;
const report: Record<string, Record<string, number>> = {};

beforeAll(async () => {
  const dataDir = tempDirFor('rapport-file-fuzz-');
  files = tempDirFor('rapport-file-fuzz-inputs-');
  core = await createCore({
    dataDir,
    env: { RAPPORT_API_KEY: TOKEN, RAPPORT_BROWSER_PATH: '/nonexistent/rapport-fuzz/chromium', RAPPORT_LINKEDIN_BASE_URL: 'http://127.0.0.1:9' },
  });
  dbFile = core.ctx.paths.database;
  ({ url: base } = await core.serve({ host: '127.0.0.1', port: 0 }));
  // A small, valid v1 legacy file that the fuzz then damages byte by byte.
  const legacy = join(files, 'seed-v1.db');
  const db = new Database(legacy);
  db.exec(`create table schema_version (id integer primary key, version integer unique, applied_at text);
    insert into schema_version (version, applied_at) values (4, '2024-01-01');
    create table contacts (id integer primary key, name text not null, linkedin_url text unique, last_message_date text, message_count integer, relationship_score real, notes text, created_at text, updated_at text);
    insert into contacts (name, linkedin_url) values ('Ana Lima', 'https://www.linkedin.com/in/ana-lima/');
    create table birthday_messages (id integer primary key, contact_id integer, contact_name text not null, message_text text not null, sent_at text not null, is_late integer, days_late integer, response_received integer, response_text text, response_date text, script_mode text);
    insert into birthday_messages (contact_id, contact_name, message_text, sent_at, is_late, days_late) values (1, 'Ana Lima', 'Happy birthday!', '2025-03-02T09:00:00', 0, 0);`);
  db.close();
  validLegacy = readFileSync(legacy);
});

afterAll(async () => {
  await core?.stop();
  console.log(`File fuzz (seed ${SEED}, ${RUNS} per kind):\n${JSON.stringify(report, null, 1)}`);
});

function databaseHash(): string {
  const hash = createHash('sha1');
  for (const file of [dbFile, `${dbFile}-wal`]) if (existsSync(file)) hash.update(readFileSync(file));
  return hash.digest('hex');
}

function settle(): string {
  core.ctx.store.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return databaseHash();
}

async function send(method: string, path: string, body: unknown): Promise<number> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'x-api-key': TOKEN, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ minLength: 7_000, maxLength: 9_000 }),
  fc.constantFrom('{firstName', '{{firstName}}', '{unknown}', '{a|b|}', '{|}', '{firstName|{lastName}', '"unclosed', 'A AND', 'NOT', '(A OR B', '-', '""', '\u0000', '🎂{firstName}🎉'),
);

const cookieContent = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.array(fc.record({ name: fc.oneof(fc.constant('li_at'), fc.string({ maxLength: 10 })), value: fc.string({ maxLength: 30 }), domain: fc.oneof(fc.constant('.linkedin.com'), fc.string({ maxLength: 20 })), expirationDate: fc.oneof(fc.double(), fc.string({ maxLength: 5 })) }, { requiredKeys: [] }), { maxLength: 4 }).map((v) => JSON.stringify(v)),
  fc.string({ minLength: 1, maxLength: 300 }),
);

const csvContent = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.array(fc.array(fc.string({ maxLength: 20 }), { maxLength: 8 }), { maxLength: 6 }).map((rows) =>
    ['Notes:', '"When exporting…"', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows.map((r) => r.join(','))].join('\n'),
  ),
  fc.constantFrom('First Name,Last Name,URL\n"a,b', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"x"y",z', '\uFEFF', 'a\rb\r\nc\n'),
);

const legacyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 32 })).map(([at, bytes]) => {
    const copy = Buffer.from(validLegacy);
    Buffer.from(bytes).copy(copy, at % copy.length);
    return copy;
  }),
  fc.nat().map((n) => validLegacy.subarray(0, n % validLegacy.length)),
);

/** One kind of input: each one sent, never a 5xx, and a refusal never changes the database. */
async function fuzz<T>(kind: string, arbitrary: fc.Arbitrary<T>, request: (input: T, i: number) => Promise<number>) {
  const counts: Record<string, number> = {};
  let baseline = settle();
  let i = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      const status = await request(input, i++);
      counts[`${Math.floor(status / 100)}xx`] = (counts[`${Math.floor(status / 100)}xx`] ?? 0) + 1;
      expect(status, `${kind}: ${JSON.stringify(input)?.slice(0, 200)}`).toBeLessThan(500);
      if (status >= 400) expect(databaseHash(), `a refused ${kind} changed the database`).toBe(baseline);
      else baseline = settle();
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  report[kind] = counts;
}

describe('file and text fuzz: templates, keywords, cookie files, CSV, legacy databases', () => {
  it('message templates', async () => {
    await fuzz('templates', fc.array(text, { minLength: 0, maxLength: 3 }), (templates) =>
      send('PUT', '/api/settings', { birthday: { templatesToday: templates } }),
    );
  }, 300_000);

  it('search keywords of saved searches', async () => {
    await fuzz('keywords', text, (keywords) => send('PUT', '/api/settings', { sourcing: { searches: [{ name: 'Fuzz', keywords }] } }));
  }, 300_000);

  it('cookie files', async () => {
    await fuzz('cookies', cookieContent, (content) => send('POST', '/api/account/cookies', { content }));
  }, 300_000);

  it('Connections.csv files', async () => {
    await fuzz('csv', csvContent, (content, i) => {
      const path = join(files, `connections-${i}.csv`);
      writeFileSync(path, content);
      return send('POST', '/api/contacts/import', { path });
    });
  }, 300_000);

  it('legacy databases, damaged or not SQLite at all', async () => {
    await fuzz('legacy', legacyBytes, (bytes, i) => {
      const path = join(files, `legacy-${i}.db`);
      writeFileSync(path, bytes);
      return send('POST', '/api/legacy-import', { path, dryRun: i % 2 === 0 });
    });
    // The undamaged file still imports: the fuzz did not only see refusals.
    copyFileSync(join(files, 'seed-v1.db'), join(files, 'again.db'));
    expect(await send('POST', '/api/legacy-import', { path: join(files, 'again.db') })).toBe(200);
  }, 300_000);
});
