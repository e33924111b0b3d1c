import { normaliseProfileUrl, publicIdFromUrl } from '../../../../src-shared/profile-url.js';
import type { LegacySource, Row } from './read.js';

/** A person as the legacy file describes them, before matching against Rapport's contacts. */
export interface LegacyPerson {
  url: string | null;
  fullName: string | null;
  firstName?: string | null;
  lastName?: string | null;
  headline?: string | null;
  location?: string | null;
  company?: string | null;
  notes?: string | null;
  score?: number | null;
  birthMonth?: number | null;
  birthDay?: number | null;
  blocked?: boolean;
}

export type WishState = 'sent' | 'dry_run' | 'not_sent';

export interface LegacyWish {
  table: string;
  legacyId: number;
  /** Legacy contact id; null or 0 means the old code did not know the person. */
  contactId: number | null;
  contactName: string;
  text: string;
  sentAt: unknown;
  daysLate: number | null;
  state: WishState;
}

export interface LegacyVisit {
  table: string;
  legacyId: number;
  contactId: number | null;
  url: string | null;
  name: string | null;
  visitedAt: unknown;
  success: boolean;
}

export interface LegacyModel {
  /** Keyed by legacy contact id. */
  contacts: Map<number, LegacyPerson>;
  /** Other people the file knows by URL: scraped profiles, blacklist entries. */
  profiles: LegacyPerson[];
  /** Blacklist entries without a URL, matched by name. */
  blockedNames: string[];
  wishes: LegacyWish[];
  visits: LegacyVisit[];
  found: Record<string, number>;
  /** Rows dropped while reading, per reason. */
  skipped: Record<string, number>;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);
const int = (v: unknown): number | null => (v === null || v === undefined || v === '' || Number.isNaN(Number(v)) ? null : Math.trunc(Number(v)));
const truthy = (v: unknown): boolean => v === 1 || v === '1' || v === true || v === 'true' || v === 'True';

function score(v: unknown): number | null {
  const n = v === null || v === undefined || v === '' ? NaN : Number(v);
  return Number.isFinite(n) ? Math.max(0, Math.min(100, Math.round(n))) : null;
}

/** Old rows hold URLs in every shape: upper case (`/IN/…`), or without a scheme (`www.linkedin.com/in/…`). */
export function legacyProfileUrl(v: unknown): string | null {
  let text = str(v);
  if (!text) return null;
  text = text.toLowerCase();
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text) && /^([a-z]{2,3}\.|www\.)?linkedin\.com\//.test(text)) text = `https://${text}`;
  return normaliseProfileUrl(text);
}
const url = legacyProfileUrl;

function json(v: unknown): Record<string, unknown> {
  if (typeof v !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(v);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function birthDate(v: unknown): { birthMonth: number | null; birthDay: number | null } {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(v.trim()) : null;
  if (!m) return { birthMonth: null, birthDay: null };
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { birthMonth: month, birthDay: day } : { birthMonth: null, birthDay: null };
}

function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

function wishFromMessageRow(table: string, r: Row): LegacyWish {
  return {
    table,
    legacyId: int(r.id) ?? 0,
    contactId: int(r.contact_id),
    contactName: str(r.contact_name) ?? '',
    text: typeof r.message_text === 'string' ? r.message_text : '',
    sentAt: r.sent_at,
    daysLate: int(r.days_late),
    state: 'sent',
  };
}

function readV1(source: LegacySource, model: LegacyModel): void {
  for (const r of source.rows('contacts')) {
    bump(model.found, 'contacts');
    model.contacts.set(int(r.id) ?? 0, { url: url(r.linkedin_url), fullName: str(r.name), notes: str(r.notes) });
  }
  for (const r of source.rows('scraped_profiles')) {
    bump(model.found, 'scrapedProfiles');
    const profileUrl = url(r.profile_url);
    if (!profileUrl) {
      bump(model.skipped, 'no_profile_url');
      continue;
    }
    const first = str(r.first_name);
    const last = str(r.last_name);
    model.profiles.push({
      url: profileUrl,
      fullName: str(r.full_name) ?? ([first, last].filter(Boolean).join(' ') || null),
      firstName: first,
      lastName: last,
      headline: str(r.headline) ?? str(r.job_title),
      location: str(r.location),
      company: str(r.current_company),
      score: score(r.fit_score),
    });
  }
  for (const r of source.rows('blacklist')) {
    if (r.is_active !== undefined && r.is_active !== null && !truthy(r.is_active)) continue;
    bump(model.found, 'blacklist');
    const blockedUrl = url(r.linkedin_url);
    if (blockedUrl) model.profiles.push({ url: blockedUrl, fullName: str(r.contact_name), blocked: true });
    else if (str(r.contact_name)) model.blockedNames.push(str(r.contact_name)!);
    else bump(model.skipped, 'blacklist_without_person');
  }
  for (const r of source.rows('birthday_messages')) {
    bump(model.found, 'birthdayMessages');
    model.wishes.push(wishFromMessageRow('birthday_messages', r));
  }
  for (const r of source.rows('profile_visits')) {
    bump(model.found, 'visits');
    model.visits.push({
      table: 'profile_visits',
      legacyId: int(r.id) ?? 0,
      contactId: null,
      url: url(r.profile_url),
      name: str(r.profile_name),
      visitedAt: r.visited_at,
      success: r.success === null || r.success === undefined ? true : truthy(r.success),
    });
  }
}

function readAppV2(source: LegacySource, model: LegacyModel): void {
  for (const r of source.rows('contacts')) {
    bump(model.found, 'contacts');
    model.contacts.set(int(r.id) ?? 0, {
      url: url(r.profile_url),
      fullName: str(r.name),
      headline: str(r.headline),
      location: str(r.location),
      score: score(r.fit_score),
      ...birthDate(r.birth_date),
      blocked: r.status === 'blacklisted',
    });
  }
  for (const r of source.rows('interactions')) {
    const type = str(r.type);
    const payload = json(r.payload);
    const id = int(r.id) ?? 0;
    const contactId = int(r.contact_id);
    if (type === 'birthday_sent') {
      bump(model.found, 'birthdayMessages');
      const text = typeof payload.message_text === 'string' ? payload.message_text : typeof payload.message === 'string' ? payload.message : '';
      const state: WishState = r.status !== 'success' ? 'not_sent' : truthy(payload.dry_run) ? 'dry_run' : 'sent';
      model.wishes.push({
        table: 'interactions',
        legacyId: id,
        contactId,
        contactName: str(payload.contact_name) ?? '',
        text,
        sentAt: payload.original_sent_at ?? r.created_at,
        daysLate: int(payload.days_late),
        state,
      });
    } else if (type === 'visit' || type === 'profile_visit') {
      bump(model.found, 'visits');
      model.visits.push({
        table: 'interactions',
        legacyId: id,
        contactId,
        url: url(payload.profile_url ?? payload.url),
        name: str(payload.contact_name ?? payload.name),
        visitedAt: r.created_at,
        success: r.status === 'success' && !truthy(payload.dry_run),
      });
    } else {
      bump(model.found, 'otherInteractions');
      bump(model.skipped, 'unsupported_type');
    }
  }
  for (const r of source.rows('birthday_messages')) {
    bump(model.found, 'birthdayMessages');
    model.wishes.push(wishFromMessageRow('birthday_messages', r));
  }
}

/** Reads every row Rapport can use into one plain model; the legacy file's quirks stay in this file. */
export function readLegacyModel(source: LegacySource): LegacyModel {
  const model: LegacyModel = { contacts: new Map(), profiles: [], blockedNames: [], wishes: [], visits: [], found: {}, skipped: {} };
  if (source.layout === 'v1') readV1(source, model);
  else readAppV2(source, model);
  return model;
}

/** A display name for someone known only by URL. */
export function nameFromUrl(profileUrl: string): string {
  return publicIdFromUrl(profileUrl) ?? profileUrl;
}
