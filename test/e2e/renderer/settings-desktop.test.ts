import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { axeViolations, buildPanel, keyboardUnreachable, startPanelHarness, type PanelHarness } from '../../helpers/panel.js';

let harness: PanelHarness;
let staticDir: string;

beforeAll(async () => {
  // One build for both hosts of this file (the second has the setting fixed by the environment).
  staticDir = await buildPanel();
  harness = await startPanelHarness({ staticDir });
});

afterAll(async () => {
  await harness?.dispose();
  if (staticDir) rmSync(staticDir, { recursive: true, force: true });
});

const startAtLogin = async () => (await harness.core.call('settings.get', {})).settings.desktop.startAtLogin;

describe('Settings: desktop app (start at login)', () => {
  it('is off by default, turns on and off, and says in a browser that it applies to the desktop app', async () => {
    await harness.core.call('settings.update', { ui: { language: 'en' }, desktop: { startAtLogin: false } });
    const { context, page, problems } = await harness.open({ lang: 'en', path: '/settings' });
    await page.getByRole('heading', { level: 2, name: 'Desktop app' }).waitFor();
    const box = page.getByRole('checkbox', { name: 'Start Rapport when I log in' });
    expect(await box.isChecked()).toBe(false);
    await page.getByText('This applies to the desktop app', { exact: false }).waitFor();

    await box.check();
    await expect.poll(startAtLogin).toBe(true);
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.reload();
    await page.getByRole('checkbox', { name: 'Start Rapport when I log in' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Start Rapport when I log in' }).isChecked()).toBe(true);

    await page.getByRole('checkbox', { name: 'Start Rapport when I log in' }).uncheck();
    await expect.poll(startAtLogin).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    expect(await keyboardUnreachable(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('speaks French and shows a value stored elsewhere (e.g. by the tray menu)', async () => {
    await harness.core.call('settings.update', { ui: { language: 'fr' }, desktop: { startAtLogin: true } });
    const { context, page, problems } = await harness.open({ lang: 'fr', path: '/settings' });
    await page.getByRole('heading', { level: 2, name: 'Application de bureau' }).waitFor();
    const box = page.getByRole('checkbox', { name: 'Lancer Rapport à l’ouverture de ma session' });
    expect(await box.isChecked()).toBe(true);
    await page.getByText('Ce réglage concerne l’application de bureau', { exact: false }).waitFor();
    await box.uncheck();
    await expect.poll(startAtLogin).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
    await harness.core.call('settings.update', { ui: { language: 'en' } });
  });
});

describe('Settings: start at login set by the environment', () => {
  it('shows the setting locked, naming the variable', async () => {
    const locked = await startPanelHarness({ staticDir, env: { RAPPORT_DESKTOP_START_AT_LOGIN: 'true' } });
    try {
      await locked.core.call('settings.update', { ui: { language: 'en' } });
      const { context, page, problems } = await locked.open({ lang: 'en', path: '/settings' });
      const box = page.getByRole('checkbox', { name: 'Start Rapport when I log in' });
      await box.waitFor();
      expect(await box.isChecked()).toBe(true);
      expect(await box.isDisabled()).toBe(true);
      await page.getByText('Set by the environment variable RAPPORT_DESKTOP_START_AT_LOGIN', { exact: false }).waitFor();
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await locked.dispose();
    }
  });
});
