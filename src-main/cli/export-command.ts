import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contactsExportQuerySchema, interactionsExportQuerySchema } from '../../src-shared/contract.js';
import { parseOrThrow } from '../../src-shared/errors.js';
import { contactsCsv, interactionsCsv } from '../core/exports.js';
import { UsageError, type CliCommand } from './types.js';
import { withCore } from './with-core.js';

/** Writes chunks to the file as they come, waiting when the disk is slower than the database. */
async function writeAll(file: string, chunks: Iterable<string>): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let bytes = 0;
  for (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage:
    'export contacts|interactions --out FILE [--query Q] [--status S] [--source S] [--birth-month M] [--min-score N] [--sort K] [--type T] [--since DATE] [--until DATE]',
  summary: 'Write contacts (Contacts filter) or interactions (type/status/dates) to a CSV file',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        query: { type: 'string' },
        status: { type: 'string' },
        source: { type: 'string' },
        'birth-month': { type: 'string' },
        'min-score': { type: 'string' },
        sort: { type: 'string' },
        type: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    });
    const what = positionals[0];
    if (positionals.length !== 1 || (what !== 'contacts' && what !== 'interactions')) throw new UsageError('Say what to export: contacts or interactions.');
    if (!values.out) throw new UsageError('--out FILE is required.');
    const defined = (o: Record<string, string | undefined>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    const file = resolve(values.out);
    return withCore(async (core) => {
      // A read: beside a running host it opens the database read-only, so a local core is always there.
      const store = core.local!.ctx.store;
      let rows: Iterable<string>;
      if (what === 'contacts') {
        const filter = parseOrThrow(
          contactsExportQuerySchema,
          defined({ query: values.query, status: values.status, source: values.source, birthMonth: values['birth-month'], minScore: values['min-score'], sort: values.sort }),
          'export filter',
        );
        rows = contactsCsv(store, filter);
      } else {
        const filter = parseOrThrow(
          interactionsExportQuerySchema,
          defined({ type: values.type, status: values.status, since: values.since, until: values.until }),
          'export filter',
        );
        rows = interactionsCsv(store, filter);
      }
      const bytes = await writeAll(file, rows);
      io.out(`Wrote ${what} to ${file} (${bytes} bytes).`);
      return 0;
    }, {}, 'read');
  },
};
