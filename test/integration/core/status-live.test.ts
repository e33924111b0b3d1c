import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/app.js';
import type { Status } from '../../../src-shared/domain.js';
import { linkedInStorageState } from '../../helpers/browser.js';
import { tempDir } from '../../helpers/temp.js';

let core: Core | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
});

/** Collects status.changed events and waits for the next one that matches. */
function statusEvents(c: Core) {
  const seen: Status[] = [];
  const waiters: { test: (s: Status) => boolean; resolve: (s: Status) => void }[] = [];
  c.events.on('status.changed', (status) => {
    seen.push(status);
    for (const w of waiters.splice(0)) {
      if (w.test(status)) w.resolve(status);
      else waiters.push(w);
    }
  });
  return {
    seen,
    next(test: (s: Status) => boolean): Promise<Status> {
      return new Promise((resolve, reject) => {
        waiters.push({ test, resolve });
        setTimeout(() => reject(new Error(`no matching status.changed; saw ${seen.map((s) => s.reason.code).join(', ')}`)), 10_000);
      });
    },
  };
}

describe('status.changed', () => {
  it('is emitted on account, pause, resume, settings, quota and run changes, with the reason code and both sentences', async () => {
    core = await createCore({
      dataDir: tempDir(),
      env: { RAPPORT_API_KEY: 'status-test-token-0123-padded-to-24-chars', RAPPORT_LIMITS_MESSAGES_PER_DAY: '1', RAPPORT_LIMITS_WARMUP: 'false', RAPPORT_LINKEDIN_BASE_URL: 'http://127.0.0.1:9' },
    });
    const c = core;
    const events = statusEvents(c);

    const connected = events.next((s) => s.account.state === 'connected');
    await c.call('account.importCookies', { content: linkedInStorageState() });
    expect((await connected).state).not.toBe('needs-you');

    const paused = events.next((s) => s.state === 'paused');
    await c.call('schedule.pause', { hours: 2 });
    expect((await paused).reason).toMatchObject({ code: 'PAUSED', params: { cause: 'user' }, en: 'Paused by you.', fr: 'Mis en pause par vous.' });

    const resumed = events.next((s) => s.state !== 'paused');
    await c.call('schedule.resume', {});
    expect((await resumed).reason.code).toBe('SCHEDULED');

    // Saving settings moves the schedule: turning the birthday campaign off leaves nothing scheduled.
    const saved = events.next((s) => s.state === 'off');
    await c.call('settings.update', { birthday: { enabled: false } });
    expect((await saved).reason.code).toBe('OFF');

    const exhausted = events.next((s) => s.reason.code === 'QUOTA_EXHAUSTED');
    expect((await c.ctx.quotas.acquire('messages')).granted).toBe(true);
    const spent = await exhausted;
    const resetsAt = spent.quotas.find((q) => q.quota === 'messages')!.day.resetsAt;
    expect(spent.reason.params).toEqual({ quota: 'messages', window: 'day', resetsAt });
    expect(spent.exhaustedQuotas).toEqual([{ quota: 'messages', window: 'day', resetsAt }]);
    expect(spent.until).toBe(resetsAt);
    expect(spent.reason.en).toMatch(/^Today's message quota is used up; it resets on /);
    expect(spent.reason.fr).toMatch(/^Le quota de messages du jour est atteint ; il se renouvelle le /);

    // A run starts (running) and ends; the browser cannot reach the address, so it fails quickly.
    const running = events.next((s) => s.state === 'running');
    const ended = events.next((s) => s.currentRun === null && s.lastRun !== null);
    await c.call('campaigns.sourcing.run', { keywords: 'kotlin', dryRun: true });
    expect((await running).reason).toMatchObject({ code: 'RUNNING', params: { kind: 'sourcing' } });
    expect((await ended).lastRun?.status).not.toBe('running');

    const disconnected = events.next((s) => s.reason.code === 'NOT_CONNECTED');
    await c.call('account.disconnect', {});
    expect((await disconnected).state).toBe('needs-you');
  }, 60_000);
});
