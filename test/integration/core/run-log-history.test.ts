import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/app.js';
import { tempDir } from '../../helpers/temp.js';

const env = { RAPPORT_API_KEY: 'run-log-history-token-0123456789' };

describe("a run's log after a restart", () => {
  it('is read back from the log files, only that run, redacted, at the asked level and within the limit', async () => {
    const dataDir = tempDir();
    const before = await createCore({ dataDir, env });
    const log = before.ctx.logger;
    log.info({ runId: 42, token: 'tok-secret-value' }, 'run started');
    log.warn({ runId: 42 }, 'slow page');
    log.info({ runId: 420 }, 'another run');
    log.info('no run at all');
    for (let i = 0; i < 5; i++) log.info({ runId: 42, i }, `step ${i}`);
    log.info({ runId: 42 }, 'run finished');
    expect((await before.call('logs.recent', { runId: 42 })).lines).toHaveLength(8);
    await before.stop();

    const after = await createCore({ dataDir, env });
    try {
      const all = (await after.call('logs.recent', { runId: 42 })).lines;
      expect(all.map((l) => l.msg)).toEqual(['run started', 'slow page', 'step 0', 'step 1', 'step 2', 'step 3', 'step 4', 'run finished']);
      expect(all.every((l) => l.runId === 42)).toBe(true);
      expect(all[0].details).toContain('[redacted]');
      expect(JSON.stringify(all)).not.toContain('tok-secret-value');
      expect((await after.call('logs.recent', { runId: 42, level: 'warn' })).lines.map((l) => l.msg)).toEqual(['slow page']);
      expect((await after.call('logs.recent', { runId: 42, limit: 2 })).lines.map((l) => l.msg)).toEqual(['step 4', 'run finished']);
      expect((await after.call('logs.recent', { runId: 7 })).lines).toEqual([]);
    } finally {
      await after.stop();
    }
  });
});
