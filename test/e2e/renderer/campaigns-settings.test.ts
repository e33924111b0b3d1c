import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchUrl } from '../../../src-shared/search-url.js';
import { axeViolations, keyboardUnreachable, startPanelHarness, type PanelHarness, type PanelTab } from '../../helpers/panel.js';

let harness: PanelHarness;

beforeAll(async () => {
  harness = await startPanelHarness({ simulator: true, connectAccount: true });
}, 120_000);

afterAll(async () => {
  await harness?.dispose();
});

async function runToEnd(runId: number) {
  await expect.poll(async () => (await harness.core.call('runs.get', { id: runId })).status, { timeout: 60_000 }).not.toBe('running');
  return harness.core.call('runs.get', { id: runId });
}

/** The panel reads the plan too, and the browser runs one thing at a time: retry while it is busy. */
async function planWhenFree() {
  for (let i = 0; ; i++) {
    try {
      return await harness.core.call('plan.birthday', {});
    } catch (e) {
      if ((e as { code?: string }).code !== 'RUN_IN_PROGRESS' || i > 100) throw e;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

const T = {
  en: { save: 'Save', add: 'New search', dryRun: 'Dry run', remove: 'Delete', test: 'Test the connection', rotate: 'Rotate the token', settings: 'Settings', blocked: 'blocked contact' },
  fr: { save: 'Enregistrer', add: 'Nouvelle recherche', dryRun: 'Essai', remove: 'Supprimer', test: 'Tester la connexion', rotate: 'Changer le jeton', settings: 'Réglages', blocked: 'contact bloqué' },
} as const;

function section(page: Page, heading: RegExp) {
  return page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: heading }) }).first();
}

async function clean(tab: PanelTab) {
  expect(await axeViolations(tab.page)).toEqual([]);
  expect(tab.problems).toEqual([]);
  await tab.context.close();
}

for (const lang of ['en', 'fr'] as const) {
  describe(`control panel: Campaigns and Settings (${lang})`, () => {
    const t = T[lang];
    beforeAll(async () => {
      await harness.core.call('settings.update', { ui: { language: lang } });
    });

    it('edits a template with a live preview, saves it, and today’s plan uses it; an invalid one is refused before saving', async () => {
      const tab = await harness.open({ lang, path: '/campaigns/birthday' });
      const { page } = tab;
      const first = page.locator('.template-list').first().locator('textarea').first();
      await first.waitFor();
      const text = `Bonne fête {firstName} — ${lang} e2e`;
      await first.fill(text);
      await page.locator('.template-list').first().getByText(`Bonne fête Camille — ${lang} e2e`).waitFor();

      // An unknown placeholder: the error shows, and saving sends nothing.
      await page.getByRole('button', { name: lang === 'en' ? 'Add a template' : 'Ajouter un modèle' }).first().click();
      const second = page.locator('.template-list').first().locator('textarea').last();
      const before = harness.core.ctx.settings.get().birthday.templatesToday;
      await second.fill('Hello {nickname}');
      await page.locator('.template-list').first().locator('.field-error').first().waitFor();
      await page.getByRole('button', { name: t.save, exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'nickname' }).first().waitFor();
      expect(harness.core.ctx.settings.get().birthday.templatesToday).toEqual(before);

      // Delete the broken one, save: the plan (read from the simulator) renders the new text.
      const items = page.locator('.template-list').first().locator('.template-item');
      while ((await items.count()) > 1) await items.last().locator('button.danger').click();
      await page.getByRole('button', { name: t.save, exact: true }).click();
      await expect.poll(() => harness.core.ctx.settings.get().birthday.templatesToday).toEqual([text]);
      const plan = await planWhenFree();
      const today = plan.toSend.filter((p) => p.daysLate === 0);
      expect(today.length).toBeGreaterThan(0);
      for (const p of today) {
        const firstName = p.contact.firstName ?? p.contact.fullName.split(' ')[0];
        expect(p.text).toBe(`Bonne fête ${firstName} — ${lang} e2e`);
        await page.locator('.plan-list').getByText(p.text).first().waitFor({ timeout: 30_000 });
      }
      await clean(tab);
    }, 120_000);

    it('creates a saved search with a live URL, dry-runs it, and deletes it', async () => {
      const tab = await harness.open({ lang, path: '/campaigns/sourcing' });
      const { page } = tab;
      await page.getByRole('button', { name: t.add }).click();
      const name = `Data ${lang}`;
      const editor = page.locator('.search-editor');
      await editor.getByLabel(lang === 'en' ? 'Name' : 'Nom', { exact: true }).fill(name);
      const keywords = editor.getByLabel(lang === 'en' ? 'Keywords' : 'Mots-clés', { exact: true });
      await keywords.fill('(data OR "product manager');
      await editor.locator('.field-error').first().waitFor();
      await keywords.fill('data OR "product manager"');
      const expectedUrl = buildSearchUrl(harness.core.ctx.settings.get().linkedin.baseUrl, { keywords: 'data OR "product manager"' }, 1);
      expect(await page.getByTestId('search-url').textContent()).toBe(expectedUrl);
      await page.getByRole('button', { name: t.save, exact: true }).click();
      await expect.poll(() => harness.core.ctx.settings.get().sourcing.searches.map((s) => s.name)).toEqual([name]);

      const runs = (await harness.core.call('runs.list', { page: 1, pageSize: 1 })).total;
      await page.getByRole('button', { name: t.dryRun, exact: true }).click();
      await expect.poll(async () => (await harness.core.call('runs.list', { page: 1, pageSize: 1 })).total).toBe(runs + 1);
      const run = (await harness.core.call('runs.list', { page: 1, pageSize: 1 })).items[0]!;
      expect(run.kind).toBe('sourcing');
      expect(run.dryRun).toBe(true);
      const finished = await runToEnd(run.id);
      expect(finished.errorMessage).toBeNull();
      expect(finished.status).toBe('succeeded');

      await page.getByRole('button', { name: t.remove, exact: true }).click();
      await page.getByRole('button', { name: t.save, exact: true }).click();
      await expect.poll(() => harness.core.ctx.settings.get().sourcing.searches).toEqual([]);
      await clean(tab);
    }, 120_000);

    it('blocking a contact in Contacts makes today’s plan skip them as blocked', async () => {
      await planWhenFree();
      const dry = await harness.core.call('campaigns.birthday.run', { dryRun: true, ignoreWorkingHours: true });
      await runToEnd(dry.runId);
      const plan = await planWhenFree();
      const person = plan.toSend[0]!.contact;
      const tab = await harness.open({ lang, path: '/contacts' });
      const { page } = tab;
      await page.locator('#contacts-search').fill(person.fullName);
      await page.locator('[role="row"][aria-rowindex="2"] .col-fullName').getByRole('button', { name: person.fullName }).click();
      await page.locator('#contact-status').selectOption('blocked');
      await expect.poll(async () => (await harness.core.call('contacts.list', { query: person.fullName })).items[0]?.status).toBe('blocked');
      await page.evaluate(() => (window.location.hash = '#/campaigns/birthday'));
      const skipped = page.locator('.plan-skipped').filter({ hasText: person.fullName });
      await skipped.waitFor({ timeout: 30_000 });
      // The reason in words, in the panel's language, not its code.
      expect(await skipped.textContent()).toContain(t.blocked);
      const contact = (await harness.core.call('contacts.list', { query: person.fullName })).items[0]!;
      await harness.core.call('contacts.update', { id: contact.id, status: 'active' });
      await clean(tab);
    }, 120_000);

    it('changing the daily limit changes the gauges; a bad Redis URL gets a clear error and the breaker state', async () => {
      const tab = await harness.open({ lang, path: '/settings' });
      const { page } = tab;
      const limits = section(page, lang === 'en' ? /^Limits$/ : /^Limites$/);
      const perDay = limits.getByLabel(lang === 'en' ? 'Messages per day' : 'Messages par jour', { exact: true });
      const value = lang === 'en' ? 7 : 9;
      await perDay.fill(String(value));
      await limits.getByRole('button', { name: t.save, exact: true }).click();
      await expect.poll(() => harness.core.ctx.settings.get().limits.messagesPerDay).toBe(value);
      await page.getByRole('meter', { name: new RegExp(`\\b0\\b.*\\b${value}\\b`) }).first().waitFor();

      // Out of range: refused on the client, nothing saved.
      await perDay.fill('1000');
      await limits.getByRole('button', { name: t.save, exact: true }).click();
      await limits.locator('.field-error').first().waitFor();
      expect(harness.core.ctx.settings.get().limits.messagesPerDay).toBe(value);
      await limits.getByRole('button', { name: lang === 'en' ? 'Discard changes' : 'Annuler les modifications' }).click();

      const redis = section(page, /Redis/);
      await redis.getByLabel(lang === 'en' ? 'Redis URL' : 'URL Redis', { exact: true }).fill('redis://127.0.0.1:1');
      await redis.getByRole('button', { name: t.test }).click();
      const answer = redis.getByRole('alert').filter({ hasText: lang === 'en' ? 'Redis does not answer' : 'Redis ne répond pas' });
      await answer.waitFor({ timeout: 15_000 });
      expect(await answer.textContent()).toContain(lang === 'en' ? 'Circuit breaker: not used' : 'Disjoncteur : inutilisé');
      await redis.getByLabel(lang === 'en' ? 'Redis URL' : 'URL Redis', { exact: true }).fill('http://example.org');
      await redis.getByRole('button', { name: t.test }).click();
      await redis.getByRole('alert').filter({ hasText: 'redis://' }).first().waitFor();
      await redis.getByRole('button', { name: lang === 'en' ? 'Discard changes' : 'Annuler les modifications' }).click();
      await clean(tab);
    }, 60_000);

    it('shows Diagnostics with the selector table and writes a bundle without the token', async () => {
      // A saved failure: a 1×1 PNG and its HTML, named as the engine names them.
      const name = `2026-11-26T10-00-00-000Z_birthdays.list-${lang}`;
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
      writeFileSync(join(harness.dataDir, 'diagnostics', `${name}.png`), png);
      writeFileSync(join(harness.dataDir, 'diagnostics', `${name}.html`), `<html><body>saved page ${lang}</body></html>`);
      const tab = await harness.open({ lang, path: '/settings/diagnostics' });
      const { page } = tab;
      const image = page.locator('img.diagnostic-image').first();
      await image.waitFor();
      expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
      await page.getByRole('button', { name: lang === 'en' ? 'Show the saved HTML' : 'Afficher le HTML enregistré' }).first().click();
      await page.getByText(`saved page ${lang}`).waitFor();
      await page.getByRole('heading', { level: 1, name: lang === 'en' ? 'Diagnostics' : 'Diagnostic' }).waitFor();
      await page.getByRole('button', { name: lang === 'en' ? 'Write the bundle' : 'Écrire le paquet' }).click();
      const written = page.getByRole('status').filter({ hasText: 'rapport-diagnostics-' });
      await written.waitFor();
      const dir = /(\/\S*rapport-diagnostics-[^\s]+?) \(/.exec((await written.textContent()) ?? '')![1]!;
      const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
      expect(files.map((f) => f.name)).toContain('selectors.json');
      for (const f of files) expect(readFileSync(join(f.parentPath, f.name), 'utf8')).not.toContain(harness.token);
      await clean(tab);
    }, 60_000);
  });
}

describe('control panel: part 2 pages', () => {
  it('every page of part 2 is axe clean and fully reachable with the keyboard', async () => {
    const tab = await harness.open({ lang: 'en', path: '/today' });
    for (const path of ['/campaigns/birthday', '/campaigns/sourcing', '/contacts', '/settings', '/settings/diagnostics']) {
      await tab.page.evaluate((p) => (window.location.hash = `#${p}`), path);
      await tab.page.getByRole('heading', { level: 1 }).first().waitFor();
      await tab.page.locator(path === '/contacts' ? '[data-testid="contacts-count"]' : '.card').first().waitFor();
      expect(await axeViolations(tab.page), path).toEqual([]);
      expect(await keyboardUnreachable(tab.page), path).toEqual([]);
    }
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  }, 120_000);
});

describe('control panel: API token', () => {
  it('rotating the token signs the panel in with the new one and logs the old one out', async () => {
    await harness.core.call('settings.update', { ui: { language: 'en' } });
    const tab = await harness.open({ lang: 'en', path: '/settings' });
    const { page } = tab;
    const server = section(page, /API token/);
    await server.getByRole('button', { name: 'Show the token' }).click();
    await server.getByTestId('api-token').getByText(harness.token).waitFor();
    page.once('dialog', (d) => void d.accept());
    await server.getByRole('button', { name: 'Rotate the token' }).click();
    await expect.poll(() => harness.core.apiKey).not.toBe(harness.token);
    const fresh = harness.core.apiKey;
    // The panel reloaded with the new token and still works.
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await section(page, /API token/).getByRole('button', { name: 'Show the token' }).click();
    await page.getByTestId('api-token').getByText(fresh).waitFor();
    const status = (token: string) => page.evaluate(async (tok) => (await fetch('/api/status', { headers: { 'X-API-Key': tok } })).status, token);
    expect(await status(harness.token)).toBe(401);
    expect(await status(fresh)).toBe(200);
    expect(tab.problems.filter((p) => !p.includes('401'))).toEqual([]);
    await tab.context.close();
  }, 60_000);
});
