import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/app.js';
import { tempDir } from '../../helpers/temp.js';

describe('interrupted runs', () => {
  it('a run left `running` by a crash is marked interrupted at the next start', async () => {
    const dir = tempDir();
    const first = await createCore({ dataDir: dir, env: {} });
    const run = first.ctx.store.runs.start('birthday', 'manual', false);
    // No finish: as if the process died here.
    first.ctx.store.database.close();
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
