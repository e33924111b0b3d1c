import { closeSync, existsSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { RapportError } from '../../src-shared/errors.js';

/**
 * One owner per data folder. The process that runs the core writes `rapport.lock` (pid, the
 * kernel's start time of that pid, when, which host) with an exclusive create. A lock whose pid is
 * gone — or now names another process, because the start time differs — is stale: a SIGKILLed
 * holder's lock is taken over at the next start without waiting.
 */

export const LOCK_FILE = 'rapport.lock';

export type LockRole = 'app' | 'serve' | 'cli';

export interface LockHolder {
  pid: number;
  /** Start time of the pid in clock ticks since boot (Linux), to tell a reused pid from the holder. */
  procStart: string | null;
  startedAt: string;
  role: LockRole;
  host: string;
}

export interface DataLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): void;
}

export type LockAttempt = { acquired: true; lock: DataLock } | { acquired: false; holder: LockHolder };

/** Field 22 of /proc/<pid>/stat; null where there is no /proc. */
export function processStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True while the process that wrote this lock is still running (same pid, same start time). */
export function holderAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // a shared folder: we cannot see the other machine's processes
  if (!Number.isInteger(holder.pid) || holder.pid <= 0 || !pidAlive(holder.pid)) return false;
  const now = processStartTicks(holder.pid);
  return holder.procStart === null || now === null || now === holder.procStart;
}

export function readLockHolder(dataDir: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number') return null;
    return {
      pid: parsed.pid,
      procStart: typeof parsed.procStart === 'string' ? parsed.procStart : null,
      startedAt: typeof parsed.startedAt === 'string' ? parsed.startedAt : '',
      role: parsed.role ?? 'cli',
      host: typeof parsed.host === 'string' ? parsed.host : hostname(),
    };
  } catch {
    return null;
  }
}

/** The live holder of the folder's lock, or null when nobody (alive) holds it. */
export function liveHolder(dataDir: string): LockHolder | null {
  const holder = readLockHolder(dataDir);
  return holder && holderAlive(holder) ? holder : null;
}

function tryCreate(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Moves a stale lock aside atomically, so two processes that both saw it stale cannot both take
 * over: only the one whose rename captured the stale file (not a fresh lock) goes on.
 */
function clearStale(path: string, stale: string): void {
  const aside = `${path}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else moved it first
  }
  const captured = readFileSync(aside, 'utf8');
  if (captured !== stale) {
    // We moved another process's fresh lock: put it back (link fails if yet another appeared).
    try {
      linkSync(aside, path);
    } catch {
      // a newer lock is in place; leave it
    }
  }
  rmSync(aside, { force: true });
}

export function tryAcquireDataLock(dataDir: string, role: LockRole, now: Date = new Date()): LockAttempt {
  const path = join(dataDir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, procStart: processStartTicks(process.pid), startedAt: now.toISOString(), role, host: hostname() };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(path, holder)) {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        const current = readLockHolder(dataDir);
        if (current?.pid === holder.pid && current.startedAt === holder.startedAt) rmSync(path, { force: true });
      };
      process.on('exit', release);
      return { acquired: true, lock: { path, holder, release } };
    }
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch {
      continue; // released between our create and our read
    }
    const existing = readLockHolder(dataDir);
    if (existing && holderAlive(existing)) return { acquired: false, holder: existing };
    clearStale(path, raw);
  }
  const existing = readLockHolder(dataDir);
  if (existing) return { acquired: false, holder: existing };
  throw new RapportError('DATABASE_UNAVAILABLE', `Could not take the lock ${path}.`, { path });
}

/** What the user reads when another Rapport owns the folder and nothing could forward the command. */
export function alreadyRunningError(dataDir: string, holder: LockHolder, what = 'This command'): RapportError {
  const who = holder.role === 'app' ? 'the Rapport app' : holder.role === 'serve' ? '`rapport serve`' : 'another rapport command';
  return new RapportError(
    'ALREADY_RUNNING',
    `${what} needs the data folder ${dataDir}, which ${who} (pid ${holder.pid}, started ${holder.startedAt}) is using. ` +
      'Run it from that app (or let that command finish), or quit that process and try again.',
    { pid: holder.pid, role: holder.role, startedAt: holder.startedAt, dataDir },
  );
}

export const HOST_FILE = 'host.json';

export interface HostInfo {
  pid: number;
  port: number;
  host: string;
  startedAt: string;
}

export function writeHostInfo(dataDir: string, info: HostInfo): void {
  const path = join(dataDir, HOST_FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(info));
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export function readHostInfo(dataDir: string): HostInfo | null {
  const path = join(dataDir, HOST_FILE);
  if (!existsSync(path)) return null;
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as Partial<HostInfo>;
    if (typeof info.pid !== 'number' || typeof info.port !== 'number') return null;
    return { pid: info.pid, port: info.port, host: typeof info.host === 'string' ? info.host : '127.0.0.1', startedAt: info.startedAt ?? '' };
  } catch {
    return null;
  }
}

export function removeHostInfo(dataDir: string, pid: number): void {
  if (readHostInfo(dataDir)?.pid === pid) rmSync(join(dataDir, HOST_FILE), { force: true });
}
