import { z } from 'zod';

/** Domain shapes shared by the core, the HTTP/IPC contract and the renderer. */

export const QUOTA_NAMES = ['messages', 'visits'] as const;
export const quotaNameSchema = z.enum(QUOTA_NAMES);
export type QuotaName = z.infer<typeof quotaNameSchema>;

export const quotaWindowSchema = z.object({ used: z.number().int(), limit: z.number().int(), resetsAt: z.string() });
export const quotaUsageSchema = z.object({
  quota: quotaNameSchema,
  day: quotaWindowSchema,
  week: quotaWindowSchema,
  warmup: z.boolean(),
});
export type QuotaUsage = z.infer<typeof quotaUsageSchema>;

export const CONTACT_STATUSES = ['active', 'blocked', 'ignored'] as const;
export const contactStatusSchema = z.enum(CONTACT_STATUSES);
export const CONTACT_SOURCES = ['birthday', 'search', 'import', 'manual'] as const;
export const contactSourceSchema = z.enum(CONTACT_SOURCES);

export const contactSchema = z.object({
  id: z.number().int(),
  profileUrl: z.string(),
  publicId: z.string().nullable(),
  fullName: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  headline: z.string().nullable(),
  location: z.string().nullable(),
  company: z.string().nullable(),
  birthMonth: z.number().int().nullable(),
  birthDay: z.number().int().nullable(),
  source: contactSourceSchema,
  status: contactStatusSchema,
  notes: z.string().nullable(),
  score: z.number().int().nullable(),
  scoreBreakdown: z.record(z.string(), z.number()).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastSeenAt: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

export const INTERACTION_TYPES = ['birthday_message', 'profile_visit'] as const;
export const interactionTypeSchema = z.enum(INTERACTION_TYPES);
export const INTERACTION_STATUSES = ['pending', 'sent', 'dry_run', 'skipped', 'failed'] as const;
export const interactionStatusSchema = z.enum(INTERACTION_STATUSES);

export const interactionSchema = z.object({
  id: z.number().int(),
  contactId: z.number().int(),
  runId: z.number().int().nullable(),
  type: interactionTypeSchema,
  status: interactionStatusSchema,
  dedupeKey: z.string(),
  payload: z.record(z.string(), z.unknown()),
  occurredAt: z.string(),
});
export type Interaction = z.infer<typeof interactionSchema>;

export const RUN_KINDS = ['birthday', 'sourcing'] as const;
export const runKindSchema = z.enum(RUN_KINDS);
export const RUN_STATUSES = ['running', 'succeeded', 'failed', 'stopped', 'interrupted'] as const;
export const runStatusSchema = z.enum(RUN_STATUSES);
export const RUN_TRIGGERS = ['manual', 'schedule'] as const;

export const runSchema = z.object({
  id: z.number().int(),
  kind: runKindSchema,
  trigger: z.enum(RUN_TRIGGERS),
  dryRun: z.boolean(),
  status: runStatusSchema,
  counts: z.record(z.string(), z.number()),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Sourcing: the saved searches the run was for, by name (empty for an ad-hoc search); null for birthday runs. */
  searches: z.array(z.string()).nullable().optional(),
});
export type Run = z.infer<typeof runSchema>;

export const ACCOUNT_STATES = ['not-connected', 'connected', 'expired', 'checkpoint', 'restricted'] as const;
export const accountStatusSchema = z.object({
  state: z.enum(ACCOUNT_STATES),
  connectedAt: z.string().nullable(),
  lastVerifiedAt: z.string().nullable(),
  message: z.string(),
});
export type AccountStatus = z.infer<typeof accountStatusSchema>;

export const APP_STATES = ['running', 'scheduled', 'waiting', 'needs-you', 'paused', 'done-today', 'off'] as const;
export const appStateSchema = z.enum(APP_STATES);
export type AppState = z.infer<typeof appStateSchema>;

/**
 * Why the app is in its state: a stable `code` with its `params` (render them with `statusSentence`
 * from `status-text.ts` in the user's language), and the same sentence already rendered in `en`/`fr`.
 * `params` is always sent by the core; it is optional so payloads from an older core still parse.
 */
export const statusReasonSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  en: z.string(),
  fr: z.string(),
});
export type StatusReason = z.infer<typeof statusReasonSchema>;

/** A quota window with nothing left, and when it opens again. */
export const exhaustedQuotaSchema = z.object({ quota: quotaNameSchema, window: z.enum(['day', 'week']), resetsAt: z.string() });
export type ExhaustedQuota = z.infer<typeof exhaustedQuotaSchema>;

export const quotaStoreKindSchema = z.enum(['redis', 'memory-fallback', 'memory']);

export const statusSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  state: appStateSchema,
  reason: statusReasonSchema,
  until: z.string().nullable(),
  action: z.string().nullable(),
  account: accountStatusSchema,
  quotas: z.array(quotaUsageSchema),
  /** Every quota with nothing left (day or week), the one that resets last first; always sent by the core. */
  exhaustedQuotas: z.array(exhaustedQuotaSchema).optional(),
  quotaStore: quotaStoreKindSchema,
  dryRun: z.boolean(),
  currentRun: runSchema.nullable(),
  lastRun: runSchema.nullable(),
});
export type Status = z.infer<typeof statusSchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const plannedMessageSchema = z.object({
  contact: z.object({ profileUrl: z.string(), fullName: z.string(), firstName: z.string().nullable() }),
  daysLate: z.number().int(),
  text: z.string(),
});
export const skippedContactSchema = z.object({
  contact: z.object({ profileUrl: z.string(), fullName: z.string() }),
  daysLate: z.number().int().nullable(),
  reason: z.string(),
});
export const birthdayPlanSchema = z.object({
  date: z.string(),
  source: z.enum(['cache', 'live']),
  toSend: z.array(plannedMessageSchema),
  skipped: z.array(skippedContactSchema),
  quotas: z.object({ before: z.array(quotaUsageSchema), after: z.array(quotaUsageSchema) }),
});
export type BirthdayPlan = z.infer<typeof birthdayPlanSchema>;

export const selectorHealthSchema = z.object({
  target: z.string(),
  state: z.enum(['healthy', 'degraded', 'failing', 'unused']),
  candidates: z.array(
    z.object({
      locator: z.string(),
      locale: z.string().nullable(),
      successes: z.number().int(),
      failures: z.number().int(),
      lastSuccessAt: z.string().nullable(),
      lastFailureAt: z.string().nullable(),
      origin: z.enum(['builtin', 'learned']),
    }),
  ),
});

export const diagnosticSchema = z.object({
  name: z.string(),
  target: z.string().nullable(),
  createdAt: z.string(),
  screenshot: z.string().nullable(),
  html: z.string().nullable(),
});

export const scheduleSchema = z.object({
  paused: z.boolean(),
  pausedUntil: z.string().nullable(),
  pauseReason: z.string().nullable(),
  /** `search`: the saved search a sourcing job runs on its own schedule; null (or absent) for the campaign-wide ones. */
  jobs: z.array(
    z.object({ kind: runKindSchema, search: z.string().nullable().optional(), expression: z.string().nullable(), nextRunAt: z.string().nullable() }),
  ),
});
export type ScheduleInfo = z.infer<typeof scheduleSchema>;

/** Issue 16: notifications. Severity orders what needs the user most. */
export const NOTIFICATION_SEVERITIES = ['info', 'warning', 'error', 'critical'] as const;
export const notificationSeveritySchema = z.enum(NOTIFICATION_SEVERITIES);
export type NotificationSeverity = z.infer<typeof notificationSeveritySchema>;

/** One notifiable event, already worded in the user's language: the outbox, the channels and the tray all use it. */
export const notificationSchema = z.object({
  event: z.enum(['action_needed', 'run_failed', 'run_finished', 'quota_exhausted', 'daily_summary']),
  /** The reason behind the event (an error code, the run kind, the day of a summary). */
  code: z.string(),
  severity: notificationSeveritySchema,
  lang: z.enum(['en', 'fr']),
  title: z.string(),
  text: z.string(),
  runId: z.number().int().nullable(),
  link: z.string(),
  time: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const OUTBOX_STATUSES = ['pending', 'sent', 'given_up', 'suppressed'] as const;
export const outboxItemSchema = z.object({
  id: z.number().int(),
  channel: z.enum(['email', 'webhook']),
  event: notificationSchema.shape.event,
  status: z.enum(OUTBOX_STATUSES),
  title: z.string(),
  severity: notificationSeveritySchema,
  runId: z.number().int().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

/** Which channel secrets are stored: never their values. */
export const notificationSecretsStateSchema = z.object({ emailPassword: z.boolean(), webhookUrl: z.boolean() });
export type NotificationSecretsState = z.infer<typeof notificationSecretsStateSchema>;

export const NOTIFICATION_TEST_PROBLEMS = [
  'not_configured',
  'auth_failed',
  'connection_refused',
  'timeout',
  'tls',
  'dns',
  'http_status',
  'rejected',
  'other',
] as const;
export const notificationTestResultSchema = z.object({
  channel: z.enum(['email', 'webhook']),
  ok: z.boolean(),
  /** A stable reason the panel words in the user's language; null on success. */
  problem: z.enum(NOTIFICATION_TEST_PROBLEMS).nullable(),
  /** The exact error (server reply, HTTP status…), secrets removed. */
  message: z.string().nullable(),
});
export type NotificationTestResult = z.infer<typeof notificationTestResultSchema>;
