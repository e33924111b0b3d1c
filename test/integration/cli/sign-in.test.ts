import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openerFor, shouldOpenBrowser, signInLink } from '../../../src-main/cli/open-browser.js';
import { tempDir } from '../../helpers/temp.js';

const tsx = resolve('node_modules/.bin/tsx');
const cli = resolve('src-main/cli.ts');
const TOKEN = 'sign-in-test-token-0123456789';

/** Starts `rapport serve` with a fake xdg-open on PATH that records what it was asked to open. */
async function serve(args: string[], env: Record<string, string>) {
  const bin = tempDir();
  const opened = join(bin, 'opened.txt');
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$@" >> "${opened}"\n`);
  chmodSync(join(bin, 'xdg-open'), 0o755);
  const child = spawn(tsx, [cli, 'serve', '--port', '0', ...args], {
    env: { ...process.env, CI: '', RAPPORT_DATA_DIR: tempDir(), RAPPORT_API_KEY: TOKEN, PATH: `${bin}:${process.env.PATH}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', () => undefined);
  const deadline = Date.now() + 60_000;
  while (!/Open the sign-in link|Opened the control panel|Could not open/.test(output) && Date.now() < deadline && child.exitCode === null) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  };
  return { output: () => output, opened: () => (existsSync(opened) ? readFileSync(opened, 'utf8').trim() : null), stop };
}

describe('rapport serve: signing in is one click', () => {
  it('prints a sign-in link whose token the API accepts, and opens it with --open', async () => {
    const host = await serve(['--open'], {});
    try {
      const link = /Sign in: (\S+)/.exec(host.output())?.[1];
      expect(link, host.output()).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/#token=${TOKEN}$`));
      const url = new URL(link!);
      const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
      const answer = await fetch(`${url.origin}/api/status`, { headers: { 'x-api-key': token } });
      expect(answer.status).toBe(200);
      await expect.poll(() => host.opened()).toBe(link);
      expect(host.output()).toContain('Opened the control panel in your browser.');
    } finally {
      await host.stop();
    }
  }, 90_000);

  it('does not open a browser by default, nor in CI even when RAPPORT_OPEN_BROWSER=1', async () => {
    const host = await serve([], { CI: 'true', RAPPORT_OPEN_BROWSER: '1' });
    try {
      expect(host.output()).toMatch(/Sign in: http:\/\/127\.0\.0\.1:\d+\/#token=/);
      expect(host.output()).toContain('--open');
      expect(host.opened()).toBeNull();
    } finally {
      await host.stop();
    }
  }, 90_000);
});

describe('sign-in helpers', () => {
  it('builds the link from the panel address and the token', () => {
    expect(signInLink('http://127.0.0.1:7420/', 'a b')).toBe('http://127.0.0.1:7420/#token=a%20b');
    expect(signInLink('http://127.0.0.1:7420', 'abc')).toBe('http://127.0.0.1:7420/#token=abc');
  });

  it('opens only when asked, and RAPPORT_OPEN_BROWSER never in CI', () => {
    expect(shouldOpenBrowser(false, {})).toBe(false);
    expect(shouldOpenBrowser(true, { CI: 'true' })).toBe(true);
    expect(shouldOpenBrowser(false, { RAPPORT_OPEN_BROWSER: '1' })).toBe(true);
    expect(shouldOpenBrowser(false, { RAPPORT_OPEN_BROWSER: '1', CI: 'true' })).toBe(false);
  });

  it('uses the platform’s opener', () => {
    expect(openerFor('linux').command).toBe('xdg-open');
    expect(openerFor('darwin').command).toBe('open');
    expect(openerFor('win32')).toEqual({ command: 'cmd', args: ['/c', 'start', '""'] });
  });
});
