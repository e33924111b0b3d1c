import { parseArgs } from 'node:util';
import type { Run } from '../../src-shared/domain.js';
import type { Core } from '../core/app.js';
import { LAST_DRY_RUN_KEY, type LastDryRun } from '../core/campaigns/sourcing-run.js';
import { UsageError, type CliIo } from './types.js';
import { printRunSummary, waitForRun } from './wait-run.js';
import { withCore, type CliCore } from './with-core.js';

export interface SourcingCliInput {
  search?: string;
  keywords?: string;
  location?: string;
  maxVisits?: number;
  dryRun?: boolean;
}

/** Parses `--search NAME | --keywords "…" [--location …] [--max-visits N] [--dry-run] [--json]`. */
export function parseSourcingArgs(args: string[]): { input: SourcingCliInput; json: boolean } {
  const { values } = parseArgs({
    args,
    options: {
      search: { type: 'string' },
      keywords: { type: 'string' },
      location: { type: 'string' },
      'max-visits': { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  if ((values.search === undefined) === (values.keywords === undefined)) {
    throw new UsageError('run sourcing needs either --search NAME or --keywords "…" (one of them, not both)');
  }
  if (values.location !== undefined && values.keywords === undefined) {
    throw new UsageError('--location goes with --keywords; a saved search has its own location');
  }
  const input: SourcingCliInput = {};
  if (values.search !== undefined) input.search = values.search;
  if (values.keywords !== undefined) input.keywords = values.keywords;
  if (values.location !== undefined) input.location = values.location;
  if (values['max-visits'] !== undefined) {
    const raw = values['max-visits'];
    if (!/^\d+$/.test(raw)) throw new UsageError(`--max-visits must be a whole number, got "${raw}"`);
    input.maxVisits = Number(raw);
  }
  if (values['dry-run']) input.dryRun = true;
  return { input, json: Boolean(values.json) };
}

function lastDryRunOf(core: Core | null, run: Run): LastDryRun['profiles'] | null {
  // When the run happened in the process that owns the folder, its list is not readable from here.
  if (!run.dryRun || !core) return null;
  const stored = core.ctx.store.appState.get<LastDryRun>(LAST_DRY_RUN_KEY);
  return stored?.runId === run.id ? stored.profiles : null;
}

/** Opens the core the command talks to; tests hand in one of their own. */
export type CoreOpener = (fn: (core: CliCore) => Promise<number>) => Promise<number>;

/**
 * `rapport run sourcing …`: starts the run through the core's contract (as the UI and HTTP do),
 * waits for it, prints a summary — for a dry run, who would be visited. Exit 0 only on success.
 */
export async function runSourcingCli(args: string[], io: CliIo, open: CoreOpener = (fn) => withCore(fn)): Promise<number> {
  const { input, json } = parseSourcingArgs(args);
  return open(async (core) => {
    const { runId } = await core.call('campaigns.sourcing.run', input);
    const run = await waitForRun(core, runId, io, json);
    const wouldVisit = lastDryRunOf(core.local, run);
    if (json) {
      io.out(JSON.stringify(wouldVisit ? { ...run, wouldVisit } : run, null, 2));
      return run.status === 'succeeded' ? 0 : 1;
    }
    const code = printRunSummary(run, io, false);
    if (wouldVisit) {
      io.out(`  would visit ${wouldVisit.length} profile(s):`);
      for (const p of wouldVisit) io.out(`    ${p.fullName}${p.headline ? ` — ${p.headline}` : ''}  ${p.profileUrl}`);
    }
    return code;
  });
}
