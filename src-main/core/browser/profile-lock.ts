import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log.js';
import { RapportError } from '../../../src-shared/errors.js';
import { executableOf, groupMembers, killGroup, parentOf, processesWithArg, processGroupOf } from './process-tree.js';

const LOCK_FILES = ['SingletonLock', 'SingletonCookie', 'SingletonSocket'];
/** Executables a live Rapport process runs as. */
export const RAPPORT_EXECUTABLE = /(^|\/)(node(js)?|electron|rapport)$/i;

/**
 * When Rapport itself was killed (power cut, SIGKILL), the browser it had started can outlive it and
 * keep holding the app's own profile directory, so the next launch would fail. A browser whose
 * command line names this profile directory can only have been started by Rapport: stop it, then
 * clear Chromium's lock files. Browsers the user runs elsewhere are never touched.
 */
export async function releaseStaleProfile(profileDir: string, logger: Logger): Promise<void> {
  const owners = processesWithArg(`--user-data-dir=${profileDir}`);
  if (owners.length === 0) return;
  // The browser's main process is the group leader; if the Rapport process that launched it (Node for
  // the CLI and headless host, Electron or the packaged `rapport` binary for the app) still lives, it
  // is using the profile right now and is never killed. An orphan was re-parented to init/a subreaper.
  const leaders = owners.filter((pid) => processGroupOf(pid) === pid);
  const liveLauncher = leaders.find((pid) => {
    const parent = parentOf(pid);
    return parent !== null && parent > 1 && RAPPORT_EXECUTABLE.test(executableOf(parent));
  });
  if (liveLauncher !== undefined) {
    throw new RapportError('RUN_IN_PROGRESS', 'Another Rapport process is using the browser right now; wait for it to finish.', {
      pid: liveLauncher,
    });
  }
  const groups = new Set(owners.map((pid) => processGroupOf(pid)).filter((g): g is number => g !== null && g !== process.pid));
  logger.warn({ pids: owners, profileDir }, 'a browser left by an earlier Rapport process holds the profile; stopping it');
  for (const group of groups) killGroup(group);
  const end = Date.now() + 5_000;
  while (Date.now() < end && [...groups].some((g) => groupMembers(g).length > 0)) {
    await new Promise((r) => setTimeout(r, 50));
  }
  for (const name of LOCK_FILES) rmSync(join(profileDir, name), { force: true });
}
