import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeLogger, createLogger } from '../../../src-main/core/log.js';
import { tempDir } from '../../helpers/temp.js';

function readLogLines(dir: string): Record<string, unknown>[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('logger', () => {
  it('writes JSON lines to a file in the data dir with secrets redacted', async () => {
    const dir = tempDir();
    const logger = createLogger({ level: 'info', dir });
    logger.info({ apiKey: 'k-123', account: { cookies: [{ name: 'li_at', value: 'AQEDAT-secret' }], token: 't-9' }, runId: 4 }, 'hello');
    logger.debug('not at info level');
    await new Promise<void>((resolve) => logger.flush(() => resolve()));
    // The file transport runs in a worker thread: give it a moment to write.
    let lines: Record<string, unknown>[] = [];
    for (let i = 0; i < 50 && lines.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      lines = readLogLines(dir);
    }
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line.msg).toBe('hello');
    expect(line.runId).toBe(4);
    expect(line.apiKey).toBe('[redacted]');
    expect(line.account).toEqual({ cookies: '[redacted]', token: '[redacted]' });
    expect(JSON.stringify(lines)).not.toContain('AQEDAT-secret');
  });

  it('closing waits for the last line to reach the file, and a line logged afterwards is dropped quietly', async () => {
    const dir = tempDir();
    const logger = createLogger({ level: 'info', dir });
    logger.info({ runId: 7 }, 'last words');
    await closeLogger(logger);
    // No polling: once closed, the worker has written and closed the file.
    expect(readLogLines(dir).map((l) => l.msg)).toEqual(['last words']);
    logger.info('after the end');
    await new Promise((r) => setTimeout(r, 50));
    expect(readLogLines(dir).map((l) => l.msg)).toEqual(['last words']);
  });
});
