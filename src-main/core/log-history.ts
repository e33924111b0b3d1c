import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { LEVEL_RANK, parseLogLine, type LogLevelName, type LogLine } from './log-feed.js';
import { LOG_FILES_KEPT } from './log.js';

/** The log files, oldest first: rapport.5.log … rapport.1.log, then the live rapport.log. */
function logFilesOldestFirst(dir: string): string[] {
  const rotated = Array.from({ length: LOG_FILES_KEPT }, (_, i) => join(dir, `rapport.${LOG_FILES_KEPT - i}.log`));
  return [...rotated, join(dir, 'rapport.log')].filter((file) => existsSync(file));
}

/**
 * A run's log lines read back from the files, for a run the in-memory feed no longer holds (it ran
 * before a restart, or more than the feed's last runs ago). Oldest first, the last `limit` kept; lines
 * are as the file has them, redacted when they were written.
 */
export async function runLinesFromFiles(dir: string, runId: number, options: { level?: LogLevelName; limit?: number } = {}): Promise<LogLine[]> {
  const min = LEVEL_RANK[options.level ?? 'info'];
  const limit = options.limit ?? 200;
  // A cheap look before parsing: the run's lines name it, and most lines of most files are not its.
  const mark = new RegExp(`"runId":${runId}[,}]`);
  const found: LogLine[] = [];
  for (const file of logFilesOldestFirst(dir)) {
    const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const text of lines) {
      if (!mark.test(text)) continue;
      const line = parseLogLine(text);
      if (line?.runId !== runId || LEVEL_RANK[line.level] < min) continue;
      found.push(line);
      if (found.length > limit) found.shift();
    }
  }
  return found;
}
