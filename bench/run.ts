/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn and prints its figures.
 * Figures are measurements, never pass/fail thresholds. `npm run bench -- NAME` runs matching files only.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { BenchResult } from './types.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();

function format(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(3);
}

let failed = 0;
const all: (BenchResult & { file: string })[] = [];
for (const file of files) {
  process.stdout.write(`\n## ${file}\n`);
  try {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<BenchResult[]> };
    const results = await mod.default();
    for (const r of results) {
      all.push({ ...r, file });
      process.stdout.write(`  ${r.name.padEnd(58)} ${format(r.value).padStart(12)} ${r.unit}${r.note ? `  (${r.note})` : ''}\n`);
    }
  } catch (e) {
    failed += 1;
    process.stdout.write(`  FAILED: ${(e as Error).stack ?? String(e)}\n`);
  }
}
if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(all, null, 2) + '\n');
process.exit(failed ? 1 : 0);
