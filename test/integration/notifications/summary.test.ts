/** The daily summary's content and the notification settings' validation. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/app.js';
import { canonicalProfileUrl } from '../../../src-shared/profile-url.js';
import { startHttpReceiver, type HttpReceiver } from '../../helpers/notify-sinks.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** 20:00 in Paris on 10 March 2026. */
const NOW = Date.parse('2026-03-10T19:00:00Z');

async function coreWithHook(lang: 'en' | 'fr'): Promise<{ core: Core; hook: HttpReceiver }> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-summary-'));
  const core = await createCore({
    dataDir: dir,
    env: { RAPPORT_API_KEY: 'summary-test-token-0123-padded-to-24-chars', RAPPORT_UI_LANGUAGE: lang, RAPPORT_TIME_ZONE: 'Europe/Paris' },
    clock: { now: () => new Date(NOW) },
  });
  const hook = await startHttpReceiver([200]);
  cleanups.push(async () => {
    await core.stop();
    await hook.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await core.call('notifications.secrets.set', { webhookUrl: `${hook.url}/summary` });
  await core.call('settings.update', { notifications: { webhook: { enabled: true, events: ['daily_summary'] } } });
  return { core, hook };
}

function seed(core: Core): void {
  const { contacts, interactions } = core.ctx.store;
  const person = (publicId: string, firstName: string, lastName: string, birth?: [number, number]) =>
    contacts.upsert({
      profileUrl: canonicalProfileUrl(publicId),
      publicId,
      fullName: `${firstName} ${lastName}`,
      firstName,
      lastName,
      birthMonth: birth?.[0],
      birthDay: birth?.[1],
      source: 'birthday',
    });
  const at = (iso: string) => ({ runId: null, payload: {}, occurredAt: iso });
  const anna = person('anna-k', 'Anna', 'Karlsson', [3, 10]);
  const marc = person('marc-d', 'Marc', 'Dupont', [3, 8]);
  const old = person('olga-p', 'Olga', 'Petrova', [3, 9]);
  person('lea-m', 'Léa', 'Martin', [3, 11]);
  const visited = person('vic-t', 'Victor', 'Taylor');
  interactions.create({ contactId: anna.id, type: 'birthday_message', status: 'sent', dedupeKey: 'b:2026', ...at('2026-03-10T08:10:00.000Z') });
  interactions.create({ contactId: marc.id, type: 'birthday_message', status: 'sent', dedupeKey: 'b:2026', ...at('2026-03-10T08:12:00.000Z') });
  // 23:30 in Paris the day before: not today's.
  interactions.create({ contactId: old.id, type: 'birthday_message', status: 'sent', dedupeKey: 'b:2026', ...at('2026-03-09T22:30:00.000Z') });
  interactions.create({ contactId: visited.id, type: 'profile_visit', status: 'sent', dedupeKey: 'v:1', ...at('2026-03-10T09:00:00.000Z') });
}

describe('daily summary', () => {
  it('lists who was wished today (first names only), the visits and tomorrow’s birthdays, in French', async () => {
    const { core, hook } = await coreWithHook('fr');
    seed(core);
    core.notifications.dailySummary();
    await expect.poll(() => hook.accepted().length, { timeout: 10_000 }).toBe(1);
    const body = hook.accepted()[0].body as { event: string; title: string; text: string };
    expect(body.event).toBe('daily_summary');
    expect(body.title).toBe('Rapport — résumé du 2026-03-10');
    expect(body.text).toContain('Souhaité : Anna, Marc (2).');
    expect(body.text).toContain('Profils visités : 1.');
    expect(body.text).toContain('Demain : anniversaires de Léa (1)');
    for (const last of ['Karlsson', 'Dupont', 'Martin', 'Olga']) expect(body.text).not.toContain(last);
  });

  it('uses full names when the user opts in', async () => {
    const { core, hook } = await coreWithHook('en');
    seed(core);
    await core.call('settings.update', { notifications: { dailySummary: { fullNames: true } } });
    core.notifications.dailySummary();
    await expect.poll(() => hook.accepted().length, { timeout: 10_000 }).toBe(1);
    const { text } = hook.accepted()[0].body as { text: string };
    expect(text).toContain('Wished: Anna Karlsson, Marc Dupont (2).');
    expect(text).toContain('Tomorrow: birthdays of Léa Martin (1)');
  });
});

describe('notification settings', () => {
  it('refuse an enabled e-mail channel without server, sender or recipient, naming each field', async () => {
    const { core } = await coreWithHook('en');
    await expect(core.call('settings.update', { notifications: { email: { enabled: true } } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        issues: expect.arrayContaining([
          expect.objectContaining({ field: 'notifications.email.host' }),
          expect.objectContaining({ field: 'notifications.email.from' }),
          expect.objectContaining({ field: 'notifications.email.to' }),
        ]),
      },
    });
    await expect(core.call('settings.update', { notifications: { email: { to: ['not-an-address'] } } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(core.call('notifications.secrets.set', { webhookUrl: 'ftp://example.test/x' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await core.call('notifications.secrets.get', {})).toMatchObject({ emailPassword: false });
  });
});
