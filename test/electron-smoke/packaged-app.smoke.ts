import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';

/**
 * Starts the packaged app (RAPPORT_PACKAGED_APP: the executable inside electron-builder's unpacked
 * folder) under Xvfb and checks what a user sees first: the control panel, fed by `status.get` over IPC.
 */
const executablePath = process.env.RAPPORT_PACKAGED_APP;

describe('the packaged desktop app', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!executablePath || !existsSync(executablePath)) {
      throw new Error(`RAPPORT_PACKAGED_APP must name the packaged executable (got ${executablePath ?? 'nothing'})`);
    }
    dataDir = mkdtempSync(join(tmpdir(), 'rapport-smoke-'));
    app = await electron.launch({
      executablePath,
      // GitHub's Ubuntu 24.04 runners forbid the unprivileged user namespaces Chromium's sandbox uses.
      args: ['--no-sandbox'],
      env: { ...process.env, RAPPORT_DATA_DIR: dataDir, RAPPORT_LOG_LEVEL: 'debug' } as Record<string, string>,
    });
    page = await app.firstWindow();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
  });

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the control panel from app://', async () => {
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/^app:\/\//);
    await page.locator('nav.app-nav').waitFor({ state: 'visible' });
    expect(await page.locator('nav.app-nav a').count()).toBeGreaterThan(1);
  });

  it('answers status.get over IPC from the packaged core, with its database in the data folder', async () => {
    const answer = await page.evaluate(async () => {
      const bridge = (window as unknown as { rapport: Record<string, (input: unknown) => Promise<unknown>> }).rapport;
      return bridge['status.get']({});
    });
    expect(answer).toMatchObject({ ok: true, value: { dataDir, version: expect.any(String) } });
    expect(existsSync(join(dataDir, 'rapport.db'))).toBe(true);
    expect(problems).toEqual([]);
  });
});
