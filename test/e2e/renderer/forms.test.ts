/**
 * The panel's forms for a French user: field errors in French, whether the panel or the server found
 * them, and unsaved edits kept when the browser's Back button or the address would leave the page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, startPanelHarness, type PanelHarness } from '../../helpers/panel.js';

let harness: PanelHarness;

beforeAll(async () => {
  harness = await startPanelHarness();
  await harness.core.call('settings.update', { ui: { language: 'fr' } });
}, 120_000);

afterAll(async () => {
  await harness?.dispose();
});

const LEAVE_QUESTION = 'Des modifications ne sont pas enregistrées. Quitter sans enregistrer ?';

function section(page: Page, heading: RegExp) {
  return page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: heading }) }).first();
}

/** The server's refusal is an HTTP 400, which Chromium logs; anything else is a problem. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 400/.test(p));

describe('control panel in French: field errors', () => {
  it('says what is wrong with a template in French, before and on saving, and saves nothing', async () => {
    const { context, page, problems } = await harness.open({ lang: 'fr', path: '/campaigns/birthday' });
    const list = page.locator('.template-list').first();
    await list.locator('textarea').first().waitFor();
    const before = harness.core.ctx.settings.get().birthday.templatesToday;

    await page.getByRole('button', { name: 'Ajouter un modèle' }).first().click();
    const added = list.locator('textarea').last();
    await added.fill('Bonjour {surnom}');
    await list.locator('.field-error').filter({ hasText: 'variable inconnue {surnom} (variables connues : {firstName}' }).waitFor();

    await added.fill('Bonjour {firstName');
    await list.getByRole('alert').filter({ hasText: 'accolades déséquilibrées : l’accolade « { » en position 9 n’est jamais fermée' }).first().waitFor();
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    // The form's own check refuses it too, and says so in French under the list.
    await list.locator('p.field-error').filter({ hasText: 'accolades déséquilibrées' }).waitFor();
    expect(await list.textContent()).not.toContain('unbalanced');
    expect(harness.core.ctx.settings.get().birthday.templatesToday).toEqual(before);

    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('says what is wrong with a setting in French, whether the panel or the server refuses it', async () => {
    const { context, page, problems } = await harness.open({ lang: 'fr', path: '/settings' });

    // Checked in the panel with the shared schema (zod's own bound, by its code and maximum).
    const limits = section(page, /^Limites$/);
    await limits.getByLabel('Messages par jour', { exact: true }).fill('101');
    await limits.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const limitError = limits.locator('.field-error');
    await limitError.waitFor();
    expect(await limitError.textContent()).toBe('doit être inférieur ou égal à 100');

    // Only the server can parse a cron expression: its VALIDATION_FAILED reason is shown in French too.
    const schedules = section(page, /^Planification$/);
    await schedules.getByLabel('Vœux d’anniversaire (cron)', { exact: true }).fill('tous les jours');
    await schedules.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const cronError = schedules.locator('.field-error');
    await cronError.waitFor();
    expect(await cronError.textContent()).toMatch(/^n’est pas une expression cron valide : /);
    expect(harness.core.ctx.settings.get().schedule.birthday).toBe('0 9 * * *');
    // The API itself still answers in English.
    await expect(harness.core.call('settings.update', { schedule: { birthday: 'tous les jours' } })).rejects.toMatchObject({
      details: { issues: [{ field: 'schedule.birthday', reason: expect.stringMatching(/^is not a valid cron expression/) }] },
    });

    expect(await axeViolations(page)).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  }, 60_000);
});

describe('control panel: unsaved changes and the browser’s Back button', () => {
  it('asks before Back (or Forward, a typed address, a link) leaves an edited form; staying keeps the page and the edit, leaving goes back', async () => {
    const { context, page, problems } = await harness.open({ lang: 'fr', path: '/today' });
    await page.getByRole('heading', { level: 1, name: 'Aujourd’hui' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Réglages' }).click();
    const perDay = section(page, /^Limites$/).getByLabel('Messages par jour', { exact: true });
    await perDay.fill('12');

    const asked: string[] = [];
    page.once('dialog', (d) => (asked.push(d.message()), void d.dismiss()));
    await page.goBack();
    await expect.poll(() => asked).toEqual([LEAVE_QUESTION]);
    await expect.poll(() => new URL(page.url()).hash).toBe('#/settings');
    await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
    expect(await perDay.inputValue()).toBe('12');

    // Another way out, the address: asked again, and staying puts the address back.
    page.once('dialog', (d) => (asked.push(d.message()), void d.dismiss()));
    await page.evaluate(() => (window.location.hash = '#/contacts'));
    await expect.poll(() => asked.length).toBe(2);
    await expect.poll(() => new URL(page.url()).hash).toBe('#/settings');
    expect(await perDay.inputValue()).toBe('12');

    // A link in the panel asks before it navigates.
    page.once('dialog', (d) => (asked.push(d.message()), void d.dismiss()));
    await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
    await expect.poll(() => asked.length).toBe(3);
    expect(new URL(page.url()).hash).toBe('#/settings');
    expect(await perDay.inputValue()).toBe('12');

    page.once('dialog', (d) => (asked.push(d.message()), void d.accept()));
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Aujourd’hui' }).waitFor();
    expect(asked).toEqual([LEAVE_QUESTION, LEAVE_QUESTION, LEAVE_QUESTION, LEAVE_QUESTION]);
    expect(new URL(page.url()).hash).toBe('#/today');
    expect(harness.core.ctx.settings.get().limits.messagesPerDay).toBe(15);

    // Nothing edited: Back and Forward just move, without asking.
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Aujourd’hui' }).waitFor();
    expect(asked).toHaveLength(4);

    // Forward too: back on Settings with Campaigns ahead in history, an edit, then Forward.
    await page.goForward();
    await page.getByRole('navigation').getByRole('link', { name: 'Campagnes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campagnes' }).waitFor();
    await page.goBack();
    await perDay.fill('13');
    page.once('dialog', (d) => (asked.push(d.message()), void d.dismiss()));
    await page.goForward();
    await expect.poll(() => asked.length).toBe(5);
    await expect.poll(() => new URL(page.url()).hash).toBe('#/settings');
    expect(await perDay.inputValue()).toBe('13');
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
