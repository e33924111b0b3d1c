import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/index.js';
import { readHostInfo, readLockHolder } from '../../../src-main/core/data-lock.js';
import type { Run, Status } from '../../../src-shared/domain.js';
import { startSimulator, type Simulator } from '../../fixtures/linkedin-sim/index.js';
import { linkedInStorageState } from '../../helpers/browser.js';
import { tempDir } from '../../helpers/temp.js';

let sim: Simulator;
const saved = { ...process.env };
const children: ChildProcess[] = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  process.env = { ...saved };
  sim.reset();
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

/** A data folder with a LinkedIn session, configured through the environment as a user's shell would. */
async function preparedDataDir(): Promise<string> {
  const dir = tempDir();
  Object.assign(process.env, {
    RAPPORT_DATA_DIR: dir,
    RAPPORT_LINKEDIN_BASE_URL: sim.url,
    // Small but real gaps between messages, so a run lasts long enough to be looked at while it runs.
    RAPPORT_PACING_SCALE: '0.01',
    RAPPORT_WORKING_HOURS_ENABLED: 'false',
    RAPPORT_BIRTHDAY_DRY_RUN: 'false',
    RAPPORT_LIMITS_WARMUP: 'false',
    RAPPORT_API_KEY: '',
  });
  const cookies = join(dir, 'cookies.json');
  writeFileSync(cookies, linkedInStorageState());
  const imported = io();
  expect(await runCli(['account', 'import-cookies', cookies], imported.io), imported.err.join('\n')).toBe(0);
  return dir;
}

/** Starts a child process and resolves once it printed a line matching `ready`. */
function startChild(args: string[], ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolvePromise(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before it was ready:\n${output}`)));
  });
}

const serve = () => startChild([resolve('src-main/cli.ts'), 'serve', '--port', '0'], /Control panel:/);

function killed(child: ChildProcess): Promise<void> {
  return new Promise((r) => {
    child.once('exit', () => r());
    child.kill('SIGKILL');
  });
}

async function statusJson(): Promise<Status> {
  const status = io();
  expect(await runCli(['status', '--json'], status.io), status.err.join('\n')).toBe(0);
  return JSON.parse(status.out.join('\n')) as Status;
}

describe('one owner per data folder', () => {
  it('`rapport run birthday` beside `rapport serve` runs in the server; `rapport status` meanwhile leaves the run running', async () => {
    const dir = await preparedDataDir();
    const server = await serve();
    expect(readLockHolder(dir)?.pid).toBe(server.pid);
    expect(readHostInfo(dir)?.pid).toBe(server.pid);

    const run = io();
    let ended = false;
    const exit = runCli(['run', 'birthday', '--json'], run.io).finally(() => (ended = true));
    let during: Status | null = null;
    while (!during && !ended) {
      const status = await statusJson();
      if (status.currentRun) during = status;
      else await new Promise((r) => setTimeout(r, 50));
    }
    // The reader saw the server's run as running and did not mark it interrupted.
    expect(during?.state).toMatch(/running|waiting/);
    expect(during?.currentRun?.status).toBe('running');

    expect(await exit, run.err.join('\n')).toBe(0);
    const summary = JSON.parse(run.out.join('\n')) as Run;
    expect(summary.id).toBe(during?.currentRun?.id);
    expect(summary.status).toBe('succeeded');
    expect(summary.counts.sent).toBeGreaterThan(0);
    expect(sim.sent()).toHaveLength(summary.counts.sent);
    // The work happened in the server: it still owns the folder and its run record says succeeded.
    expect(readLockHolder(dir)?.pid).toBe(server.pid);
    expect((await statusJson()).lastRun).toMatchObject({ id: summary.id, status: 'succeeded' });

    // Without --json, the server's progress lines come as the run goes, as for a run in this process.
    const plain = io();
    expect(await runCli(['run', 'birthday', '--dry-run'], plain.io), plain.err.join('\n')).toBe(0);
    expect(plain.err.join('\n')).toMatch(/^ {2}reading the birthday list$/m);
    expect(plain.out.join('\n')).toMatch(/dry run\): succeeded/);

    // A failing run fails the same way: exit 1 and the error in the JSON.
    sim.configure({ guard: { kind: 'checkpoint' } });
    const failing = io();
    expect(await runCli(['run', 'birthday', '--json'], failing.io)).toBe(1);
    expect(JSON.parse(failing.out.join('\n'))).toMatchObject({ status: 'failed', errorCode: 'LINKEDIN_CHECKPOINT' });
    sim.configure({ guard: null });
  }, 120_000);

  it('a killed owner’s stale lock is taken over at the next start', async () => {
    const dir = await preparedDataDir();
    const server = await serve();
    await killed(server);
    expect(readLockHolder(dir)?.pid).toBe(server.pid); // left behind by the SIGKILL

    const run = io();
    expect(await runCli(['run', 'birthday', '--dry-run', '--json'], run.io), run.err.join('\n')).toBe(0);
    expect((JSON.parse(run.out.join('\n')) as Run).status).toBe('succeeded');
    // This process took the folder over and gave it back when the command ended.
    expect(existsSync(join(dir, 'rapport.lock'))).toBe(false);
  }, 120_000);

  it('refuses with ALREADY_RUNNING naming the pid when the owner serves no API; reading still works', async () => {
    const dir = await preparedDataDir();
    const holder = await startChild([resolve('test/e2e/birthday/lock-holder-child.ts'), dir], /locked/);

    const run = io();
    expect(await runCli(['run', 'birthday'], run.io)).toBe(1);
    expect(run.err.join('\n')).toMatch(new RegExp(`ALREADY_RUNNING: .*the Rapport app \\(pid ${holder.pid}`));
    expect(sim.sent()).toHaveLength(0);

    const status = await statusJson();
    expect(status.account.state).toBe('connected');
    const account = io();
    expect(await runCli(['account', 'status'], account.io)).toBe(0);
    // A plan needs the browser when today's list was never read: refused, nothing opened.
    const plan = io();
    expect(await runCli(['plan', 'birthday'], plan.io)).toBe(1);
    expect(plan.err.join('\n')).toMatch(/ALREADY_RUNNING/);
    expect(readLockHolder(dir)?.pid).toBe(holder.pid);
  }, 60_000);
});
