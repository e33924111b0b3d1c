import { spawn, type ChildProcess } from 'node:child_process';

export interface HostProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a Rapport host as its own process (`args` after the Node binary) on a free port and waits
 * until `/ready` answers 200; fails with the host's output when it exits or stays unready.
 */
export async function startHostProcess(
  args: string[],
  env: Record<string, string>,
  options: { cwd?: string; readyWithinMs?: number } = {},
): Promise<HostProcess> {
  const port = 30000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [...args, 'serve', '--port', String(port)], {
    cwd: options.cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyWithinMs ?? 60_000);
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${url}/ready`)).status === 200) return { child, url, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`the host did not become ready (exit code ${child.exitCode}):\n${output}`);
}
