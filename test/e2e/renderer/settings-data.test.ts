import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppV2, buildV1 } from '../../helpers/legacy-db.js';
import { axeViolations, keyboardUnreachable, startPanelHarness, type PanelHarness } from '../../helpers/panel.js';

let harness: PanelHarness;
const files = mkdtempSync(join(tmpdir(), 'rapport-panel-data-'));

beforeAll(async () => {
  harness = await startPanelHarness();
});
afterAll(async () => {
  await harness?.dispose();
  rmSync(files, { recursive: true, force: true });
});

const TEXTS = {
  en: {
    data: 'Data',
    legacyPath: 'Path of the old database file on this computer',
    csvPath: 'Path of Connections.csv on this computer',
    preview: 'Preview',
    confirm: 'Import now',
    previewHeading: 'Preview — nothing written yet',
    done: 'Imported',
    contacts: 'Download contacts (CSV)',
    interactions: 'Download interactions (CSV)',
    visits: 'Profile visits',
    csvCounts: '2 rows: 2 new, 0 updated, 0 unchanged',
  },
  fr: {
    data: 'Données',
    legacyPath: 'Chemin du fichier de l’ancienne base sur cet ordinateur',
    csvPath: 'Chemin de Connections.csv sur cet ordinateur',
    preview: 'Aperçu',
    confirm: 'Importer maintenant',
    previewHeading: 'Aperçu — rien n’est encore écrit',
    done: 'Importé',
    contacts: 'Télécharger les contacts (CSV)',
    interactions: 'Télécharger les interactions (CSV)',
    visits: 'Visites de profil',
    csvCounts: '2 lignes : 2 nouveaux, 0 mis à jour, 0 inchangés',
  },
} as const;

describe.each(['en', 'fr'] as const)('Settings › Data (%s)', (lang) => {
  it('previews then imports a legacy database and a Connections.csv, and downloads an export', async () => {
    const tx = TEXTS[lang];
    const legacy = join(files, `legacy-${lang}.db`);
    let writer: { close(): void } | null = null;
    if (lang === 'en') buildV1(legacy);
    else writer = buildAppV2(legacy);
    const csv = join(files, `Connections-${lang}.csv`);
    writeFileSync(
      csv,
      `Notes:\n"Some emails may be missing."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n` +
        `Ana,${lang}-One,https://www.linkedin.com/in/csv-${lang}-one,,Acme,CTO,01 Jan 2024\nBea,${lang}-Two,https://www.linkedin.com/in/csv-${lang}-two/,,,,02 Jan 2024\n`,
    );
    const before = harness.core.ctx.store.contacts.count();
    await harness.core.call('settings.update', { ui: { language: lang } });

    const { context, page, problems } = await harness.open({ lang, path: '/settings' });
    try {
      const section = page.getByRole('region', { name: tx.data, exact: true });
      await section.waitFor();

      // A path with no file is refused with its code, in place.
      const legacyBox = page.getByTestId('legacy-import');
      await legacyBox.getByLabel(tx.legacyPath).fill(join(files, 'nothing-here.db'));
      await legacyBox.getByRole('button', { name: tx.preview }).click();
      await legacyBox.getByRole('alert').getByText('VALIDATION_FAILED').waitFor();

      await legacyBox.getByLabel(tx.legacyPath).fill(legacy);
      await legacyBox.getByRole('button', { name: tx.preview }).click();
      await legacyBox.getByRole('heading', { name: tx.previewHeading }).waitFor();
      const previewText = (await legacyBox.getByRole('status').textContent()) ?? '';
      expect(previewText).toContain(lang === 'en' ? 'birthdayMessages 5' : 'birthdayMessages 2');
      expect(harness.core.ctx.store.contacts.count()).toBe(before);
      expect(await axeViolations(page)).toEqual([]);

      await legacyBox.getByRole('button', { name: tx.confirm }).click();
      await legacyBox.getByRole('heading', { name: tx.done, exact: true }).waitFor();
      expect(await legacyBox.getByRole('status').textContent()).toContain('backup');
      const afterLegacy = harness.core.ctx.store.contacts.count();
      expect(afterLegacy).toBe(before + (lang === 'en' ? 7 : 3));

      const csvBox = page.getByTestId('contacts-import');
      await csvBox.getByLabel(tx.csvPath).fill(csv);
      await csvBox.getByRole('button', { name: tx.preview }).click();
      await csvBox.getByText(tx.csvCounts).waitFor();
      expect(harness.core.ctx.store.contacts.count()).toBe(afterLegacy);
      await csvBox.getByRole('button', { name: tx.confirm }).click();
      await csvBox.getByRole('heading', { name: tx.done, exact: true }).waitFor();
      expect(harness.core.ctx.store.contacts.count()).toBe(afterLegacy + 2);

      const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: tx.contacts }).click()]);
      expect(download.suggestedFilename()).toMatch(/^rapport-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
      const content = readFileSync((await download.path())!, 'utf8');
      expect(content.startsWith('\uFEFFid,profileUrl,publicId,fullName')).toBe(true);
      expect(content).toContain(`https://www.linkedin.com/in/csv-${lang}-one/`);
      const [interactions] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: tx.interactions }).click()]);
      expect(readFileSync((await interactions.path())!, 'utf8')).toContain('birthday_message');
      // The export holds only what the filter asks for: profile visits, no birthday wishes.
      await section.getByLabel('Type', { exact: true }).selectOption({ label: tx.visits });
      const [visits] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: tx.interactions }).click()]);
      const visitsCsv = readFileSync((await visits.path())!, 'utf8');
      expect(visitsCsv.startsWith('\uFEFF')).toBe(true);
      expect(visitsCsv).not.toContain('birthday_message');

      expect(await axeViolations(page)).toEqual([]);
      expect(await keyboardUnreachable(page)).toEqual([]);
      // The one refused request above is logged by Chromium itself as a failed resource; nothing else may appear.
      expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    } finally {
      await context.close();
      writer?.close();
    }
  }, 90_000);
});
