import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Status } from '../../../src-shared/domain.js';
import { startPanelHarness, type PanelHarness } from '../../helpers/panel.js';

let harness: PanelHarness;
let url: string;
const TOKEN = 'test-token-panel-e2e-0123456789abcdef';

beforeAll(async () => {
  harness = await startPanelHarness({ env: { RAPPORT_UI_LANGUAGE: 'en' } });
  url = harness.url;
});

afterAll(async () => {
  await harness?.dispose();
});

/** A fresh blank tab (empty sessionStorage), not signed in. */
async function openTab() {
  return harness.open({ signIn: false });
}

async function quotaCells(page: Page, quotaLabel: string): Promise<[string, string]> {
  const row = page.locator('tr').filter({ has: page.getByRole('rowheader', { name: quotaLabel, exact: true }) });
  const cells = row.getByRole('cell');
  return [(await cells.nth(0).textContent()) ?? '', (await cells.nth(1).textContent()) ?? ''];
}

describe('control panel: Today', () => {
  it('shows what status.get reports, with the token taken from the address and then hidden', async () => {
    const { context, page } = await openTab();
    const expected: Status = await harness.core.call('status.get', {});
    await page.goto(`${url}/#token=${TOKEN}`);
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();

    expect(page.url()).not.toContain(TOKEN);
    await page.getByText(expected.version, { exact: true }).waitFor();
    await page.getByText(expected.dataDir, { exact: true }).waitFor();
    await page.getByText('Not connected', { exact: true }).waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain(expected.reason.en);

    const labels = { messages: 'Messages', visits: 'Profile visits' } as const;
    expect(expected.quotas.map((q) => q.quota).sort()).toEqual(['messages', 'visits']);
    for (const quota of expected.quotas) {
      const [day, week] = await quotaCells(page, labels[quota.quota]);
      expect(day).toContain(`${quota.day.used} / ${quota.day.limit}`);
      expect(week).toContain(`${quota.week.used} / ${quota.week.limit}`);
      expect(day).toContain('resets');
      expect(week).toContain('resets');
    }

    const dryRun = page.getByRole('region', { name: 'Dry run' });
    expect(await dryRun.textContent()).toContain(expected.dryRun ? 'On' : 'Off');
    expect(await page.getByRole('region', { name: 'Last run' }).textContent()).toContain('No run yet.');
    await context.close();
  });

  it('runs under the panel’s CSP without console errors or CSP violations, and follows live events', async () => {
    const { context, page, problems } = await openTab();
    const eventsOpened = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/events' && r.status() === 200);
    const response = await page.goto(`${url}/#token=${TOKEN}`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await eventsOpened;

    // The server subscribes before its first byte, so an event emitted now reaches the open stream.
    const status = await harness.core.call('status.get', {});
    harness.core.events.emit('status.changed', {
      ...status,
      state: 'paused',
      reason: { code: 'PAUSED', en: 'Paused by the e2e test.', fr: 'En pause (test).' },
    });
    // Both the status bar and Today's "Now" card say what the app does and why.
    await page.getByRole('status').getByText('Paused by the e2e test.').first().waitFor();
    await page.getByRole('region', { name: 'Now' }).getByText('Paused by the e2e test.').waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });

  it('asks nothing that can only fail while no account is connected: a fresh tab on Today, then Campaigns, logs no error', async () => {
    const { context, page, problems } = await openTab();
    const planRequests: string[] = [];
    page.on('request', (r) => void (new URL(r.url()).pathname === '/api/plan/birthday' && planRequests.push(r.url())));
    await page.goto(`${url}/#token=${TOKEN}`);
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.getByText('Connect your LinkedIn account to see today’s plan.').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Campaigns' }).click();
    await page.getByText('Connect a LinkedIn account (Today or Settings) to see who will be wished today.').waitFor();
    // The plan would be NOT_CONNECTED (409), which Chromium logs; give such a request time to come back.
    await page.waitForTimeout(500);
    expect(planRequests).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('asks for the token when the address has none, explains where it is, and connects with it', async () => {
    const { context, page } = await openTab();
    await page.goto(`${url}/`);
    const field = page.getByLabel('API token');
    await field.waitFor();
    expect(await page.getByRole('main').textContent()).toContain('api-token');
    await field.fill(TOKEN);
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.getByText('Not connected', { exact: true }).waitFor();
    await context.close();
  });

  it('shows UNAUTHORIZED with what to do when the token is wrong, and asks again', async () => {
    const { context, page } = await openTab();
    await page.goto(`${url}/#token=not-the-right-token`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('UNAUTHORIZED');
    expect(text).toContain('The API token is missing or wrong. Copy it from the api-token file in Rapport’s data folder.');
    await page.getByLabel('API token').waitFor();
    await context.close();
  });

  // Last: it records a run, which the tests above expect not to exist.
  it('shows the last run with its result and error code', async () => {
    const run = harness.core.ctx.store.runs.start('birthday', 'schedule', false);
    harness.core.ctx.store.runs.finish(run.id, 'failed', { sent: 2 }, { code: 'QUOTA_EXHAUSTED', message: 'The daily messages quota is used up.' });
    const { context, page } = await openTab();
    await page.goto(`${url}/#token=${TOKEN}`);
    const lastRun = page.getByRole('region', { name: 'Last run' });
    await lastRun.getByText('QUOTA_EXHAUSTED').waitFor();
    const text = (await lastRun.textContent()) ?? '';
    expect(text).toContain('Birthday wishes');
    expect(text).toContain('Failed');
    expect(text).toContain('the schedule');
    expect(text).toContain('sent (2)');
    await context.close();
  });
});
