/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn, then prints ONE table of all their rows,
 * each product figure beside its baseline measured in the same run. Figures are measurements, never
 * pass/fail thresholds. `npm run bench -- NAME` runs matching files only; `--json` also prints the rows.
 * Adding a row: return it from a bench module (see `BenchResult` in ./types.ts).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { renderTable, type TableRow } from './table.js';
import type { Bench } from './types.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();

const failures: string[] = [];
const rows: TableRow[] = [];
for (const file of files) {
  process.stderr.write(`running ${file}…\n`);
  try {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: Bench };
    for (const row of await mod.default()) rows.push({ ...row, file });
  } catch (e) {
    failures.push(`${file}: ${(e as Error).stack ?? String(e)}`);
  }
}
process.stdout.write(`\n${renderTable(rows)}\n`);
for (const failure of failures) process.stdout.write(`\nFAILED ${failure}\n`);
if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
process.exit(failures.length ? 1 : 0);
