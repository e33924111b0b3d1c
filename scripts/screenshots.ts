/**
 * `npm run screenshots`: starts the demo, makes a dry run and a run, then photographs every page of
 * the control panel (and a run's detail) in English and French into docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Run } from '../src-shared/domain.js';
import { startDemo, type Demo } from './demo-host.js';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const LANGS = ['en', 'fr'] as const;

async function runToEnd(demo: Demo, dryRun: boolean): Promise<Run> {
  const { core } = demo.host;
  const finished = new Promise<Run>((resolve) => {
    const off = core.events.on('run.finished', (run) => (off(), resolve(run)));
  });
  await core.call('campaigns.birthday.run', { dryRun });
  return finished;
}

/** Lets queries settle: the page has its heading and nothing says "Loading" or "Reading". */
async function settle(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForFunction(() => !/Loading…|Chargement…|Reading today|Lecture des anniversaires/.test(document.body.innerText), null, {
    timeout: 30_000,
  });
  await page.waitForTimeout(800);
}

interface Shot {
  path: string;
  name: string;
}

/** Every navigation page that `keep` accepts, plus `extra`, in both languages; returns the files written. */
async function photograph(browser: Browser, demo: Demo, keep: (path: string) => boolean, extra: Shot[] = []): Promise<string[]> {
  const written: string[] = [];
  for (const lang of LANGS) {
    await demo.host.core.call('settings.update', { ui: { language: lang } });
    const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(demo.signInUrl);
    await page.getByRole('navigation').waitFor();
    const paths = await page
      .getByRole('navigation')
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => (a.getAttribute('href') ?? '').replace(/^#/, '')).filter((p) => p.startsWith('/')));
    const shots = [...paths.filter(keep).map((p) => ({ path: p, name: p.slice(1).replace(/\//g, '-') })), ...extra];
    for (const shot of shots) {
      await page.evaluate((p) => (window.location.hash = `#${p}`), shot.path);
      await settle(page);
      const file = `${OUT}${shot.name}-${lang}.png`;
      await page.screenshot({ path: file, fullPage: true });
      written.push(file);
    }
    await context.close();
  }
  return written;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const demo = await startDemo({ pacingScale: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.RAPPORT_BROWSER_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    if (!demo.host.hasPanel) throw new Error('The control panel is not built: run `npm run build:renderer` first.');
    // Today is taken after a dry run (its plan still lists who will be wished); the other pages after
    // a real run to the simulator, so they show what was sent.
    await demo.host.core.call('plan.birthday', {});
    await runToEnd(demo, true);
    const written = await photograph(browser, demo, (path) => path === '/today');
    const run = await runToEnd(demo, false);
    written.push(...(await photograph(browser, demo, (path) => path !== '/today', [{ path: `/activity/runs/${run.id}`, name: 'activity-run' }])));
    console.log(`Wrote ${written.length} screenshots:\n${written.join('\n')}`);
  } finally {
    await browser.close();
    await demo.stop();
  }
}

await main();
