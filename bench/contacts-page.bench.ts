/**
 * The Contacts page at 100,000 rows, in real Chromium against the headless host: time to the first rows
 * and to a sorted view after a click on the Name header (median of 5 fresh tabs each), beside the raw
 * SQL of one window (count + 200 rows by name) measured in the same run.
 */
import { performance } from 'node:perf_hooks';
import { seedContacts } from '../test/helpers/contacts.js';
import { startPanelHarness } from '../test/helpers/panel.js';
import type { BenchResult } from './types.js';

const ROWS = 100_000;
const RUNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export default async function bench(): Promise<BenchResult[]> {
  const harness = await startPanelHarness({ env: { RAPPORT_UI_LANGUAGE: 'en' } });
  try {
    const sqlite = harness.core.ctx.store.database.sqlite;
    seedContacts(sqlite, ROWS);
    const firstAsc = (await harness.core.call('contacts.list', { sort: 'name', page: 1, pageSize: 1 })).items[0]!.fullName;
    const firstDesc = (await harness.core.call('contacts.list', { sort: '-name', page: 1, pageSize: 1 })).items[0]!.fullName;

    const countSql = sqlite.prepare('select count(*) as n from contacts');
    const windowSql = sqlite.prepare('select * from contacts order by full_name desc, id desc limit 200 offset 0');
    const sqlTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      countSql.get();
      windowSql.all();
      sqlTimes.push(performance.now() - t0);
    }

    const firstRows: number[] = [];
    const sorted: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { page, context } = await harness.open({ lang: 'en', path: '/today' });
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      const firstRow = page.locator('[role="row"][aria-rowindex="2"] .col-fullName');
      let t0 = performance.now();
      await page.evaluate(() => (window.location.hash = '#/contacts'));
      await firstRow.getByText(firstAsc, { exact: true }).waitFor();
      firstRows.push(performance.now() - t0);

      t0 = performance.now();
      await page.getByRole('button', { name: 'Sort by Name' }).click();
      await firstRow.getByText(firstDesc, { exact: true }).waitFor();
      sorted.push(performance.now() - t0);
      await context.close();
    }
    const sqlMs = median(sqlTimes);
    return [
      { name: 'contacts page 100k: raw SQL count + 200-row window', value: sqlMs, unit: 'ms', note: `median of ${RUNS}` },
      {
        name: 'contacts page 100k: time to first rows',
        value: median(firstRows),
        unit: 'ms',
        note: `median of ${RUNS}; ${(median(firstRows) / sqlMs).toFixed(1)}× raw SQL`,
      },
      {
        name: 'contacts page 100k: sorted view after a click',
        value: median(sorted),
        unit: 'ms',
        note: `median of ${RUNS}; ${(median(sorted) / sqlMs).toFixed(1)}× raw SQL`,
      },
    ];
  } finally {
    await harness.dispose();
  }
}
