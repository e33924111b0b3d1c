// better-sqlite3 for Electron in development: built for Electron's ABI into its own cache folder and
// handed to the app through better-sqlite3's `nativeBinding` option, so Node keeps its own build in
// node_modules and `npm test` is never affected. Used by scripts/start.mjs; unit-tested with fakes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

const MODULE = 'better-sqlite3';

/** `$XDG_CACHE_HOME/rapport/electron-native` (else ~/.cache/…): outside node_modules, so `npm ci` keeps it. */
export function nativeCacheRoot(env = process.env, home = homedir()) {
  const cacheHome = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(home, '.cache');
  return join(cacheHome, 'rapport', 'electron-native');
}

/** One folder per (better-sqlite3, Electron, platform, arch): a new version of either builds anew. */
export function bindingLocation({ cacheRoot, sqliteVersion, electronVersion, platform, arch }) {
  const dir = join(cacheRoot, `${MODULE}-${sqliteVersion}-electron-${electronVersion}-${platform}-${arch}`);
  return { dir, binding: join(dir, 'node_modules', MODULE, 'build', 'Release', 'better_sqlite3.node') };
}

/** A private project in the cache folder holding a copy of the module's sources (not Node's build). */
export function prepareBuildFolder({ dir, moduleDir, sqliteVersion }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'rapport-electron-native', private: true, dependencies: { [MODULE]: sqliteVersion } }, null, 2),
  );
  cpSync(moduleDir, join(dir, 'node_modules', MODULE), {
    recursive: true,
    filter: (src) => !src.startsWith(join(moduleDir, 'build')),
  });
}

/**
 * Finds or builds better-sqlite3 for Electron. Answers `{ ok: true, binding, source }` or
 * `{ ok: false, why }` (a sentence for "starting headless because …").
 * deps: `rebuild(options)` (@electron/rebuild's), `probe(binding)` → `{ ok, why? }` loads it in Electron.
 */
export async function selectElectronSqlite(o, deps) {
  const { dir, binding } = bindingLocation(o);
  if (existsSync(binding) && deps.probe(binding).ok) return { ok: true, binding, source: 'cache' };
  deps.log?.(`Building ${MODULE} for Electron ${o.electronVersion} into ${dir} (once; about a minute)…`);
  try {
    prepareBuildFolder({ dir, moduleDir: o.moduleDir, sqliteVersion: o.sqliteVersion });
    await deps.rebuild({
      buildPath: dir,
      // The search for modules stops here: nothing outside the cache folder is rebuilt.
      projectRootPath: dir,
      electronVersion: o.electronVersion,
      platform: o.platform,
      arch: o.arch,
      onlyModules: [MODULE],
      force: true,
      buildFromSource: true,
    });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    return { ok: false, why: `${MODULE} could not be built for Electron ${o.electronVersion} (${reason})` };
  }
  if (!existsSync(binding)) return { ok: false, why: `the ${MODULE} build for Electron produced no addon at ${binding}` };
  const probe = deps.probe(binding);
  if (!probe.ok) return { ok: false, why: `the ${MODULE} build for Electron does not load in Electron (${probe.why})` };
  return { ok: true, binding, source: 'built' };
}

/** Why `npm start` starts headless, or null when the Electron app can start. */
export function headlessReason({ forced, display, electron, sqlite }) {
  if (forced) return 'RAPPORT_HEADLESS=1 is set';
  if (!display) return 'there is no display';
  if (!electron.ok) return electron.why;
  if (sqlite && !sqlite.ok) return sqlite.why;
  return null;
}

/** Loads the addon inside Electron running as Node: the one check that proves the ABI matches. */
export function probeInElectron(electronBin, moduleDir) {
  return (binding) => {
    const script = `const D = require(${JSON.stringify(moduleDir)}); new D(':memory:', { nativeBinding: ${JSON.stringify(binding)} }).prepare('select 1').get();`;
    const r = spawnSync(electronBin, ['-e', script], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return { ok: true };
    return { ok: false, why: (r.error?.message ?? r.stderr ?? '').trim().split('\n').find((l) => /Error/.test(l)) ?? `exit ${r.status}` };
  };
}

/** @electron/rebuild (a devDependency), with Node's header folder unset so node-gyp uses Electron's headers. */
export async function electronRebuild(options) {
  const { rebuild } = await import('@electron/rebuild');
  const saved = process.env.npm_config_nodedir;
  delete process.env.npm_config_nodedir;
  try {
    await rebuild(options);
  } finally {
    if (saved !== undefined) process.env.npm_config_nodedir = saved;
  }
}

export function readVersion(packageJson) {
  return JSON.parse(readFileSync(packageJson, 'utf8')).version;
}
