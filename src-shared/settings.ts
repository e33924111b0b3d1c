import { z } from 'zod';
import { keywordsProblem } from './search-keywords.js';
import { templateProblem } from './template.js';

/** Settings of SPEC §10. Every nested object prefaults to {} so `settingsSchema.parse({})` gives the defaults. */

/**
 * A croner pattern in the user's time zone; null = not scheduled. Whether it parses is checked by the
 * core (`cronProblem`, which needs croner) for every schedule setting, the saved searches' included.
 */
const cronExpression = z.string().min(1).max(100).nullable();

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (00:00–23:59)');

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function systemLanguage(): 'en' | 'fr' {
  const locale = Intl.DateTimeFormat().resolvedOptions().locale || 'en';
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** A message template: its problem (unknown placeholder, braces, empty, too long) becomes the field's error. */
const template = z.string().superRefine((source, ctx) => {
  const problem = templateProblem(source);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const range = (min: number, max: number, dflt: [number, number], unit: string) =>
  z
    .tuple([z.number().min(min).max(max), z.number().min(min).max(max)])
    .refine(([a, b]) => a <= b, `the first ${unit} must not exceed the second`)
    .default(dflt);

export const DEFAULT_TEMPLATES_TODAY = [
  '{Happy birthday|Happy birthday}, {firstName}! {Wishing you a great year ahead|All the best for the year ahead}.',
  'Joyeux anniversaire {firstName} ! {Je te souhaite une excellente année|Belle année à toi}.',
];
export const DEFAULT_TEMPLATES_BELATED = [
  'Happy belated birthday, {firstName}! {I hope you had a great day|Sorry I missed the day — all the best}.',
  'Joyeux anniversaire avec un peu de retard, {firstName} ! {J’espère que tu as passé une belle journée|Tous mes vœux pour cette nouvelle année}.',
];

export const savedSearchSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  keywords: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(500, 'must be at most 500 characters')
    .superRefine((value, ctx) => {
      // Empty and too long are reported above; the rest (quotes, dangling OR/NOT…) comes from here.
      if (!value || value.length > 500) return;
      const problem = keywordsProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  location: z.string().trim().max(120, 'must be at most 120 characters').optional(),
  degrees: z.array(z.union([z.literal(1), z.literal(2), z.literal(3)])).max(3).optional(),
  criteria: z
    .strictObject({
      keywords: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
      location: z.string().trim().max(120).optional(),
      yearsOfExperience: z
        .tuple([z.number().int().min(0).max(60), z.number().int().min(0).max(60)])
        .refine(([a, b]) => a <= b, 'the minimum must not exceed the maximum')
        .optional(),
    })
    .prefault({}),
  maxPages: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').default(3),
  maxVisitsPerRun: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(20),
  /**
   * This search's own schedule. A search with one runs alone at its times; `schedule.sourcing` runs the
   * searches without one, in turn. Absent or null: only the global schedule (or a manual run) runs it.
   */
  schedule: cronExpression.optional(),
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;

/** What a channel can be told about (issue 16); each channel picks its own. */
export const NOTIFICATION_EVENTS = ['action_needed', 'run_failed', 'run_finished', 'quota_exhausted', 'daily_summary'] as const;
export const notificationEventSchema = z.enum(NOTIFICATION_EVENTS);
export type NotificationEvent = z.infer<typeof notificationEventSchema>;
export const NOTIFICATION_CHANNELS = ['email', 'webhook'] as const;
export const notificationChannelSchema = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;

const notificationEvents = z
  .array(notificationEventSchema)
  .max(NOTIFICATION_EVENTS.length)
  .refine((e) => new Set(e).size === e.length, 'events must not repeat')
  .default(['action_needed', 'run_failed', 'quota_exhausted']);

const emailAddress = z.email({ error: 'must be an e-mail address' });

/**
 * Notification channels. The SMTP password and the webhook URL are secrets: they are written through
 * `notifications.secrets.set` into the encrypted secret store, never into these plain settings.
 */
export const notificationsSettingsSchema = z
  .strictObject({
    /** The panel's address in links (default: http://server.host:server.port/), e.g. behind an SSH tunnel. */
    panelUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    email: z
      .strictObject({
        enabled: z.boolean().default(false),
        host: z.string().trim().max(253, 'must be at most 253 characters').default(''),
        port: z.number().int().min(1, 'must be a port (1–65535)').max(65535, 'must be a port (1–65535)').default(587),
        /** `starttls`: upgrade a plain connection (port 587); `tls`: TLS from the start (465); `none`: no encryption. */
        tls: z.enum(['starttls', 'tls', 'none']).default('starttls'),
        user: z.string().max(320, 'must be at most 320 characters').default(''),
        from: z.union([z.literal(''), emailAddress]).default(''),
        to: z.array(emailAddress).max(10, 'at most 10 recipients').default([]),
        events: notificationEvents,
      })
      .refine((e) => !e.enabled || e.host !== '', { message: 'is needed to send e-mail', path: ['host'] })
      .refine((e) => !e.enabled || e.from !== '', { message: 'is needed to send e-mail', path: ['from'] })
      .refine((e) => !e.enabled || e.to.length > 0, { message: 'needs at least one recipient', path: ['to'] })
      .prefault({}),
    webhook: z
      .strictObject({
        enabled: z.boolean().default(false),
        /** `json`: Rapport's documented body; `ntfy`: an ntfy topic URL; `slack`: a Slack-compatible incoming webhook. */
        format: z.enum(['json', 'ntfy', 'slack']).default('json'),
        events: notificationEvents,
      })
      .prefault({}),
    dailySummary: z
      .strictObject({
        time: hhmm.default('20:00'),
        /** Off: first names only in summaries; on: full names. */
        fullNames: z.boolean().default(false),
      })
      .prefault({}),
  })
  .prefault({});
export type NotificationsSettings = z.infer<typeof notificationsSettingsSchema>;

export const settingsSchema = z.strictObject({
  linkedin: z
    .strictObject({
      baseUrl: z
        .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
        .default('https://www.linkedin.com'),
    })
    .prefault({}),
  browser: z
    .strictObject({
      executablePath: z.string().min(1).max(4096).optional(),
      headless: z.boolean().default(true),
    })
    .prefault({}),
  timeZone: z
    .string()
    .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Paris')
    .default(() => systemTimeZone()),
  workingHours: z
    .strictObject({
      enabled: z.boolean().default(true),
      days: z
        .array(z.number().int().min(1, 'days are 1 (Monday) to 7 (Sunday)').max(7, 'days are 1 (Monday) to 7 (Sunday)'))
        .max(7)
        .default([1, 2, 3, 4, 5]),
      start: hhmm.default('08:30'),
      end: hhmm.default('19:00'),
    })
    .refine((w) => w.start < w.end, { message: 'start must be before end', path: ['end'] })
    .prefault({}),
  limits: z
    .strictObject({
      messagesPerDay: z.number().int().min(0).max(100).default(15),
      messagesPerWeek: z.number().int().min(0).max(500).default(80),
      visitsPerDay: z.number().int().min(0).max(500).default(40),
      visitsPerWeek: z.number().int().min(0).max(2500).default(200),
      warmup: z.boolean().default(true),
      redisUrl: z
        .string()
        .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
        .optional(),
    })
    .refine((l) => l.messagesPerDay <= l.messagesPerWeek, {
      message: 'must not exceed messagesPerWeek',
      path: ['messagesPerDay'],
    })
    .refine((l) => l.visitsPerDay <= l.visitsPerWeek, { message: 'must not exceed visitsPerWeek', path: ['visitsPerDay'] })
    .prefault({}),
  pacing: z
    .strictObject({
      scale: z.number().min(0).max(10).default(1),
      messageGapSeconds: range(0, 3600, [60, 180], 'gap'),
      visitGapSeconds: range(0, 3600, [15, 45], 'gap'),
      typingDelayMs: range(0, 2000, [40, 120], 'delay'),
    })
    .prefault({}),
  birthday: z
    .strictObject({
      enabled: z.boolean().default(true),
      dryRun: z.boolean().default(true),
      includeBelated: z.boolean().default(true),
      maxDaysLate: z.number().int().min(0).max(15).default(10),
      templatesToday: z.array(template).min(1, 'needs at least one template').default(DEFAULT_TEMPLATES_TODAY),
      templatesBelated: z
        .array(template)
        .min(1, 'needs at least one template')
        .default(DEFAULT_TEMPLATES_BELATED),
    })
    .prefault({}),
  sourcing: z
    .strictObject({
      searches: z
        .array(savedSearchSchema)
        .max(50)
        .refine((s) => new Set(s.map((x) => x.name)).size === s.length, 'search names must be unique')
        .default([]),
      revisitAfterDays: z.number().int().min(0).max(365).default(30),
    })
    .prefault({}),
  schedule: z
    .strictObject({
      birthday: cronExpression.default('0 9 * * *'),
      /** Runs every saved search that has no schedule of its own, in turn (each scheduled search runs on its own). */
      sourcing: cronExpression.default(null),
      jitterMinutes: z.number().int().min(0).max(120).default(30),
    })
    .prefault({}),
  server: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: z.number().int().min(0).max(65535).default(9464),
    })
    .prefault({}),
  metrics: z
    .strictObject({
      prefix: z
        .string()
        .regex(/^([a-zA-Z_][a-zA-Z0-9_]*)?$/, 'must be a Prometheus name prefix (letters, digits, _)')
        .default(''),
    })
    .prefault({}),
  log: z
    .strictObject({
      level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).default('info'),
    })
    .prefault({}),
  notifications: notificationsSettingsSchema,
  ui: z
    .strictObject({
      language: z.enum(['en', 'fr']).default(() => systemLanguage()),
    })
    .prefault({}),
  desktop: z
    .strictObject({
      /** Opt-in: the desktop app starts hidden in the tray when the user logs in. Headless hosts ignore it. */
      startAtLogin: z.boolean().default(false),
    })
    .prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type SettingsSection = keyof Settings;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/** A partial update: plain JSON objects, merged into the stored settings before validating the whole. */
/** Keys that would reach an object's prototype if assigned: refused anywhere in a patch. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Settings are a few levels deep; anything much deeper is refused rather than walked. */
const MAX_PATCH_DEPTH = 16;

function prototypeKeyPath(value: unknown, path: string[] = []): string | null {
  if (typeof value !== 'object' || value === null) return null;
  if (path.length > MAX_PATCH_DEPTH) return path.join('.');
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key)) return [...path, key].join('.');
    const inner = prototypeKeyPath((value as Record<string, unknown>)[key], [...path, key]);
    if (inner) return inner;
  }
  return null;
}

/** Checked on the raw input: parsing into a record would turn `__proto__` into a prototype and hide it. */
export const settingsPatchSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    const path = prototypeKeyPath(value);
    if (path) ctx.addIssue({ code: 'custom', path: path.split('.').slice(0, MAX_PATCH_DEPTH + 1), message: 'is not a setting' });
  })
  .pipe(z.record(z.string(), z.unknown()));
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * `null` in a patch clears a setting: a nullable one (a schedule turned off) becomes null, an optional
 * one (the Redis URL, the browser path) is removed so its default applies again.
 */
export function clearRefusedNulls(merged: unknown, patch: unknown, schema: z.ZodType = settingsSchema): unknown {
  if (!isPlainObject(merged) || !isPlainObject(patch)) return merged;
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape) return merged;
  const out: Record<string, unknown> = { ...merged };
  for (const [key, value] of Object.entries(patch)) {
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!field) continue;
    if (value === null && !field.safeParse(null).success) delete out[key];
    else if (isPlainObject(value)) out[key] = clearRefusedNulls(out[key], value, unwrapped(field));
  }
  return out;
}

/** The object schema inside optional/default/nullable wrappers, to walk a nested section. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema as unknown as { unwrap?: () => z.ZodType; def?: { innerType?: z.ZodType } };
  for (let i = 0; i < 5; i++) {
    const next = inner.def?.innerType ?? undefined;
    if (!next) break;
    inner = next as unknown as typeof inner;
  }
  return inner as unknown as z.ZodType;
}

/** Deep merge where arrays and scalars in the patch replace; `null` removes an optional key. */
export function mergeSettings(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  // An own data property even for `__proto__`: assignment would swap the prototype and hide the key
  // from validation; defined, it is reported as an unknown setting like any other.
  const set = (key: string, value: unknown) =>
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null && !(Object.hasOwn(base, key) && base[key] === null)) {
      set(key, null);
      continue;
    }
    set(key, isPlainObject(value) && isPlainObject(base[key]) && Object.hasOwn(base, key) ? mergeSettings(base[key], value) : value);
  }
  return out;
}

/** `limits.messagesPerDay` → `RAPPORT_LIMITS_MESSAGES_PER_DAY`. */
export function envNameForPath(path: string): string {
  return (
    'RAPPORT_' +
    path
      .split('.')
      .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase())
      .join('_')
  );
}

type LeafKind = 'string' | 'json';
export interface SettingLeaf {
  path: string;
  env: string;
  kind: LeafKind;
}

interface ZodLikeDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = (current as unknown as { def: ZodLikeDef }).def;
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** Every leaf setting with its env name, walked from the schema so new settings get an override for free. */
export function settingLeaves(schema: z.ZodType = settingsSchema, prefix = ''): SettingLeaf[] {
  const inner = unwrap(schema);
  const def = (inner as unknown as { def: ZodLikeDef }).def;
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([key, child]) => settingLeaves(child, prefix ? `${prefix}.${key}` : key));
  }
  return [{ path: prefix, env: envNameForPath(prefix), kind: def.type === 'string' ? 'string' : 'json' }];
}

/** Aliases kept for the names operators already use. */
export const ENV_ALIASES: Record<string, string> = {
  RAPPORT_REDIS_URL: 'limits.redisUrl',
  RAPPORT_BROWSER_PATH: 'browser.executablePath',
};

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(node[part])) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/** Reads RAPPORT_* variables into a settings patch; returns the patch and the paths it sets. */
export function settingsFromEnv(env: Record<string, string | undefined>): { patch: Record<string, unknown>; paths: string[] } {
  const patch: Record<string, unknown> = {};
  const paths: string[] = [];
  const leaves = settingLeaves();
  const byEnv = new Map(leaves.map((l) => [l.env, l]));
  for (const [alias, path] of Object.entries(ENV_ALIASES)) {
    const leaf = leaves.find((l) => l.path === path);
    if (leaf && !byEnv.has(alias)) byEnv.set(alias, { ...leaf, env: alias });
  }
  for (const [name, leaf] of byEnv) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    let value: unknown = raw;
    if (leaf.kind === 'json') {
      try {
        value = JSON.parse(raw);
      } catch {
        value = raw;
      }
    }
    setPath(patch, leaf.path, value);
    if (!paths.includes(leaf.path)) paths.push(leaf.path);
  }
  return { patch, paths };
}
