import { runBirthdayCli } from './run-birthday.js';
import { runSourcingCli } from './run-sourcing.js';
import { UsageError, type CliCommand } from './types.js';

export const runCommand: CliCommand = {
  name: 'run',
  usage: 'run birthday [--dry-run] [--ignore-working-hours] [--json] | run sourcing --search NAME | --keywords "…" [--location …] [--max-visits N] [--dry-run] [--json]',
  summary: 'Run a campaign now and wait for it (exit 0 when it succeeded)',
  async run(args, io) {
    const [kind, ...rest] = args;
    if (kind === 'birthday') return runBirthdayCli(rest, io);
    if (kind === 'sourcing') return runSourcingCli(rest, io);
    throw new UsageError(`run needs a campaign: birthday or sourcing${kind ? ` (got "${kind}")` : ''}`);
  },
};
