import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { Status } from '../../src-shared/domain.js';
import { TRAY_ICON_DATA_URL } from './tray-icon.js';

export type ShellLang = 'en' | 'fr';

export interface TrayActions {
  open(): void;
  runBirthday(): void;
  runSourcing(): void;
  pauseSchedule(): void;
  resumeSchedule(): void;
  quit(): void;
}

const LABELS = {
  en: {
    open: 'Open Rapport',
    runBirthday: 'Run birthday wishes now',
    runSourcing: 'Run profile visits now',
    pause: 'Pause the schedule',
    resume: 'Resume the schedule',
    quit: 'Quit Rapport',
  },
  fr: {
    open: 'Ouvrir Rapport',
    runBirthday: 'Lancer les vœux d’anniversaire',
    runSourcing: 'Lancer les visites de profil',
    pause: 'Mettre le planning en pause',
    resume: 'Reprendre le planning',
    quit: 'Quitter Rapport',
  },
} satisfies Record<ShellLang, Record<string, string>>;

/** The menu shows the one of pause/resume that applies; both run entries are disabled while a run is going. */
export function trayMenuTemplate(
  state: { paused: boolean; running: boolean; lang: ShellLang },
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  const l = LABELS[state.lang];
  return [
    { label: l.open, click: () => actions.open() },
    { type: 'separator' },
    { label: l.runBirthday, enabled: !state.running, click: () => actions.runBirthday() },
    { label: l.runSourcing, enabled: !state.running, click: () => actions.runSourcing() },
    state.paused
      ? { label: l.resume, click: () => actions.resumeSchedule() }
      : { label: l.pause, click: () => actions.pauseSchedule() },
    { type: 'separator' },
    { label: l.quit, click: () => actions.quit() },
  ];
}

/** The same sentence as the status bar and `rapport status`. */
export function trayTooltip(status: Status, lang: ShellLang): string {
  return `Rapport — ${status.reason[lang]}`;
}

export interface AppTray {
  update(status: Status, paused: boolean, lang: ShellLang): void;
  destroy(): void;
}

export function createAppTray(actions: TrayActions, lang: ShellLang): AppTray {
  const tray = new Tray(nativeImage.createFromDataURL(TRAY_ICON_DATA_URL));
  tray.setToolTip('Rapport');
  tray.on('click', () => actions.open());
  const render = (paused: boolean, running: boolean, l: ShellLang) =>
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate({ paused, running, lang: l }, actions)));
  render(false, false, lang);
  return {
    update(status, paused, l) {
      tray.setToolTip(trayTooltip(status, l));
      render(paused, status.state === 'running', l);
    },
    destroy: () => tray.destroy(),
  };
}
