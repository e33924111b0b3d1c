import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths whose values never reach a log line. */
export const REDACT_PATHS = [
  'apiKey',
  'token',
  'password',
  'cookie',
  'cookies',
  'storageState',
  'secret',
  'authorization',
  '*.apiKey',
  '*.token',
  '*.password',
  '*.cookie',
  '*.cookies',
  '*.storageState',
  '*.secret',
  '*.authorization',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
];

export interface LogOptions {
  level: string;
  dir?: string;
  stderr?: boolean;
  pretty?: boolean;
  /** Also writes every line at info and above here (the panel's log feed); lines arrive redacted. */
  feed?: { write(line: string): void };
}

/** JSON lines to a size-rotated file in the data dir and to stderr. */
export function createLogger(options: LogOptions): Logger {
  const targets: pino.TransportTargetOptions[] = [];
  if (options.dir) {
    mkdirSync(options.dir, { recursive: true });
    targets.push({
      target: 'pino-roll',
      level: options.level,
      options: { file: join(options.dir, 'rapport'), extension: '.log', size: '10m', limit: { count: 5 }, mkdir: true },
    });
  }
  if (options.stderr) {
    targets.push({ target: 'pino/file', level: options.level, options: { destination: 2 } });
  }
  const base = { level: options.level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  const streams: pino.StreamEntry[] = [];
  const transport = targets.length > 0 ? pino.transport({ targets }) : undefined;
  if (transport) streams.push({ level: options.level as pino.Level, stream: transport });
  if (options.feed) streams.push({ level: 'info', stream: options.feed });
  if (streams.length === 0) return pino({ ...base, enabled: false });
  const logger = pino(base, pino.multistream(streams));
  if (transport) transports.set(logger, transport);
  return logger;
}

/** The worker-thread transport behind each logger this module made, so stopping can wait for its last write. */
const transports = new WeakMap<Logger, NodeJS.EventEmitter & { end(): void }>();

/**
 * Flushes and ends the logger's transport, waiting (at most `timeoutMs`) until its worker has closed the
 * log files: a stopped core leaves nothing still writing into the data folder.
 */
export async function closeLogger(logger: Logger, timeoutMs = 2000): Promise<void> {
  const transport = transports.get(logger);
  if (!transport) return;
  transports.delete(logger);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    timer.unref();
    transport.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    // A line logged after stopping would otherwise surface as an unhandled 'error' event ("the worker is ending").
    transport.on('error', () => {});
    transport.end();
  });
}
