import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, keyboardUnreachable, startPanelHarness, type PanelHarness } from '../../helpers/panel.js';

let harness: PanelHarness;

beforeAll(async () => {
  harness = await startPanelHarness();
  // A stored setting, not an environment override: the panel's switch must be able to change it.
  await harness.core.call('settings.update', { ui: { language: 'en' } });
});

afterAll(async () => {
  await harness?.dispose();
});

describe('control panel frame', () => {
  it('navigates between pages, marks the current one, and keeps the page across a reload', async () => {
    const { context, page, problems } = await harness.open();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Activity' }).click();
    await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Activity' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Today' }).getAttribute('aria-current')).toBeNull();
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches to French at once and remembers it as the ui.language setting', async () => {
    const { context, page } = await harness.open();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.getByRole('banner').getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Aujourd’hui' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await expect.poll(async () => (await harness.core.call('settings.get', {})).settings.ui.language).toBe('fr');
    await context.close();

    const again = await harness.open({ lang: 'en' });
    await again.page.getByRole('heading', { level: 1, name: 'Aujourd’hui' }).waitFor();
    await again.page.getByRole('banner').getByLabel('Langue').selectOption('en');
    await again.page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await expect.poll(async () => (await harness.core.call('settings.get', {})).settings.ui.language).toBe('en');
    await again.context.close();
  });

  it('says so when the live event stream drops, and clears the banner once it reconnects', async () => {
    const { context, page } = await harness.open();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    const banner = page.getByText('Live updates were interrupted; reconnecting…', { exact: false });
    // Take the server away (as a restart would) and bring it back on the same port.
    await harness.stopServer();
    await banner.waitFor();
    await harness.startServer();
    await banner.waitFor({ state: 'detached', timeout: 20_000 });
    await context.close();
  });

  it('has no serious or critical axe finding and every control is reachable with the keyboard, on every page', async () => {
    const { context, page, problems } = await harness.open();
    for (const [path, heading] of [
      ['/today', 'Today'],
      ['/activity', 'Activity'],
      ['/settings', 'Settings'],
    ] as const) {
      await page.evaluate((p) => (window.location.hash = `#${p}`), path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await axeViolations(page), path).toEqual([]);
      expect(await keyboardUnreachable(page), path).toEqual([]);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
