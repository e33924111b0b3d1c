/**
 * Foundation figures: headless cold start to /ready, idle RSS, and contacts list queries on 100,000
 * contacts through the repository vs a raw better-sqlite3 prepared statement (same queries, same run).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { contactsQuerySchema } from '../src-shared/contract.js';
import { openDatabase } from '../src-main/core/store/db.js';
import { createStore } from '../src-main/core/store/index.js';
import { seedContacts } from '../test/helpers/contacts.js';
import type { BenchResult } from './types.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function waitReady(port: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/ready`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('headless host did not become ready within 60 s');
}

function rssOf(pid: number): number {
  const status = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8') as string;
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function coldStart(): Promise<{ ms: number; rssMb: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const started = performance.now();
  // Plain node with the tsx loader: the same process `npm start` ends up running, without npm's own start-up.
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src-main/cli.ts'), 'serve', '--port', String(port)], {
    env: { ...process.env, RAPPORT_DATA_DIR: dataDir, RAPPORT_API_KEY: 'bench-token-0123456789abcdef' },
    stdio: 'ignore',
  });
  try {
    await waitReady(port, Date.now() + 60_000);
    const ms = performance.now() - started;
    await new Promise((r) => setTimeout(r, 2000));
    return { ms, rssMb: rssOf(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function timeIt(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

export default async function bench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const starts = [await coldStart(), await coldStart(), await coldStart()];
  results.push({ name: 'headless cold start to /ready (median of 3)', value: median(starts.map((s) => s.ms)), unit: 'ms' });
  results.push({ name: 'headless idle RSS after ready (median of 3)', value: median(starts.map((s) => s.rssMb)), unit: 'MB' });

  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-db-'));
  const opened = openDatabase(join(dir, 'r.db'));
  try {
    seedContacts(opened.sqlite, 100_000);
    const store = createStore(opened, () => new Date());
    const cases: { name: string; query: Record<string, unknown>; sql: string; params: unknown[] }[] = [
      {
        name: 'page 1 by name',
        query: { pageSize: 50 },
        sql: 'select * from contacts order by full_name, id limit 50 offset 0',
        params: [],
      },
      {
        name: 'page 200 by name',
        query: { pageSize: 50, page: 200 },
        sql: 'select * from contacts order by full_name, id limit 50 offset 9950',
        params: [],
      },
      {
        name: 'status=blocked, newest first',
        query: { status: 'blocked', sort: '-created', pageSize: 50 },
        sql: "select * from contacts where status = ? order by created_at desc, id desc limit 50",
        params: ['blocked'],
      },
      {
        name: "text query 'engineer'",
        query: { query: 'engineer', pageSize: 50 },
        sql: "select * from contacts where full_name like ? or headline like ? or company like ? or location like ? order by full_name, id limit 50",
        params: ['%engineer%', '%engineer%', '%engineer%', '%engineer%'],
      },
    ];
    for (const c of cases) {
      const parsed = contactsQuerySchema.parse(c.query);
      const stmt = opened.sqlite.prepare(c.sql);
      // The repository also counts the total for pagination: the raw baseline gets the same count query.
      const countStmt = opened.sqlite.prepare(c.sql.replace(/^select \*/, 'select count(*) as n').replace(/ order by.*$/, ''));
      stmt.all(...c.params);
      store.contacts.list(parsed);
      const raw = timeIt(() => {
        countStmt.get(...c.params);
        stmt.all(...c.params);
      }, 30);
      const repo = timeIt(() => store.contacts.list(parsed), 30);
      results.push({ name: `contacts.list ${c.name}: repository`, value: repo, unit: 'ms', note: 'median of 30' });
      results.push({ name: `contacts.list ${c.name}: raw prepared statement`, value: raw, unit: 'ms', note: 'median of 30' });
      results.push({ name: `contacts.list ${c.name}: repository / raw`, value: repo / raw, unit: 'x' });
    }
  } finally {
    opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
