import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from './types.js';
import { withCore } from './with-core.js';

export const importContactsCommand: CliCommand = {
  name: 'import-contacts',
  usage: 'import-contacts FILE [--dry-run] [--json]',
  summary: "Import LinkedIn's Connections.csv (or a Rapport contacts export)",
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length !== 1) throw new UsageError('Name one CSV file.');
    return withCore(async (core) => {
      const r = await core.call('contacts.import', { path: resolve(positionals[0]), dryRun: values['dry-run'] ?? false });
      if (values.json) io.out(JSON.stringify(r, null, 2));
      else {
        io.out(`${r.dryRun ? 'Preview (nothing written)' : 'Imported'}: ${r.found} row(s) — ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged`);
        for (const [reason, n] of Object.entries(r.skipped)) io.out(`  skipped ${reason}: ${n}`);
      }
      return 0;
    });
  },
};
