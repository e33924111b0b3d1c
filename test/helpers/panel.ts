/**
 * The control panel under test: the headless host (core + API + built panel) on a temp data folder,
 * optionally pointed at the LinkedIn simulator, and real Chromium tabs that record console errors,
 * page errors and CSP violations. Also axe-core and a keyboard-reachability check.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createCore, type Core } from '../../src-main/core/app.js';
import { startSimulator, type SimConfig, type Simulator } from '../fixtures/linkedin-sim/index.js';
import { linkedInStorageState, TEST_ENGINE_OPTIONS } from './browser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PANEL_TOKEN = 'test-token-panel-e2e-0123456789abcdef';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Builds the panel into a private folder: other test files or a developer may be rebuilding dist/renderer meanwhile. */
export async function buildPanel(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'rapport-panel-build-'));
  await promisify(execFile)('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT });
  return outDir;
}

export interface PanelTab {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and CSP violations seen so far: a clean panel leaves this empty. */
  problems: string[];
}

export interface PanelHarness {
  core: Core;
  /** The host's origin, e.g. http://127.0.0.1:40123 */
  url: string;
  token: string;
  dataDir: string;
  browser: Browser;
  sim: Simulator | null;
  /** Closes the HTTP server (dropping every connection, as a restart would); `startServer` reopens it on the same port. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /** A fresh tab (empty sessionStorage); signed in through `#token=` and on `path` (e.g. `/activity`) unless `signIn` is false (blank). */
  open(options?: { lang?: 'en' | 'fr'; path?: string; signIn?: boolean }): Promise<PanelTab>;
  dispose(): Promise<void>;
}

export interface PanelHarnessOptions {
  /** Starts the LinkedIn simulator and points the core at it (pacing off, working hours off). */
  simulator?: Partial<SimConfig> | boolean;
  /** Imports the simulator's session so runs can start (needs `simulator`). */
  connectAccount?: boolean;
  env?: Record<string, string>;
  /** A panel already built by `buildPanel()` (e.g. shared by several harnesses in one file). */
  staticDir?: string;
}

export async function startPanelHarness(options: PanelHarnessOptions = {}): Promise<PanelHarness> {
  const ownBuild = !options.staticDir;
  const staticDir = options.staticDir ?? (await buildPanel());
  const sim = options.simulator ? await startSimulator(options.simulator === true ? {} : options.simulator) : null;
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-panel-'));
  const simEnv: Record<string, string> = sim
    ? {
        RAPPORT_LINKEDIN_BASE_URL: sim.url,
        RAPPORT_PACING_SCALE: '0',
        RAPPORT_WORKING_HOURS_ENABLED: 'false',
        RAPPORT_LIMITS_WARMUP: 'false',
      }
    : {};
  const core = await createCore({
    dataDir,
    env: { RAPPORT_API_KEY: PANEL_TOKEN, ...simEnv, ...options.env },
    extensions: { browser: TEST_ENGINE_OPTIONS },
  });
  if (options.connectAccount) await core.call('account.importCookies', { content: linkedInStorageState() });
  let server = await core.serve({ host: '127.0.0.1', port: 0, staticDir });
  const { url, port } = server;
  const browser = await chromium.launch({ executablePath: process.env.RAPPORT_BROWSER_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

  return {
    core,
    url,
    token: PANEL_TOKEN,
    dataDir,
    browser,
    sim,
    stopServer: () => server.close(),
    async startServer() {
      server = await core.serve({ host: '127.0.0.1', port, staticDir });
    },
    async open({ lang = 'en', path = '/today', signIn = true } = {}) {
      const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
        });
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      if (signIn) {
        await page.goto(`${url}/#token=${PANEL_TOKEN}`);
        await page.getByRole('navigation').waitFor();
        await page.evaluate((p) => (window.location.hash = `#${p}`), path);
      }
      return { context, page, problems };
    },
    async dispose() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      await core.stop();
      await sim?.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (ownBuild) rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe-core on the page as it is now; returns the serious and critical violations (empty = clean).
 * Injected through `page.evaluate`: the panel's CSP rightly refuses an inline script tag.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => String(n.target.join(' '))) }));
  });
}

/**
 * Tabs through the page from the top and returns the visible, enabled controls (links, buttons,
 * fields) that the keyboard never reached — empty means every control is reachable.
 */
export async function keyboardUnreachable(page: Page, maxTabs = 400): Promise<string[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const marker = 'data-kbd-reached';
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const done = await page.evaluate((attr) => {
      const el = document.activeElement;
      if (!el || el === document.body) return false;
      // Back at the first control: the whole page went by. (A date field takes several Tabs, one per part.)
      if (el.getAttribute(attr) === 'first') return true;
      if (!el.hasAttribute(attr)) el.setAttribute(attr, document.querySelector(`[${attr}]`) ? '' : 'first');
      return false;
    }, marker);
    if (done) break;
  }
  return page.evaluate((attr) => {
    const selector = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    const missed = [...document.querySelectorAll(selector)].filter((el) => {
      const html = el as HTMLElement;
      if (html.hasAttribute(attr) || (html as HTMLButtonElement).disabled) return false;
      if (html.getAttribute('tabindex') === '-1') return false;
      const box = html.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(html).visibility !== 'hidden';
    });
    document.querySelectorAll(`[${attr}]`).forEach((el) => el.removeAttribute(attr));
    return missed.map(describe);
  }, marker);
}
