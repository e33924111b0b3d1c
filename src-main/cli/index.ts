import { isRapportError } from '../../src-shared/errors.js';
import { accountCommand } from './account-command.js';
import { contactsCommand } from './contacts-command.js';
import { exportCommand } from './export-command.js';
import { importContactsCommand } from './import-contacts-command.js';
import { importLegacyCommand } from './import-legacy-command.js';
import { planCommand } from './plan-command.js';
import { runCommand } from './run-command.js';
import { serveCommand } from './serve-command.js';
import { statusCommand } from './status-command.js';
import { UsageError, type CliCommand, type CliIo } from './types.js';

export const COMMANDS: CliCommand[] = [
  serveCommand,
  statusCommand,
  runCommand,
  planCommand,
  accountCommand,
  importLegacyCommand,
  importContactsCommand,
  exportCommand,
  contactsCommand,
];

export function usage(commands: CliCommand[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return ['Usage: rapport <command> [options]', '', 'Commands:', ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`)].join('\n');
}

const consoleIo: CliIo = { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') };

/** Exit codes: 0 success, 1 the operation failed, 2 bad usage. */
export async function runCli(argv: string[], io: CliIo = consoleIo, commands: CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage(commands));
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".`);
    io.err(usage(commands));
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (isRapportError(e)) {
      io.err(`Error ${e.code}: ${e.message}`);
      return 1;
    }
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.err((e as Error).message);
      io.err(`Usage: rapport ${command.usage}`);
      return 2;
    }
    if (e instanceof UsageError || (e instanceof Error && /^--/.test(e.message))) {
      io.err(e.message);
      io.err(`Usage: rapport ${command.usage}`);
      return 2;
    }
    io.err(`Unexpected error: ${(e as Error).message}`);
    return 1;
  }
}
