/**
 * Control panel figures: the gzipped size of the built bundle (budget 250 KB), and the time from
 * navigation to today's plan being visible on Today (median of 5), in Chromium against the headless
 * host and the simulator, with the frame's own first paint (navigation visible) as the baseline.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildPanel, startPanelHarness } from '../test/helpers/panel.js';
import type { BenchResult } from './types.js';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export default async function bench(): Promise<BenchResult[]> {
  const staticDir = await buildPanel();
  const code = files(staticDir).filter((f) => /\.(js|css|html)$/.test(f));
  const gzipped = code.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
  const js = code.filter((f) => f.endsWith('.js')).reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);

  const harness = await startPanelHarness({ staticDir, simulator: true, connectAccount: true });
  try {
    // The first plan reads LinkedIn (a browser launch); the figures are for the cached plan a user sees after.
    await harness.core.call('plan.birthday', {});
    const frame: number[] = [];
    const plan: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await harness.browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(`${harness.url}/#token=${harness.token}`);
      await page.getByRole('navigation').waitFor();
      frame.push(performance.now() - start);
      await page.getByRole('heading', { name: /Will be wished/ }).waitFor({ timeout: 30_000 });
      plan.push(performance.now() - start);
      await context.close();
    }
    const planMs = median(plan);
    const frameMs = median(frame);
    return [
      { name: 'panel bundle, gzipped (js + css + html)', value: Math.round(gzipped / 102.4) / 10, unit: 'KB', note: 'budget 250 KB' },
      { name: 'panel bundle, gzipped js', value: Math.round(js / 102.4) / 10, unit: 'KB' },
      { name: 'Today: navigation → frame visible (baseline), median of 5', value: Math.round(frameMs), unit: 'ms' },
      { name: "Today: navigation → today's plan visible, median of 5", value: Math.round(planMs), unit: 'ms' },
      { name: 'Today plan visible / frame visible', value: planMs / frameMs, unit: '×' },
    ];
  } finally {
    await harness.dispose();
    rmSync(staticDir, { recursive: true, force: true });
  }
}
