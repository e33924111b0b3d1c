import { describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bindingLocation,
  headlessReason,
  nativeCacheRoot,
  selectElectronSqlite,
  type RebuildOptions,
  type SelectOptions,
} from '../../../scripts/electron-native.mjs';
import { tempDir } from '../../helpers/temp.js';

/** A stand-in for node_modules/better-sqlite3 with Node's own build in it. */
function fakeModule(root: string): string {
  const dir = join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(join(dir, 'build', 'Release'), { recursive: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  writeFileSync(join(dir, 'binding.gyp'), '{}');
  writeFileSync(join(dir, 'src', 'better_sqlite3.cpp'), '// sources');
  writeFileSync(join(dir, 'build', 'Release', 'better_sqlite3.node'), 'node-abi-115');
  return dir;
}

function setup(electronVersion = '45.5.0') {
  const root = tempDir();
  const options: SelectOptions = {
    cacheRoot: join(root, 'cache'),
    moduleDir: fakeModule(root),
    sqliteVersion: '12.11.1',
    electronVersion,
    platform: 'linux',
    arch: 'x64',
  };
  /** Builds like @electron/rebuild: an addon inside the build path's copy of the module. */
  const rebuild = vi.fn(async (o: RebuildOptions) => {
    const out = join(o.buildPath, 'node_modules', 'better-sqlite3', 'build', 'Release');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'better_sqlite3.node'), `electron-${o.electronVersion}`);
  });
  const probe = vi.fn((binding: string) =>
    readFileSync(binding, 'utf8') === `electron-${electronVersion}` ? ({ ok: true } as const) : ({ ok: false, why: 'NODE_MODULE_VERSION mismatch' } as const),
  );
  return { root, options, rebuild, probe, nodeBuild: join(options.moduleDir, 'build', 'Release', 'better_sqlite3.node') };
}

describe('better-sqlite3 for Electron in development', () => {
  it('builds once into its own cache folder, never touching Node’s build, then reuses it', async () => {
    const s = setup();
    const first = await selectElectronSqlite(s.options, { rebuild: s.rebuild, probe: s.probe });
    const { dir, binding } = bindingLocation(s.options);
    expect(first).toEqual({ ok: true, binding, source: 'built' });
    expect(binding.startsWith(s.options.cacheRoot)).toBe(true);
    expect(s.rebuild).toHaveBeenCalledWith(
      expect.objectContaining({ buildPath: dir, projectRootPath: dir, electronVersion: '45.5.0', onlyModules: ['better-sqlite3'], arch: 'x64' }),
    );
    // The copy has the sources to compile; Node's build stays where `npm test` loads it.
    expect(existsSync(join(dir, 'node_modules', 'better-sqlite3', 'src', 'better_sqlite3.cpp'))).toBe(true);
    expect(readFileSync(s.nodeBuild, 'utf8')).toBe('node-abi-115');

    const second = await selectElectronSqlite(s.options, { rebuild: s.rebuild, probe: s.probe });
    expect(second).toEqual({ ok: true, binding, source: 'cache' });
    expect(s.rebuild).toHaveBeenCalledTimes(1);
  });

  it('rebuilds a cached addon that no longer loads in Electron', async () => {
    const s = setup();
    const { binding } = bindingLocation(s.options);
    mkdirSync(join(binding, '..'), { recursive: true });
    writeFileSync(binding, 'something-stale');
    expect(await selectElectronSqlite(s.options, { rebuild: s.rebuild, probe: s.probe })).toMatchObject({ ok: true, source: 'built' });
    expect(s.rebuild).toHaveBeenCalledTimes(1);
  });

  it('keeps one build per Electron version', () => {
    const a = bindingLocation(setup('45.5.0').options);
    const b = bindingLocation({ ...setup('46.0.0').options, cacheRoot: join(a.dir, '..') });
    expect(a.dir).not.toBe(b.dir);
    expect(b.dir).toContain('electron-46.0.0-linux-x64');
  });

  it('says why when it cannot build (no compiler, no headers), leaving no half-built folder', async () => {
    const s = setup();
    const rebuild = vi.fn(async () => {
      throw new Error('gyp ERR! stack Error: not found: make\nmore lines');
    });
    const choice = await selectElectronSqlite(s.options, { rebuild, probe: s.probe });
    expect(choice).toEqual({ ok: false, why: 'better-sqlite3 could not be built for Electron 45.5.0 (gyp ERR! stack Error: not found: make)' });
    expect(existsSync(bindingLocation(s.options).dir)).toBe(false);
    expect(readFileSync(s.nodeBuild, 'utf8')).toBe('node-abi-115');
  });

  it('says why when the build does not load in Electron', async () => {
    const s = setup();
    const probe = vi.fn(() => ({ ok: false, why: 'NODE_MODULE_VERSION 115 vs 140' }) as const);
    expect(await selectElectronSqlite(s.options, { rebuild: s.rebuild, probe })).toEqual({
      ok: false,
      why: 'the better-sqlite3 build for Electron does not load in Electron (NODE_MODULE_VERSION 115 vs 140)',
    });
  });

  it('keeps its cache under XDG_CACHE_HOME (absolute) or ~/.cache', () => {
    expect(nativeCacheRoot({ XDG_CACHE_HOME: '/var/cache/ana' }, '/home/ana')).toBe('/var/cache/ana/rapport/electron-native');
    expect(nativeCacheRoot({ XDG_CACHE_HOME: 'rel' }, '/home/ana')).toBe('/home/ana/.cache/rapport/electron-native');
  });
});

describe('npm start: Electron or headless', () => {
  const electron = { ok: true as const, bin: '/e/electron' };
  const sqlite = { ok: true as const, binding: '/c/b.node', source: 'cache' as const };
  it('starts Electron only with a display, the binary and an Electron build of better-sqlite3', () => {
    expect(headlessReason({ forced: false, display: true, electron, sqlite })).toBeNull();
    expect(headlessReason({ forced: true, display: true, electron, sqlite })).toBe('RAPPORT_HEADLESS=1 is set');
    expect(headlessReason({ forced: false, display: false, electron, sqlite: null })).toBe('there is no display');
    expect(headlessReason({ forced: false, display: true, electron: { ok: false, why: 'the Electron binary is missing' }, sqlite: null })).toBe(
      'the Electron binary is missing',
    );
    expect(headlessReason({ forced: false, display: true, electron, sqlite: { ok: false, why: 'better-sqlite3 could not be built' } })).toBe(
      'better-sqlite3 could not be built',
    );
  });
});
