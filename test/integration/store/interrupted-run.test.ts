import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/app.js';
import { tempDir } from '../../helpers/temp.js';

describe('interrupted runs', () => {
  it('a run left `running` by a crash is marked interrupted at the next start', async () => {
    const dir = tempDir();
    const first = await createCore({ dataDir: dir, env: {} });
    const run = first.ctx.store.runs.start('birthday', 'manual', false);
    // No finish: as if the process died here, leaving its lock behind (naming a pid that is gone).
    first.ctx.store.database.close();
    first.dataLock?.release();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dir, 'rapport.lock'), JSON.stringify({ pid: dead, procStart: '1', startedAt: new Date().toISOString(), role: 'cli', host: hostname() }));
    const second = await createCore({ dataDir: dir, env: {} });
    try {
      const after = await second.call('runs.get', { id: run.id });
      expect(after.status).toBe('interrupted');
      expect(after.errorCode).toBe('INTERRUPTED');
      expect(after.finishedAt).not.toBeNull();
      expect((await second.call('status.get', {})).currentRun).toBeNull();
    } finally {
      await second.stop();
      await first.stop().catch(() => undefined);
    }
  });
});
