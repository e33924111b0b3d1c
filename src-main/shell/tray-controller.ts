import type { OperationName, OpOutput } from '../../src-shared/contract.js';
import type { Settings } from '../../src-shared/settings.js';
import type { EventBusLike } from './ipc.js';
import type { AppTray, RunProgress, TrayActions, TrayModel } from './tray.js';

/** The part of the core the tray reads (the real core, or a fake in tests). */
export interface TrayCore {
  call<N extends OperationName>(name: N, input: unknown): Promise<OpOutput<N>>;
  events: EventBusLike;
  settings(): Settings;
  onSettingsChange(listener: (settings: Settings) => void): () => void;
  warn(err: unknown, message: string): void;
}

export interface TrayController {
  refresh(): Promise<void>;
  stop(): void;
}

/**
 * Keeps the tray in step with the app: status and schedule on every status change, the run's progress
 * as it comes, and the language and "start at login" when the settings change.
 */
export async function startTrayController(
  core: TrayCore,
  actions: TrayActions,
  createTray: (actions: TrayActions, initial: TrayModel) => AppTray,
): Promise<TrayController> {
  let progress: RunProgress | null = null;
  let last: TrayModel | null = null;
  let tray: AppTray | null = null;

  const load = async (): Promise<TrayModel> => {
    const settings = core.settings();
    const [status, schedule] = await Promise.all([core.call('status.get', {}), core.call('schedule.get', {}).catch(() => null)]);
    const next = (schedule?.jobs ?? [])
      .filter((j) => j.nextRunAt)
      .sort((a, b) => Date.parse(a.nextRunAt ?? '') - Date.parse(b.nextRunAt ?? ''))[0];
    if (status.state !== 'running') progress = null;
    return {
      status,
      paused: schedule ? schedule.paused : status.state === 'paused',
      nextRun: next?.nextRunAt ? { kind: next.kind, at: next.nextRunAt } : null,
      progress,
      startAtLogin: settings.desktop.startAtLogin,
      lang: settings.ui.language,
      timeZone: settings.timeZone,
    };
  };

  const refresh = async () => {
    try {
      last = await load();
      tray?.update(last);
    } catch (e) {
      core.warn(e, 'could not refresh the tray');
    }
  };

  last = await load();
  tray = createTray(actions, last);
  const offs = [
    core.events.on('status.changed', () => void refresh()),
    core.events.on('run.finished', () => {
      progress = null;
      void refresh();
    }),
    core.events.on('run.progress', (p) => {
      const newRun = progress?.runId !== p.runId;
      progress = p;
      // A new run changes the status too; after that, progress comes often: redraw from what is known.
      if (newRun || !last) void refresh();
      else {
        last = { ...last, progress: p };
        tray?.update(last);
      }
    }),
    core.onSettingsChange(() => void refresh()),
  ];
  return {
    refresh,
    stop: () => {
      offs.forEach((off) => off());
      tray?.destroy();
      tray = null;
    },
  };
}
