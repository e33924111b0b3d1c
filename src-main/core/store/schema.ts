import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** SPEC §6. Timestamps are ISO-8601 strings in UTC; JSON columns hold plain objects. */

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    profileUrl: text('profile_url').notNull(),
    publicId: text('public_id'),
    fullName: text('full_name').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    headline: text('headline'),
    location: text('location'),
    company: text('company'),
    birthMonth: integer('birth_month'),
    birthDay: integer('birth_day'),
    source: text('source', { enum: ['birthday', 'search', 'import', 'manual'] }).notNull(),
    status: text('status', { enum: ['active', 'blocked', 'ignored'] }).notNull().default('active'),
    notes: text('notes'),
    score: integer('score'),
    scoreBreakdown: text('score_breakdown', { mode: 'json' }).$type<Record<string, number>>(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    lastSeenAt: text('last_seen_at'),
  },
  (t) => [
    uniqueIndex('contacts_profile_url_unique').on(t.profileUrl),
    index('contacts_birthday_idx').on(t.birthMonth, t.birthDay),
    index('contacts_status_idx').on(t.status),
    // Filtering by status while listing newest first is the Contacts page's default view.
    index('contacts_status_created_idx').on(t.status, t.createdAt),
    index('contacts_created_at_idx').on(t.createdAt),
    index('contacts_full_name_idx').on(t.fullName),
    index('contacts_score_idx').on(t.score),
  ],
);

export const campaignRuns = sqliteTable(
  'campaign_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['birthday', 'sourcing'] }).notNull(),
    trigger: text('trigger', { enum: ['manual', 'schedule'] }).notNull(),
    dryRun: integer('dry_run', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: ['running', 'succeeded', 'failed', 'stopped', 'interrupted'] }).notNull(),
    counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    /** Sourcing: the saved searches the run was planned with (none for an ad-hoc search); null otherwise. */
    searches: text('searches', { mode: 'json' }).$type<string[]>(),
  },
  (t) => [index('campaign_runs_started_at_idx').on(t.startedAt), index('campaign_runs_status_idx').on(t.status)],
);

export const interactions = sqliteTable(
  'interactions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    runId: integer('run_id').references(() => campaignRuns.id, { onDelete: 'set null' }),
    type: text('type', { enum: ['birthday_message', 'profile_visit'] }).notNull(),
    status: text('status', { enum: ['pending', 'sent', 'dry_run', 'skipped', 'failed'] }).notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    occurredAt: text('occurred_at').notNull(),
  },
  (t) => [
    uniqueIndex('interactions_once_unique')
      .on(t.contactId, t.type, t.dedupeKey)
      .where(sql`status in ('sent', 'pending')`),
    index('interactions_contact_type_idx').on(t.contactId, t.type),
    index('interactions_type_occurred_idx').on(t.type, t.occurredAt),
  ],
);

export const selectors = sqliteTable(
  'selectors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    target: text('target').notNull(),
    locator: text('locator').notNull(),
    locale: text('locale'),
    priority: integer('priority').notNull().default(0),
    successes: integer('successes').notNull().default(0),
    failures: integer('failures').notNull().default(0),
    lastSuccessAt: text('last_success_at'),
    lastFailureAt: text('last_failure_at'),
    origin: text('origin', { enum: ['builtin', 'learned'] }).notNull(),
  },
  (t) => [
    uniqueIndex('selectors_target_locator_unique').on(t.target, t.locator),
    index('selectors_last_success_idx').on(t.lastSuccessAt),
  ],
);

export const quotaLedger = sqliteTable(
  'quota_ledger',
  {
    quota: text('quota').notNull(),
    windowKey: text('window_key').notNull(),
    used: integer('used').notNull().default(0),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.quota, t.windowKey] })],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Small pieces of app state that are not user settings (account metadata, last birthday read, schedule pause). */
export const appState = sqliteTable('app_state', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Notifications waiting for (or done with) delivery: at least once, retried with backoff, given up
 * after a day with the reason kept. Holds the message only — never a channel's password or URL.
 */
export const notificationsOutbox = sqliteTable(
  'notifications_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channel: text('channel', { enum: ['email', 'webhook'] }).notNull(),
    event: text('event', { enum: ['action_needed', 'run_failed', 'run_finished', 'quota_exhausted', 'daily_summary'] }).notNull(),
    /** What "the same event" means for the once-per-hour rate limit, e.g. `action_needed:LINKEDIN_CHECKPOINT`. */
    rateKey: text('rate_key').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'given_up', 'suppressed'] }).notNull(),
    message: text('message', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [
    index('notifications_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('notifications_outbox_rate_idx').on(t.channel, t.rateKey, t.createdAt),
    index('notifications_outbox_created_idx').on(t.createdAt),
  ],
);

/**
 * What survives erasing a contact: only the facts that stop a second wish. The person is a SHA-256 of
 * the normalised profile URL (never the URL or name), with each dedupe key already used for them.
 */
export const eraseTombstones = sqliteTable(
  'erase_tombstones',
  {
    profileHash: text('profile_hash').notNull(),
    type: text('type', { enum: ['birthday_message', 'profile_visit'] }).notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    erasedAt: text('erased_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.profileHash, t.type, t.dedupeKey] })],
);
