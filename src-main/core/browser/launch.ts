import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { RapportError } from '../../../src-shared/errors.js';
import type { Logger } from '../log.js';
import { findChildWithArg, groupMembers, killGroup } from './process-tree.js';
import { releaseStaleProfile } from './profile-lock.js';

/** A Chromium-based browser to drive: a path on disk or a Playwright channel (installed Chrome/Edge). */
export type BrowserCandidate =
  | { kind: 'path'; executablePath: string; source: string }
  | { kind: 'channel'; channel: 'chrome' | 'msedge'; source: string };

export const INSTALL_HINT =
  'Install Chromium (Debian/Ubuntu: `sudo apt install chromium`; Fedora: `sudo dnf install chromium`), ' +
  'Google Chrome or Microsoft Edge, or set browser.executablePath (or RAPPORT_BROWSER_PATH) to its executable.';

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];
const WELL_KNOWN: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
};

export const BROWSER_FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface DiscoveryInput {
  executablePath?: string;
  env: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  /** Injected for tests; defaults check the file system. */
  isExecutable?: (path: string) => boolean;
}

function defaultIsExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Candidates in order: the setting, RAPPORT_BROWSER_PATH, /usr/bin/chromium, the usual names on PATH,
 * well-known app locations, then Playwright's channels for an installed Chrome or Edge. An explicit
 * path that does not exist is an error of its own: silently using another browser would surprise.
 */
export function discoverBrowsers(input: DiscoveryInput): BrowserCandidate[] {
  const isExecutable = input.isExecutable ?? defaultIsExecutable;
  const explicit: Array<[string | undefined, string]> = [
    [input.executablePath, 'setting browser.executablePath'],
    [input.env.RAPPORT_BROWSER_PATH, 'RAPPORT_BROWSER_PATH'],
  ];
  for (const [path, source] of explicit) {
    if (!path) continue;
    if (!isExecutable(path)) {
      throw new RapportError('BROWSER_NOT_FOUND', `The browser set by ${source} (${path}) does not exist or is not executable. ${INSTALL_HINT}`, {
        path,
      });
    }
    return [{ kind: 'path', executablePath: path, source }];
  }
  const found: BrowserCandidate[] = [];
  const seen = new Set<string>();
  const add = (path: string, source: string) => {
    if (seen.has(path) || !isExecutable(path)) return;
    seen.add(path);
    found.push({ kind: 'path', executablePath: path, source });
  };
  add('/usr/bin/chromium', 'default path');
  const dirs = (input.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of PATH_NAMES) for (const dir of dirs) add(join(dir, name), 'PATH');
  for (const path of WELL_KNOWN[input.platform ?? process.platform] ?? []) add(path, 'well-known location');
  found.push({ kind: 'channel', channel: 'chrome', source: 'Playwright channel' });
  found.push({ kind: 'channel', channel: 'msedge', source: 'Playwright channel' });
  return found;
}

export interface LaunchOptions {
  candidates: BrowserCandidate[];
  profileDir: string;
  headless: boolean;
  logger: Logger;
  signal?: AbortSignal;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  page: Page;
  /** PID of the browser's main process (leader of its own process group); null when not known. */
  pid: number | null;
  candidate: BrowserCandidate;
  /** Closes the browser and makes sure none of its processes survive. Safe to call twice. */
  close(): Promise<void>;
}

function isMissingExecutable(e: unknown): boolean {
  const message = e instanceof Error ? e.message : String(e);
  return /executable doesn't exist|is not found at|ENOENT/i.test(message);
}

const CLOSE_TIMEOUT_MS = 10_000;
const REAP_WAIT_MS = 5_000;

async function waitGone(pgid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (groupMembers(pgid).length === 0) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return groupMembers(pgid).length === 0;
}

/**
 * Launches a persistent context in the app's own profile directory. The sandbox is disabled only
 * when running as root, where Chromium refuses to start with it.
 */
export async function launchBrowser(options: LaunchOptions): Promise<LaunchedBrowser> {
  mkdirSync(options.profileDir, { recursive: true, mode: 0o700 });
  await releaseStaleProfile(options.profileDir, options.logger);
  const asRoot = process.getuid?.() === 0;
  const args = [...BROWSER_FLAGS, ...(asRoot ? ['--no-sandbox'] : [])];
  const tried: string[] = [];
  for (const candidate of options.candidates) {
    if (options.signal?.aborted) throw new RapportError('ABORTED', 'The run was stopped.');
    let context: BrowserContext;
    try {
      context = await chromium.launchPersistentContext(options.profileDir, {
        ...(candidate.kind === 'path' ? { executablePath: candidate.executablePath } : { channel: candidate.channel }),
        headless: options.headless,
        args,
        viewport: { width: 1280, height: 900 },
        timeout: 30_000,
      });
    } catch (e) {
      const label = candidate.kind === 'path' ? candidate.executablePath : `channel ${candidate.channel}`;
      if (isMissingExecutable(e)) {
        tried.push(label);
        continue;
      }
      const message = (e as Error).message;
      const noDisplay = !options.headless && /DISPLAY|X ?server|ozone/i.test(message);
      throw new RapportError(
        'BROWSER_FAILED',
        noDisplay
          ? 'A visible browser window cannot open: this machine has no display. Log in on a machine with a screen, or export your LinkedIn cookies there and run `rapport account import-cookies FILE`.'
          : `The browser ${label} failed to start: ${message.split('\n')[0]}`,
        { browser: label },
      );
    }
    const pid = findChildWithArg(process.pid, `--user-data-dir=${options.profileDir}`);
    options.logger.info({ browser: candidate, pid, headless: options.headless }, 'browser launched');
    let closing: Promise<void> | null = null;
    const close = () =>
      (closing ??= (async () => {
        await Promise.race([
          context.close().catch(() => undefined),
          new Promise((r) => setTimeout(r, CLOSE_TIMEOUT_MS).unref()),
        ]);
        if (pid !== null && !(await waitGone(pid, 200))) {
          // Playwright's close normally reaps everything; a hung browser gets killed — but only the
          // group this process started (its pid is the group id), never any other browser.
          options.logger.warn({ pid }, 'browser did not exit after close; killing its process group');
          killGroup(pid);
          await waitGone(pid, REAP_WAIT_MS);
        }
      })());
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const launched: LaunchedBrowser = { context, page, pid, candidate, close };
      if (options.signal?.aborted) throw new RapportError('ABORTED', 'The run was stopped.');
      return launched;
    } catch (e) {
      await close();
      throw e;
    }
  }
  throw new RapportError('BROWSER_NOT_FOUND', `No Chromium-based browser was found${tried.length ? ` (tried ${tried.join(', ')})` : ''}. ${INSTALL_HINT}`);
}
