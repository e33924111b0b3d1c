import { mkdirSync } from 'node:fs';
import pino, { type Logger } from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

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
  /** The size at which the file is rotated ('10M' unless a test wants it smaller). */
  rotateAt?: `${number}${'B' | 'K' | 'M'}`;
}

/** How much one log file may hold before it is rotated, and how many rotated files are kept. */
const LOG_FILE_SIZE = '10M';
export const LOG_FILES_KEPT = 5;

/**
 * JSON lines to a size-rotated file in the data dir (rapport.log, then rapport.1.log … rapport.5.log) and
 * to stderr. Written from the main thread: a worker-thread transport cost a second V8 isolate (~17 MB) and
 * half a second of start-up for the few lines a minute this app logs.
 */
export function createLogger(options: LogOptions): Logger {
  const level = options.level as pino.Level;
  const streams: pino.StreamEntry[] = [];
  let file: RotatingFileStream | undefined;
  if (options.dir) {
    mkdirSync(options.dir, { recursive: true });
    // In classical (logrotate) mode the generator gets the rotated file's number alone, and null for the live file.
    file = createStream((rotation) => (typeof rotation === 'number' ? `rapport.${rotation}.log` : 'rapport.log'), {
      path: options.dir,
      size: options.rotateAt ?? LOG_FILE_SIZE,
      rotate: LOG_FILES_KEPT,
    });
    // Logging never breaks the app: a full disk or a removed folder is said once on stderr, then ignored.
    file.once('error', (e: Error) => process.stderr.write(`rapport: the log file cannot be written (${e.message})\n`));
    file.on('error', () => {});
    streams.push({ level, stream: file });
  }
  if (options.stderr) streams.push({ level, stream: pino.destination({ dest: 2, sync: true }) });
  if (options.feed) streams.push({ level: 'info', stream: options.feed });
  const base = { level: options.level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  if (streams.length === 0) return pino({ ...base, enabled: false });
  const logger = pino(base, pino.multistream(streams));
  if (file) files.set(logger, file);
  return logger;
}

/** The log file behind each logger this module made, so stopping can wait for its last write. */
const files = new WeakMap<Logger, RotatingFileStream>();

/**
 * Ends the logger's file and waits (at most `timeoutMs`) until the last line is on disk and the file is
 * closed: a stopped core leaves nothing still writing into the data folder. Lines logged afterwards are dropped.
 */
export async function closeLogger(logger: Logger, timeoutMs = 2000): Promise<void> {
  const file = files.get(logger);
  if (!file) return;
  files.delete(logger);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    timer.unref();
    file.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    // pino's multistream would still hand later lines to the ended stream, which would answer with an error.
    file.write = () => true;
    file.end();
  });
}
