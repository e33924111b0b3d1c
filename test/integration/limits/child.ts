import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildConfig } from './fixtures/quota-child.js';

const SCRIPT = fileURLToPath(new URL('./fixtures/quota-child.ts', import.meta.url));

export interface Child {
  proc: ChildProcess;
  /** Lines written so far. */
  lines: string[];
  /** Resolves with the first line matching, rejects if the process exits first. */
  waitFor(match: (line: string) => boolean): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

/** Spawns the quota child with `node --import tsx`, as a separate OS process. */
export function spawnChild(config: ChildConfig): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(config)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    cwd: fileURLToPath(new URL('../../../', import.meta.url)),
  });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  let buffer = '';
  let errors = '';
  proc.stdout?.on('data', (d: Buffer) => {
    buffer += d.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
    for (const l of listeners) l();
  });
  proc.stderr?.on('data', (d: Buffer) => (errors += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => {
      for (const l of listeners) l();
      resolve({ code, signal });
    }),
  );
  return {
    proc,
    lines,
    exited,
    stderr: () => errors,
    waitFor: (match) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = lines.find(match);
          if (hit !== undefined) {
            listeners.delete(check);
            resolve(hit);
          } else if (proc.exitCode !== null || proc.signalCode !== null) {
            listeners.delete(check);
            reject(new Error(`child exited (${proc.exitCode ?? proc.signalCode}) before the expected line; stderr: ${errors}`));
          }
        };
        listeners.add(check);
        check();
      }),
  };
}
