import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { EventPayload } from '../../src-shared/contract.js';
import type { Run, Status } from '../../src-shared/domain.js';
import { trayIconDataUrl, type TrayState } from './tray-icons.js';

export type ShellLang = 'en' | 'fr';
export type RunProgress = EventPayload<'run.progress'>;

export interface TrayActions {
  open(): void;
  runBirthday(): void;
  runSourcing(): void;
  pauseSchedule(): void;
  resumeSchedule(): void;
  setStartAtLogin(enabled: boolean): void;
  quit(): void;
}

/** Everything the tray shows; the shell rebuilds it from the status, the schedule and run events. */
export interface TrayModel {
  status: Status;
  /** The schedule's own pause flag (the status can say "needs you" while the schedule is also paused). */
  paused: boolean;
  nextRun: { kind: Run['kind']; at: string } | null;
  /** The latest `run.progress` of the run going on, if any. */
  progress: RunProgress | null;
  startAtLogin: boolean;
  lang: ShellLang;
  timeZone: string;
}

const LABELS = {
  en: {
    open: 'Open Rapport',
    runBirthday: 'Run birthday wishes now',
    runSourcing: 'Run profile visits now',
    pause: 'Pause the schedule',
    resume: 'Resume the schedule',
    startAtLogin: 'Start at login',
    quit: 'Quit Rapport',
    kind: { birthday: 'birthday wishes', sourcing: 'profile visits' },
    running: { birthday: 'Birthday wishes', sourcing: 'Profile visits' },
    nextRun: (kind: string, when: string) => `Next run: ${kind}, ${when}`,
    progress: (what: string, done: number, total: number | null) =>
      total === null ? `${what}: ${done} done` : `${what}: ${done} of ${total}`,
  },
  fr: {
    open: 'Ouvrir Rapport',
    runBirthday: 'Lancer les vœux d’anniversaire',
    runSourcing: 'Lancer les visites de profil',
    pause: 'Mettre le planning en pause',
    resume: 'Reprendre le planning',
    startAtLogin: 'Lancer à l’ouverture de session',
    quit: 'Quitter Rapport',
    kind: { birthday: 'vœux d’anniversaire', sourcing: 'visites de profil' },
    running: { birthday: 'Vœux d’anniversaire', sourcing: 'Visites de profil' },
    nextRun: (kind: string, when: string) => `Prochaine exécution : ${kind}, ${when}`,
    progress: (what: string, done: number, total: number | null) =>
      total === null ? `${what} : ${done} faits` : `${what} : ${done} sur ${total}`,
  },
} as const;

/** Counts that are one contact handled (sent, visited, rehearsed or failed); skips are not progress. */
const DONE_COUNTS = ['sent', 'visited', 'dry_run', 'failed'];

export function trayState(status: Status, paused: boolean): TrayState {
  if (status.state === 'needs-you') return 'needs-you';
  if (status.state === 'running') return 'running';
  if (paused || status.state === 'paused') return 'paused';
  return 'idle';
}

function formatWhen(iso: string, lang: ShellLang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

/** The lines under the status sentence: the run's progress while one runs, else the next scheduled run. */
export function trayDetail(model: TrayModel): string | null {
  const l = LABELS[model.lang];
  const run = model.status.currentRun;
  if (model.status.state === 'running' || run || model.progress) {
    const kind = model.progress?.kind ?? run?.kind;
    if (!kind) return null;
    const counts = model.progress?.counts ?? run?.counts ?? {};
    const done = DONE_COUNTS.reduce((sum, key) => sum + (counts[key] ?? 0), 0);
    return l.progress(l.running[kind], done, model.progress?.total ?? null);
  }
  if (!model.nextRun || model.paused) return null;
  return l.nextRun(l.kind[model.nextRun.kind], formatWhen(model.nextRun.at, model.lang, model.timeZone));
}

/** The same sentence as the status bar and `rapport status`, then progress or the next run. */
export function trayTooltip(model: TrayModel): string {
  const detail = trayDetail(model);
  return `Rapport — ${model.status.reason[model.lang]}` + (detail ? `\n${detail}` : '');
}

/** State lines first (not clickable), then the actions; both run entries are disabled while a run is going. */
export function trayMenuTemplate(model: TrayModel, actions: TrayActions): MenuItemConstructorOptions[] {
  const l = LABELS[model.lang];
  const running = model.status.state === 'running';
  const detail = trayDetail(model);
  return [
    { label: model.status.reason[model.lang], enabled: false },
    ...(detail ? [{ label: detail, enabled: false }] : []),
    { type: 'separator' },
    { label: l.open, click: () => actions.open() },
    { type: 'separator' },
    { label: l.runBirthday, enabled: !running, click: () => actions.runBirthday() },
    { label: l.runSourcing, enabled: !running, click: () => actions.runSourcing() },
    model.paused
      ? { label: l.resume, click: () => actions.resumeSchedule() }
      : { label: l.pause, click: () => actions.pauseSchedule() },
    { type: 'separator' },
    {
      label: l.startAtLogin,
      type: 'checkbox',
      checked: model.startAtLogin,
      click: () => actions.setStartAtLogin(!model.startAtLogin),
    },
    { type: 'separator' },
    { label: l.quit, click: () => actions.quit() },
  ];
}

export interface AppTray {
  update(model: TrayModel): void;
  destroy(): void;
}

export function createAppTray(actions: TrayActions, initial: TrayModel): AppTray {
  let shownState: TrayState = trayState(initial.status, initial.paused);
  const tray = new Tray(nativeImage.createFromDataURL(trayIconDataUrl(shownState)));
  tray.on('click', () => actions.open());
  const render = (model: TrayModel) => {
    const state = trayState(model.status, model.paused);
    if (state !== shownState) {
      tray.setImage(nativeImage.createFromDataURL(trayIconDataUrl(state)));
      shownState = state;
    }
    tray.setToolTip(trayTooltip(model));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(model, actions)));
  };
  render(initial);
  return { update: render, destroy: () => tray.destroy() };
}
