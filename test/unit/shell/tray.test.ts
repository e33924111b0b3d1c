import { describe, expect, it, vi } from 'vitest';
import type { Run, Status } from '../../../src-shared/domain.js';
import { EventBus } from '../../../src-main/core/events.js';

vi.mock('electron', () => ({ Menu: {}, Tray: class {}, nativeImage: {} }));

const { trayMenuTemplate, trayTooltip } = await import('../../../src-main/shell/tray.js');
const { watchNotices } = await import('../../../src-main/shell/notices.js');

const actions = () => ({
  open: vi.fn(),
  runBirthday: vi.fn(),
  runSourcing: vi.fn(),
  pauseSchedule: vi.fn(),
  resumeSchedule: vi.fn(),
  quit: vi.fn(),
});

function status(over: Partial<Status> = {}): Status {
  return {
    version: '0.1.0',
    dataDir: '/data',
    state: 'needs-you',
    reason: { code: 'NOT_CONNECTED', en: 'Connect your LinkedIn account to start.', fr: 'Connectez votre compte LinkedIn pour commencer.' },
    until: null,
    action: 'account.connect',
    account: { state: 'not-connected', connectedAt: null, lastVerifiedAt: null, message: 'No account.' },
    quotas: [],
    quotaStore: 'memory',
    dryRun: true,
    currentRun: null,
    lastRun: null,
    ...over,
  };
}

const run: Run = {
  id: 4,
  kind: 'birthday',
  trigger: 'schedule',
  dryRun: false,
  status: 'failed',
  counts: { sent: 2 },
  errorCode: 'QUOTA_EXHAUSTED',
  errorMessage: 'The daily messages quota is used up.',
  startedAt: '2026-03-02T09:00:00.000Z',
  finishedAt: '2026-03-02T09:10:00.000Z',
};

function click(items: ReturnType<typeof trayMenuTemplate>, label: string) {
  const item = items.find((i) => i.label === label);
  if (!item?.click) throw new Error(`no menu item ${label}`);
  (item.click as () => void)();
  return item;
}

describe('tray menu', () => {
  it('offers open, both runs, pause and quit, each doing what it says', () => {
    const a = actions();
    const items = trayMenuTemplate({ paused: false, running: false, lang: 'en' }, a);
    expect(items.filter((i) => i.label).map((i) => i.label)).toEqual([
      'Open Rapport',
      'Run birthday wishes now',
      'Run profile visits now',
      'Pause the schedule',
      'Quit Rapport',
    ]);
    click(items, 'Open Rapport');
    click(items, 'Run birthday wishes now');
    click(items, 'Run profile visits now');
    click(items, 'Pause the schedule');
    click(items, 'Quit Rapport');
    expect(a.open).toHaveBeenCalledOnce();
    expect(a.runBirthday).toHaveBeenCalledOnce();
    expect(a.runSourcing).toHaveBeenCalledOnce();
    expect(a.pauseSchedule).toHaveBeenCalledOnce();
    expect(a.quit).toHaveBeenCalledOnce();
  });

  it('offers resume when paused, and no second run while one is going (in French too)', () => {
    const a = actions();
    const items = trayMenuTemplate({ paused: true, running: true, lang: 'fr' }, a);
    click(items, 'Reprendre le planning');
    expect(a.resumeSchedule).toHaveBeenCalledOnce();
    expect(items.find((i) => i.label === 'Lancer les vœux d’anniversaire')?.enabled).toBe(false);
    expect(items.some((i) => i.label === 'Mettre le planning en pause')).toBe(false);
  });

  it('uses the status sentence as its tooltip, in the UI language', () => {
    expect(trayTooltip(status(), 'en')).toBe('Rapport — Connect your LinkedIn account to start.');
    expect(trayTooltip(status(), 'fr')).toBe('Rapport — Connectez votre compte LinkedIn pour commencer.');
  });
});

describe('notifications', () => {
  it('tells the user when a run finishes, with the error code when it stopped', () => {
    const bus = new EventBus();
    const show = vi.fn();
    watchNotices(bus, show, () => 'en');
    bus.emit('run.finished', run);
    expect(show).toHaveBeenCalledWith({
      title: 'Birthday run stopped',
      body: 'QUOTA_EXHAUSTED: The daily messages quota is used up.',
    });
  });

  it('tells the user once when action is needed, not on every status update', () => {
    const bus = new EventBus();
    const show = vi.fn();
    watchNotices(bus, show, () => 'en');
    bus.emit('status.changed', status());
    bus.emit('status.changed', status());
    expect(show).toHaveBeenCalledTimes(1);
    expect(show).toHaveBeenCalledWith({ title: 'Rapport needs you', body: 'Connect your LinkedIn account to start.' });

    bus.emit('status.changed', status({ state: 'off', reason: { code: 'OFF', en: 'Off.', fr: 'Arrêté.' }, action: null }));
    bus.emit('status.changed', status());
    expect(show).toHaveBeenCalledTimes(2);
    expect(show).not.toHaveBeenCalledWith(expect.objectContaining({ body: 'Off.' }));
  });
});
