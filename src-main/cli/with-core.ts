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

async function withLocal(fn: (core: CliCore) => Promise<number>, options: CoreOptions): Promise<number> {
  const core = await createCore(options);
  try {
    return await fn(localCli(core));
  } finally {
    await core.stop();
  }
}

/** Runs a CLI command against the user's data folder, honouring its one owner; always cleans up. */
export async function withCore(fn: (core: CliCore) => Promise<number>, options: CoreOptions = {}, access: CliAccess = 'act'): Promise<number> {
  try {
    return await withLocal(fn, options);
  } catch (e) {
    if (!isRapportError(e) || e.code !== 'ALREADY_RUNNING' || (e.details as { pid?: number })?.pid === undefined) throw e;
  }
  // Another process owns the folder.
  const env = options.env ?? process.env;
  const paths = pathsFor(resolveDataDir(env, options.dataDir));
  const holder = liveHolder(paths.dataDir);
  if (!holder) return withLocal(fn, options); // it ended meanwhile
  if (access === 'read') return withLocal(fn, { ...options, access: 'reader' });
  const remote = await connectToHost(paths, env, holder.pid);
  if (!remote) throw alreadyRunningError(paths.dataDir, holder);
  return fn({ call: remote, local: null });
}
