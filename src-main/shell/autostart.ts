import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';

/** The flag the autostart entry passes so the app starts in the tray without opening its window. */
export const HIDDEN_FLAG = '--hidden';

export interface LaunchTarget {
  exec: string;
  args: string[];
}

/**
 * What the login session should run: the AppImage itself when running from one (`$APPIMAGE`, since the
 * executable lives in a temporary mount), else the installed executable; in development, Electron plus
 * the app folder, with the environment `npm start` gave it (the Electron build of better-sqlite3).
 */
export function launchTarget(o: {
  execPath: string;
  appImage?: string;
  isPackaged: boolean;
  appPath: string;
  devEnv?: Record<string, string | undefined>;
}): LaunchTarget {
  if (o.appImage) return { exec: o.appImage, args: [HIDDEN_FLAG] };
  if (o.isPackaged) return { exec: o.execPath, args: [HIDDEN_FLAG] };
  const env = Object.entries(o.devEnv ?? {}).flatMap(([k, v]) => (v ? [`${k}=${v}`] : []));
  if (env.length) return { exec: '/usr/bin/env', args: [...env, o.execPath, o.appPath, HIDDEN_FLAG] };
  return { exec: o.execPath, args: [o.appPath, HIDDEN_FLAG] };
}

/** `$XDG_CONFIG_HOME/autostart/rapport.desktop`; a relative XDG_CONFIG_HOME is ignored, as the XDG spec says. */
export function autostartFile(env: Record<string, string | undefined>, home: string): string {
  const configHome = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(configHome, 'autostart', 'rapport.desktop');
}

const NEEDS_QUOTES = /[\s"'\\><~|&;$*?#()`]/;

/** One Exec argument, quoted and escaped as the Desktop Entry specification asks (then `%` doubled). */
export function desktopExecArg(arg: string): string {
  if (/[\n\r]/.test(arg)) throw new Error(`A path with a line break cannot go in a desktop entry: ${JSON.stringify(arg)}`);
  const quoted = NEEDS_QUOTES.test(arg) || arg === '' ? `"${arg.replace(/["`$\\]/g, '\\$&')}"` : arg;
  // The Exec value is itself a string value: its backslashes are escaped once more.
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

export function desktopEntry(target: LaunchTarget): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Rapport',
    'Comment=Starts Rapport in the tray when you log in',
    `Exec=${[target.exec, ...target.args].map(desktopExecArg).join(' ')}`,
    'Icon=rapport',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** The part of Electron's `app` used on macOS and Windows (a fake in tests). */
export interface LoginItems {
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }): void;
}

export interface AutostartDeps {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  target: LaunchTarget;
  loginItems: LoginItems;
}

/**
 * Makes "start at login" match the setting. Linux: writes or removes the XDG autostart entry (the
 * desktop environments read it at login). macOS/Windows: Electron's login items. Returns what it changed.
 */
export function applyStartAtLogin(enabled: boolean, deps: AutostartDeps): string {
  if (deps.platform === 'linux') {
    const file = autostartFile(deps.env, deps.home);
    if (!enabled) {
      rmSync(file, { force: true });
      return file;
    }
    mkdirSync(dirname(file), { recursive: true });
    // Written beside and renamed, so a session starting meanwhile never reads half an entry.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, desktopEntry(deps.target), { mode: 0o644 });
    renameSync(temp, file);
    return file;
  }
  deps.loginItems.setLoginItemSettings({
    openAtLogin: enabled,
    // macOS reports `wasOpenedAtLogin` instead of passing arguments; Windows passes these.
    openAsHidden: true,
    args: deps.platform === 'win32' ? [HIDDEN_FLAG] : undefined,
  });
  return 'login items';
}
