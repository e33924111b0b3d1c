import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Start-up asks several times (version, migrations, panel): the walk is done once per directory. */
const found = new Map<string, string>();

/**
 * The directory holding Rapport's package.json, found by walking up from this module: the same code
 * runs from `src-main/core` (tsx), from a bundle in `dist-electron/`, and from inside the app's asar.
 */
export function appRoot(from: string = fileURLToPath(import.meta.url)): string {
  const start = dirname(from);
  let root = found.get(start);
  if (root === undefined) {
    root = walkUp(start);
    found.set(start, root);
  }
  return root;
}

function walkUp(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'rapport') return dir;
      } catch {
        // not ours; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
