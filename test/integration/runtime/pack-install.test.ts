import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../../helpers/build.js';
import { startHostProcess } from '../../helpers/host-process.js';
import { tempDir } from '../../helpers/temp.js';

const TOKEN = 'pack-install-token-1234567';
// better-sqlite3 compiles from source on install (~1.5 min, more on a busy machine).
const INSTALL_TIMEOUT_MS = 9 * 60_000;

function npm(args: string[], cwd: string) {
  const result = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd,
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

describe('the npm package', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('installs with --omit=dev in an empty folder and `rapport serve` reaches /ready and serves the panel', async () => {
    const dir = tempDir('rapport-pack-');
    // The bundles and the panel are built already (by `prepare` or above): pack what is there.
    npm(['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    expect(tarball, 'npm pack wrote a tarball').toBeDefined();

    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'rapport-install-check', private: true, allowScripts: { 'better-sqlite3': true } }));
    npm(['install', '--omit=dev', join(dir, tarball!)], app);

    // A production install has no TypeScript runner or bundler to fall back on.
    for (const dev of ['tsx', 'vite', 'esbuild', 'typescript']) expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false);
    const bin = join(app, 'node_modules/.bin/rapport');
    expect(existsSync(bin)).toBe(true);

    const host = await startHostProcess([bin], { RAPPORT_DATA_DIR: join(dir, 'data'), RAPPORT_API_KEY: TOKEN }, { cwd: app });
    try {
      const ready = (await (await fetch(`${host.url}/ready`)).json()) as { checks: { migrations: { ok: boolean } } };
      expect(ready.checks.migrations.ok).toBe(true);
      const panel = await fetch(`${host.url}/`);
      expect(panel.status).toBe(200);
      expect(await panel.text()).toContain('<div id="root">');
      const status = await fetch(`${host.url}/api/status`, { headers: { 'x-api-key': TOKEN } });
      expect(status.status).toBe(200);
    } finally {
      await host.stop();
    }
  }, INSTALL_TIMEOUT_MS + 120_000);
});
