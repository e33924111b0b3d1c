import type { LegacyImportReport } from '../../src-shared/contract.js';
import type { CliCommand } from './types.js';
import { parseFileImportArgs } from './file-import-args.js';
import { withCore } from './with-core.js';

const line = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';

export function formatLegacyReport(r: LegacyImportReport): string[] {
  const lines = [
    `${r.dryRun ? 'Preview (nothing written)' : 'Imported'} — ${r.layout} database`,
    `  found:     ${line(r.found)}`,
    `  imported:  ${line(r.imported)}`,
    `  merged:    ${line(r.merged)}`,
    `  skipped:   ${line(r.skipped)}`,
    `  unmatched: ${r.unmatchedCount} message(s) whose person could not be told`,
    ...r.unmatched.slice(0, 20).map((u) => `    ${u.table}#${u.legacyId} "${u.contactName}" ${u.sentAt} (${u.reason})`),
  ];
  if (r.backup) lines.push(`  backup of Rapport's database before the import: ${r.backup}`);
  return lines;
}

export const importLegacyCommand: CliCommand = {
  name: 'import-legacy',
  usage: 'import-legacy FILE [--dry-run] [--json]',
  summary: "Import the old bot's SQLite database (v1 or app_v2)",
  async run(args, io) {
    const { path, dryRun, json } = parseFileImportArgs(args, 'database file');
    return withCore(async (core) => {
      const report = await core.call('legacy.import', { path, dryRun });
      if (json) io.out(JSON.stringify(report, null, 2));
      else formatLegacyReport(report).forEach((l) => io.out(l));
      return 0;
    });
  },
};
