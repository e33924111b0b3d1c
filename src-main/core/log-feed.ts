import type { EventPayload } from '../../src-shared/contract.js';

export type LogLine = EventPayload<'log.line'>;
export type LogLevelName = LogLine['level'];

/** pino's numeric levels for the ones the panel shows (info and above). */
const LEVELS: Record<number, LogLevelName> = { 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
export const LEVEL_RANK: Record<LogLevelName, number> = { info: 30, warn: 40, error: 50, fatal: 60 };
/** Fields pino adds to every line, or that the line already shows elsewhere. */
const FRAME_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'runId', 'kind', 'component']);

export interface LogFeedOptions {
  /** Lines kept for "recent" views, all runs together. */
  recent?: number;
  /** Lines kept per run, and how many runs keep theirs, so a run's detail shows its log afterwards. */
  perRun?: number;
  runs?: number;
}

/**
 * The log lines the panel sees: pino writes its serialised (hence already redacted) JSON here, and
 * the feed keeps bounded buffers of them and tells its listeners (the event bus) about each one.
 */
export class LogFeed {
  private readonly recentLines: LogLine[] = [];
  private readonly byRun = new Map<number, LogLine[]>();
  private readonly listeners = new Set<(line: LogLine) => void>();
  private readonly limits: Required<LogFeedOptions>;

  constructor(options: LogFeedOptions = {}) {
    this.limits = { recent: 1000, perRun: 1000, runs: 50, ...options };
  }

  /** A pino destination: one JSON line per call. Never throws, so logging never breaks the app. */
  readonly stream = {
    write: (chunk: string): void => {
      for (const text of chunk.split('\n')) {
        if (text.trim()) this.ingest(text);
      }
    },
  };

  onLine(listener: (line: LogLine) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Newest last; `runId` narrows to one run, `level` is a minimum. */
  recent({ runId, level = 'info', limit = 200 }: { runId?: number; level?: LogLevelName; limit?: number } = {}): LogLine[] {
    const source = runId === undefined ? this.recentLines : (this.byRun.get(runId) ?? []);
    const min = LEVEL_RANK[level];
    return source.filter((l) => LEVEL_RANK[l.level] >= min).slice(-limit);
  }

  /** Whether the feed still holds this run's lines (it keeps the last runs only, and nothing across a restart). */
  holdsRun(runId: number): boolean {
    return this.byRun.has(runId);
  }

  private ingest(text: string): void {
    const line = parseLogLine(text);
    if (!line) return;
    push(this.recentLines, line, this.limits.recent);
    if (line.runId !== null) {
      let lines = this.byRun.get(line.runId);
      if (!lines) {
        lines = [];
        this.byRun.set(line.runId, lines);
        if (this.byRun.size > this.limits.runs) this.byRun.delete(Math.min(...this.byRun.keys()));
      }
      push(lines, line, this.limits.perRun);
    }
    for (const listener of this.listeners) {
      try {
        listener(line);
      } catch {
        // A listener's failure must not stop logging.
      }
    }
  }
}

/** One line as pino wrote it (JSON, already redacted) → what the panel shows; null below info or not ours. */
export function parseLogLine(text: string): LogLine | null {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  const level = LEVELS[Number(record.level)];
  if (!level) return null;
  const details = Object.fromEntries(Object.entries(record).filter(([k]) => !FRAME_FIELDS.has(k)));
  return {
    level,
    time: new Date(typeof record.time === 'number' ? record.time : Date.now()).toISOString(),
    msg: typeof record.msg === 'string' ? record.msg : '',
    runId: typeof record.runId === 'number' ? record.runId : null,
    component: typeof record.component === 'string' ? record.component : null,
    details: Object.keys(details).length ? JSON.stringify(details).slice(0, 2000) : null,
  };
}

function push<T>(buffer: T[], item: T, max: number): void {
  buffer.push(item);
  if (buffer.length > max) buffer.splice(0, buffer.length - max);
}
