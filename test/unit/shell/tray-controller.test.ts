import { describe, expect, it, vi } from 'vitest';
import type { OpOutput } from '../../../src-shared/contract.js';
import type { Status } from '../../../src-shared/domain.js';
import { defaultSettings, type Settings } from '../../../src-shared/settings.js';
import { EventBus } from '../../../src-main/core/events.js';
import { startTrayController, type TrayCore } from '../../../src-main/shell/tray-controller.js';
import type { TrayModel } from '../../../src-main/shell/tray.js';

const base: Status = {
  version: '0.1.0',
  dataDir: '/data',
  state: 'scheduled',
  reason: { code: 'SCHEDULED', en: 'Waiting for the schedule.', fr: 'En attente du planning.' },
  until: null,
  action: null,
  account: { state: 'connected', connectedAt: null, lastVerifiedAt: null, message: 'ok' },
  quotas: [],
  quotaStore: 'memory',
  dryRun: false,
  currentRun: null,
  lastRun: null,
};

function fakeCore() {
  const events = new EventBus();
  let status = base;
  let settings: Settings = { ...defaultSettings(), ui: { language: 'en' }, timeZone: 'UTC' };
  const listeners = new Set<(s: Settings) => void>();
  const schedule: OpOutput<'schedule.get'> = {
    paused: false,
    pausedUntil: null,
    pauseReason: null,
    jobs: [
      { kind: 'sourcing', expression: '0 14 * * *', nextRunAt: '2026-03-03T14:00:00.000Z' },
      { kind: 'birthday', expression: '0 9 * * *', nextRunAt: '2026-03-03T09:00:00.000Z' },
    ],
  };
  const core: TrayCore = {
    call: (async (name: string) => (name === 'status.get' ? status : schedule)) as TrayCore['call'],
    events,
    settings: () => settings,
    onSettingsChange: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    warn: vi.fn(),
  };
  return {
    core,
    events,
    setStatus: (s: Partial<Status>) => (status = { ...base, ...s }),
    changeSettings: (s: Settings) => {
      settings = s;
      listeners.forEach((l) => l(s));
    },
  };
}

const actions = { open: vi.fn(), runBirthday: vi.fn(), runSourcing: vi.fn(), pauseSchedule: vi.fn(), resumeSchedule: vi.fn(), setStartAtLogin: vi.fn(), quit: vi.fn() };

async function start() {
  const fake = fakeCore();
  const shown: TrayModel[] = [];
  const destroy = vi.fn();
  const controller = await startTrayController(fake.core, actions, (_a, initial) => {
    shown.push(initial);
    return { update: (m) => shown.push(m), destroy };
  });
  const latest = () => shown[shown.length - 1];
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { ...fake, controller, shown, latest, settle, destroy };
}

describe('tray controller', () => {
  it('starts with the status, the earliest next run and the user’s settings', async () => {
    const t = await start();
    expect(t.latest()).toMatchObject({
      status: { state: 'scheduled' },
      paused: false,
      nextRun: { kind: 'birthday', at: '2026-03-03T09:00:00.000Z' },
      progress: null,
      startAtLogin: false,
      lang: 'en',
    });
  });

  it('follows a run: progress as it comes, cleared when the run finishes', async () => {
    const t = await start();
    const run = { id: 7, kind: 'birthday' as const, trigger: 'manual' as const, dryRun: false, status: 'running' as const, counts: {}, errorCode: null, errorMessage: null, startedAt: '2026-03-03T09:00:00.000Z', finishedAt: null };
    t.setStatus({ state: 'running', currentRun: run });
    const p = { runId: 7, kind: 'birthday' as const, step: 'sending', contact: null, counts: { sent: 1 }, total: 5, wait: null };
    t.events.emit('run.progress', p);
    await t.settle();
    expect(t.latest()).toMatchObject({ status: { state: 'running' }, progress: p });
    t.events.emit('run.progress', { ...p, counts: { sent: 2 } });
    expect(t.latest().progress?.counts).toEqual({ sent: 2 });

    t.setStatus({ state: 'done-today' });
    t.events.emit('run.finished', { ...run, status: 'succeeded', finishedAt: '2026-03-03T09:05:00.000Z' });
    await t.settle();
    expect(t.latest()).toMatchObject({ status: { state: 'done-today' }, progress: null });
  });

  it('changes language and the start-at-login tick when the settings change, and stops listening when stopped', async () => {
    const t = await start();
    t.changeSettings({ ...t.core.settings(), ui: { language: 'fr' }, desktop: { startAtLogin: true } });
    await t.settle();
    expect(t.latest()).toMatchObject({ lang: 'fr', startAtLogin: true });
    t.controller.stop();
    expect(t.destroy).toHaveBeenCalledOnce();
    const count = t.shown.length;
    t.events.emit('status.changed', base);
    await t.settle();
    expect(t.shown.length).toBe(count);
  });
});
