import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureBuilt } from '../../helpers/build.js';
import { tempDir } from '../../helpers/temp.js';

const tsx = resolve('node_modules/.bin/tsx');
const cli = resolve('src-main/cli.ts');

function runCli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(tsx, [cli, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('rapport CLI', () => {
  it('prints usage and exits 2 for an unknown command or a bad flag', () => {
    const unknown = runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    expect(unknown.stderr).toContain('Usage: rapport <command>');
    const badFlag = runCli(['status', '--colour'], { RAPPORT_DATA_DIR: tempDir() });
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('Usage: rapport status');
    expect(runCli([]).code).toBe(2);
  });

  it('status --json prints the status of the data dir it was given', () => {
    const dir = tempDir();
    const result = runCli(['status', '--json'], { RAPPORT_DATA_DIR: dir, RAPPORT_LIMITS_MESSAGES_PER_DAY: '6' });
    expect(result.code, result.stderr).toBe(0);
    const status = JSON.parse(result.stdout);
    expect(status.dataDir).toBe(dir);
    expect(status.account.state).toBe('not-connected');
    expect(status.state).toBe('needs-you');
    const messages = status.quotas.find((q: { quota: string }) => q.quota === 'messages');
    expect(messages.day.limit).toBeLessThanOrEqual(6);
  });

  it('status prints one sentence a person can read', () => {
    const result = runCli(['status'], { RAPPORT_DATA_DIR: tempDir() });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/needs-you: Connect your LinkedIn account to start\./);
    expect(result.stdout).toMatch(/messages: today 0\/\d+/);
  });

  it('refuses a corrupt database with a clear error and exit 1', () => {
    const dir = tempDir();
    writeFileSync(`${dir}/rapport.db`, 'not sqlite at all, and more than a hundred bytes long '.repeat(5));
    const result = runCli(['status'], { RAPPORT_DATA_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_CORRUPT');
  });
});

describe('npm start without Electron', () => {
  // `npm start` runs the compiled bundles that `npm install` builds.
  beforeAll(() => ensureBuilt(), 120_000);

  it('starts the headless host, says why, and serves /health, /ready and the token-protected API', async () => {
    const dir = tempDir();
    const port = 30000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, [resolve('scripts/start.mjs')], {
      env: { ...process.env, RAPPORT_DATA_DIR: dir, RAPPORT_SERVER_PORT: String(port), RAPPORT_API_KEY: 'start-test-token-1234567890' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    try {
      const deadline = Date.now() + 60_000;
      const exited = () => child.exitCode !== null;
      let health: Response | null = null;
      while (Date.now() < deadline && !exited()) {
        try {
          health = await fetch(`http://127.0.0.1:${port}/health`);
          if (health.ok) break;
        } catch {
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      expect(health?.status, output).toBe(200);
      expect(output).toMatch(/Starting Rapport headless because/);
      expect(output).toContain(`http://127.0.0.1:${port}/`);
      expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/api/status`)).status).toBe(401);
      const ok = await fetch(`http://127.0.0.1:${port}/api/status`, { headers: { 'x-api-key': 'start-test-token-1234567890' } });
      expect(ok.status).toBe(200);
      const panel = await fetch(`http://127.0.0.1:${port}/`);
      expect(panel.status).toBe(200);
      expect(await panel.text()).toContain('<div id="root">');
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    }
  }, 90_000);
});
