import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { tempDir } from '../../helpers/temp.js';

const require = createRequire(import.meta.url);
const addon = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
const script = resolve('.github/scripts/check-native-arch.sh');
const hostArch = process.arch === 'arm64' ? 'arm64' : 'x64';
const otherArch = hostArch === 'x64' ? 'arm64' : 'x64';

/** A release folder shaped like electron-builder's: a deb, an AppImage (here a script that extracts), the unpacked app. */
function fakeRelease(withAddonInAppImage = true): string {
  const root = tempDir();
  const release = join(root, 'release');
  const place = (dir: string) => {
    const to = join(dir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release');
    mkdirSync(to, { recursive: true });
    copyFileSync(addon, join(to, 'better_sqlite3.node'));
  };
  place(join(release, 'linux-unpacked'));
  const debRoot = join(root, 'debroot');
  place(join(debRoot, 'opt', 'Rapport'));
  mkdirSync(join(debRoot, 'DEBIAN'), { recursive: true });
  writeFileSync(join(debRoot, 'DEBIAN', 'control'), 'Package: rapport\nVersion: 0.1.0\nArchitecture: amd64\nMaintainer: test <t@example.org>\nDescription: test\n');
  const built = spawnSync('dpkg-deb', ['-Zgzip', '-z1', '--build', '--root-owner-group', debRoot, join(release, 'rapport_0.1.0_amd64.deb')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`dpkg-deb is needed: ${built.error?.message ?? built.stderr}`);
  const squash = join(root, 'squash');
  if (withAddonInAppImage) place(squash);
  else mkdirSync(squash, { recursive: true });
  const appImage = join(release, 'Rapport-0.1.0.AppImage');
  writeFileSync(appImage, `#!/bin/sh\n[ "$1" = --appimage-extract ] && cp -r '${squash}' squashfs-root\n`);
  chmodSync(appImage, 0o755);
  return release;
}

const check = (arch: string, release: string) => spawnSync('bash', [script, arch, release], { encoding: 'utf8' });

describe('the packaging workflow’s architecture check', () => {
  it('accepts packages whose better_sqlite3.node is built for the job’s architecture', () => {
    const r = check(hostArch, fakeRelease());
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`built for ${hostArch} in all 3 places`);
  });

  it('fails when the addon is built for another architecture', () => {
    const r = check(otherArch, fakeRelease());
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/::error::.*better_sqlite3\.node is not built for/);
  });

  it('fails when a package lacks the addon', () => {
    const r = check(hostArch, fakeRelease(false));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('::error::no better_sqlite3.node in');
  });
});
