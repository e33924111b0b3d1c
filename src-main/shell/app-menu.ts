import type { MenuItemConstructorOptions } from 'electron';
import type { ShellLang } from './tray.js';

export interface AppMenuActions {
  openDataFolder(): void;
  quit(): void;
}

const LABELS = {
  en: { file: 'File', dataFolder: 'Open data folder', quit: 'Quit', edit: 'Edit', view: 'View', window: 'Window' },
  fr: { file: 'Fichier', dataFolder: 'Ouvrir le dossier de données', quit: 'Quitter', edit: 'Édition', view: 'Affichage', window: 'Fenêtre' },
} satisfies Record<ShellLang, Record<string, string>>;

/** A small app menu: the data folder (logs, backups, api-token), standard editing, and dev tools in development only. */
export function appMenuTemplate(lang: ShellLang, actions: AppMenuActions, devTools: boolean): MenuItemConstructorOptions[] {
  const l = LABELS[lang];
  return [
    {
      label: l.file,
      submenu: [
        { label: l.dataFolder, click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: l.quit, accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    { label: l.edit, role: 'editMenu' },
    {
      label: l.view,
      submenu: [
        { role: 'reload' },
        ...(devTools ? [{ role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: l.window, role: 'windowMenu' },
  ];
}
