import { describe, expect, it, vi } from 'vitest';
import type { Run, Status } from '../../../src-shared/domain.js';
import { EventBus } from '../../../src-main/core/events.js';
import type { TrayModel } from '../../../src-main/shell/tray.js';

vi.mock('electron', () => ({ Menu: {}, Tray: class {}, nativeImage: {} }));

const { trayDetail, trayMenuTemplate, trayState, trayTooltip } = await import('../../../src-main/shell/tray.js');
const { TRAY_COLORS, TRAY_STATES, trayIconDataUrl, trayIconPixels } = await import('../../../src-main/shell/tray-icons.js');
const { watchNotices } = await import('../../../src-main/shell/notices.js');

const actions = () => ({
  open: vi.fn(),
  runBirthday: vi.fn(),
  runSourcing: vi.fn(),
  pauseSchedule: vi.fn(),
  resumeSchedule: vi.fn(),
  setStartAtLogin: vi.fn(),
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

const model = (over: Partial<TrayModel> = {}): TrayModel => ({
  status: status(),
  paused: false,
  nextRun: null,
  progress: null,
  startAtLogin: false,
  lang: 'en',
  timeZone: 'Europe/Paris',
  ...over,
});

const idle = () =>
  status({ state: 'scheduled', reason: { code: 'SCHEDULED', en: 'Next birthday run today at 09:00.', fr: 'Prochaine campagne anniversaire aujourd’hui à 09:00.' }, action: null });
const running = () =>
  status({
    state: 'running',
    reason: { code: 'RUNNING', en: 'Sending birthday wishes.', fr: 'Envoi des vœux d’anniversaire.' },
    action: null,
    currentRun: { ...run, status: 'running', counts: {}, errorCode: null, errorMessage: null, finishedAt: null },
  });
const progress = (counts: Record<string, number>, total: number | null) => ({
  runId: 4,
  kind: 'birthday' as const,
  step: 'sending',
  contact: 'Ana Lima',
  counts,
  total,
  wait: null,
});

describe('tray menu', () => {
  it('offers open, both runs, pause, start at login and quit, each doing what it says', () => {
    const a = actions();
    const items = trayMenuTemplate(model({ status: idle() }), a);
    expect(items.filter((i) => i.label).map((i) => i.label)).toEqual([
      'Next birthday run today at 09:00.',
      'Open Rapport',
      'Run birthday wishes now',
      'Run profile visits now',
      'Pause the schedule',
      'Start at login',
      'Quit Rapport',
    ]);
    expect(items[0].enabled).toBe(false);
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

  it('shows start at login as a checkbox that flips the setting', () => {
    const a = actions();
    const off = click(trayMenuTemplate(model(), a), 'Start at login');
    expect(off).toMatchObject({ type: 'checkbox', checked: false });
    expect(a.setStartAtLogin).toHaveBeenLastCalledWith(true);
    const on = click(trayMenuTemplate(model({ startAtLogin: true, lang: 'fr' }), a), 'Lancer à l’ouverture de session');
    expect(on).toMatchObject({ type: 'checkbox', checked: true });
    expect(a.setStartAtLogin).toHaveBeenLastCalledWith(false);
  });

  it('offers resume when paused, and no second run while one is going (in French too)', () => {
    const a = actions();
    const items = trayMenuTemplate(model({ status: running(), paused: true, lang: 'fr' }), a);
    click(items, 'Reprendre le planning');
    expect(a.resumeSchedule).toHaveBeenCalledOnce();
    expect(items.find((i) => i.label === 'Lancer les vœux d’anniversaire')?.enabled).toBe(false);
    expect(items.some((i) => i.label === 'Mettre le planning en pause')).toBe(false);
  });
});

describe('tray state at a glance', () => {
  it('picks one icon per state: idle, running, paused, needs you', () => {
    expect(trayState(idle(), false)).toBe('idle');
    expect(trayState(status({ state: 'done-today' }), false)).toBe('idle');
    expect(trayState(running(), false)).toBe('running');
    expect(trayState(idle(), true)).toBe('paused');
    expect(trayState(status({ state: 'paused' }), false)).toBe('paused');
    // Needing the user wins over a paused schedule: it is what they must act on.
    expect(trayState(status(), true)).toBe('needs-you');
  });

  it('draws four different icons as valid PNGs, each in its state’s colour', () => {
    const urls = TRAY_STATES.map(trayIconDataUrl);
    expect(new Set(urls).size).toBe(4);
    for (const state of TRAY_STATES) {
      const png = Buffer.from(trayIconDataUrl(state).replace('data:image/png;base64,', ''), 'base64');
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 32]);
      // The ring's left edge (x=4, y=16) is fully drawn in the state's colour; the corners are transparent.
      const pixels = trayIconPixels(state);
      const at = (x: number, y: number) => [...pixels.subarray((y * 32 + x) * 4, (y * 32 + x) * 4 + 4)];
      expect(at(4, 16)).toEqual([...TRAY_COLORS[state], 255]);
      expect(at(0, 0)[3]).toBe(0);
    }
  });

  it('says the status sentence and the next run in the tooltip and menu, in the user’s language and time zone', () => {
    const nextRun = { kind: 'birthday' as const, at: '2026-03-03T08:12:00.000Z' };
    expect(trayTooltip(model({ status: idle(), nextRun }))).toBe(
      'Rapport — Next birthday run today at 09:00.\nNext run: birthday wishes, Tue 3 Mar, 09:12',
    );
    const fr = model({ status: idle(), nextRun, lang: 'fr' });
    expect(trayTooltip(fr)).toBe(
      'Rapport — Prochaine campagne anniversaire aujourd’hui à 09:00.\nProchaine exécution : vœux d’anniversaire, mar. 3 mars, 09:12',
    );
    expect(trayMenuTemplate(fr, actions())[1]).toEqual({ label: 'Prochaine exécution : vœux d’anniversaire, mar. 3 mars, 09:12', enabled: false });
    // A paused schedule has no next run to announce.
    expect(trayTooltip(model({ status: idle(), nextRun, paused: true }))).toBe('Rapport — Next birthday run today at 09:00.');
    expect(trayTooltip(model())).toBe('Rapport — Connect your LinkedIn account to start.');
  });

  it('shows the run’s progress while one runs, counting handled contacts, not skips', () => {
    const p = progress({ seen: 14, skipped_already_wished: 2, sent: 3, failed: 1 }, 12);
    expect(trayTooltip(model({ status: running(), progress: p }))).toBe('Rapport — Sending birthday wishes.\nBirthday wishes: 4 of 12');
    expect(trayMenuTemplate(model({ status: running(), progress: { ...p, total: null }, lang: 'fr' }), actions())[1].label).toBe(
      'Vœux d’anniversaire : 4 faits',
    );
    // Before the first progress event, the run from the status is enough to say what is going on.
    expect(trayDetail(model({ status: running() }))).toBe('Birthday wishes: 0 done');
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
