import { z } from 'zod';
import {
  accountStatusSchema,
  birthdayPlanSchema,
  contactSchema,
  contactSourceSchema,
  contactStatusSchema,
  diagnosticSchema,
  interactionSchema,
  interactionStatusSchema,
  interactionTypeSchema,
  notificationSchema,
  notificationSecretsStateSchema,
  notificationTestResultSchema,
  outboxItemSchema,
  pageOf,
  runKindSchema,
  runSchema,
  runStatusSchema,
  scheduleSchema,
  selectorHealthSchema,
  statusSchema,
} from './domain.js';
import { notificationChannelSchema, settingsPatchSchema, settingsSchema } from './settings.js';

/**
 * The one list of operations. IPC uses the key, HTTP the route. Path parameters (`:id`) and query
 * strings are merged into the input object, so GET inputs coerce their numbers from strings.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  method: HttpMethod;
  path: string;
  input: I;
  output: O;
  /** HTTP status on success (202 for operations that start background work). */
  successStatus?: number;
  /** Content type of the HTTP answer when it is not JSON (the output is then a string). */
  contentType?: string;
  summary: string;
}

function op<I extends z.ZodType, O extends z.ZodType>(
  route: `${HttpMethod} /api/${string}`,
  input: I,
  output: O,
  summary: string,
  extra: Pick<Operation, 'successStatus' | 'contentType'> = {},
): Operation<I, O> {
  const [method, path] = route.split(' ') as [HttpMethod, string];
  return { method, path, input, output, summary, ...extra };
}

const empty = z.strictObject({});
const ok = z.object({ ok: z.literal(true) });
const id = z.coerce.number().int().positive('must be a positive integer');
const page = z.coerce.number().int().min(1, 'must be at least 1').default(1);
const pageSize = z.coerce.number().int().min(1, 'must be at least 1').max(500, 'must be at most 500').default(50);
const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date');
const runStarted = z.object({ runId: z.number().int() });

export const CONTACT_SORTS = ['name', '-name', 'created', '-created', 'updated', '-updated', 'score', '-score', 'birthday'] as const;

/** Last interaction filter: never, or at least once within the last week / month / quarter / year. */
export const LAST_INTERACTION_FILTERS = ['never', 'week', 'month', 'quarter', 'year'] as const;

/** The Contacts page's filter: shared by `contacts.list` (paged) and `contacts.export` (every row). */
export const contactsFilterSchema = z.strictObject({
  query: z.string().max(200, 'must be at most 200 characters').optional(),
  status: contactStatusSchema.optional(),
  source: contactSourceSchema.optional(),
  birthMonth: z.coerce.number().int().min(1, 'must be 1 to 12').max(12, 'must be 1 to 12').optional(),
  minScore: z.coerce.number().int().min(0, 'must be 0 to 100').max(100, 'must be 0 to 100').optional(),
  lastInteraction: z.enum(LAST_INTERACTION_FILTERS).optional(),
  sort: z.enum(CONTACT_SORTS).default('name'),
});
export type ContactsFilter = z.infer<typeof contactsFilterSchema>;

export const contactsQuerySchema = contactsFilterSchema.extend({ page, pageSize });
export type ContactsQuery = z.infer<typeof contactsQuerySchema>;

export const contactDetailSchema = z.object({
  contact: contactSchema,
  interactions: z.array(interactionSchema),
  lastInteractionAt: z.string().nullable(),
});

export const redisTestSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  latencyMs: z.number().nullable(),
  breaker: z.enum(['closed', 'open', 'half-open', 'none']),
  quotaStore: z.enum(['redis', 'memory-fallback', 'memory']),
});
export const browserTestSchema = z.object({
  ok: z.boolean(),
  executablePath: z.string().nullable(),
  version: z.string().nullable(),
  message: z.string(),
});
export const apiTokenSchema = z.object({ token: z.string(), source: z.enum(['env', 'file']) });

export const interactionsQuerySchema = z.strictObject({
  type: interactionTypeSchema.optional(),
  status: interactionStatusSchema.optional(),
  since: isoDate.optional(),
  runId: id.optional(),
  contactId: id.optional(),
  page,
  pageSize,
});
export type InteractionsQuery = z.infer<typeof interactionsQuerySchema>;

/** The Contacts page's filter without paging: what a contacts export writes out. */
export const contactsExportQuerySchema = contactsQuerySchema.omit({ page: true, pageSize: true });
export type ContactsExportQuery = z.infer<typeof contactsExportQuerySchema>;

export const interactionsExportQuerySchema = z.strictObject({
  type: interactionTypeSchema.optional(),
  status: interactionStatusSchema.optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
});
export type InteractionsExportQuery = z.infer<typeof interactionsExportQuerySchema>;

/** A file on this machine (the app is local): the user names it, the core reads a copy of it. */
const fileImportInput = z.strictObject({
  path: z.string().trim().min(1, 'must not be empty').max(4096, 'must be at most 4096 characters'),
  dryRun: z.boolean().optional(),
});

const counts = z.record(z.string(), z.number().int());
export const legacyImportReportSchema = z.object({
  layout: z.enum(['v1', 'app_v2']),
  dryRun: z.boolean(),
  /** Rows read from the legacy file, per kind (contacts, birthdayMessages, visits, scrapedProfiles, blacklist). */
  found: counts,
  /** New rows written to Rapport (contacts, birthdayMessages, profileVisits). */
  imported: counts,
  /** Legacy rows folded into something that exists (a contact Rapport knew; a wish present twice in the file). */
  merged: counts,
  /** Rows not imported, per reason (already_imported, dry_run, not_sent, no_profile_url, bad_date…). */
  skipped: counts,
  unmatchedCount: z.number().int(),
  /** Messages whose person could not be told (no contact, or a name several contacts share); the first 200. */
  unmatched: z.array(
    z.object({ table: z.string(), legacyId: z.number().int(), contactName: z.string(), sentAt: z.string(), reason: z.enum(['no_contact', 'ambiguous_name']) }),
  ),
  backup: z.string().nullable(),
});
export type LegacyImportReport = z.infer<typeof legacyImportReportSchema>;

export const contactsImportReportSchema = z.object({
  dryRun: z.boolean(),
  found: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: counts,
});
export type ContactsImportReport = z.infer<typeof contactsImportReportSchema>;

export const runsQuerySchema = z.strictObject({
  kind: runKindSchema.optional(),
  status: runStatusSchema.optional(),
  /** Runs that were for this saved search (alone or with others), by its name. */
  search: z.string().min(1, 'must not be empty').max(80, 'must be at most 80 characters').optional(),
  page,
  pageSize: pageSize.default(20),
});
export type RunsQuery = z.infer<typeof runsQuerySchema>;

/** An interaction as the panel lists it: with the contact it concerns. */
export const interactionListItemSchema = interactionSchema.extend({
  contactName: z.string(),
  profileUrl: z.string(),
  /** The contact's headline as last seen (a sourcing run's results list it beside the fit score). */
  contactHeadline: z.string().nullable().optional(),
});
export type InteractionListItem = z.infer<typeof interactionListItemSchema>;

const windowCounts = z.object({ sent: z.number().int(), failed: z.number().int(), dryRun: z.number().int() });
/** One calendar day (the user's time zone) of the activity chart. */
export const dailyStatsSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  messages: windowCounts,
  visits: windowCounts,
});
export type DailyStats = z.infer<typeof dailyStatsSchema>;

export const LOG_LEVELS = ['info', 'warn', 'error', 'fatal'] as const;
export const logLevelSchema = z.enum(LOG_LEVELS);
/** A log line as the panel sees it: at info or above, secrets already redacted. */
export const logLineSchema = z.object({
  level: logLevelSchema,
  time: z.string(),
  msg: z.string(),
  runId: z.number().int().nullable(),
  component: z.string().nullable(),
  /** The line's other fields as JSON (redacted), or null. */
  details: z.string().nullable(),
});

export const birthdayRunInputSchema = z.strictObject({
  dryRun: z.boolean().optional(),
  ignoreWorkingHours: z.boolean().optional(),
});
export const sourcingRunInputSchema = z.strictObject({
  search: z.string().min(1).max(80).optional(),
  keywords: z.string().min(1).max(500).optional(),
  location: z.string().max(120).optional(),
  maxVisits: z.number().int().min(1).max(200).optional(),
  dryRun: z.boolean().optional(),
});

export const contract = {
  'status.get': op('GET /api/status', empty, statusSchema, 'One status for the whole app'),
  'settings.get': op(
    'GET /api/settings',
    empty,
    z.object({ settings: settingsSchema, envOverrides: z.array(z.string()) }),
    'Effective settings and which keys the environment overrides',
  ),
  'settings.update': op(
    'PUT /api/settings',
    settingsPatchSchema,
    z.object({ settings: settingsSchema, envOverrides: z.array(z.string()) }),
    'Partial update, validated whole',
  ),
  'plan.birthday': op('GET /api/plan/birthday', empty, birthdayPlanSchema, "Today's birthday plan"),
  'campaigns.birthday.run': op('POST /api/campaigns/birthday', birthdayRunInputSchema, runStarted, 'Start a birthday run', {
    successStatus: 202,
  }),
  'campaigns.sourcing.run': op('POST /api/campaigns/sourcing', sourcingRunInputSchema, runStarted, 'Start a sourcing run', {
    successStatus: 202,
  }),
  'runs.list': op('GET /api/runs', runsQuerySchema, pageOf(runSchema), 'Recent runs, newest first, optionally of one kind or status'),
  'runs.get': op('GET /api/runs/:id', z.strictObject({ id }), runSchema, 'One run'),
  'runs.stop': op('POST /api/runs/:id/stop', z.strictObject({ id }), runSchema, 'Stop a run now'),
  'contacts.list': op('GET /api/contacts', contactsQuerySchema, pageOf(contactSchema), 'Search and page through contacts'),
  'contacts.get': op('GET /api/contacts/:id', z.strictObject({ id }), contactDetailSchema, 'One contact with its full interaction history'),
  'contacts.update': op(
    'PATCH /api/contacts/:id',
    z.strictObject({
      id,
      status: contactStatusSchema.optional(),
      notes: z.string().max(10_000, 'must be at most 10,000 characters').nullable().optional(),
    }),
    contactSchema,
    "Change a contact's status or notes",
  ),
  'contacts.erase': op('DELETE /api/contacts/:id', z.strictObject({ id }), ok, 'Erase a contact and its history'),
  'contacts.export': op('GET /api/contacts.csv', contactsExportQuerySchema, z.string(), 'Contacts matching the filter as CSV', {
    contentType: 'text/csv; charset=utf-8',
  }),
  'contacts.import': op('POST /api/contacts/import', fileImportInput, contactsImportReportSchema, "Import LinkedIn's Connections.csv"),
  'interactions.export': op('GET /api/interactions.csv', interactionsExportQuerySchema, z.string(), 'Interactions as CSV', {
    contentType: 'text/csv; charset=utf-8',
  }),
  'interactions.list': op(
    'GET /api/interactions',
    interactionsQuerySchema,
    pageOf(interactionListItemSchema),
    'Interactions, newest first, with their contact; by type, status, run or contact',
  ),
  'stats.daily': op(
    'GET /api/stats/daily',
    z.strictObject({ days: z.coerce.number().int().min(1, 'must be at least 1').max(366, 'must be at most 366').default(30) }),
    z.object({ timeZone: z.string(), days: z.array(dailyStatsSchema) }),
    'Messages and visits per calendar day (sent, failed, dry run), oldest first, ending today',
  ),
  'logs.recent': op(
    'GET /api/logs',
    z.strictObject({
      runId: id.optional(),
      level: logLevelSchema.default('info'),
      limit: z.coerce.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(200),
    }),
    z.object({ lines: z.array(logLineSchema) }),
    "Recent log lines (info and above, redacted), oldest first; a run's own lines with runId",
  ),
  'account.status': op('GET /api/account', empty, accountStatusSchema, 'LinkedIn account state'),
  'account.connect': op(
    'POST /api/account/connect',
    z.strictObject({ timeoutSeconds: z.number().int().min(30).max(3600).optional() }),
    accountStatusSchema,
    'Open a visible browser for the user to log in',
  ),
  'account.importCookies': op(
    'POST /api/account/cookies',
    z.strictObject({ content: z.string().min(1, 'must not be empty').max(900_000) }),
    accountStatusSchema,
    'Import a Playwright storage state or an exported cookie list',
  ),
  'account.disconnect': op('DELETE /api/account', empty, accountStatusSchema, 'Forget the stored session'),
  'schedule.get': op('GET /api/schedule', empty, scheduleSchema, 'Scheduled jobs and pause state'),
  'schedule.pause': op(
    'POST /api/schedule/pause',
    z.strictObject({ hours: z.number().min(0.1).max(24 * 30).optional() }),
    scheduleSchema,
    'Pause scheduled runs',
  ),
  'schedule.resume': op('POST /api/schedule/resume', empty, scheduleSchema, 'Resume scheduled runs'),
  'selectors.health': op('GET /api/selectors', empty, z.array(selectorHealthSchema), 'Selector health per target'),
  'diagnostics.list': op('GET /api/diagnostics', empty, z.array(diagnosticSchema), 'Saved failure screenshots and HTML'),
  'diagnostics.file': op(
    'GET /api/diagnostics/:name/:kind',
    z.strictObject({
      name: z.string().regex(/^[a-zA-Z0-9._+-]{1,200}$/, 'must be a diagnostic name from diagnostics.list'),
      kind: z.enum(['screenshot', 'html']),
    }),
    z.object({ contentType: z.string(), dataUrl: z.string().nullable(), text: z.string().nullable() }),
    'A saved screenshot (as a data: URL the panel CSP allows) or its HTML',
  ),
  'diagnostics.bundle': op(
    'POST /api/diagnostics/bundle',
    empty,
    z.object({ path: z.string(), files: z.array(z.string()) }),
    'Write a diagnostics bundle (logs, selector table, screenshots; secrets removed) for a bug report',
  ),
  'settings.testRedis': op(
    'POST /api/settings/test-redis',
    z.strictObject({ url: z.string().max(2048).regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL') }),
    redisTestSchema,
    'Ping a Redis URL and report the quota store breaker state',
  ),
  'settings.testBrowser': op(
    'POST /api/settings/test-browser',
    z.strictObject({ executablePath: z.string().min(1).max(4096).optional() }),
    browserTestSchema,
    'Launch the browser at a path (or the discovered one) and report its version or the error',
  ),
  'token.get': op('GET /api/token', empty, apiTokenSchema, 'The API token in use'),
  'token.rotate': op('POST /api/token/rotate', empty, apiTokenSchema, 'Replace the API token; the old one stops working at once'),
  'legacy.import': op(
    'POST /api/legacy-import',
    fileImportInput,
    legacyImportReportSchema,
    'Import a v1/app_v2 database (dryRun: report only)',
  ),
  'notifications.secrets.get': op(
    'GET /api/notifications/secrets',
    empty,
    notificationSecretsStateSchema,
    'Whether the SMTP password and the webhook URL are set (never their values)',
  ),
  'notifications.secrets.set': op(
    'PUT /api/notifications/secrets',
    z.strictObject({
      emailPassword: z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters').nullable().optional(),
      webhookUrl: z
        .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
        .max(2048, 'must be at most 2048 characters')
        .nullable()
        .optional(),
    }),
    notificationSecretsStateSchema,
    'Store (encrypted) or clear (null) the SMTP password and the webhook URL',
  ),
  'notifications.test': op(
    'POST /api/notifications/test',
    z.strictObject({ channel: notificationChannelSchema }),
    notificationTestResultSchema,
    'Send a test notification now and report success or the exact error',
  ),
  'notifications.outbox': op(
    'GET /api/notifications/outbox',
    z.strictObject({ page, pageSize: pageSize.default(20) }),
    pageOf(outboxItemSchema),
    'Notifications sent, waiting or given up, newest first',
  ),
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OpInput<N extends OperationName> = z.input<Contract[N]['input']>;
export type OpParsedInput<N extends OperationName> = z.output<Contract[N]['input']>;
export type OpOutput<N extends OperationName> = z.output<Contract[N]['output']>;
/** CSV operations may answer in chunks, so HTTP can stream them; IPC gets the joined string. */
export type HandlerResult<N extends OperationName> = OpOutput<N> extends string ? string | Iterable<string> | AsyncIterable<string> : OpOutput<N>;
export type Handlers = { [N in OperationName]: (input: OpParsedInput<N>) => Promise<HandlerResult<N>> };

export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

/** Events streamed over IPC and `GET /api/events` (Server-Sent Events). */
export const events = {
  'run.progress': z.object({
    runId: z.number().int(),
    kind: z.enum(['birthday', 'sourcing']),
    step: z.string(),
    contact: z.string().nullable(),
    counts: z.record(z.string(), z.number()),
    total: z.number().int().nullable(),
    wait: z.object({ reason: z.string(), ms: z.number(), until: z.string() }).nullable(),
  }),
  'run.finished': runSchema,
  'status.changed': statusSchema,
  /** A notifiable event (issue 16): the same source feeds e-mail, webhooks and the desktop notifications. */
  notification: notificationSchema,
  'log.line': logLineSchema,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
export const EVENTS_ROUTE = '/api/events';

/** The answer envelope used by IPC (HTTP uses status codes plus `{ error }`). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: unknown } };
