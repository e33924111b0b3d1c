/** The panel's notification settings and the outbox in Activity, in real Chromium, in English and French. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../../src-shared/domain.js';
import { axeViolations, keyboardUnreachable, startPanelHarness, type PanelHarness } from '../../helpers/panel.js';
import { deadPort, startHttpReceiver, type HttpReceiver } from '../../helpers/notify-sinks.js';

let harness: PanelHarness;
let hook: HttpReceiver;

beforeAll(async () => {
  harness = await startPanelHarness();
  hook = await startHttpReceiver([200]);
}, 120_000);

afterAll(async () => {
  await harness?.dispose();
  await hook?.close();
});

const TEXT = {
  en: {
    settings: 'Settings',
    activity: 'Activity',
    section: 'Notifications',
    enabled: 'Send notifications on this channel',
    url: 'Webhook URL',
    runFinished: 'A run finished (with counts)',
    save: 'Save',
    saved: 'Notification settings saved.',
    stored: 'Stored encrypted. Leave empty to keep it.',
    sendTest: 'Send a test',
    testOk: 'Test sent. Check that it arrived.',
    testTitle: 'Rapport: test notification',
    outbox: 'Notifications sent',
    notifCode: 'LINKEDIN_CHECKPOINT',
    notifTitle: 'Rapport needs you: LinkedIn security check',
    sent: 'Sent',
    refused: 'The test failed: the connection was refused (wrong host or port, or the server is down).',
  },
  fr: {
    settings: 'Réglages',
    activity: 'Activité',
    section: 'Notifications',
    enabled: 'Envoyer des notifications sur ce canal',
    url: 'URL du webhook',
    runFinished: 'Une campagne est terminée (avec les chiffres)',
    save: 'Enregistrer',
    saved: 'Réglages des notifications enregistrés.',
    stored: 'Enregistré chiffré. Laissez vide pour le conserver.',
    sendTest: 'Envoyer un test',
    testOk: 'Test envoyé. Vérifiez qu’il est bien arrivé.',
    testTitle: 'Rapport : notification de test',
    outbox: 'Notifications envoyées',
    // Another reason than the English test's: the same event reaches a channel once an hour at most.
    notifCode: 'SESSION_EXPIRED',
    notifTitle: 'Rapport a besoin de vous : session LinkedIn expirée',
    sent: 'Envoyée',
    refused: 'Le test a échoué : la connexion a été refusée (hôte ou port erroné, ou serveur arrêté).',
  },
} as const;

function guardStop(id: number, errorCode: string): Run {
  return {
    id,
    kind: 'birthday',
    trigger: 'schedule',
    dryRun: false,
    status: 'failed',
    counts: { sent: 1 },
    errorCode,
    errorMessage: 'LinkedIn stopped the run.',
    startedAt: new Date().toISOString(),
    finishedAt: new Date().toISOString(),
  };
}

describe.each(['en', 'fr'] as const)('notifications in the panel (%s)', (lang) => {
  const tx = TEXT[lang];

  it('configures a webhook, sends a test the receiver gets, and shows the outbox in Activity', async () => {
    await harness.core.call('settings.update', { ui: { language: lang }, notifications: { webhook: { enabled: false } } });
    await harness.core.call('notifications.secrets.set', { webhookUrl: null });
    const path = `/hooks/panel-${lang}`;
    const before = hook.requests.length;

    const { context, page, problems } = await harness.open({ lang, path: '/settings' });
    await page.getByRole('heading', { level: 1, name: tx.settings }).waitFor();
    const section = page.getByRole('region', { name: tx.section });
    const webhook = section.getByRole('form', { name: 'Webhook' });
    await webhook.getByLabel(tx.enabled).waitFor();
    // Checked on the fresh page: the helper walks Tab from the top.
    expect(await keyboardUnreachable(page)).toEqual([]);
    await webhook.getByLabel(tx.enabled).check();
    await webhook.getByLabel(tx.url, { exact: true }).fill(`${hook.url}${path}`);
    await webhook.getByLabel(tx.runFinished).check();
    await webhook.getByRole('button', { name: tx.save }).click();
    await page.getByText(tx.saved).first().waitFor();
    await webhook.getByText(tx.stored).waitFor();
    // Stored as a secret: the field is empty again and the API says only "set".
    expect(await webhook.getByLabel(tx.url, { exact: true }).inputValue()).toBe('');
    expect(await harness.core.call('notifications.secrets.get', {})).toMatchObject({ webhookUrl: true });
    const stored = (await harness.core.call('settings.get', {})).settings.notifications.webhook;
    expect(stored).toMatchObject({ enabled: true, format: 'json' });
    expect(stored.events).toContain('run_finished');

    await webhook.getByRole('button', { name: tx.sendTest }).click();
    await webhook.getByRole('status').getByText(tx.testOk).waitFor();
    expect(hook.requests.length).toBe(before + 1);
    expect(hook.requests[before].path).toBe(path);
    expect(hook.requests[before].body).toMatchObject({ title: tx.testTitle, lang });

    expect(await axeViolations(page)).toEqual([]);

    // A guard stop goes through the outbox; Activity lists it once delivered.
    harness.core.notifications.onRunFinished(guardStop(lang === 'en' ? 101 : 202, tx.notifCode));
    await page.getByRole('navigation').getByRole('link', { name: tx.activity }).click();
    await page.getByRole('heading', { level: 1, name: tx.activity }).waitFor();
    const outbox = page.getByRole('region', { name: tx.outbox });
    const row = outbox.getByRole('row').filter({ hasText: tx.notifTitle }).first();
    await row.waitFor();
    await row.getByText(tx.sent, { exact: true }).waitFor({ timeout: 15_000 });
    expect(hook.requests.some((r) => (r.body as { title?: string }).title === tx.notifTitle)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.reload();
    await outbox.getByRole('row').filter({ hasText: tx.notifTitle }).first().waitFor();
    expect(await keyboardUnreachable(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reports a refused connection clearly', async () => {
    await harness.core.call('settings.update', { ui: { language: lang } });
    const { context, page, problems } = await harness.open({ lang, path: '/settings' });
    const webhook = page.getByRole('region', { name: tx.section }).getByRole('form', { name: 'Webhook' });
    await webhook.getByLabel(tx.url, { exact: true }).fill(`http://127.0.0.1:${await deadPort()}/nothing-listens`);
    await webhook.getByRole('button', { name: tx.save }).click();
    await webhook.getByText(tx.stored).waitFor();
    await webhook.getByRole('button', { name: tx.sendTest }).click();
    const status = webhook.getByRole('status');
    await status.getByText(tx.refused).waitFor();
    expect(await status.textContent()).toContain('ECONNREFUSED');
    expect(await status.textContent()).not.toContain('nothing-listens');
    expect(problems).toEqual([]);
    await context.close();
  });
});
