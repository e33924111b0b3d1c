import type { CoreContext, PartialHandlers } from './context.js';
import { contactsCsv, interactionsCsv } from './exports.js';
import { importContactsCsv } from './store/contacts-csv-import.js';
import { importLegacy } from './store/legacy-import.js';

/** Bringing data in (legacy database, LinkedIn's Connections.csv) and taking it out (CSV). */
export function dataHandlers(ctx: CoreContext): PartialHandlers {
  const { store } = ctx;
  const now = () => ctx.clock.now();
  return {
    'legacy.import': async ({ path, dryRun }) => {
      const report = importLegacy(store.database, {
        path,
        dryRun: dryRun ?? false,
        timeZone: ctx.settings.get().timeZone,
        backupDir: ctx.paths.backups,
        now,
      });
      ctx.logger.info({ layout: report.layout, dryRun: report.dryRun, imported: report.imported, unmatched: report.unmatchedCount }, 'legacy import');
      return report;
    },
    'contacts.import': async ({ path, dryRun }) => {
      const report = importContactsCsv(store.database, { path, dryRun: dryRun ?? false, now });
      ctx.logger.info({ dryRun: report.dryRun, created: report.created, updated: report.updated }, 'contacts import');
      return report;
    },
    'contacts.export': async (filter) => contactsCsv(store, filter),
    'interactions.export': async (filter) => interactionsCsv(store, filter),
  };
}
