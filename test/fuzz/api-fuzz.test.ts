/**
 * Property-based fuzzing of every contract route over HTTP: at least 1,000 generated requests each
 * (valid-shaped, boundary and hostile). Properties: never a 5xx, never a crash, and a rejected call leaves
 * the database byte-identical (file and WAL hashed before and after).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, OPERATION_NAMES, type OperationName } from '../../src-shared/contract.js';
import { settingsSchema } from '../../src-shared/settings.js';
import { createCore, type Core } from '../../src-main/core/app.js';
import { tempDirFor } from './temp.js';
import { describeRequest, requestsFor, type FuzzRequest } from './inputs.js';

const RUNS_PER_ROUTE = Number(process.env.RAPPORT_FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.RAPPORT_FUZZ_SEED ?? 20261202);
const TOKEN = 'fuzz-token-0123456789abcdefghij';

let core: Core;
let port: number;
let dbFile: string;
const report: Record<string, Record<string, number>> = {};

beforeAll(async () => {
  const dataDir = tempDirFor('rapport-fuzz-');
  core = await createCore({
    dataDir,
    env: {
      RAPPORT_API_KEY: TOKEN,
      // Runs that the fuzz starts fail at once: no browser, and LinkedIn is a closed local port.
      RAPPORT_BROWSER_PATH: '/nonexistent/rapport-fuzz/chromium',
      RAPPORT_LINKEDIN_BASE_URL: 'http://127.0.0.1:9',
    },
  });
  dbFile = core.ctx.paths.database;
  // A few contacts so that ids hit real rows too.
  for (let i = 1; i <= 5; i++) core.ctx.store.contacts.upsert({ profileUrl: `https://www.linkedin.com/in/fuzz-${i}/`, fullName: `Fuzz Person ${i}`, source: 'manual' });
  ({ port } = await core.serve({ host: '127.0.0.1', port: 0 }));
});

afterAll(async () => {
  await core?.stop();
  // The counts go to the closing note.
  console.log(`API fuzz (seed ${SEED}, ${RUNS_PER_ROUTE} per route):\n${JSON.stringify(report, null, 1)}`);
});

function send(r: FuzzRequest, method: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: r.path + (r.query ? `?${r.query}` : ''),
        headers: { host: `127.0.0.1:${port}`, 'x-api-key': TOKEN, ...r.headers, ...(r.body ? { 'content-length': String(r.body.length) } : {}) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    if (r.body) req.write(r.body);
    req.end();
  });
}

function databaseHash(): string {
  const hash = createHash('sha1');
  for (const file of [dbFile, `${dbFile}-wal`]) if (existsSync(file)) hash.update(readFileSync(file));
  return hash.digest('hex');
}

/** After an accepted call: let any run it started finish, fold the WAL into the file, take a new baseline. */
async function settle(): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const status = await core.call('status.get', {});
    if (!status.currentRun) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  core.ctx.store.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return databaseHash();
}

/**
 * Operations whose valid calls act on the machine: open a visible browser window, launch an executable,
 * or replace the token this fuzz signs in with. Only the calls the contract refuses are sent to them.
 */
const ONLY_REFUSED = new Set<OperationName>(['account.connect', 'settings.testBrowser', 'token.rotate']);

function inputOf(r: FuzzRequest): unknown {
  if (r.body) {
    const text = r.body.toString('utf8');
    return text.trim() === '' ? {} : JSON.parse(text);
  }
  return Object.fromEntries(new URLSearchParams(r.query));
}

/** Requests that could reach outside this machine (any URL) or act on it are not sent. */
function sendable(name: OperationName, r: FuzzRequest): boolean {
  const text = r.body?.toString('latin1') ?? r.query;
  if (/:\/\/|%3A%2F%2F/i.test(text)) return false;
  if (ONLY_REFUSED.has(name)) {
    try {
      return !contract[name].input.safeParse(inputOf(r)).success;
    } catch {
      return true;
    }
  }
  return true;
}

const SETTINGS_KEYS = Object.keys(settingsSchema.shape);


describe('API fuzz: every route, valid, boundary and hostile input', () => {
  it.each(OPERATION_NAMES.map((n) => [n]))('%s: no 5xx, and the database unchanged by every rejected call', async (name) => {
    const op = contract[name as OperationName];
    const counts: Record<string, number> = { sent: 0, '2xx': 0, '4xx': 0, '5xx': 0, skipped: 0, changedOnReject: 0 };
    let baseline = await settle();
    await fc.assert(
      fc.asyncProperty(requestsFor(op, name === 'settings.update' ? SETTINGS_KEYS : []), async (r) => {
        if (!sendable(name as OperationName, r)) {
          counts.skipped! += 1;
          return;
        }
        const status = await send(r, op.method);
        counts.sent! += 1;
        const klass = `${Math.floor(status / 100)}xx`;
        counts[klass] = (counts[klass] ?? 0) + 1;
        expect(status, `${op.method} ${describeRequest(r)}`).toBeLessThan(500);
        if (status >= 400) {
          const after = databaseHash();
          if (after !== baseline) counts.changedOnReject! += 1;
          expect(after, `a rejected ${op.method} ${describeRequest(r)} changed the database`).toBe(baseline);
        } else {
          baseline = await settle();
        }
      }),
      { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
    );
    report[name] = counts;
    expect(counts.sent! + counts.skipped!).toBe(RUNS_PER_ROUTE);
    expect(counts.sent).toBeGreaterThan(RUNS_PER_ROUTE * 0.5);
    // The process is still healthy after all of it.
    expect((await core.call('status.get', {})).version).toBe(core.ctx.version);
  }, 600_000);
});
