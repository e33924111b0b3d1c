import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './types.js';

/** `FILE [--dry-run] [--json]`, shared by the import commands; the path is made absolute for the core. */
export function parseFileImportArgs(args: string[], what: string): { path: string; dryRun: boolean; json: boolean } {
  const { values, positionals } = parseArgs({
    args,
    options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError(`Name one ${what}.`);
  return { path: resolve(positionals[0]!), dryRun: values['dry-run'] ?? false, json: values.json ?? false };
}
