import { readdirSync, readFileSync } from 'node:fs';

/**
 * Just enough of /proc to find the browser process this app spawned and make sure it and its
 * children are gone after close. Linux only; elsewhere every function answers "nothing known" and
 * Playwright's own close is relied upon.
 */

const hasProc = process.platform === 'linux';

interface ProcInfo {
  pid: number;
  ppid: number;
  pgid: number;
}

function readStat(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: parse after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = rest[0];
    if (state === 'Z' || state === 'X') return null; // a zombie is already dead
    return { pid, ppid: Number(rest[1]), pgid: Number(rest[2]) };
  } catch {
    return null;
  }
}

function allProcesses(): ProcInfo[] {
  if (!hasProc) return [];
  const out: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const info = readStat(Number(name));
    if (info) out.push(info);
  }
  return out;
}

function cmdline(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

/** The direct child of `parentPid` whose command line holds `arg` exactly (e.g. its --user-data-dir). */
export function findChildWithArg(parentPid: number, arg: string): number | null {
  const child = allProcesses().find((p) => p.ppid === parentPid && cmdline(p.pid).includes(arg));
  return child?.pid ?? null;
}

/** Live members of a process group (Playwright starts the browser as the leader of its own group). */
export function groupMembers(pgid: number): number[] {
  return allProcesses()
    .filter((p) => p.pgid === pgid)
    .map((p) => p.pid);
}

/** SIGKILL to the group led by `pgid` — only ever called with the pid of a browser this process spawned. */
export function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Processes, whatever their parent, whose command line holds `arg` exactly. */
export function processesWithArg(arg: string): number[] {
  return allProcesses()
    .filter((p) => cmdline(p.pid).includes(arg))
    .map((p) => p.pid);
}

export function processGroupOf(pid: number): number | null {
  return readStat(pid)?.pgid ?? null;
}

export function parentOf(pid: number): number | null {
  return readStat(pid)?.ppid ?? null;
}

/** First word of a process's command line (its executable), or '' when unknown. */
export function executableOf(pid: number): string {
  return cmdline(pid)[0] ?? '';
}
