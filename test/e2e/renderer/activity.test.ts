import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPanelHarness, type PanelHarness } from '../../helpers/panel.js';

let harness: PanelHarness;

beforeAll(async () => {
  harness = await startPanelHarness({ env: { RAPPORT_UI_LANGUAGE: 'en' } });
  const { store } = harness.core.ctx;
  const jane = store.contacts.upsert({ profileUrl: 'https://www.linkedin.com/in/jane/', fullName: 'Jane Doe', source: 'birthday' });
  for (let i = 1; i <= 25; i++) {
    const run = store.runs.start(i % 5 === 0 ? 'sourcing' : 'birthday', 'schedule', false);
    store.runs.finish(run.id, i === 7 ? 'stopped' : 'succeeded', { sent: 1 }, i === 7 ? { code: 'QUOTA_EXHAUSTED', message: 'The daily messages quota is used up.' } : null);
    store.interactions.create({
      contactId: jane.id,
      runId: run.id,
      type: i % 5 === 0 ? 'profile_visit' : 'birthday_message',
      status: 'sent',
      dedupeKey: `k${i}`,
      payload: i % 5 === 0 ? {} : { text: `Happy birthday #${i}` },
    });
  }
}, 120_000);

afterAll(async () => {
  await harness?.dispose();
});

describe('control panel: Activity', () => {
  it('pages through runs, filters them, and opens a run from Today’s recent runs', async () => {
    const { context, page, problems } = await harness.open({ path: '/activity' });
    const runs = page.getByRole('region', { name: 'Runs', exact: true });
    await runs.locator('tr[data-run-id="25"]').waitFor();
    expect(await runs.locator('tbody tr').count()).toBe(20);
    await runs.getByText('Page 1 of 2').waitFor();
    await runs.getByRole('button', { name: 'Next page' }).click();
    await runs.locator('tr[data-run-id="1"]').waitFor();
    expect(await runs.locator('tbody tr').count()).toBe(5);

    await runs.getByLabel('Result').selectOption('stopped');
    await runs.locator('tr[data-run-id="7"]').getByText('QUOTA_EXHAUSTED').waitFor();
    expect(await runs.locator('tbody tr').count()).toBe(1);
    await runs.getByLabel('Result').selectOption('');
    await runs.getByLabel('Campaign').selectOption('sourcing');
    await expect.poll(() => runs.locator('tbody tr').count()).toBe(5);

    const interactions = page.getByRole('table', { name: 'Interactions, newest first' });
    await interactions.getByText('Happy birthday #24').waitFor();
    await page.getByRole('region', { name: 'Interactions', exact: true }).getByLabel('Type').selectOption('profile_visit');
    await expect.poll(() => interactions.getByRole('cell', { name: 'Profile visit', exact: true }).count()).toBe(5);
    expect(await interactions.getByText('Happy birthday #24').count()).toBe(0);

    await page.getByRole('navigation').getByRole('link', { name: 'Today' }).click();
    await page.getByRole('region', { name: 'Recent runs' }).getByRole('link', { name: 'Run #25' }).click();
    await page.getByRole('heading', { name: 'Run #25' }).waitFor();
    await page.getByRole('table', { name: 'Interactions of this run' }).getByText('Profile visit').waitFor();
    expect(page.url()).toContain('#/activity/runs/25');
    await page.getByRole('link', { name: '← All activity' }).click();
    await page.getByRole('region', { name: 'Runs', exact: true }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
