import type { OperationName, OpOutput } from '../../src-shared/contract.js';
import { isRapportError } from '../../src-shared/errors.js';
import { createCore, type Core, type CoreOptions } from '../core/app.js';
import { pathsFor, resolveDataDir } from '../core/config.js';
import { alreadyRunningError, liveHolder } from '../core/data-lock.js';
import { connectToHost } from './host-client.js';

/**
 * What a command works with: the core in this process, or — when another Rapport process owns the
 * data folder — that process's API (`act`) or a read-only core beside it (`read`).
 */
export interface CliCore {
  call<N extends OperationName>(name: N, input: unknown): Promise<OpOutput<N>>;
  /** The core in this process; null when the command runs in the process that owns the folder. */
  local: Core | null;
  /** The owner's event stream, when the command runs there (for a run's progress lines). */
  openEvents?(signal: AbortSignal): Promise<Response>;
}

/**
 * `act`: the command changes something (a run, the session, settings), so it runs where the folder's
 * owner is; `read`: it only reads (status, plan), so a read-only core beside the owner is enough.
 */
export type CliAccess = 'read' | 'act';

/** The CLI view of a core already running in this process (tests hand in their own). */
export function localCli(core: Core): CliCore {
  return { call: (name, input) => core.call(name, input), local: core };
}

async function withLocal(fn: (core: CliCore) => Promise<number>, core: Core): Promise<number> {
  try {
    return await fn(localCli(core));
  } finally {
    await core.stop();
  }
}

/** Runs a CLI command against the user's data folder, honouring its one owner; always cleans up. */
export async function withCore(fn: (core: CliCore) => Promise<number>, options: CoreOptions = {}, access: CliAccess = 'act'): Promise<number> {
  // Only the failure to take the folder leads elsewhere; an error from the command itself never
  // makes it run a second time.
  let owned: Core;
  try {
    owned = await createCore(options);
  } catch (e) {
    if (!isRapportError(e) || e.code !== 'ALREADY_RUNNING') throw e;
    return withOwner(fn, options, access);
  }
  return withLocal(fn, owned);
}

/** Another process owns the folder: read beside it, or hand the command to its API. */
async function withOwner(fn: (core: CliCore) => Promise<number>, options: CoreOptions, access: CliAccess): Promise<number> {
  const env = options.env ?? process.env;
  const paths = pathsFor(resolveDataDir(env, options.dataDir));
  const holder = liveHolder(paths.dataDir);
  if (!holder) return withLocal(fn, await createCore(options)); // it ended meanwhile
  if (access === 'read') return withLocal(fn, await createCore({ ...options, access: 'reader' }));
  const remote = await connectToHost(paths, env, holder.pid);
  if (!remote) throw alreadyRunningError(paths.dataDir, holder);
  return fn({ call: remote.call, local: null, openEvents: remote.openEvents });
}
