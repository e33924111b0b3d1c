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
    await closeLogger(logger);
    const lines = readLogLines(dir);
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

  it('rotates the file by size and keeps the five newest rotated files', async () => {
    const dir = tempDir();
    const logger = createLogger({ level: 'info', dir, rotateAt: '2K' });
    for (let i = 0; i < 120; i++) {
      logger.info({ i, padding: 'x'.repeat(100) }, `line ${i}`);
      // Rotation happens between writes: give the stream a turn, as real lines a few seconds apart would.
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 20));
    }
    await closeLogger(logger);
    const names = readdirSync(dir).sort();
    expect(names).toEqual(['rapport.1.log', 'rapport.2.log', 'rapport.3.log', 'rapport.4.log', 'rapport.5.log', 'rapport.log']);
    const newest = readFileSync(join(dir, 'rapport.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { i: number });
    expect(newest.at(-1)?.i).toBe(119);
    const oldestKept = readFileSync(join(dir, 'rapport.5.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { i: number });
    expect(oldestKept[0].i).toBeGreaterThan(0);
  });
});
