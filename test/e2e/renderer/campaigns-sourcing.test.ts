/**
 * Campaigns → Sourcing, part 2: a saved search's own schedule (and its next run on Today), the
 * years-of-experience range, and the last run's results — exactly the profiles that run visited, with
 * their fit scores — live while it runs. In English and in French.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, keyboardUnreachable, startPanelHarness, type PanelHarness, type PanelTab } from '../../helpers/panel.js';
import { SEARCH, simPeople } from '../sourcing/people.js';

let harness: PanelHarness;

beforeAll(async () => {
  harness = await startPanelHarness({
    simulator: { people: simPeople('en'), birthdays: [], searchPageSize: 3 },
    connectAccount: true,
    // Visits 1.5 s apart: long enough to see the run live, short enough for a test.
    env: { RAPPORT_PACING_SCALE: '0.1', RAPPORT_PACING_VISIT_GAP_SECONDS: '[15,15]' },
  });
  await harness.core.call('settings.update', { sourcing: { searches: [{ ...SEARCH, maxPages: 5, maxVisitsPerRun: 3 }] } });
}, 120_000);

afterAll(async () => {
  await harness?.dispose();
});

const T = {
  en: {
    save: 'Save',
    runNow: 'Run now',
    years: 'Years of experience (fit score)',
    min: 'At least (years)',
    max: 'At most (years)',
    yearsHint: 'Leave both empty to ignore experience.',
    yearsBoth: 'Give both a minimum and a maximum',
    yearsOrder: 'the minimum must not exceed the maximum',
    schedule: 'This search’s schedule (cron; empty = none)',
    nextRun: 'Next run:',
    todayJob: `Search “${SEARCH.name}”`,
    lastRun: `Last run of “${SEARCH.name}”`,
    noRun: 'This search has not run yet.',
    running: 'Running…',
  },
  fr: {
    save: 'Enregistrer',
    runNow: 'Lancer',
    years: 'Années d’expérience (note d’adéquation)',
    min: 'Au moins (années)',
    max: 'Au plus (années)',
    yearsHint: 'Laissez les deux vides pour ignorer l’expérience.',
    yearsBoth: 'Indiquez un minimum et un maximum',
    yearsOrder: 'le minimum ne doit pas dépasser le maximum',
    schedule: 'Planification de cette recherche (cron ; vide = aucune)',
    nextRun: 'Prochaine exécution :',
    todayJob: `Recherche « ${SEARCH.name} »`,
    lastRun: `Dernière exécution de « ${SEARCH.name} »`,
    noRun: 'Cette recherche n’a pas encore été exécutée.',
    running: 'En cours…',
  },
} as const;

/** `badRequests`: the saves the server refused on purpose (croner's verdict on a schedule is the core's to give). */
async function clean(tab: PanelTab, badRequests = 0) {
  expect(await axeViolations(tab.page)).toEqual([]);
  const refused = tab.problems.filter((p) => p.includes('status of 400 (Bad Request)'));
  expect(refused).toHaveLength(badRequests);
  expect(tab.problems.filter((p) => !refused.includes(p))).toEqual([]);
  await tab.context.close();
}

const searchSettings = () => harness.core.ctx.settings.get().sourcing.searches[0]!;

function lastRunCard(page: Page, heading: string) {
  return page.locator('section.card').filter({ has: page.getByRole('heading', { level: 2, name: heading }) });
}

/** Names of the people the English run visited: the French run must list none of them. */
const listedBefore: string[] = [];

for (const lang of ['en', 'fr'] as const) {
  describe(`control panel: sourcing schedules and results (${lang})`, () => {
    const t = T[lang];
    beforeAll(async () => {
      await harness.core.call('settings.update', { ui: { language: lang }, sourcing: { searches: [{ ...SEARCH, maxPages: 5, maxVisitsPerRun: 3 }] } });
    });

    it('edits the years of experience and the search’s own schedule; refused values are named and not saved; Today shows its next run', async () => {
      const tab = await harness.open({ lang, path: '/campaigns/sourcing' });
      const { page } = tab;
      const editor = page.locator('.search-editor');
      await editor.waitFor();
      const years = editor.getByRole('group', { name: t.years });
      const min = years.getByLabel(t.min, { exact: true });
      const max = years.getByLabel(t.max, { exact: true });

      // Minimum above maximum: the shared schema's error, inline, and nothing saved.
      await min.fill('10');
      await years.getByRole('alert').filter({ hasText: t.yearsBoth }).waitFor();
      await max.fill('3');
      await years.getByRole('alert').filter({ hasText: t.yearsOrder }).waitFor();
      await page.getByRole('button', { name: t.save, exact: true }).click();
      await page.locator('.form-actions [role="alert"]').first().waitFor();
      expect(searchSettings().criteria.yearsOfExperience).toBeUndefined();
      // Both emptied: no criterion, no error.
      await min.fill('');
      await max.fill('');
      await years.getByText(t.yearsHint).waitFor();
      expect(await years.getByRole('alert').count()).toBe(0);
      await min.fill('2');
      await max.fill('30');

      // A schedule croner cannot read: the server's error under the field, the saved search unchanged.
      const schedule = editor.getByLabel(t.schedule, { exact: true });
      await schedule.fill('every weekday');
      await page.getByRole('button', { name: t.save, exact: true }).click();
      await editor.getByRole('alert').filter({ hasText: 'cron' }).waitFor();
      expect(searchSettings().schedule).toBeUndefined();
      await schedule.fill('30 10 * * 1-5');
      await page.getByRole('button', { name: t.save, exact: true }).click();
      await expect.poll(() => [searchSettings().schedule, searchSettings().criteria.yearsOfExperience]).toEqual(['30 10 * * 1-5', [2, 30]]);
      const next = (await harness.core.call('schedule.get', {})).jobs.find((j) => j.search === SEARCH.name)?.nextRunAt;
      expect(next).toBeTruthy();
      await page.getByTestId('search-next-run').filter({ hasText: t.nextRun }).waitFor();
      expect(await keyboardUnreachable(page)).toEqual([]);
      await clean(tab, 1);

      // Today's "next runs" lists the search beside the campaigns.
      const today = await harness.open({ lang, path: '/' });
      const fact = today.page.locator('.fact').filter({ hasText: t.todayJob });
      await fact.waitFor();
      expect(await fact.locator('time').getAttribute('datetime')).toBe(next);
      await clean(today);
    }, 120_000);

    it('runs the search: shown running, then exactly the profiles that run visited, with their fit scores and a link to each contact', async () => {
      const tab = await harness.open({ lang, path: '/campaigns/sourcing' });
      const { page } = tab;
      const card = lastRunCard(page, t.lastRun);
      await card.waitFor();
      if (lang === 'en') await card.getByText(t.noRun).waitFor();

      await page.getByRole('button', { name: t.runNow, exact: true }).click();
      await card.getByRole('status').filter({ hasText: t.running }).waitFor({ timeout: 30_000 });
      let run = (await harness.core.call('runs.list', { search: SEARCH.name, page: 1, pageSize: 1 })).items[0]!;
      await expect.poll(async () => (await harness.core.call('runs.get', { id: run.id })).status, { timeout: 60_000 }).not.toBe('running');
      run = await harness.core.call('runs.get', { id: run.id });
      expect(run).toMatchObject({ status: 'succeeded', searches: [SEARCH.name] });

      const visits = (await harness.core.call('interactions.list', { runId: run.id, type: 'profile_visit', page: 1, pageSize: 100 })).items;
      expect(visits).toHaveLength(3);
      const expected = await Promise.all(
        visits.map(async (v) => {
          const { contact } = await harness.core.call('contacts.get', { id: v.contactId });
          return [contact.fullName, contact.headline ?? '', String(v.payload.score)];
        }),
      );
      const table = card.getByTestId('last-run-results');
      await expect.poll(async () => table.locator('tbody tr').count(), { timeout: 15_000 }).toBe(3);
      await expect.poll(() => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')))).toEqual(expected);
      expect(await card.getByRole('status').count()).toBe(0);
      // The French run skips those the English one visited (revisit window): none of them is listed.
      const names = expected.map((row) => row[0]!);
      expect(names.filter((n) => listedBefore.includes(n))).toEqual([]);
      listedBefore.push(...names);

      await table.getByRole('link', { name: names[0] }).click();
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/contacts/${visits[0]!.contactId}`);
      await clean(tab);
    }, 120_000);
  });
}
