import { describe, expect, it } from 'vitest';
import { LogFeed } from '../../../src-main/core/log-feed.js';

const line = (msg: string, extra: Record<string, unknown> = {}) => JSON.stringify({ level: 30, time: Date.UTC(2026, 0, 1), msg, pid: 1, hostname: 'h', ...extra }) + '\n';

describe('the log feed', () => {
  it('keeps only the newest lines, overall and per run, and forgets the oldest run first', () => {
    const feed = new LogFeed({ recent: 3, perRun: 2, runs: 2 });
    for (let i = 1; i <= 5; i++) feed.stream.write(line(`line ${i}`, { runId: 1 }));
    feed.stream.write(line('other run', { runId: 2 }));
    expect(feed.recent().map((l) => l.msg)).toEqual(['line 4', 'line 5', 'other run']);
    expect(feed.recent({ runId: 1 }).map((l) => l.msg)).toEqual(['line 4', 'line 5']);
    feed.stream.write(line('third run', { runId: 3 }));
    expect(feed.recent({ runId: 1 })).toEqual([]);
    expect(feed.recent({ runId: 3 }).map((l) => l.msg)).toEqual(['third run']);
  });

  it('ignores lines below info and text that is not JSON, and a failing listener does not stop it', () => {
    const feed = new LogFeed();
    const seen: string[] = [];
    feed.onLine(() => {
      throw new Error('listener broke');
    });
    feed.onLine((l) => seen.push(l.msg));
    feed.stream.write(JSON.stringify({ level: 20, time: 0, msg: 'debug' }) + '\nnot json\n' + line('kept', { code: 'X' }));
    expect(seen).toEqual(['kept']);
    const [kept] = feed.recent();
    expect(kept).toMatchObject({ level: 'info', msg: 'kept', runId: null, details: '{"code":"X"}' });
    expect(kept.time).toBe('2026-01-01T00:00:00.000Z');
  });
});
