#!/usr/bin/env node
// The package's `rapport` command: runs the compiled CLI (dist/node/cli.js) in this process.
// Nothing is compiled at start-up; a checkout builds the bundles on `npm install` (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/node/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('Rapport is not built: run `npm run build:node` (or `npm install`) in its folder first.\n');
  process.exit(1);
}
await import(cli);
