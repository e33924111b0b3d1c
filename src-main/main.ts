import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, session, shell } from 'electron';
import { toErrorBody } from '../src-shared/errors.js';
import { createCore, type Core } from './core/app.js';
import { pathsFor, resolveDataDir } from './core/config.js';
import { appMenuTemplate } from './shell/app-menu.js';
import { applyStartAtLogin, HIDDEN_FLAG, launchTarget } from './shell/autostart.js';
import { registerAppScheme, serveAppProtocol } from './shell/app-protocol.js';
import { openExternal } from './shell/external-links.js';
import { forwardEvents, registerIpc } from './shell/ipc.js';
import { feedNativeNotifications } from './shell/native-notifications.js';
import type { Notice } from './shell/notices.js';
import { createShellSecretStore } from './shell/secrets.js';
import { createAppTray, type ShellLang } from './shell/tray.js';
import { startTrayController, type TrayController } from './shell/tray-controller.js';
import { closeToTray, createMainWindow, denyPermissions } from './shell/window.js';

/**
 * Electron entry: a thin shell around the core. The core knows nothing of Electron; this file wires
 * it to a window (over IPC), a tray, notifications and the app's lifecycle.
 */

// Both must happen before `ready`.
registerAppScheme();
app.enableSandbox();

let core: Core | null = null;
let win: BrowserWindow | null = null;
let tray: TrayController | null = null;
let quitting = false;
let stopping: Promise<void> | null = null;

const lang = (): ShellLang => core?.ctx.settings.get().ui.language ?? 'en';

function notify(notice: Notice): void {
  if (!Notification.isSupported()) return;
  const n = new Notification({ title: notice.title, body: notice.body });
  n.on('click', showWindow);
  n.show();
}

function showWindow(): void {
  if (!win || win.isDestroyed()) {
    // Packaged layout: dist-electron/{main.js,preload.cjs} and dist/renderer next to package.json.
    win = createMainWindow({ preload: join(app.getAppPath(), 'dist-electron', 'preload.cjs'), openExternal });
    closeToTray(win, () => quitting);
    return; // shown on ready-to-show, so it never flashes blank
  }
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

async function refreshTray(): Promise<void> {
  await tray?.refresh();
}

/** Writes or removes the autostart entry (Linux) or login item (macOS/Windows) to match the setting. */
function applyLoginSetting(c: Core, enabled: boolean): void {
  try {
    const target = launchTarget({
      execPath: process.execPath,
      appImage: process.env.APPIMAGE,
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      devEnv: { RAPPORT_ELECTRON_SQLITE_BINDING: process.env.RAPPORT_ELECTRON_SQLITE_BINDING },
    });
    const where = applyStartAtLogin(enabled, { platform: process.platform, env: process.env, home: app.getPath('home'), target, loginItems: app });
    c.ctx.logger.info({ startAtLogin: enabled, where }, 'start at login applied');
  } catch (e) {
    c.ctx.logger.error({ err: e }, 'could not apply start at login');
    notify({ title: 'Rapport', body: `${toErrorBody(e).code}: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/** Started by the login session (autostart entry or login item): stay in the tray. */
function startedHidden(): boolean {
  return process.argv.includes(HIDDEN_FLAG) || (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin);
}

/** Tray actions go through the same validated `core.call` as the UI; failures become a notification. */
function trayAction(run: (c: Core) => Promise<unknown>): () => void {
  return () => {
    if (!core) return;
    run(core)
      .catch((e: unknown) => {
        const error = toErrorBody(e);
        notify({ title: 'Rapport', body: `${error.code}: ${error.message}` });
      })
      .finally(() => void refreshTray());
  };
}

async function start(): Promise<void> {
  // One data folder for the app, `rapport serve` and the CLI; an earlier version's is moved in once.
  const dataDir = resolveDataDir(process.env);
  const paths = pathsFor(dataDir);
  const secrets = await createShellSecretStore({ dataDir: paths.secrets, keyFile: paths.secretKeyFile });
  // `npm start` passes better-sqlite3 built for Electron's ABI; a package has it rebuilt in place.
  const sqliteBinding = app.isPackaged ? undefined : process.env.RAPPORT_ELECTRON_SQLITE_BINDING || undefined;
  const c = await createCore({ dataDir, secrets: secrets.store, sqliteBinding, lockRole: 'app', legacyDataDir: app.getPath('userData') });
  core = c;
  if (secrets.warning) c.ctx.logger.warn({ secretStore: secrets.store.kind }, secrets.warning);

  denyPermissions(session.defaultSession);
  serveAppProtocol(join(app.getAppPath(), 'dist', 'renderer'));
  registerIpc({
    ipcMain,
    call: c.call,
    onInternalError: (operation, err) => c.ctx.logger.error({ err, operation }, 'IPC call failed'),
  });
  forwardEvents(c.events, (channel, payload) => {
    if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
  });
  feedNativeNotifications(c.events, notify);

  let startAtLogin = c.ctx.settings.get().desktop.startAtLogin;
  applyLoginSetting(c, startAtLogin);
  c.ctx.settings.onChange((settings) => {
    if (settings.desktop.startAtLogin === startAtLogin) return;
    startAtLogin = settings.desktop.startAtLogin;
    applyLoginSetting(c, startAtLogin);
  });

  tray = await startTrayController(
    {
      call: c.call,
      events: c.events,
      settings: () => c.ctx.settings.get(),
      onSettingsChange: (listener) => c.ctx.settings.onChange(listener),
      warn: (err, message) => c.ctx.logger.warn({ err }, message),
    },
    {
      open: showWindow,
      runBirthday: trayAction((k) => k.call('campaigns.birthday.run', {})),
      runSourcing: trayAction((k) => k.call('campaigns.sourcing.run', {})),
      pauseSchedule: trayAction((k) => k.call('schedule.pause', {})),
      resumeSchedule: trayAction((k) => k.call('schedule.resume', {})),
      setStartAtLogin: (enabled) => trayAction((k) => k.call('settings.update', { desktop: { startAtLogin: enabled } }))(),
      quit: () => app.quit(),
    },
    createAppTray,
  ).catch((err: unknown) => {
    // Without a tray the window still works; the log says why the tray is missing.
    c.ctx.logger.error({ err }, 'could not create the tray');
    return null;
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(lang(), { openDataFolder: () => void shell.openPath(dataDir), quit: () => app.quit() }, !app.isPackaged),
    ),
  );
  // Hidden only when the tray is there to bring the window back.
  if (!startedHidden() || !tray) showWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another Rapport owns the database and the schedule; it was asked to show its window.
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  // Closing the last window keeps the app in the tray; only Quit ends it.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => {
    quitting = true;
    if (!core) return;
    // Stop the core (runs, schedule, database) before Electron exits, then quit for real.
    event.preventDefault();
    if (stopping) return;
    const c = core;
    stopping = c
      .stop()
      .catch((err: unknown) => c.ctx.logger.error({ err }, 'core did not stop cleanly'))
      .finally(() => {
        core = null;
        tray?.stop();
        tray = null;
        app.quit();
      });
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      // Start-up failures are not user input errors: show the real cause rather than the generic sentence.
      const error = toErrorBody(e);
      const message = error.code === 'INTERNAL' && e instanceof Error ? e.message : error.message;
      dialog.showErrorBox('Rapport could not start', `${error.code}: ${message}`);
      app.exit(1);
    });
}
