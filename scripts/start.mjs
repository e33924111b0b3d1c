#!/usr/bin/env node
// `npm start`: the Electron app when its binary and a display are there; otherwise the same app headless.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
const electronMain = `${root}dist-electron/main.js`;
const headlessCli = `${root}dist/node/cli.js`;

function electronBinary() {
  try {
    const pathFile = `${root}node_modules/electron/path.txt`;
    if (!existsSync(pathFile)) return { ok: false, why: 'the Electron binary is not installed (it could not be downloaded)' };
    const bin = require('electron');
    if (typeof bin !== 'string' || !existsSync(bin)) return { ok: false, why: 'the Electron binary is missing' };
    if (!existsSync(electronMain)) return { ok: false, why: 'the Electron main process is not built (run `npm run build`)' };
    return { ok: true, bin };
  } catch (e) {
    return { ok: false, why: `Electron is not usable (${e.message.split('\n')[0]})` };
  }
}

function hasDisplay() {
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform === 'darwin' || process.platform === 'win32');
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
if (!why) {
  const child = spawn(electron.bin, [root], { stdio: 'inherit', env: { ...process.env, RAPPORT_ELECTRON_SQLITE_BINDING: sqlite.binding } });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  console.log(`Starting Rapport headless because ${why}.`);
  if (!existsSync(headlessCli)) {
    console.error('Rapport is not built: run `npm run build:node` (or `npm install`) first.');
    process.exit(1);
  }
  // In this process: one Node start-up, not two. The CLI reads its command from argv.
  process.argv = [process.argv[0], headlessCli, 'serve', ...process.argv.slice(2)];
  await import(pathToFileURL(headlessCli).href);
}
