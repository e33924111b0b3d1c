import { z } from 'zod';

/** Stable error codes: they cross IPC and HTTP and are shown to users, so never rename one. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'UNAUTHORIZED',
  'TOO_MANY_ATTEMPTS',
  'PAYLOAD_TOO_LARGE',
  'INVALID_JSON',
  'FORBIDDEN_HOST',
  'NOT_IMPLEMENTED',
  'RUN_IN_PROGRESS',
  'ALREADY_RUNNING',
  'QUOTA_EXHAUSTED',
  'OUTSIDE_WORKING_HOURS',
  'SESSION_EXPIRED',
  'NOT_CONNECTED',
  'LINKEDIN_CHECKPOINT',
  'LINKEDIN_RESTRICTED',
  'SELECTOR_NOT_FOUND',
  'RECIPIENT_MISMATCH',
  'BROWSER_NOT_FOUND',
  'BROWSER_FAILED',
  'DATABASE_CORRUPT',
  'DATABASE_UNAVAILABLE',
  'MIGRATION_FAILED',
  'LEGACY_UNSUPPORTED',
  'LEGACY_UNREADABLE',
  'IMPORT_FAILED',
  'CSV_INVALID',
  'ABORTED',
  'UNSUPPORTED_MEDIA_TYPE',
  'TOO_MANY_CLIENTS',
  'DB_BUSY',
  'DISK_FULL',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export const errorCodeSchema = z.enum(ERROR_CODES);

export const errorBodySchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** HTTP status for each code; anything caused by bad input is a 4xx, never a 500. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN_HOST: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  RUN_IN_PROGRESS: 409,
  ALREADY_RUNNING: 409,
  NOT_CONNECTED: 409,
  OUTSIDE_WORKING_HOURS: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_ATTEMPTS: 429,
  QUOTA_EXHAUSTED: 429,
  NOT_IMPLEMENTED: 501,
  SESSION_EXPIRED: 502,
  LINKEDIN_CHECKPOINT: 502,
  LINKEDIN_RESTRICTED: 502,
  SELECTOR_NOT_FOUND: 502,
  RECIPIENT_MISMATCH: 502,
  BROWSER_NOT_FOUND: 503,
  BROWSER_FAILED: 503,
  DATABASE_CORRUPT: 503,
  DATABASE_UNAVAILABLE: 503,
  MIGRATION_FAILED: 503,
  LEGACY_UNSUPPORTED: 422,
  LEGACY_UNREADABLE: 422,
  IMPORT_FAILED: 422,
  CSV_INVALID: 422,
  ABORTED: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_CLIENTS: 429,
  DB_BUSY: 503,
  DISK_FULL: 507,
  INTERNAL: 500,
};

export interface FieldIssue {
  field: string;
  reason: string;
}

/** The one error type the core throws on purpose; anything else is reported as INTERNAL. */
export class RapportError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'RapportError';
    this.code = code;
    this.details = details;
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isRapportError(e: unknown): e is RapportError {
  return e instanceof RapportError;
}

/** Turns zod issues into field/reason pairs a user can act on. */
export function issuesFromZod(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return { field: [prefix, path].filter(Boolean).join('.') || '(root)', reason: issue.message };
  });
}

export function validationError(what: string, issues: FieldIssue[]): RapportError {
  const list = issues.map((i) => `${i.field}: ${i.reason}`).join('; ');
  return new RapportError('VALIDATION_FAILED', `Invalid ${what} — ${list}`, { issues });
}

/** Parses with a schema or throws VALIDATION_FAILED naming every bad field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(what, issuesFromZod(result.error));
  return result.data;
}

/** SQLite's own codes for faults the user can act on (another process holds the file, the disk is full). */
function sqliteFault(e: unknown): ErrorBody | null {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'SQLITE_BUSY_SNAPSHOT') {
    return { code: 'DB_BUSY', message: 'The database is locked by another process; nothing was changed. Close it and try again.' };
  }
  if (code === 'SQLITE_FULL') {
    return { code: 'DISK_FULL', message: 'The disk (or the database size limit) is full; nothing was changed. Free some space and try again.' };
  }
  return null;
}

export function toErrorBody(e: unknown): ErrorBody {
  if (isRapportError(e)) return e.toBody();
  const fault = sqliteFault(e);
  if (fault) return fault;
  return { code: 'INTERNAL', message: 'Unexpected internal error; see the log file for details.' };
}
