import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';

/**
 * A throw-away redis-server on a random loopback port, for tests and benchmarks that need to stop,
 * kill or restart the server. A missing binary is an error, never a skip: the quota guarantees are
 * only proven against a real server.
 */
export interface RedisProcess {
  url: string;
  port: number;
  /** Graceful stop (SIGTERM), waits for exit. */
  stop(): Promise<void>;
  /** SIGKILL, waits for exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty (no persistence: it doubles as a flush). */
  restart(): Promise<void>;
  /** SIGSTOP: the server hangs with connections open, like DEBUG SLEEP but starting at a known moment. */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
}

export function redisServerBinary(): string {
  const fromPath = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  const candidates = [process.env.REDIS_SERVER_BIN, fromPath, '/usr/bin/redis-server', '/usr/local/bin/redis-server'];
  const found = candidates.find((c): c is string => Boolean(c) && existsSync(c as string));
  if (!found) {
    throw new Error(
      'redis-server was not found (PATH, /usr/bin, /usr/local/bin or $REDIS_SERVER_BIN). ' +
        'Install the Debian/Ubuntu package `redis-server` (apt-get install -y redis-server); the quota tests require it.',
    );
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once the server answers PING; rejects if it exits first or after `timeoutMs`. */
async function waitForPong(port: number, child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`redis-server exited early (${child.exitCode ?? child.signalCode})`);
    const ok = await new Promise<boolean>((resolve) => {
      const sock = createConnection({ port, host: '127.0.0.1' });
      const done = (v: boolean) => {
        sock.destroy();
        resolve(v);
      };
      sock.setTimeout(500, () => done(false));
      sock.once('error', () => done(false));
      sock.once('connect', () => sock.write('PING\r\n'));
      sock.once('data', (d) => done(d.toString().startsWith('+PONG')));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`redis-server on port ${port} did not answer within ${timeoutMs} ms`);
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startRedis(): Promise<RedisProcess> {
  const bin = redisServerBinary();
  let port = 0;
  let child: ChildProcess | null = null;
  let stderr = '';

  const launch = async (): Promise<void> => {
    stderr = '';
    const proc = spawn(
      bin,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child = proc;
    try {
      await waitForPong(port, proc);
    } catch (e) {
      proc.kill('SIGKILL');
      await waitForExit(proc);
      throw new Error(`${(e as Error).message}${stderr ? `: ${stderr.trim()}` : ''}`, { cause: e });
    }
  };

  // A port found free can be taken before redis binds it: try a few.
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    port = await freePort();
    try {
      await launch();
      lastError = undefined;
      break;
    } catch (e) {
      lastError = e;
    }
  }
  if (lastError) throw lastError;

  const signal = async (sig: NodeJS.Signals) => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    c.kill('SIGCONT'); // a paused server cannot act on SIGTERM
    c.kill(sig);
    await waitForExit(c);
  };

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    restart: async () => {
      await signal('SIGTERM');
      await launch();
    },
    pause: () => {
      child?.kill('SIGSTOP');
    },
    resume: () => {
      child?.kill('SIGCONT');
    },
  };
}
