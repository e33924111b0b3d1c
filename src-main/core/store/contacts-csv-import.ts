import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ContactsImportReport } from '../../../src-shared/contract.js';
import { CONTACT_SOURCES, CONTACT_STATUSES, type Contact } from '../../../src-shared/domain.js';
import { RapportError } from '../../../src-shared/errors.js';
import { normaliseProfileUrl, publicIdFromUrl } from '../../../src-shared/profile-url.js';
import type { OpenedDatabase } from './db.js';
import { cannotRead } from './legacy/read.js';

/** LinkedIn's "Get a copy of your data" → Connections.csv, after its "Notes:" preamble. */
export const LINKEDIN_COLUMNS = ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'] as const;
/** Rapport's own contacts export, so an export re-imports. */
const RAPPORT_REQUIRED = ['profileUrl', 'fullName'] as const;

export interface ContactsCsvOptions {
  path: string;
  dryRun: boolean;
  now: () => Date;
}

type Fields = {
  full_name: string;
  first_name: string | null;
  last_name: string | null;
  headline?: string | null;
  location?: string | null;
  company: string | null;
  birth_month?: number | null;
  birth_day?: number | null;
  source?: Contact['source'];
  status?: Contact['status'];
  score?: number | null;
  score_breakdown?: string | null;
  notes?: string | null;
  created_at?: string;
  updated_at?: string;
  last_seen_at?: string | null;
};

class DryRunRollback extends Error {}

function invalid(path: string, line: number, why: string): RapportError {
  return new RapportError('CSV_INVALID', `${path}, line ${line}: ${why}. Nothing was imported.`, { path, line });
}

/** Our export prefixes formula-like cells with ' for spreadsheets; take it off again. */
function unescapeFormula(value: string): string {
  return /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? value.slice(1) : value;
}

const text = (v: string | undefined): string | null => {
  const t = v === undefined ? '' : unescapeFormula(v).trim();
  return t === '' ? null : t;
};
const integer = (v: string | undefined): number | null => {
  const t = text(v);
  return t !== null && /^-?\d+$/.test(t) ? Number(t) : null;
};

/** The header line: the first line whose first cell names a known column; LinkedIn puts notes above it. */
function findHeader(lines: string[]): { index: number; format: 'linkedin' | 'rapport' } | null {
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i].replace(/^\uFEFF/, '').split(',')[0].replace(/^"|"$/g, '').trim();
    if (first === 'First Name') return { index: i, format: 'linkedin' };
    if (first === 'id' && lines[i].includes('profileUrl')) return { index: i, format: 'rapport' };
  }
  return null;
}

function fieldsFrom(format: 'linkedin' | 'rapport', record: Record<string, string>): Fields {
  if (format === 'linkedin') {
    const first = text(record['First Name']);
    const last = text(record['Last Name']);
    return {
      full_name: [first, last].filter(Boolean).join(' '),
      first_name: first,
      last_name: last,
      company: text(record.Company),
      headline: text(record.Position),
    };
  }
  const source = text(record.source) as Contact['source'] | null;
  const status = text(record.status) as Contact['status'] | null;
  return {
    full_name: text(record.fullName) ?? '',
    first_name: text(record.firstName),
    last_name: text(record.lastName),
    headline: text(record.headline),
    location: text(record.location),
    company: text(record.company),
    birth_month: integer(record.birthMonth),
    birth_day: integer(record.birthDay),
    source: source && CONTACT_SOURCES.includes(source) ? source : 'import',
    status: status && CONTACT_STATUSES.includes(status) ? status : 'active',
    score: integer(record.score),
    score_breakdown: text(record.scoreBreakdown),
    notes: record.notes === undefined ? null : unescapeFormula(record.notes) || null,
    ...(text(record.createdAt) ? { created_at: text(record.createdAt)! } : {}),
    ...(text(record.updatedAt) ? { updated_at: text(record.updatedAt)! } : {}),
    last_seen_at: text(record.lastSeenAt),
  };
}

/**
 * Imports LinkedIn's Connections.csv (or Rapport's own contacts export) in one transaction:
 * contacts are matched on their canonical profile URL, so existing ones are updated, not duplicated.
 * A file that does not parse is refused whole, naming the line.
 */
export function importContactsCsv(database: OpenedDatabase, options: ContactsCsvOptions): ContactsImportReport {
  const { path } = options;
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new RapportError('VALIDATION_FAILED', `Invalid input — path: no file at ${path}`, { issues: [{ field: 'path', reason: `no file at ${path}` }] });
  }
  let content: string;
  try {
    content = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw cannotRead(path, e as Error);
  }
  const lines = content.split(/\r?\n/);
  const header = findHeader(lines);
  if (!header) {
    throw invalid(path, 1, `no header line found (expected LinkedIn's columns ${LINKEDIN_COLUMNS.join(', ')})`);
  }
  const headerLine = header.index + 1;
  const required = header.format === 'linkedin' ? LINKEDIN_COLUMNS : RAPPORT_REQUIRED;
  const present = lines[header.index].replace(/^\uFEFF/, '');
  const columns = (parse(present, { bom: true }) as string[][])[0].map((c) => c.trim());
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length) throw invalid(path, headerLine, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);

  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(lines.slice(header.index).join('\n'), {
      columns: true,
      skip_empty_lines: true,
      info: true,
      bom: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw invalid(path, (err.lines ?? 1) + header.index, err.message.replace(/^Invalid [^:]*:\s*/, ''));
  }
  const report: ContactsImportReport = { dryRun: options.dryRun, found: records.length, created: 0, updated: 0, unchanged: 0, skipped: {} };
  const sqlite = database.sqlite;
  const at = options.now().toISOString();
  const findByUrl = sqlite.prepare('select * from contacts where profile_url = ?');
  const skip = (reason: string) => (report.skipped[reason] = (report.skipped[reason] ?? 0) + 1);

  const run = sqlite.transaction(() => {
    for (const { record } of records) {
      const rawUrl = text(header.format === 'linkedin' ? record.URL : record.profileUrl);
      const profileUrl = rawUrl ? normaliseProfileUrl(rawUrl) : null;
      if (!profileUrl) {
        skip('no_profile_url');
        continue;
      }
      const fields = fieldsFrom(header.format, record);
      if (!fields.full_name) fields.full_name = publicIdFromUrl(profileUrl) ?? profileUrl;
      const existing = findByUrl.get(profileUrl) as Record<string, unknown> | undefined;
      if (!existing) {
        const row = { profile_url: profileUrl, public_id: publicIdFromUrl(profileUrl), source: 'import', status: 'active', created_at: at, updated_at: at, ...fields };
        const names = Object.keys(row);
        sqlite.prepare(`insert into contacts (${names.join(', ')}) values (${names.map((n) => `@${n}`).join(', ')})`).run(row);
        report.created++;
        continue;
      }
      // LinkedIn's file has no notes, location or birthdays: only the columns it carries are refreshed.
      const changed = Object.entries(fields).filter(([column, value]) => {
        if (column === 'created_at' || column === 'updated_at' || column === 'source') return false;
        return value !== undefined && (header.format === 'rapport' || value !== null) && existing[column] !== value;
      });
      if (changed.length === 0) {
        report.unchanged++;
        continue;
      }
      const set = Object.fromEntries(changed);
      sqlite
        .prepare(`update contacts set ${changed.map(([c]) => `${c} = @${c}`).join(', ')}, updated_at = @at where id = @id`)
        .run({ ...set, at: fields.updated_at ?? at, id: existing.id });
      report.updated++;
    }
    if (options.dryRun) throw new DryRunRollback();
  });
  try {
    run();
  } catch (e) {
    if (!(e instanceof DryRunRollback)) throw e;
  }
  return report;
}
