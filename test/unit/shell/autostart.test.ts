import { describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyStartAtLogin,
  autostartFile,
  desktopExecArg,
  launchTarget,
  type AutostartDeps,
} from '../../../src-main/shell/autostart.js';

const temp = () => mkdtempSync(join(tmpdir(), 'rapport-autostart-'));

function linuxDeps(over: Partial<AutostartDeps> = {}): AutostartDeps {
  const home = temp();
  return {
    platform: 'linux',
    env: {},
    home,
    target: launchTarget({ execPath: '/opt/Rapport/rapport', isPackaged: true, appPath: '/opt/Rapport/resources/app.asar' }),
    loginItems: { setLoginItemSettings: vi.fn() },
    ...over,
  };
}

const execLine = (file: string) => readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith('Exec='));

describe('start at login on Linux (XDG autostart)', () => {
  it('writes ~/.config/autostart/rapport.desktop starting the installed app hidden, and removes it when turned off', () => {
    const deps = linuxDeps();
    const file = join(deps.home, '.config', 'autostart', 'rapport.desktop');
    expect(applyStartAtLogin(true, deps)).toBe(file);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('[Desktop Entry]\n')).toBe(true);
    expect(text).toContain('Type=Application\n');
    expect(execLine(file)).toBe('Exec=/opt/Rapport/rapport --hidden');
    expect(statSync(file).mode & 0o777).toBe(0o644);

    applyStartAtLogin(false, deps);
    expect(existsSync(file)).toBe(false);
    // Turning off twice (or when never on) is not an error.
    expect(() => applyStartAtLogin(false, deps)).not.toThrow();
    expect(deps.loginItems.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('respects an absolute XDG_CONFIG_HOME and ignores a relative one', () => {
    const config = temp();
    expect(autostartFile({ XDG_CONFIG_HOME: config }, '/home/ana')).toBe(join(config, 'autostart', 'rapport.desktop'));
    expect(autostartFile({ XDG_CONFIG_HOME: 'relative/dir' }, '/home/ana')).toBe('/home/ana/.config/autostart/rapport.desktop');
    const deps = linuxDeps({ env: { XDG_CONFIG_HOME: config } });
    applyStartAtLogin(true, deps);
    expect(existsSync(join(config, 'autostart', 'rapport.desktop'))).toBe(true);
    expect(existsSync(join(deps.home, '.config'))).toBe(false);
  });

  it('points at the AppImage file rather than its temporary mount, quoting a path with spaces', () => {
    const target = launchTarget({
      execPath: '/tmp/.mount_RapporXYZ/rapport',
      appImage: '/home/ana/My Apps/Rapport-0.1.0.AppImage',
      isPackaged: true,
      appPath: '/tmp/.mount_RapporXYZ/resources/app.asar',
    });
    const deps = linuxDeps({ target });
    const file = applyStartAtLogin(true, deps);
    expect(execLine(file)).toBe('Exec="/home/ana/My Apps/Rapport-0.1.0.AppImage" --hidden');
  });

  it('in development starts Electron with the app folder and the Electron build of better-sqlite3', () => {
    const electron = '/repo/node_modules/electron/dist/electron';
    expect(launchTarget({ execPath: electron, isPackaged: false, appPath: '/repo' })).toEqual({ exec: electron, args: ['/repo', '--hidden'] });
    const target = launchTarget({
      execPath: electron,
      isPackaged: false,
      appPath: '/repo',
      devEnv: { RAPPORT_ELECTRON_SQLITE_BINDING: '/home/ana/.cache/rapport/b.node', UNSET: undefined },
    });
    const file = applyStartAtLogin(true, linuxDeps({ target }));
    expect(execLine(file)).toBe(`Exec=/usr/bin/env RAPPORT_ELECTRON_SQLITE_BINDING=/home/ana/.cache/rapport/b.node ${electron} /repo --hidden`);
    // A package never carries development settings into the entry.
    expect(launchTarget({ execPath: '/opt/R/rapport', isPackaged: true, appPath: '/opt/R/app.asar', devEnv: { X: 'y' } }).exec).toBe('/opt/R/rapport');
  });

  it('escapes what the Desktop Entry spec reserves', () => {
    expect(desktopExecArg('/usr/bin/rapport')).toBe('/usr/bin/rapport');
    expect(desktopExecArg('/a/100%/b')).toBe('/a/100%%/b');
    // A quote and a dollar inside double quotes get a backslash, which the string escaping doubles.
    expect(desktopExecArg('/a/"x"$y')).toBe('"/a/\\\\"x\\\\"\\\\$y"');
    expect(() => desktopExecArg('/a\nb')).toThrow(/line break/);
  });
});

describe('start at login on macOS and Windows (login items)', () => {
  it('uses Electron’s login items, hidden, with the --hidden flag on Windows', () => {
    const mac = linuxDeps({ platform: 'darwin' });
    applyStartAtLogin(true, mac);
    expect(mac.loginItems.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, openAsHidden: true, args: undefined });
    const win = linuxDeps({ platform: 'win32' });
    applyStartAtLogin(false, win);
    expect(win.loginItems.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: false, openAsHidden: true, args: ['--hidden'] });
    expect(existsSync(join(mac.home, '.config'))).toBe(false);
  });
});
