import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactsFilter } from '../../../src-shared/contract.js';
import { seedContacts } from '../../helpers/contacts.js';
import { axeViolations, startPanelHarness, type PanelHarness } from '../../helpers/panel.js';

const ROWS = 100_000;
const ROW_HEIGHT = 36;
let harness: PanelHarness;

beforeAll(async () => {
  harness = await startPanelHarness();
  seedContacts(harness.core.ctx.store.database.sqlite, ROWS);
}, 120_000);

afterAll(async () => {
  await harness?.dispose();
});

/** The contact the core puts at `index` (0-based) for a filter. */
async function expectedAt(filter: Partial<ContactsFilter>, index: number): Promise<string> {
  const pageSize = 500;
  const page = await harness.core.call('contacts.list', { ...filter, page: Math.floor(index / pageSize) + 1, pageSize });
  return page.items[index % pageSize]!.fullName;
}

async function expectedTotal(filter: Partial<ContactsFilter>): Promise<number> {
  return (await harness.core.call('contacts.list', { ...filter, page: 1, pageSize: 1 })).total;
}

/** The name shown in the table row for the contact at `index` (aria-rowindex counts the header row as 1). */
function rowName(page: Page, index: number) {
  return page.locator(`[role="row"][aria-rowindex="${index + 2}"] .col-fullName`);
}

async function waitRow(page: Page, index: number, name: string): Promise<void> {
  await rowName(page, index).getByText(name, { exact: true }).waitFor({ timeout: 15_000 });
}

for (const lang of ['en', 'fr'] as const) {
  describe(`control panel: Contacts at 100,000 rows (${lang})`, () => {
    beforeAll(async () => {
      await harness.core.call('settings.update', { ui: { language: lang } });
    });

    it('scrolls to row 90,000, sorts by name, filters by status and searches, always showing the core’s rows', async () => {
      const { context, page, problems } = await harness.open({ lang, path: '/contacts' });
      await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
      await waitRow(page, 0, await expectedAt({ sort: 'name' }, 0));
      expect(await page.getByTestId('contacts-count').textContent()).toBe(`${await expectedTotal({})} contacts`);
      // Only the visible rows are in the DOM.
      expect(await page.locator('.contacts-scroll [role="row"]').count()).toBeLessThan(200);

      await page.getByTestId('contacts-scroll').evaluate((el, top) => (el.scrollTop = top), 90_000 * ROW_HEIGHT);
      await waitRow(page, 90_000, await expectedAt({ sort: 'name' }, 90_000));

      // Sort by name, descending (the second click on the name header).
      await page.getByTestId('contacts-scroll').evaluate((el) => (el.scrollTop = 0));
      const sortByName = page.getByRole('button', { name: lang === 'en' ? 'Sort by Name' : 'Trier par Nom' });
      await sortByName.click();
      await waitRow(page, 0, await expectedAt({ sort: '-name' }, 0));
      expect(await page.getByRole('columnheader', { name: /Name|Nom/ }).getAttribute('aria-sort')).toBe('descending');

      // Filter by status.
      await page.locator('#contacts-status').selectOption('ignored');
      const blocked = { sort: '-name' as const, status: 'ignored' as const };
      await page.getByTestId('contacts-count').getByText(String(await expectedTotal(blocked))).waitFor();
      await waitRow(page, 0, await expectedAt(blocked, 0));
      await waitRow(page, 1, await expectedAt(blocked, 1));

      // Search by text, within the status filter.
      await page.locator('#contacts-search').fill('Zoé Khan');
      const searched = { ...blocked, query: 'Zoé Khan' };
      const total = await expectedTotal(searched);
      expect(total).toBeGreaterThan(0);
      await page.getByTestId('contacts-count').getByText(new RegExp(`^${total}\\b`)).waitFor();
      await waitRow(page, 0, await expectedAt(searched, 0));

      // CSV export of the current filter holds exactly those rows.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: lang === 'en' ? 'Export these contacts as CSV' : 'Exporter ces contacts en CSV' }).click();
      const file = await (await download).path();
      const rows = parse(readFileSync(file!, 'utf8'), { columns: true }) as Array<{ id: string; status: string; fullName: string }>;
      const expectedIds: number[] = [];
      for (let p = 1; expectedIds.length < total; p++) {
        const chunk = await harness.core.call('contacts.list', { ...searched, page: p, pageSize: 500 });
        expectedIds.push(...chunk.items.map((c) => c.id));
      }
      expect(rows.length).toBe(total);
      expect(rows.map((r) => Number(r.id))).toEqual(expectedIds);
      expect(rows.every((r) => r.status === 'ignored' && r.fullName.includes('Zoé Khan'))).toBe(true);

      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    }, 120_000);

    it('opens a contact, edits notes and status, shows the history, and erases after confirmation', async () => {
      const { context, page, problems } = await harness.open({ lang, path: '/contacts' });
      const target = (await harness.core.call('contacts.list', { query: `Omar Nguyen 38`, page: 1, pageSize: 1 })).items[0]!;
      harness.core.ctx.store.interactions.tryCreate({
        contactId: target.id,
        runId: null,
        type: 'birthday_message',
        status: 'sent',
        dedupeKey: `e2e-${lang}`,
        payload: { text: `Happy birthday from the ${lang} test` },
      });
      await page.locator('#contacts-search').fill(target.fullName);
      await rowName(page, 0).getByRole('button', { name: target.fullName, exact: true }).click();
      const detail = page.getByRole('complementary', { name: target.fullName });
      await detail.getByText(`Happy birthday from the ${lang} test`).waitFor();
      expect(await detail.getByRole('link').getAttribute('href')).toBe(target.profileUrl);

      await detail.locator('#contact-notes').fill(`Met at a conference (${lang})`);
      await detail.getByRole('button', { name: lang === 'en' ? 'Save the notes' : 'Enregistrer les notes' }).click();
      await expect.poll(() => harness.core.ctx.store.contacts.get(target.id)?.notes).toBe(`Met at a conference (${lang})`);
      await detail.locator('#contact-status').selectOption('ignored');
      await expect.poll(() => harness.core.ctx.store.contacts.get(target.id)?.status).toBe('ignored');
      expect(await axeViolations(page)).toEqual([]);

      // Erase: a refused confirmation keeps the contact; an accepted one removes it.
      page.once('dialog', (d) => void d.dismiss());
      await detail.getByRole('button', { name: lang === 'en' ? 'Erase this contact' : 'Effacer ce contact' }).click();
      expect(harness.core.ctx.store.contacts.get(target.id)).not.toBeNull();
      page.once('dialog', (d) => void d.accept());
      await detail.getByRole('button', { name: lang === 'en' ? 'Erase this contact' : 'Effacer ce contact' }).click();
      await expect.poll(() => harness.core.ctx.store.contacts.get(target.id)).toBeNull();
      await detail.waitFor({ state: 'detached' });
      expect(problems).toEqual([]);
      await context.close();
    }, 60_000);
  });
}
