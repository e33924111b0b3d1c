import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { AccountStatus } from '../../src-shared/domain.js';
import type { Core } from '../core/app.js';
import type { CliCommand, CliIo } from './types.js';
import { withCore, type CliAccess } from './with-core.js';

/** What the command needs from the core; tests pass a small fake. */
export type AccountCore = Pick<Core, 'call'>;
export type CoreRunner = (fn: (core: AccountCore) => Promise<number>, access?: CliAccess) => Promise<number>;

const USAGE = 'account status [--json] | account connect [--timeout SECONDS] | account import-cookies FILE | account disconnect';

export function formatAccount(status: AccountStatus): string[] {
  const lines = [`LinkedIn account: ${status.state} — ${status.message}`];
  if (status.connectedAt) lines.push(`  connected: ${status.connectedAt}`);
  lines.push(`  last verified: ${status.lastVerifiedAt ?? 'not yet (verified at the next run)'}`);
  return lines;
}

function print(io: CliIo, status: AccountStatus, json: boolean | undefined): void {
  if (json) io.out(JSON.stringify(status, null, 2));
  else formatAccount(status).forEach((l) => io.out(l));
}

function usageError(io: CliIo, message: string): number {
  io.err(message);
  io.err(`Usage: rapport ${USAGE}`);
  return 2;
}

export function createAccountCommand(run: CoreRunner): CliCommand {
  return {
    name: 'account',
    usage: 'account status|connect|import-cookies FILE|disconnect',
    summary: 'Connect the LinkedIn account (you log in yourself), import exported cookies, or show its state',
    async run(args, io) {
      const [sub, ...rest] = args;
      const { values, positionals } = parseArgs({
        args: rest,
        options: { json: { type: 'boolean' }, timeout: { type: 'string' } },
        strict: true,
        allowPositionals: true,
      });
      switch (sub) {
        case 'status':
          if (positionals.length) return usageError(io, 'account status takes no argument.');
          return run(async (core) => {
            print(io, await core.call('account.status', {}), values.json);
            return 0;
          }, 'read');
        case 'connect': {
          const timeoutSeconds = values.timeout === undefined ? undefined : Number(values.timeout);
          if (timeoutSeconds !== undefined && !Number.isInteger(timeoutSeconds)) return usageError(io, '--timeout must be a whole number of seconds.');
          return run(async (core) => {
            io.out('A browser window opens on the LinkedIn login page: log in there yourself (Rapport never sees your password).');
            print(io, await core.call('account.connect', timeoutSeconds === undefined ? {} : { timeoutSeconds }), values.json);
            return 0;
          });
        }
        case 'import-cookies': {
          const [file] = positionals;
          if (!file || positionals.length > 1) return usageError(io, 'account import-cookies needs one FILE.');
          let content: string;
          try {
            content = await readFile(file, 'utf8');
          } catch (e) {
            io.err(`Cannot read ${file}: ${(e as Error).message}`);
            return 1;
          }
          return run(async (core) => {
            print(io, await core.call('account.importCookies', { content }), values.json);
            return 0;
          });
        }
        case 'disconnect':
          return run(async (core) => {
            print(io, await core.call('account.disconnect', {}), values.json);
            return 0;
          });
        default:
          return usageError(io, sub ? `Unknown account command "${sub}".` : 'Say what to do with the account.');
      }
    },
  };
}

export const accountCommand: CliCommand = createAccountCommand((fn, access) => withCore(fn, {}, access));
