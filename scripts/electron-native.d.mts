// Types for electron-native.mjs (plain JS so `npm start` needs no compiler).
export interface BindingTarget {
  cacheRoot: string;
  sqliteVersion: string;
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
}
export interface SelectOptions extends BindingTarget {
  moduleDir: string;
}
export type Probe = (binding: string) => { ok: true } | { ok: false; why: string };
export interface RebuildOptions {
  buildPath: string;
  projectRootPath: string;
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
  onlyModules: string[];
  force: boolean;
  buildFromSource: boolean;
}
export interface SelectDeps {
  rebuild(options: RebuildOptions): Promise<void>;
  probe: Probe;
  log?(line: string): void;
}
export type SqliteChoice = { ok: true; binding: string; source: 'cache' | 'built' } | { ok: false; why: string };

export function nativeCacheRoot(env?: Record<string, string | undefined>, home?: string): string;
export function bindingLocation(target: BindingTarget): { dir: string; binding: string };
export function prepareBuildFolder(o: { dir: string; moduleDir: string; sqliteVersion: string }): void;
export function selectElectronSqlite(o: SelectOptions, deps: SelectDeps): Promise<SqliteChoice>;
export function headlessReason(o: {
  forced: boolean;
  display: boolean;
  electron: { ok: true; bin: string } | { ok: false; why: string };
  sqlite: SqliteChoice | null;
}): string | null;
export function probeInElectron(electronBin: string, moduleDir: string): Probe;
export function electronRebuild(options: RebuildOptions): Promise<void>;
export function readVersion(packageJson: string): string;
