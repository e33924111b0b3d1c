/**
 * Foundation figures, each beside a baseline measured in the same run: the compiled headless host's
 * cold start to /ready and its idle RSS vs a bare `http.createServer` started the same way, and
 * contacts list queries on 100,000 contacts through the repository vs a raw better-sqlite3 prepared
 * statement (same queries).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contactsQuerySchema } from '../src-shared/contract.js';
import { openDatabase } from '../src-main/core/store/db.js';
import { createStore } from '../src-main/core/store/index.js';
import { seedContacts } from '../test/helpers/contacts.js';
import { median, type BenchResult } from './types.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const STARTS = 5;
const IDLE_MS = 3000;
const BARE_SERVER = "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.argv[1]), '127.0.0.1')";

async function waitReady(port: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/ready`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the server did not become ready within 60 s');
}

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb / 1024;
}

/** Launch to the first 200 from /ready, then the resident set after IDLE_MS of idling. */
async function coldStart(args: string[], env: Record<string, string>): Promise<{ ms: number; rssMb: number }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const started = performance.now();
  const child = spawn(process.execPath, args.map((a) => (a === '{port}' ? String(port) : a)), { env: { ...process.env, ...env }, stdio: 'ignore' });
  try {
    await waitReady(port, Date.now() + 60_000);
    const ms = performance.now() - started;
    await new Promise((r) => setTimeout(r, IDLE_MS));
    return { ms, rssMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/** Rapport as `rapport serve` runs it in production: the compiled bundle, built here from the current code. */
async function hostStarts(): Promise<{ ms: number; rssMb: number }[]> {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-node.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build-node failed: ${built.stderr}`);
  const starts: { ms: number; rssMb: number }[] = [];
  for (let i = 0; i < STARTS; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
    try {
      starts.push(
        await coldStart([join(root, 'dist/node/cli.js'), 'serve', '--port', '{port}'], { RAPPORT_DATA_DIR: dataDir, RAPPORT_API_KEY: 'bench-token-0123456789-padded-to-24-chars' }),
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return starts;
}

async function bareStarts(): Promise<{ ms: number; rssMb: number }[]> {
  const starts: { ms: number; rssMb: number }[] = [];
  for (let i = 0; i < STARTS; i++) starts.push(await coldStart(['-e', BARE_SERVER, '{port}'], {}));
  return starts;
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
  // Interleaved would be fairer on a busy machine, but each start is short: bare first, then the host.
  const bare = await bareStarts();
  const host = await hostStarts();
  const bareName = 'bare http.createServer';
  results.push({
    name: `cold start to /ready, compiled headless host (median of ${STARTS})`,
    value: median(host.map((s) => s.ms)),
    unit: 'ms',
    baseline: median(bare.map((s) => s.ms)),
    baselineName: bareName,
    note: 'target ≤ 500 ms and ≤ 4×',
  });
  results.push({
    name: `idle RSS ${IDLE_MS / 1000} s after /ready (median of ${STARTS})`,
    value: median(host.map((s) => s.rssMb)),
    unit: 'MB',
    baseline: median(bare.map((s) => s.rssMb)),
    baselineName: bareName,
    note: 'target ≤ 2.5×',
  });

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
      results.push({
        name: `contacts.list at 100,000: ${c.name}`,
        value: repo,
        unit: 'ms',
        baseline: raw,
        baselineName: 'raw prepared statement + count',
        note: 'median of 30',
      });
    }
  } finally {
    opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
