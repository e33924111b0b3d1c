import type { CliCommand } from './types.js';
import { parseFileImportArgs } from './file-import-args.js';
import { withCore } from './with-core.js';

export const importContactsCommand: CliCommand = {
  name: 'import-contacts',
  usage: 'import-contacts FILE [--dry-run] [--json]',
  summary: "Import LinkedIn's Connections.csv (or a Rapport contacts export)",
  async run(args, io) {
    const { path, dryRun, json } = parseFileImportArgs(args, 'CSV file');
    return withCore(async (core) => {
      const r = await core.call('contacts.import', { path, dryRun });
      if (json) io.out(JSON.stringify(r, null, 2));
      else {
        io.out(`${r.dryRun ? 'Preview (nothing written)' : 'Imported'}: ${r.found} row(s) — ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged`);
        for (const [reason, n] of Object.entries(r.skipped)) io.out(`  skipped ${reason}: ${n}`);
      }
      return 0;
    });
  },
};
