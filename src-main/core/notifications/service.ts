import { Cron } from 'croner';
import type { Notification, NotificationSecretsState, NotificationTestResult, Run } from '../../../src-shared/domain.js';
import type { NotificationChannel, NotificationsSettings, Settings } from '../../../src-shared/settings.js';
import type { CoreContext } from '../context.js';
import type { OutboxEntry } from '../store/outbox-repo.js';
import { DeliveryError, scrub, sendEmail, sendWebhook, type ChannelSecrets } from './channels.js';
import { collectDigest } from './digest.js';
import { dailySummaryNotification, notificationForRun, testNotification, type MessageContext } from './messages.js';

export interface NotificationOptions {
  /** First retry delay; doubles on each failure up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A message still undelivered this long after it was queued is given up, with the last error kept. */
  giveUpAfterMs?: number;
  /** The same event goes to a channel at most once in this window. */
  rateWindowMs?: number;
}

const DEFAULTS: Required<NotificationOptions> = {
  backoffMs: 30_000,
  maxBackoffMs: 60 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
  rateWindowMs: 60 * 60_000,
};

/** Longest sleep of the delivery timer, so a clock change is noticed. */
const MAX_TIMER_MS = 60_000;

export const SECRET_NAMES = { emailPassword: 'notifications.email-password', webhookUrl: 'notifications.webhook-url' } as const;
/** Headless installs may pass the secrets as environment variables instead (never stored then). */
export const SECRET_ENV = { emailPassword: 'RAPPORT_NOTIFICATIONS_EMAIL_PASSWORD', webhookUrl: 'RAPPORT_NOTIFICATIONS_WEBHOOK_URL' } as const;

function rateKeyOf(n: Notification): string {
  return `${n.event}:${n.code}`;
}

function subscribed(config: NotificationsSettings, channel: NotificationChannel, n: Notification): boolean {
  const c = config[channel];
  return c.enabled && c.events.includes(n.event);
}

/**
 * Notifications (issue 16). One place decides what is notifiable and words it (`notify`); it goes to the
 * desktop shell as the `notification` event and, for the channels that chose it, into the SQLite outbox.
 * A background worker delivers the outbox at least once with backoff. Nothing here can block or fail a run:
 * enqueueing is one insert, delivery runs on timers, and every error is caught and recorded.
 */
export class NotificationService {
  private readonly options: Required<NotificationOptions>;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private summaryJob: Cron | null = null;
  private offSettings: (() => void) | null = null;
  private readonly aborter = new AbortController();

  constructor(
    private readonly ctx: CoreContext,
    options: NotificationOptions = {},
    /** When the next scheduled birthday run is, for the daily summary. */
    private readonly nextBirthdayRunAt: () => string | null = () => null,
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  private config(): Settings['notifications'] {
    return this.ctx.settings.get().notifications;
  }

  private messageContext(): MessageContext {
    const s = this.ctx.settings.get();
    const host = s.server.host === '0.0.0.0' || s.server.host === '::' ? '127.0.0.1' : s.server.host;
    return {
      lang: s.ui.language,
      panelUrl: s.notifications.panelUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${s.server.port}/`,
      now: this.ctx.clock.now(),
    };
  }

  /** Starts the delivery worker (always) and the daily summary timer (the long-running app only). */
  start(options: { dailySummary: boolean }): void {
    this.kick();
    if (options.dailySummary) {
      this.armSummary();
      this.offSettings = this.ctx.settings.onChange(() => this.armSummary());
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.offSettings?.();
    this.summaryJob?.stop();
    if (this.timer) clearTimeout(this.timer);
    this.aborter.abort();
    await this.draining;
  }

  /** A finished run, as the runner reports it. Never throws: a notification problem must not touch the run. */
  onRunFinished(run: Run): void {
    try {
      const n = notificationForRun(run, this.messageContext());
      if (n) this.notify(n);
    } catch (e) {
      this.ctx.logger.error({ err: e, runId: run.id }, 'notification for a finished run could not be queued');
    }
  }

  /** Emits the event for the shell and queues it for every channel that chose it, once an hour at most per channel. */
  notify(n: Notification): void {
    this.ctx.events.emit('notification', n);
    const config = this.config();
    const since = new Date(this.ctx.clock.now().getTime() - this.options.rateWindowMs);
    for (const channel of ['email', 'webhook'] as const) {
      if (!subscribed(config, channel, n)) continue;
      const rateKey = rateKeyOf(n);
      if (this.ctx.store.outbox.sentRecently(channel, rateKey, since)) {
        this.ctx.store.outbox.add(channel, rateKey, n, 'suppressed');
        this.ctx.metrics.notificationsSent.inc({ channel, event: n.event, status: 'suppressed' });
        this.ctx.logger.info({ channel, event: n.event, code: n.code }, 'notification rate-limited');
        continue;
      }
      this.ctx.store.outbox.add(channel, rateKey, n, 'pending');
    }
    this.kick();
  }

  /** Queues today's digest (who was wished, visits, what is planned tomorrow). */
  dailySummary(): void {
    const s = this.ctx.settings.get();
    const digest = collectDigest(this.ctx.store.database.sqlite, this.ctx.clock.now(), s.timeZone, s.notifications.dailySummary.fullNames);
    this.notify(dailySummaryNotification({ ...digest, nextRunAt: this.nextBirthdayRunAt() }, this.messageContext(), s.timeZone));
  }

  private armSummary(): void {
    this.summaryJob?.stop();
    const s = this.ctx.settings.get();
    const [h, m] = s.notifications.dailySummary.time.split(':').map(Number);
    this.summaryJob = new Cron(`${m} ${h} * * *`, { timezone: s.timeZone, unref: true }, () => {
      try {
        const config = this.config();
        // A summary only when a channel asked for one (not a nightly desktop notice nobody chose).
        if ((['email', 'webhook'] as const).some((c) => config[c].enabled && config[c].events.includes('daily_summary'))) this.dailySummary();
      } catch (e) {
        this.ctx.logger.error({ err: e }, 'daily summary could not be queued');
      }
    });
  }

  private async secrets(): Promise<ChannelSecrets> {
    const read = async (key: keyof typeof SECRET_NAMES) => this.ctx.env[SECRET_ENV[key]] || (await this.ctx.secrets.get(SECRET_NAMES[key]));
    return { emailPassword: await read('emailPassword'), webhookUrl: await read('webhookUrl') };
  }

  async secretsState(): Promise<NotificationSecretsState> {
    const s = await this.secrets();
    return { emailPassword: s.emailPassword !== null && s.emailPassword !== '', webhookUrl: s.webhookUrl !== null && s.webhookUrl !== '' };
  }

  async setSecrets(input: { emailPassword?: string | null; webhookUrl?: string | null }): Promise<NotificationSecretsState> {
    for (const key of ['emailPassword', 'webhookUrl'] as const) {
      const value = input[key];
      if (value === undefined) continue;
      if (value === null) await this.ctx.secrets.delete(SECRET_NAMES[key]);
      else await this.ctx.secrets.set(SECRET_NAMES[key], value);
    }
    this.ctx.logger.info({ changed: Object.keys(input) }, 'notification secrets updated');
    return this.secretsState();
  }

  private async deliver(channel: NotificationChannel, n: Notification, secrets: ChannelSecrets): Promise<void> {
    const config = this.config();
    if (channel === 'email') await sendEmail(config.email, secrets.emailPassword, n);
    else await sendWebhook(config.webhook.format, secrets.webhookUrl, n, this.aborter.signal);
  }

  /** Sends a test message now, outside the outbox, and reports the exact outcome. */
  async test(channel: NotificationChannel): Promise<NotificationTestResult> {
    const secrets = await this.secrets();
    try {
      await this.deliver(channel, testNotification(this.messageContext()), secrets);
      return { channel, ok: true, problem: null, message: null };
    } catch (e) {
      const problem = e instanceof DeliveryError ? e.problem : 'other';
      const message = scrub((e as Error).message, secrets);
      this.ctx.logger.info({ channel, problem, error: message }, 'test notification failed');
      return { channel, ok: false, problem, message };
    }
  }

  /** Asks the worker for a pass soon (coalesced with one in progress). */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.drain(), 0);
    this.timer.unref();
  }

  /** One delivery pass over every due message; then the timer is armed for the next due one. */
  async drain(): Promise<void> {
    if (this.draining) return this.draining;
    this.draining = (async () => {
      try {
        do {
          this.again = false;
          const due = this.ctx.store.outbox.due();
          if (due.length === 0) break;
          const secrets = await this.secrets();
          for (const entry of due) {
            if (this.stopped) return;
            await this.attempt(entry, secrets);
          }
        } while (!this.stopped);
      } catch (e) {
        this.ctx.logger.error({ err: e }, 'notification delivery pass failed');
      }
    })();
    try {
      await this.draining;
    } finally {
      this.draining = null;
      this.arm();
    }
  }

  private arm(): void {
    if (this.stopped) return;
    if (this.again) return this.kick();
    let next: Date | null = null;
    try {
      next = this.ctx.store.outbox.nextDueAt();
    } catch (e) {
      this.ctx.logger.error({ err: e }, 'notification outbox unreadable');
    }
    if (!next) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, next.getTime() - this.ctx.clock.now().getTime()));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.drain(), delay);
    this.timer.unref();
  }

  private async attempt(entry: OutboxEntry, secrets: ChannelSecrets): Promise<void> {
    const { outbox } = this.ctx.store;
    const { channel, notification: n } = entry;
    const attempts = entry.attempts + 1;
    const labels = { channel, event: n.event };
    const log = this.ctx.logger.child({ component: 'notifications', outboxId: entry.id, channel, event: n.event });
    if (!this.config()[channel].enabled) {
      outbox.markGivenUp(entry.id, entry.attempts, 'the channel was turned off');
      this.ctx.metrics.notificationsSent.inc({ ...labels, status: 'given_up' });
      return;
    }
    try {
      await this.deliver(channel, n, secrets);
      outbox.markSent(entry.id, attempts);
      this.ctx.metrics.notificationsSent.inc({ ...labels, status: 'sent' });
      log.info({ attempts }, 'notification sent');
    } catch (e) {
      if (this.stopped) return;
      const error = scrub((e as Error).message, secrets);
      const now = this.ctx.clock.now();
      if (now.getTime() - new Date(entry.createdAt).getTime() >= this.options.giveUpAfterMs) {
        outbox.markGivenUp(entry.id, attempts, `gave up after ${attempts} attempts: ${error}`);
        this.ctx.metrics.notificationsSent.inc({ ...labels, status: 'given_up' });
        log.warn({ attempts, error }, 'notification given up');
        return;
      }
      const delay = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** (attempts - 1));
      outbox.markRetry(entry.id, attempts, error, new Date(now.getTime() + delay));
      this.ctx.metrics.notificationsSent.inc({ ...labels, status: 'retry' });
      log.warn({ attempts, error, retryInMs: delay }, 'notification delivery failed; will retry');
    }
  }
}
