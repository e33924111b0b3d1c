import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/app.js';
import { nextRunOf } from '../../../src-main/core/schedule/scheduler.js';
import { tempDir } from '../../helpers/temp.js';

let core: Core | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
});

async function coreAt(iso: string, env: Record<string, string> = {}) {
  const now = { value: new Date(iso) };
  core = await createCore({
    dataDir: tempDir(),
    env: { RAPPORT_TIME_ZONE: 'Europe/Paris', ...env },
    clock: { now: () => now.value },
  });
  return { core, now };
}

describe('schedule', () => {
  it('computes the next birthday run in the user’s time zone, across a DST change', () => {
    // 09:00 in Paris is 08:00 UTC in winter and 07:00 UTC in summer; DST ends on 2026-10-25.
    expect(nextRunOf('0 9 * * *', 'Europe/Paris', new Date('2026-10-24T12:00:00Z'))?.toISOString()).toBe('2026-10-25T08:00:00.000Z');
    expect(nextRunOf('0 9 * * *', 'Europe/Paris', new Date('2026-10-23T12:00:00Z'))?.toISOString()).toBe('2026-10-24T07:00:00.000Z');
    expect(nextRunOf(null, 'Europe/Paris', new Date())).toBeNull();
  });

  it('shows the next run, pauses for some hours, and resumes', async () => {
    const { core } = await coreAt('2026-11-26T10:00:00Z');
    const view = await core.call('schedule.get', {});
    expect(view.paused).toBe(false);
    expect(view.jobs.find((j) => j.kind === 'birthday')?.nextRunAt).toBe('2026-11-27T08:00:00.000Z');
    expect(view.jobs.find((j) => j.kind === 'sourcing')?.nextRunAt).toBeNull();

    const paused = await core.call('schedule.pause', { hours: 48 });
    expect(paused).toMatchObject({ paused: true, pausedUntil: '2026-11-28T10:00:00.000Z', pauseReason: 'Paused by you.' });
    // The next run is the first slot after the pause.
    expect(paused.jobs.find((j) => j.kind === 'birthday')?.nextRunAt).toBe('2026-11-29T08:00:00.000Z');
    const status = await core.call('status.get', {});
    expect(status.quotas).toHaveLength(2);

    const resumed = await core.call('schedule.resume', {});
    expect(resumed.paused).toBe(false);
    expect(resumed.jobs.find((j) => j.kind === 'birthday')?.nextRunAt).toBe('2026-11-27T08:00:00.000Z');
  });

  it('a pause without an end hides the next run until resumed', async () => {
    const { core } = await coreAt('2026-11-26T10:00:00Z');
    const paused = await core.call('schedule.pause', {});
    expect(paused.pausedUntil).toBeNull();
    expect(paused.jobs.every((j) => j.nextRunAt === null)).toBe(true);
  });

  it('a pause ends by itself when its time has passed', async () => {
    const { core, now } = await coreAt('2026-11-26T10:00:00Z');
    await core.call('schedule.pause', { hours: 1 });
    now.value = new Date('2026-11-26T11:00:01Z');
    expect((await core.call('schedule.get', {})).paused).toBe(false);
  });

  it('refuses an invalid cron expression naming the setting, and keeps the old one', async () => {
    const { core } = await coreAt('2026-11-26T10:00:00Z');
    await expect(core.call('settings.update', { schedule: { birthday: 'every morning' } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('schedule.birthday'),
    });
    expect((await core.call('settings.get', {})).settings.schedule.birthday).toBe('0 9 * * *');
    await core.call('settings.update', { schedule: { birthday: '30 8 * * 1-5' } });
    expect((await core.call('schedule.get', {})).jobs.find((j) => j.kind === 'birthday')?.nextRunAt).toBe('2026-11-27T07:30:00.000Z');
  });

  it('the status says scheduled, with the next run, once an account is connected', async () => {
    const { core } = await coreAt('2026-11-26T10:00:00Z');
    core.ctx.store.appState.set('account', { state: 'connected', connectedAt: '2026-11-01T00:00:00Z', lastVerifiedAt: null });
    const status = await core.call('status.get', {});
    expect(status.state).toBe('scheduled');
    expect(status.until).toBe('2026-11-27T08:00:00.000Z');
    expect(status.reason.en).toBe('The next birthday run is scheduled.');
  });
});

describe('catch-up of a missed birthday run', () => {
  it('is due when today’s slot passed with no birthday run since, and not otherwise', async () => {
    const { core, now } = await coreAt('2026-11-26T10:00:00Z');
    const scheduler = core.extensions.scheduler;
    expect(scheduler.missedBirthdaySlot()?.toISOString()).toBe('2026-11-26T08:00:00.000Z');

    const run = core.ctx.store.runs.start('birthday', 'schedule', false);
    core.ctx.store.runs.finish(run.id, 'succeeded', {});
    expect(scheduler.missedBirthdaySlot()).toBeNull();

    // Before today's slot there is nothing to catch up (yesterday's is covered by belated wishes).
    now.value = new Date('2026-11-27T06:00:00Z');
    expect(scheduler.missedBirthdaySlot()).toBeNull();
    now.value = new Date('2026-11-27T09:00:00Z');
    expect(scheduler.missedBirthdaySlot()?.toISOString()).toBe('2026-11-27T08:00:00.000Z');
    await core.call('schedule.pause', {});
    expect(scheduler.missedBirthdaySlot()).toBeNull();
  });
});
