import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
