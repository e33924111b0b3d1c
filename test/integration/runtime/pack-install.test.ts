import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../../helpers/build.js';
import { startHostProcess } from '../../helpers/host-process.js';
import { tempDir } from '../../helpers/temp.js';

const TOKEN = 'pack-install-token-1234567';
// If the prebuilt binary is not taken, better-sqlite3 compiles from source (~1.5 min, more on a busy machine).
const INSTALL_TIMEOUT_MS = 9 * 60_000;

async function npm(args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd,
      encoding: 'utf8',
      timeout: INSTALL_TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, npm_config_update_notifier: 'false', ...env },
    });
    return stdout;
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(' ')} failed (${failed.code}):\n${failed.stdout}\n${failed.stderr}`, { cause: e });
  }
}

/**
 * A download mirror for better-sqlite3's prebuilt binary, as a user's install fetches it from GitHub
 * (this machine reaches only the npm registry): the binary this checkout already built, for the same
 * version, Node ABI, platform and architecture, so the install does not compile SQLite again.
 */
async function prebuiltMirror(dir: string): Promise<{ url: string; server: Server; requests: string[]; cachedCopy: string }> {
  const moduleDir = join(ROOT, 'node_modules/better-sqlite3');
  const { version } = JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8')) as { version: string };
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  const tarball = join(dir, name);
  const tar = spawnSync('tar', ['-czf', tarball, '-C', moduleDir, 'build/Release/better_sqlite3.node']);
  if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url !== `/v${version}/${name}`) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/gzip' }).end(readFileSync(tarball));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  const digest = createHash('sha512').update(`${url}/v${version}/${name}`).digest('hex').slice(0, 6);
  const npmCache = process.env.npm_config_cache ?? join(homedir(), '.npm');
  return { url, server, requests, cachedCopy: join(npmCache, '_prebuilds', `${digest}-${name.replace(/[^a-zA-Z0-9.]+/g, '-')}`) };
}

describe('the npm package', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('installs with --omit=dev in an empty folder and `rapport serve` reaches /ready and serves the panel', async () => {
    const dir = tempDir('rapport-pack-');
    // The bundles and the panel are built already (by `prepare` or above): pack what is there.
    await npm(['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    expect(tarball, 'npm pack wrote a tarball').toBeDefined();

    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'rapport-install-check', private: true, allowScripts: { 'better-sqlite3': true } }));
    const mirror = await prebuiltMirror(dir);
    try {
      await npm(['install', '--omit=dev', join(dir, tarball!)], app, { npm_config_better_sqlite3_binary_host: mirror.url });
    } finally {
      mirror.server.close();
      // prebuild-install keeps each download in npm's cache, by URL: this port's copy will never be asked again.
      rmSync(mirror.cachedCopy, { force: true });
    }
    expect(mirror.requests, 'the install took the prebuilt binary').toHaveLength(1);

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
