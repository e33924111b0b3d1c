#!/usr/bin/env node
// `npm start`: the Electron app when its binary and a display are there; otherwise the same app headless.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  electronRebuild,
  headlessReason,
  nativeCacheRoot,
  probeInElectron,
  readVersion,
  selectElectronSqlite,
} from './electron-native.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const rendererIndex = `${root}dist/renderer/index.html`;

function electronBinary() {
  try {
    const pathFile = `${root}node_modules/electron/path.txt`;
    if (!existsSync(pathFile)) return { ok: false, why: 'the Electron binary is not installed (it could not be downloaded)' };
    const bin = require('electron');
    if (typeof bin !== 'string' || !existsSync(bin)) return { ok: false, why: 'the Electron binary is missing' };
    return { ok: true, bin };
  } catch (e) {
    return { ok: false, why: `Electron is not usable (${e.message.split('\n')[0]})` };
  }
}

function hasDisplay() {
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform === 'darwin' || process.platform === 'win32');
}

if (!existsSync(rendererIndex) || statSync(rendererIndex).size === 0) {
  console.log('Building the control panel…');
  const vite = `${root}node_modules/vite/bin/vite.js`;
  const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** better-sqlite3 built for Electron's ABI in its own cache folder; Node's build in node_modules stays as it is. */
async function electronSqlite(bin) {
  const moduleDir = `${root}node_modules/better-sqlite3`;
  return selectElectronSqlite(
    {
      cacheRoot: nativeCacheRoot(),
      moduleDir,
      sqliteVersion: readVersion(`${moduleDir}/package.json`),
      electronVersion: readVersion(`${root}node_modules/electron/package.json`),
      platform: process.platform,
      arch: process.arch,
    },
    { rebuild: electronRebuild, probe: probeInElectron(bin, moduleDir), log: (line) => console.log(line) },
  );
}

const electron = electronBinary();
const display = hasDisplay();
const forced = process.env.RAPPORT_HEADLESS === '1';
const sqlite = electron.ok && display && !forced ? await electronSqlite(electron.bin) : null;
const why = headlessReason({ forced, display, electron, sqlite });
let child;
if (!why) {
  const bundled = spawnSync(process.execPath, [`${root}scripts/build-electron.mjs`], { cwd: root, stdio: 'inherit' });
  if (bundled.status !== 0) process.exit(bundled.status ?? 1);
  child = spawn(electron.bin, [root], { stdio: 'inherit', env: { ...process.env, RAPPORT_ELECTRON_SQLITE_BINDING: sqlite.binding } });
} else {
  console.log(`Starting Rapport headless because ${why}.`);
  const tsxCli = require.resolve('tsx/cli');
  child = spawn(process.execPath, [tsxCli, `${root}src-main/cli.ts`, 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
