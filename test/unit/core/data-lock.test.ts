import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, processStartTicks, readLockHolder, tryAcquireDataLock } from '../../../src-main/core/data-lock.js';
import { tempDir } from '../../helpers/temp.js';

function writeLock(dir: string, holder: Record<string, unknown>): void {
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ startedAt: '2026-12-01T00:00:00.000Z', role: 'serve', host: hostname(), ...holder }));
}

describe('the data folder lock', () => {
  it('is exclusive while its holder lives, and released on request', () => {
    const dir = tempDir();
    const first = tryAcquireDataLock(dir, 'serve');
    expect(first.acquired).toBe(true);
    const second = tryAcquireDataLock(dir, 'cli');
    expect(second).toMatchObject({ acquired: false, holder: { pid: process.pid, role: 'serve' } });
    if (first.acquired) first.lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const third = tryAcquireDataLock(dir, 'cli');
    expect(third.acquired).toBe(true);
    if (third.acquired) third.lock.release();
  });

  it('takes over a lock whose process is gone', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeLock(dir, { pid: dead, procStart: '1' });
    const attempt = tryAcquireDataLock(dir, 'app');
    expect(attempt.acquired).toBe(true);
    expect(readLockHolder(dir)).toMatchObject({ pid: process.pid, role: 'app' });
    if (attempt.acquired) attempt.lock.release();
  });

  it('takes over a lock whose pid now belongs to another process (pid reuse after a crash)', () => {
    const dir = tempDir();
    const mine = processStartTicks(process.pid);
    expect(mine).not.toBeNull(); // Linux /proc
    writeLock(dir, { pid: process.pid, procStart: String(Number(mine) - 1) });
    const attempt = tryAcquireDataLock(dir, 'cli');
    expect(attempt.acquired).toBe(true);
    if (attempt.acquired) attempt.lock.release();
  });

  it('does not release a lock another process took over meanwhile', () => {
    const dir = tempDir();
    const attempt = tryAcquireDataLock(dir, 'cli');
    if (!attempt.acquired) throw new Error('expected the lock');
    writeLock(dir, { pid: 1, procStart: null, role: 'app' });
    attempt.lock.release();
    expect(readLockHolder(dir)?.pid).toBe(1);
  });
});
