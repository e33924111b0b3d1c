import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LegacyImportReport } from '../../../src-shared/contract.js';
import { RapportError } from '../../../src-shared/errors.js';
import { publicIdFromUrl } from '../../../src-shared/profile-url.js';
import { dayNumber, formatLocalDate, fromDayNumber, type LocalDate } from '../limits/calendar.js';
import type { OpenedDatabase } from './db.js';
import { parseLegacyDate } from './legacy/dates.js';
import { nameFromUrl, readLegacyModel, type LegacyModel, type LegacyPerson, type LegacyWish } from './legacy/model.js';
import { normaliseName, splitName } from './legacy/names.js';
import { openLegacySource } from './legacy/read.js';

export interface LegacyImportOptions {
  path: string;
  dryRun: boolean;
  timeZone: string;
  backupDir: string;
  now: () => Date;
  /** Runs inside the transaction just before it commits (tests use it to prove a failure rolls back). */
  beforeCommit?: () => void;
}

const MAX_UNMATCHED_LISTED = 200;

interface RapportContactRow {
  id: number;
  profile_url: string;
  full_name: string;
  first_name: string | null;
  last_name: string | null;
  headline: string | null;
  location: string | null;
  company: string | null;
  birth_month: number | null;
  birth_day: number | null;
  notes: string | null;
  score: number | null;
  status: string;
}

/** Fields a legacy person may fill in; Rapport's own values always win over older ones. */
const FILLABLE = [
  ['first_name', 'firstName'],
  ['last_name', 'lastName'],
  ['headline', 'headline'],
  ['location', 'location'],
  ['company', 'company'],
  ['birth_month', 'birthMonth'],
  ['birth_day', 'birthDay'],
  ['notes', 'notes'],
  ['score', 'score'],
] as const;

class DryRunRollback extends Error {}

function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** Later sources fill what earlier ones left empty; any "blocked" wins. */
function mergePeople(into: LegacyPerson, from: LegacyPerson): void {
  for (const [key, value] of Object.entries(from) as [keyof LegacyPerson, unknown][]) {
    if (key === 'blocked') into.blocked = Boolean(into.blocked || value);
    else if ((into[key] === null || into[key] === undefined) && value !== null && value !== undefined) (into as unknown as Record<string, unknown>)[key] = value;
  }
}

/**
 * The birthday a wish was for: `days_late` back from the day it was sent when given, else the most
 * recent occurrence of the contact's birthday up to that day, else the day itself. Its year is the
 * dedupe key's, so a Jan 2 wish for Dec 30 belongs to the year before.
 */
export function birthdayOfWish(sent: LocalDate, daysLate: number | null, birthMonth: number | null, birthDay: number | null): LocalDate {
  if (daysLate !== null && daysLate >= 0 && daysLate < 366) return fromDayNumber(dayNumber(sent) - daysLate);
  if (birthMonth && birthDay) {
    const thisYear = { year: sent.year, month: birthMonth, day: birthDay };
    return dayNumber(thisYear) <= dayNumber(sent) ? thisYear : { ...thisYear, year: sent.year - 1 };
  }
  return sent;
}

/**
 * Imports a v1 / app_v2 database of the old bot into Rapport's store: reads a copy of the file,
 * backs Rapport's database up (`VACUUM INTO`), writes everything in one transaction, checks the
 * counts, and rolls back on any error. A dry run does the same work and rolls back at the end, so
 * its report is exactly what the real import would do.
 */
export function importLegacy(database: OpenedDatabase, options: LegacyImportOptions): LegacyImportReport {
  const source = openLegacySource(options.path);
  let model: LegacyModel;
  try {
    model = readLegacyModel(source);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (/SQLITE_(CORRUPT|NOTADB)/.test(code)) {
      throw new RapportError('LEGACY_UNREADABLE', `${options.path} is damaged (${(e as Error).message}). Nothing was imported.`, { path: options.path });
    }
    throw e;
  } finally {
    source.close();
  }

  const sqlite = database.sqlite;
  let backup: string | null = null;
  if (!options.dryRun) {
    mkdirSync(options.backupDir, { recursive: true });
    backup = join(options.backupDir, `rapport-${options.now().toISOString().replace(/[:.]/g, '-')}-before-legacy-import.db`);
    sqlite.prepare('vacuum into ?').run(backup);
  }

  const report: LegacyImportReport = {
    layout: source.layout,
    dryRun: options.dryRun,
    found: model.found,
    imported: { contacts: 0, birthdayMessages: 0, profileVisits: 0 },
    merged: { contacts: 0, birthdayMessages: 0, profileVisits: 0 },
    skipped: { ...model.skipped },
    unmatchedCount: 0,
    unmatched: [],
    backup,
  };

  const run = sqlite.transaction(() => {
    const countRows = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const before = { contacts: countRows('contacts'), interactions: countRows('interactions') };
    const at = options.now().toISOString();

    // Contacts: every person the file knows by URL, merged per canonical URL.
    const people = new Map<string, LegacyPerson>();
    const urlOfLegacyId = new Map<number, string>();
    const addPerson = (person: LegacyPerson) => {
      if (!person.url) return;
      const known = people.get(person.url);
      if (known) mergePeople(known, person);
      else people.set(person.url, { ...person });
    };
    for (const [legacyId, person] of model.contacts) {
      if (person.url) {
        urlOfLegacyId.set(legacyId, person.url);
        addPerson(person);
      } else bump(report.skipped, 'contact_without_profile_url');
    }
    model.profiles.forEach(addPerson);
    for (const visit of model.visits) if (visit.url && visit.success) addPerson({ url: visit.url, fullName: visit.name });

    const rows = sqlite
      .prepare(
        'select id, profile_url, full_name, first_name, last_name, headline, location, company, birth_month, birth_day, notes, score, status from contacts',
      )
      .all() as RapportContactRow[];
    const byUrl = new Map(rows.map((r) => [r.profile_url, r]));
    const insertContact = sqlite.prepare(
      `insert into contacts (profile_url, public_id, full_name, first_name, last_name, headline, location, company, birth_month, birth_day,
         source, status, notes, score, created_at, updated_at, last_seen_at)
       values (@profileUrl, @publicId, @fullName, @firstName, @lastName, @headline, @location, @company, @birthMonth, @birthDay,
         'import', @status, @notes, @score, @at, @at, null)`,
    );
    for (const [profileUrl, person] of people) {
      const existing = byUrl.get(profileUrl);
      const fullName = person.fullName ?? nameFromUrl(profileUrl);
      const split = splitName(fullName);
      const values = {
        firstName: person.firstName ?? split.firstName,
        lastName: person.lastName ?? split.lastName,
        headline: person.headline ?? null,
        location: person.location ?? null,
        company: person.company ?? null,
        birthMonth: person.birthMonth ?? null,
        birthDay: person.birthDay ?? null,
        notes: person.notes ?? null,
        score: person.score ?? null,
      };
      if (!existing) {
        const id = Number(
          insertContact.run({ profileUrl, publicId: publicIdFromUrl(profileUrl), fullName, ...values, status: person.blocked ? 'blocked' : 'active', at })
            .lastInsertRowid,
        );
        const row: RapportContactRow = {
          id,
          profile_url: profileUrl,
          full_name: fullName,
          first_name: values.firstName,
          last_name: values.lastName,
          headline: values.headline,
          location: values.location,
          company: values.company,
          birth_month: values.birthMonth,
          birth_day: values.birthDay,
          notes: values.notes,
          score: values.score,
          status: person.blocked ? 'blocked' : 'active',
        };
        rows.push(row);
        byUrl.set(profileUrl, row);
        report.imported.contacts++;
        continue;
      }
      const set: Record<string, unknown> = {};
      for (const [column, key] of FILLABLE) {
        if (existing[column] === null && values[key] !== null) set[column] = values[key];
      }
      if (person.blocked && existing.status !== 'blocked') set.status = 'blocked';
      if (Object.keys(set).length === 0) {
        bump(report.skipped, 'contact_already_present');
        continue;
      }
      const assignments = Object.keys(set).map((c) => `${c} = @${c}`);
      sqlite.prepare(`update contacts set ${assignments.join(', ')}, updated_at = @at where id = @id`).run({ ...set, at, id: existing.id });
      Object.assign(existing, set);
      report.merged.contacts++;
    }

    // People known by name only: a name counts when exactly one contact has it.
    const byName = new Map<string, RapportContactRow[]>();
    for (const row of rows) {
      const key = normaliseName(row.full_name);
      byName.set(key, [...(byName.get(key) ?? []), row]);
    }
    const blockByName = sqlite.prepare("update contacts set status = 'blocked', updated_at = ? where id = ?");
    for (const name of model.blockedNames) {
      const matches = byName.get(normaliseName(name)) ?? [];
      if (matches.length !== 1) bump(report.skipped, matches.length ? 'blacklist_ambiguous_name' : 'blacklist_no_contact');
      else if (matches[0].status !== 'blocked') {
        blockByName.run(at, matches[0].id);
        matches[0].status = 'blocked';
        report.merged.contacts++;
      }
    }

    const resolve = (legacyContactId: number | null, url: string | null, name: string): RapportContactRow | 'no_contact' | 'ambiguous_name' => {
      const viaUrl = url ?? (legacyContactId ? urlOfLegacyId.get(legacyContactId) : undefined);
      if (viaUrl && byUrl.has(viaUrl)) return byUrl.get(viaUrl)!;
      const legacyName = legacyContactId ? model.contacts.get(legacyContactId)?.fullName : null;
      const matches = byName.get(normaliseName(legacyName ?? name)) ?? [];
      if (matches.length === 1) return matches[0];
      return matches.length > 1 ? 'ambiguous_name' : 'no_contact';
    };

    // Interactions: one per (contact, type, dedupe key) — a birthday's year, a visit's day.
    const taken = new Set(
      (
        sqlite.prepare("select contact_id as c, type as t, dedupe_key as k from interactions where status in ('sent', 'pending')").all() as {
          c: number;
          t: string;
          k: string;
        }[]
      ).map((r) => `${r.c}|${r.t}|${r.k}`),
    );
    const inserted = new Set<string>();
    const insertInteraction = sqlite.prepare(
      `insert into interactions (contact_id, run_id, type, status, dedupe_key, payload, occurred_at) values (?, null, ?, 'sent', ?, ?, ?)`,
    );
    const record = (kind: 'birthdayMessages' | 'profileVisits', contactId: number, type: string, dedupeKey: string, payload: object, occurredAt: string) => {
      const key = `${contactId}|${type}|${dedupeKey}`;
      if (inserted.has(key)) report.merged[kind]++;
      else if (taken.has(key)) bump(report.skipped, kind === 'birthdayMessages' ? 'message_already_imported' : 'visit_already_imported');
      else {
        insertInteraction.run(contactId, type, dedupeKey, JSON.stringify(payload), occurredAt);
        inserted.add(key);
        report.imported[kind]++;
      }
    };

    const unmatched = (wish: LegacyWish, reason: 'no_contact' | 'ambiguous_name') => {
      report.unmatchedCount++;
      if (report.unmatched.length < MAX_UNMATCHED_LISTED) {
        report.unmatched.push({ table: wish.table, legacyId: wish.legacyId, contactName: wish.contactName, sentAt: String(wish.sentAt ?? ''), reason });
      }
    };
    for (const wish of model.wishes) {
      if (wish.state === 'dry_run') {
        bump(report.skipped, 'message_dry_run');
        continue;
      }
      if (wish.state === 'not_sent') {
        bump(report.skipped, 'message_not_sent');
        continue;
      }
      const when = parseLegacyDate(wish.sentAt, options.timeZone);
      if (!when) {
        bump(report.skipped, 'message_bad_date');
        continue;
      }
      const contact = resolve(wish.contactId, null, wish.contactName);
      if (typeof contact === 'string') {
        unmatched(wish, contact);
        continue;
      }
      const birthday = birthdayOfWish(when.local, wish.daysLate, contact.birth_month, contact.birth_day);
      const daysLate = wish.daysLate ?? dayNumber(when.local) - dayNumber(birthday);
      record(
        'birthdayMessages',
        contact.id,
        'birthday_message',
        `birthday:${birthday.year}`,
        { text: wish.text, daysLate, birthday: formatLocalDate(birthday), importedFrom: `legacy-${source.layout}`, legacy: `${wish.table}#${wish.legacyId}` },
        when.instant.toISOString(),
      );
    }
    for (const visit of model.visits) {
      if (!visit.success) {
        bump(report.skipped, 'visit_failed');
        continue;
      }
      const when = parseLegacyDate(visit.visitedAt, options.timeZone);
      if (!when) {
        bump(report.skipped, 'visit_bad_date');
        continue;
      }
      const contact = resolve(visit.contactId, visit.url, visit.name ?? '');
      if (typeof contact === 'string') {
        bump(report.skipped, `visit_${contact}`);
        continue;
      }
      record(
        'profileVisits',
        contact.id,
        'profile_visit',
        `visit:${formatLocalDate(when.local)}`,
        { importedFrom: `legacy-${source.layout}`, legacy: `${visit.table}#${visit.legacyId}` },
        when.instant.toISOString(),
      );
    }

    const after = { contacts: countRows('contacts'), interactions: countRows('interactions') };
    const expected = {
      contacts: before.contacts + report.imported.contacts,
      interactions: before.interactions + report.imported.birthdayMessages + report.imported.profileVisits,
    };
    if (after.contacts !== expected.contacts || after.interactions !== expected.interactions) {
      throw new RapportError(
        'IMPORT_FAILED',
        `The counts after the import do not add up (contacts ${after.contacts}, expected ${expected.contacts}; interactions ${after.interactions}, expected ${expected.interactions}); everything was rolled back.`,
        { before, after, expected },
      );
    }
    options.beforeCommit?.();
    if (options.dryRun) throw new DryRunRollback();
  });

  try {
    run();
  } catch (e) {
    if (e instanceof DryRunRollback) return report;
    if (e instanceof RapportError) throw e;
    throw new RapportError('IMPORT_FAILED', `The import failed and was rolled back, nothing changed: ${(e as Error).message}`, {
      path: options.path,
      backup,
    });
  }
  return report;
}
