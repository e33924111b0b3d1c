#!/usr/bin/env node
// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS, which cannot require zod).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Native modules, pino (it resolves its own helpers by name at run time) and the browser driver stay in
// node_modules (unpacked from the asar).
const external = ['electron', 'better-sqlite3', 'playwright-core', 'pino', 'ioredis'];

await build({
  entryPoints: [`${root}src-main/main.ts`],
  outfile: `${root}dist-electron/main.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __rapportCreateRequire } from 'node:module'; const require = __rapportCreateRequire(import.meta.url);" },
});
await build({
  entryPoints: [`${root}src-main/preload.ts`],
  outfile: `${root}dist-electron/preload.cjs`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  logLevel: 'warning',
});
console.log('Built dist-electron/main.js and dist-electron/preload.cjs');
