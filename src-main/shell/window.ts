import { BrowserWindow, type Session, type WebContents, type WebPreferences } from 'electron';
import { APP_URL } from './app-origin.js';

/** Electron's security checklist, as it applies to a local app that only shows its own pages. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

export type ExternalOpener = (url: string) => boolean;

/**
 * The page never leaves the app: navigations and redirects are cancelled, new windows denied, and
 * web links handed to the system browser through the one `openExternal` gateway.
 */
export function hardenContents(contents: WebContents, openExternal: ExternalOpener): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternal(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}

/** No camera, microphone, notifications-from-page, geolocation…: the page needs none of them. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export interface MainWindowOptions {
  preload: string;
  openExternal: ExternalOpener;
}

export function createMainWindow({ preload, openExternal }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1120,
    height: 780,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Rapport',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload },
  });
  hardenContents(win.webContents, openExternal);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}

/** Closing the window hides it: the tray keeps the schedule running until the user quits. */
export function closeToTray(win: BrowserWindow, isQuitting: () => boolean): void {
  win.on('close', (event) => {
    if (isQuitting()) return;
    event.preventDefault();
    win.hide();
  });
}
