/**
 * A schedule per saved search: one job each beside birthday and the global sourcing slot, validated
 * like the other schedules, recomputed when settings change, paused with the rest, and a slot that
 * comes while a run is in progress skipped and logged rather than queued.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/app.js';
import { planSourcingRun } from '../../../src-main/core/campaigns/sourcing-plan.js';
import { Scheduler, type ScheduledRun } from '../../../src-main/core/schedule/scheduler.js';
import { RapportError } from '../../../src-shared/errors.js';
import { settingsSchema } from '../../../src-shared/settings.js';
import { tempDir } from '../../helpers/temp.js';

let core: Core | null = null;
let scheduler: Scheduler | null = null;
afterEach(async () => {
  scheduler?.stop();
  scheduler = null;
  await core?.stop();
  core = null;
});

/** A core whose clock starts at `iso` and then moves with real time, so timers armed from it fire. */
async function coreAt(iso: string) {
  const start = Date.parse(iso);
  const t0 = Date.now();
  core = await createCore({
    dataDir: tempDir(),
    env: { RAPPORT_TIME_ZONE: 'Europe/Paris', RAPPORT_PACING_SCALE: '0', RAPPORT_BIRTHDAY_ENABLED: 'false' },
    clock: { now: () => new Date(start + Date.now() - t0) },
  });
  core.ctx.store.appState.set('account', { state: 'connected', connectedAt: '2026-11-01T00:00:00Z', lastVerifiedAt: null });
  return core;
}

const search = (name: string, schedule?: string | null) => ({ name, keywords: `${name} kotlin`, ...(schedule !== undefined ? { schedule } : {}) });

/** A scheduler over the core's context whose trigger only records what it was asked to start. */
function recordingScheduler(c: Core, start: (job: ScheduledRun) => void = () => {}) {
  const started: ScheduledRun[] = [];
  scheduler = new Scheduler(c.ctx, async (job) => {
    started.push(job);
    start(job);
  });
  scheduler.start();
  return started;
}

const logLines = async (c: Core) => (await c.call('logs.recent', { limit: 1000 })).lines.map((l) => l.msg);

describe('a schedule per saved search', () => {
  it('lists one job per scheduled search with its next run; the global slot keeps the others', async () => {
    const c = await coreAt('2026-11-26T10:00:00Z');
    await c.call('settings.update', {
      schedule: { sourcing: '0 14 * * *' },
      sourcing: { searches: [search('Lyon', '30 10 * * 1-5'), search('Paris'), search('Nantes', null)] },
    });
    const { jobs } = await c.call('schedule.get', {});
    expect(jobs.filter((j) => j.kind === 'sourcing')).toEqual([
      { kind: 'sourcing', search: null, expression: '0 14 * * *', nextRunAt: '2026-11-26T13:00:00.000Z' },
      { kind: 'sourcing', search: 'Lyon', expression: '30 10 * * 1-5', nextRunAt: '2026-11-27T09:30:00.000Z' },
    ]);

    // Once every search has its own schedule, the global slot has nothing left to run.
    await c.call('settings.update', { sourcing: { searches: [search('Lyon', '30 10 * * 1-5'), search('Paris', '0 16 * * *')] } });
    const after = (await c.call('schedule.get', {})).jobs.filter((j) => j.kind === 'sourcing');
    expect(after.map((j) => [j.search, j.nextRunAt])).toEqual([
      [null, null],
      ['Lyon', '2026-11-27T09:30:00.000Z'],
      ['Paris', '2026-11-26T15:00:00.000Z'],
    ]);
  });

  it('refuses an invalid schedule naming the search’s field, and keeps the saved searches', async () => {
    const c = await coreAt('2026-11-26T10:00:00Z');
    await c.call('settings.update', { sourcing: { searches: [search('Lyon', '30 10 * * *')] } });
    const refused = c.call('settings.update', { sourcing: { searches: [search('Lyon', '30 10 * * *'), search('Paris', 'every day')] } });
    await expect(refused).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ field: 'sourcing.searches.1.schedule' })] },
    });
    expect((await c.call('settings.get', {})).settings.sourcing.searches.map((s) => s.name)).toEqual(['Lyon']);
    // The same zod shape as the other schedules: an empty string is no schedule, null is.
    expect(settingsSchema.safeParse({ sourcing: { searches: [search('Lyon', '')] } }).success).toBe(false);
    expect(settingsSchema.safeParse({ sourcing: { searches: [search('Lyon', null)] } }).success).toBe(true);
  });

  it('starts the search due, alone, after a settings change moved it', async () => {
    const c = await coreAt('2026-11-26T09:59:58.500Z'); // 10:59:58.5 in Paris
    await c.call('settings.update', { sourcing: { searches: [search('Lyon', '0 12 * * *'), search('Paris')] } });
    const started = recordingScheduler(c);
    // Moved to 11:00 Paris: the armed timer follows the settings.
    await c.call('settings.update', { sourcing: { searches: [search('Lyon', '0 11 * * *'), search('Paris')] } });
    await vi.waitFor(() => expect(started).toEqual([{ kind: 'sourcing', search: 'Lyon' }]), { timeout: 4000 });
  });

  it('starts nothing while the schedule is paused', async () => {
    const paused = await coreAt('2026-11-26T09:59:58.500Z');
    await paused.call('settings.update', { sourcing: { searches: [search('Lyon', '0 11 * * *')] } });
    await paused.call('schedule.pause', {});
    const none = recordingScheduler(paused);
    await new Promise((r) => setTimeout(r, 2500));
    expect(none).toEqual([]);
  });

  it('skips and logs a slot that comes while a run is in progress, without queuing it', async () => {
    const c = await coreAt('2026-11-26T09:59:58.500Z');
    await c.call('settings.update', { sourcing: { searches: [search('Lyon', '0 11 * * *'), search('Paris', '0 11 * * *')] } });
    let busy = false;
    const started = recordingScheduler(c, () => {
      if (busy) throw new RapportError('RUN_IN_PROGRESS', 'Run #7 (sourcing) is in progress.', { runId: 7 });
      busy = true;
    });
    // Both slots fire; the first starts a run, the second finds it in progress.
    await vi.waitFor(() => expect(started).toHaveLength(2), { timeout: 4000 });
    await vi.waitFor(async () => expect(await logLines(c)).toContain('scheduled sourcing "Paris" run skipped: another run is in progress'));
    await new Promise((r) => setTimeout(r, 500));
    expect(started.map((j) => j.search)).toEqual(['Lyon', 'Paris']);
  });
});

describe('what the global sourcing slot runs', () => {
  it('every saved search without a schedule of its own; a manual run takes them all', () => {
    const settings = settingsSchema.parse({ sourcing: { searches: [search('Lyon', '0 11 * * *'), search('Paris'), search('Nantes', null)] } });
    expect(planSourcingRun(settings, {}, 'unscheduled').searches.map((s) => s.name)).toEqual(['Paris', 'Nantes']);
    expect(planSourcingRun(settings, {}).searches.map((s) => s.name)).toEqual(['Lyon', 'Paris', 'Nantes']);
    const allScheduled = settingsSchema.parse({ sourcing: { searches: [search('Lyon', '0 11 * * *')] } });
    expect(() => planSourcingRun(allScheduled, {}, 'unscheduled')).toThrow(/every saved search has a schedule of its own/);
  });

  it('runs record their saved searches, and runs.list finds a search’s runs', async () => {
    const c = await coreAt('2026-11-26T10:00:00Z');
    const both = c.ctx.store.runs.start('sourcing', 'schedule', false, ['Lyon', 'Paris']);
    c.ctx.store.runs.start('sourcing', 'manual', false, ['Paris']);
    c.ctx.store.runs.start('birthday', 'manual', false);
    const lyon = await c.call('runs.list', { search: 'Lyon' });
    expect(lyon.items.map((r) => [r.id, r.searches])).toEqual([[both.id, ['Lyon', 'Paris']]]);
    expect((await c.call('runs.list', { search: 'Paris' })).total).toBe(2);
    expect((await c.call('runs.list', { search: 'Nantes' })).items).toEqual([]);
  });
});
