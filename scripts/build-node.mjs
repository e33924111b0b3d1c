#!/usr/bin/env node
// Bundles the headless host, the CLI and the core into plain ESM under dist/ (run by bin/rapport.mjs and
// `npm start`), so nothing is compiled at start-up. Code split: what the app imports on demand (the
// browser engine, the campaigns) lands in chunks loaded only when a run or an account action needs it.
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/node`;
// Built beside, then swapped in: a host starting meanwhile sees the old bundles or the new, never half.
const staging = `${root}dist/.node-${process.pid}`;
// Native modules, pino (it resolves its own helpers by name at run time) and the browser driver stay in
// node_modules; they are runtime dependencies of the package.
const external = ['better-sqlite3', 'playwright-core', 'pino', 'ioredis', 'electron'];

rmSync(staging, { recursive: true, force: true });
await build({
  entryPoints: {
    cli: `${root}src-main/cli.ts`,
    headless: `${root}src-main/headless.ts`,
    core: `${root}src-main/core/app.ts`,
  },
  outdir: staging,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  sourcemap: 'linked',
  // Less to parse at every start (the Pi's cold start); names are kept so stack traces in logs stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __rapportCreateRequire } from 'node:module'; const require = __rapportCreateRequire(import.meta.url);" },
});
rmSync(outdir, { recursive: true, force: true });
renameSync(staging, outdir);
console.log('Built dist/node/cli.js, dist/node/headless.js and dist/node/core.js');
