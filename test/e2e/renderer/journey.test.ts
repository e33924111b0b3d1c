/**
 * The journey a desktop user makes in the control panel, in real Chromium against the headless host
 * and the LinkedIn simulator: connect by importing a cookie file, read today's plan, dry run, run,
 * stop during a pacing wait, then look back in Activity and on the chart. Once in English, once in French.
 */
import type { Page } from 'playwright-core';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src-shared/contract.js';
import { linkedInStorageState } from '../../helpers/browser.js';
import { axeViolations, buildPanel, keyboardUnreachable, startPanelHarness, type PanelHarness } from '../../helpers/panel.js';

const TEXTS = {
  en: {
    today: 'Today',
    activity: 'Activity',
    importLabel: 'Import a cookie file',
    connected: 'Connected',
    connectedDetail: 'Runs use this session.',
    plan: "Today's plan",
    willBeWished: /Will be wished \(\d+\)/,
    dryRun: 'Dry run',
    runNow: 'Run now',
    live: /^Run in progress/,
    waiting: /Waiting \d+ s/,
    stop: 'Stop',
    runs: 'Runs',
    stopped: 'Stopped',
    succeeded: 'Succeeded',
    interactions: 'Interactions, newest first',
    sent: 'Sent',
    dryRunStatus: 'Dry run',
    chartToggle: 'Show the figures as a table',
    chartTable: 'Messages and profile visits per day',
    runLog: 'Log of this run',
    runInteractions: 'Interactions of this run',
    oneSent: 'sent (1)',
  },
  fr: {
    today: 'Aujourd’hui',
    activity: 'Activité',
    importLabel: 'Importer un fichier de cookies',
    connected: 'Connecté',
    connectedDetail: 'Les exécutions utilisent cette session.',
    plan: 'Le plan du jour',
    willBeWished: /Recevront des vœux \(\d+\)/,
    dryRun: 'Simulation',
    runNow: 'Lancer maintenant',
    live: /^Exécution en cours/,
    waiting: /Attente \d+ s/,
    stop: 'Arrêter',
    runs: 'Exécutions',
    stopped: 'Arrêtée',
    succeeded: 'Réussie',
    interactions: 'Interactions, les plus récentes d’abord',
    sent: 'Envoyé',
    dryRunStatus: 'Simulation',
    chartToggle: 'Afficher les chiffres en tableau',
    chartTable: 'Messages et visites de profils par jour',
    runLog: 'Journal de cette exécution',
    runInteractions: 'Interactions de cette exécution',
    oneSent: 'envoyés (1)',
  },
} as const;

let staticDir: string;
beforeAll(async () => {
  staticDir = await buildPanel();
}, 120_000);
afterAll(() => rmSync(staticDir, { recursive: true, force: true }));

async function expectClean(page: Page, problems: string[], { keyboard = true } = {}) {
  expect(await axeViolations(page)).toEqual([]);
  if (keyboard) expect(await keyboardUnreachable(page)).toEqual([]);
  expect(problems).toEqual([]);
}

describe.each(['en', 'fr'] as const)('the control panel journey in %s', (lang) => {
  const text = TEXTS[lang];
  let harness: PanelHarness;

  beforeAll(async () => {
    harness = await startPanelHarness({
      staticDir,
      simulator: true,
      env: {
        RAPPORT_UI_LANGUAGE: lang,
        RAPPORT_BIRTHDAY_DRY_RUN: 'false',
        // Message gaps of 6–18 s: long enough to press Stop during one.
        RAPPORT_PACING_SCALE: '0.1',
      },
    });
  }, 120_000);
  afterAll(async () => {
    await harness?.dispose();
  });

  it('imports cookies, shows the plan, dry-runs, runs, stops in a wait, and shows it all in Activity and the chart', async () => {
    const { context, page, problems } = await harness.open({ lang, path: '/today' });
    const progress: EventPayload<'run.progress'>[] = [];
    const off = harness.core.events.on('run.progress', (p) => progress.push(p));
    try {
      await page.getByRole('heading', { level: 1, name: text.today }).waitFor();

      // Connect: the account card's file input sends the file's text to account.importCookies.
      await page.getByLabel(text.importLabel).setInputFiles({
        name: 'linkedin-session.json',
        mimeType: 'application/json',
        buffer: Buffer.from(linkedInStorageState()),
      });
      await page.locator('.account-card').getByText(text.connected, { exact: true }).waitFor();
      await page.locator('.account-card').getByText(text.connectedDetail, { exact: true }).waitFor();

      // The plan lists today's people with the exact text each will get.
      const plan = page.getByRole('region', { name: text.plan });
      await plan.getByRole('heading', { name: text.willBeWished }).waitFor({ timeout: 30_000 });
      const expected = await harness.core.call('plan.birthday', {});
      expect(expected.toSend.length).toBeGreaterThan(1);
      for (const planned of expected.toSend) {
        await plan.getByText(planned.contact.fullName, { exact: true }).waitFor();
        await plan.getByText(planned.text, { exact: true }).waitFor();
      }
      // Today's controls are checked with the keyboard once it has runs to show (below).
      await expectClean(page, problems, { keyboard: false });

      // Dry run: the live card appears, moves, and goes away when the run ends.
      await plan.getByRole('button', { name: text.dryRun, exact: true }).click();
      const live = page.getByRole('region', { name: text.live });
      await live.waitFor();
      await live.waitFor({ state: 'detached', timeout: 30_000 });
      const dry = (await harness.core.call('runs.list', {})).items[0];
      expect(dry).toMatchObject({ dryRun: true, status: 'succeeded' });
      expect(dry.counts.dry_run).toBe(expected.toSend.length);
      expect(new Set(progress.filter((p) => p.runId === dry.id).map((p) => p.step)).size).toBeGreaterThan(2);

      // Run now, then Stop while the card counts down a pacing wait: the run ends stopped, before the wait would have.
      await plan.getByRole('button', { name: text.runNow, exact: true }).click();
      await live.getByText(text.waiting).waitFor({ timeout: 30_000 });
      const wait = progress.findLast((p) => p.wait !== null)!.wait!;
      await live.getByRole('button', { name: text.stop, exact: true }).click();
      await live.waitFor({ state: 'detached' });
      const real = (await harness.core.call('runs.list', {})).items[0];
      expect(real).toMatchObject({ dryRun: false, status: 'stopped', errorCode: 'ABORTED' });
      expect(new Date(real.finishedAt!).getTime()).toBeLessThan(new Date(wait.until).getTime());
      expect(real.counts.sent).toBe(1);
      expect(harness.sim!.sent()).toHaveLength(1);

      // The chart's table shows today's counts.
      const chart = page.getByRole('region', { name: lang === 'en' ? 'Last 30 days' : 'Les 30 derniers jours' });
      await chart.getByText(text.chartToggle).click();
      const today = chart.getByRole('table', { name: text.chartTable }).getByRole('row').nth(1);
      await expect.poll(async () => (await today.getByRole('cell').allTextContents()).join(' ')).toBe(`1 0 ${expected.toSend.length} 0 0 0`);
      await expectClean(page, problems);

      // Activity: both runs, and their interactions.
      await page.getByRole('navigation').getByRole('link', { name: text.activity }).click();
      await page.getByRole('heading', { level: 1, name: text.activity }).waitFor();
      const runs = page.getByRole('region', { name: text.runs, exact: true });
      const realRow = runs.locator(`tr[data-run-id="${real.id}"]`);
      const dryRow = runs.locator(`tr[data-run-id="${dry.id}"]`);
      await realRow.getByText(text.stopped, { exact: true }).waitFor();
      await dryRow.getByText(text.succeeded, { exact: true }).waitFor();
      expect(await realRow.textContent()).toContain('ABORTED');
      // Counts in words, in the panel's language.
      expect(await realRow.textContent()).toContain(text.oneSent);
      const list = page.getByRole('table', { name: text.interactions });
      await list.getByRole('cell', { name: text.sent, exact: true }).waitFor();
      expect(await list.getByRole('cell', { name: text.dryRunStatus, exact: true }).count()).toBe(expected.toSend.length);
      const sentName = harness.sim!.sent()[0].recipientName;
      await list.getByRole('row').filter({ hasText: text.sent }).getByText(sentName).waitFor();
      await expectClean(page, problems);

      // A run's detail: its interactions and its log lines.
      await realRow.getByRole('link', { name: `#${real.id}` }).click();
      await page.getByRole('heading', { name: new RegExp(`${real.id}$`) }).first().waitFor();
      await page.getByRole('table', { name: text.runInteractions }).getByText(sentName).waitFor();
      const log = page.getByRole('list', { name: text.runLog });
      await log.getByText('run started').waitFor();
      await log.getByText('run finished').waitFor();
      expect(page.url()).toContain(`#/activity/runs/${real.id}`);
      await expectClean(page, problems);
    } finally {
      off();
      await context.close();
    }
  }, 120_000);
});
