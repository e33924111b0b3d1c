import { and, count, desc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Notification, OutboxItem } from '../../../src-shared/domain.js';
import type { NotificationChannel } from '../../../src-shared/settings.js';
import type { Page } from './contacts-repo.js';
import type { Db } from './db.js';
import { notificationsOutbox } from './schema.js';

type Row = typeof notificationsOutbox.$inferSelect;

export interface OutboxEntry {
  id: number;
  channel: NotificationChannel;
  notification: Notification;
  attempts: number;
  createdAt: string;
}

function toItem(row: Row): OutboxItem {
  const message = row.message as Partial<Notification>;
  return {
    id: row.id,
    channel: row.channel,
    event: row.event,
    status: row.status,
    title: message.title ?? '',
    severity: message.severity ?? 'info',
    runId: message.runId ?? null,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

/** The notifications outbox: one row per (notification, channel). */
export class OutboxRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** Whether the same event went (or is going) to this channel since `since`: the once-an-hour limit. */
  sentRecently(channel: NotificationChannel, rateKey: string, since: Date): boolean {
    const row = this.db
      .select({ id: notificationsOutbox.id })
      .from(notificationsOutbox)
      .where(
        and(
          eq(notificationsOutbox.channel, channel),
          eq(notificationsOutbox.rateKey, rateKey),
          inArray(notificationsOutbox.status, ['pending', 'sent']),
          gte(notificationsOutbox.createdAt, since.toISOString()),
        ),
      )
      .limit(1)
      .get();
    return row !== undefined;
  }

  add(channel: NotificationChannel, rateKey: string, notification: Notification, status: 'pending' | 'suppressed'): number {
    const at = this.now().toISOString();
    return this.db
      .insert(notificationsOutbox)
      .values({
        channel,
        event: notification.event,
        rateKey,
        status,
        message: notification,
        nextAttemptAt: status === 'pending' ? at : null,
        lastError: status === 'suppressed' ? 'rate limited: the same event went to this channel less than an hour ago' : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: notificationsOutbox.id })
      .get().id;
  }

  /** Pending rows whose next attempt is due, oldest first. */
  due(limit = 20): OutboxEntry[] {
    const at = this.now().toISOString();
    return this.db
      .select()
      .from(notificationsOutbox)
      .where(
        and(
          eq(notificationsOutbox.status, 'pending'),
          or(isNull(notificationsOutbox.nextAttemptAt), lte(notificationsOutbox.nextAttemptAt, at)),
        ),
      )
      .orderBy(notificationsOutbox.id)
      .limit(limit)
      .all()
      .map((row) => ({
        id: row.id,
        channel: row.channel,
        notification: row.message as Notification,
        attempts: row.attempts,
        createdAt: row.createdAt,
      }));
  }

  /** The earliest pending attempt, to arm the next delivery timer. */
  nextDueAt(): Date | null {
    const row = this.db
      .select({ at: notificationsOutbox.nextAttemptAt })
      .from(notificationsOutbox)
      .where(eq(notificationsOutbox.status, 'pending'))
      .orderBy(notificationsOutbox.nextAttemptAt)
      .limit(1)
      .get();
    return row?.at ? new Date(row.at) : row ? this.now() : null;
  }

  markSent(id: number, attempts: number): void {
    const at = this.now().toISOString();
    this.db
      .update(notificationsOutbox)
      .set({ status: 'sent', attempts, sentAt: at, nextAttemptAt: null, updatedAt: at })
      .where(eq(notificationsOutbox.id, id))
      .run();
  }

  markRetry(id: number, attempts: number, error: string, nextAttemptAt: Date): void {
    this.db
      .update(notificationsOutbox)
      .set({ attempts, lastError: error, nextAttemptAt: nextAttemptAt.toISOString(), updatedAt: this.now().toISOString() })
      .where(eq(notificationsOutbox.id, id))
      .run();
  }

  markGivenUp(id: number, attempts: number, error: string): void {
    this.db
      .update(notificationsOutbox)
      .set({ status: 'given_up', attempts, lastError: error, nextAttemptAt: null, updatedAt: this.now().toISOString() })
      .where(eq(notificationsOutbox.id, id))
      .run();
  }

  list(page: number, pageSize: number): Page<OutboxItem> {
    const rows = this.db
      .select()
      .from(notificationsOutbox)
      .orderBy(desc(notificationsOutbox.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .all();
    const total = this.db.select({ n: count() }).from(notificationsOutbox).get()?.n ?? 0;
    return { items: rows.map(toItem), total, page, pageSize };
  }
}
