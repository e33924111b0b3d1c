import { spawn } from 'node:child_process';

/** The sign-in link: the panel's address with the token in the fragment, which never reaches a server log. */
export function signInLink(panelUrl: string, token: string): string {
  return `${panelUrl.replace(/\/?$/, '/')}#token=${encodeURIComponent(token)}`;
}

/** Whether to open the browser: `--open` always; `RAPPORT_OPEN_BROWSER=1` only outside CI; never by default. */
export function shouldOpenBrowser(flag: boolean, env: Record<string, string | undefined>): boolean {
  if (flag) return true;
  return env.RAPPORT_OPEN_BROWSER === '1' && !env.CI;
}

/** The system's "open this address" command. */
export function openerFor(platform: NodeJS.Platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""'] };
  return { command: 'xdg-open', args: [] };
}

/** Opens `url` in the default browser; resolves false (never throws) when no opener is available. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  const { command, args } = openerFor(platform);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, [...args, url], { stdio: 'ignore', detached: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
