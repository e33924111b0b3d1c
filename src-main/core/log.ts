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
  if (targets.length > 0) streams.push({ level: options.level as pino.Level, stream: pino.transport({ targets }) });
  if (options.feed) streams.push({ level: 'info', stream: options.feed });
  if (streams.length === 0) return pino({ ...base, enabled: false });
  return pino(base, pino.multistream(streams));
}
