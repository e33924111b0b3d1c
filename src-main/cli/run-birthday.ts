import { parseArgs } from 'node:util';
import type { CliIo } from './types.js';
import { printRunSummary, waitForRun } from './wait-run.js';
import { withCore } from './with-core.js';

/** `rapport run birthday [--dry-run] [--ignore-working-hours] [--json]`: exit 0 only when the run succeeded. */
export async function runBirthdayCli(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'dry-run': { type: 'boolean' }, 'ignore-working-hours': { type: 'boolean' }, json: { type: 'boolean' } },
    strict: true,
    allowPositionals: false,
  });
  return withCore(async (core) => {
    const { runId } = await core.call('campaigns.birthday.run', {
      ...(values['dry-run'] ? { dryRun: true } : {}),
      ...(values['ignore-working-hours'] ? { ignoreWorkingHours: true } : {}),
    });
    const run = await waitForRun(core, runId, io, Boolean(values.json));
    return printRunSummary(run, io, Boolean(values.json));
  });
}
