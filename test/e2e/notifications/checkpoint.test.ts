/** A checkpoint stop in real Chromium against the simulator reaches the user by e-mail and webhook. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../fixtures/linkedin-sim/index.js';
import { campaignCore, runToEnd, type CampaignCore } from '../../helpers/campaign-core.js';
import { deadPort, startHttpReceiver, startSilentReceiver, startSmtpSink, type HttpReceiver, type SmtpSink } from '../../helpers/notify-sinks.js';

const PASSWORD = 'e2e-smtp-password-42';

let sim: Simulator;
let smtp: SmtpSink;
let hook: HttpReceiver;
let current: CampaignCore | null = null;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  smtp = await startSmtpSink('rapport', PASSWORD);
  hook = await startHttpReceiver([200]);
});
afterAll(async () => {
  await Promise.all([sim.close(), smtp.close(), hook.close()]);
});
afterEach(async () => {
  await current?.dispose();
  current = null;
  sim.reset();
  sim.configure({ guard: null });
  smtp.mails.length = 0;
  hook.requests.length = 0;
});

function channelEnv(smtpPort: number, lang: 'en' | 'fr'): Record<string, string> {
  return {
    RAPPORT_UI_LANGUAGE: lang,
    RAPPORT_NOTIFICATIONS_EMAIL_ENABLED: 'true',
    RAPPORT_NOTIFICATIONS_EMAIL_HOST: '127.0.0.1',
    RAPPORT_NOTIFICATIONS_EMAIL_PORT: String(smtpPort),
    RAPPORT_NOTIFICATIONS_EMAIL_TLS: 'none',
    RAPPORT_NOTIFICATIONS_EMAIL_USER: 'rapport',
    RAPPORT_NOTIFICATIONS_EMAIL_FROM: 'rapport@example.test',
    RAPPORT_NOTIFICATIONS_EMAIL_TO: '["me@example.test"]',
    RAPPORT_NOTIFICATIONS_WEBHOOK_ENABLED: 'true',
    RAPPORT_NOTIFICATIONS_WEBHOOK_FORMAT: 'json',
  };
}

describe('notifications on a checkpoint stop', () => {
  it.each(['fr', 'en'] as const)('delivers one e-mail and one webhook in %s with the run, the reason and a link', async (lang) => {
    sim.configure({ guard: { kind: 'checkpoint', afterMessages: 2 } });
    current = await campaignCore(sim.url, channelEnv(smtp.port, lang));
    const { core } = current;
    await core.call('notifications.secrets.set', { emailPassword: PASSWORD, webhookUrl: `${hook.url}/hooks/rapport-secret` });
    const shellNotices: string[] = [];
    core.events.on('notification', (n) => shellNotices.push(n.title));

    const run = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    expect(run.errorCode).toBe('LINKEDIN_CHECKPOINT');
    await expect.poll(() => smtp.mails.length + hook.accepted().length, { timeout: 20_000 }).toBe(2);

    const title = lang === 'fr' ? 'Rapport a besoin de vous : vérification de sécurité LinkedIn' : 'Rapport needs you: LinkedIn security check';
    const mail = smtp.mails[0];
    expect(mail).toMatchObject({ user: 'rapport', from: 'rapport@example.test', to: ['me@example.test'], subject: title });
    expect(mail.headers['x-rapport-event']).toBe('action_needed');
    expect(mail.text).toContain(lang === 'fr' ? 'LinkedIn demande une vérification de sécurité' : 'LinkedIn asks for a security check');
    expect(mail.text).toContain(`#/activity/runs/${run.id}`);

    expect(hook.accepted()).toHaveLength(1);
    expect(hook.accepted()[0].path).toBe('/hooks/rapport-secret');
    expect(hook.accepted()[0].body).toMatchObject({ event: 'action_needed', severity: 'critical', title, runId: run.id, lang });
    expect((hook.accepted()[0].body as { link: string }).link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/#/activity/runs/${run.id}$`));
    // The desktop shell hears the same event, once.
    expect(shellNotices).toEqual([title]);
    // The receiver has the request before the outbox hears its answer: wait for the row to say so.
    const outboxStates = async () => (await core.call('notifications.outbox', {})).items.map((i) => [i.channel, i.status]).sort();
    await expect.poll(outboxStates, { timeout: 10_000 }).toEqual([
      ['email', 'sent'],
      ['webhook', 'sent'],
    ]);
  });

  it('a dead receiver and a hung one never slow or fail the run', async () => {
    const silent = await startSilentReceiver();
    try {
      sim.configure({ guard: { kind: 'checkpoint', afterMessages: 2 } });
      current = await campaignCore(sim.url, {
        ...channelEnv(await deadPort(), 'en'),
        RAPPORT_NOTIFICATIONS_EMAIL_PASSWORD: PASSWORD,
        RAPPORT_NOTIFICATIONS_WEBHOOK_URL: silent.url,
        RAPPORT_NOTIFICATIONS_WEBHOOK_EVENTS: '["action_needed","run_finished"]',
      });
      const { core } = current;
      const first = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
      // Exactly what the run does without notifications (see the birthday suite): stopped at the check, 2 sent.
      expect(first.status).toBe('failed');
      expect(first.errorCode).toBe('LINKEDIN_CHECKPOINT');
      expect(sim.sent()).toHaveLength(2);
      // The hung receiver has the webhook connection and has not answered: the run did not wait for it.
      await expect.poll(() => silent.connections(), { timeout: 10_000 }).toBeGreaterThan(0);
      const webhook = (await core.call('notifications.outbox', {})).items.find((i) => i.channel === 'webhook')!;
      expect(webhook.status).toBe('pending');
      await expect.poll(async () => (await core.call('notifications.outbox', {})).items.find((i) => i.channel === 'email')?.lastError ?? '', { timeout: 10_000 }).toContain('ECONNREFUSED');

      // And the next run starts and finishes normally while the webhook is still hanging.
      sim.configure({ guard: null });
      await core.call('schedule.resume', {});
      const second = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
      expect(second.status, second.errorMessage ?? '').toBe('succeeded');
      expect(second.counts.sent).toBeGreaterThan(0);
    } finally {
      await current?.dispose();
      current = null;
      await silent.close();
    }
  });
}, 180_000);
