import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BUILT_CLI = join(ROOT, 'dist/node/cli.js');
const RENDERER_INDEX = join(ROOT, 'dist/renderer/index.html');

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * The compiled bundles and the control panel, as `npm install` leaves them (the `prepare` script);
 * built here when missing, so a test of the production start-up never silently runs TypeScript.
 */
export function ensureBuilt(): void {
  if (!existsSync(RENDERER_INDEX)) run([join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
  if (!existsSync(BUILT_CLI)) run([join(ROOT, 'scripts/build-node.mjs')]);
}

/**
 * A script of the test suite (say, a child process a test SIGKILLs) bundled with the current sources
 * into one plain ESM file, so that every start runs JavaScript instead of transpiling the core again
 * (as `node --import tsx` does). Built afresh from the working tree, never stale. It lands under dist/
 * so the app still finds its root (package.json, migrations) and its packages in node_modules.
 */
export async function bundleScript(entry: string): Promise<{ file: string; dispose(): void }> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const outdir = mkdtempSync(join(ROOT, 'dist', '.test-script-'));
  const file = join(outdir, `${basename(entry).replace(/\.ts$/, '')}.mjs`);
  await build({
    entryPoints: [resolve(ROOT, entry)],
    outfile: file,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __testCreateRequire } from 'node:module'; const require = __testCreateRequire(import.meta.url);" },
  });
  return { file, dispose: () => rmSync(outdir, { recursive: true, force: true }) };
}
