import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Builders for the two layouts of the old bot's database (../shared/legacy-schemas.md). */

const V1_SCHEMA = `
create table schema_version (id integer primary key, version integer unique, applied_at text);
create table contacts (id integer primary key, name text not null, linkedin_url text unique, last_message_date text,
  message_count integer, relationship_score real, notes text, created_at text, updated_at text);
create table birthday_messages (id integer primary key, contact_id integer references contacts(id), contact_name text not null,
  message_text text not null, sent_at text not null, is_late integer, days_late integer, response_received integer,
  response_text text, response_date text, script_mode text);
create unique index idx_bm_unique on birthday_messages(contact_id, substr(sent_at, 1, 10), message_text);
create table profile_visits (id integer primary key, profile_name text, profile_url text not null, visited_at text not null,
  source_search text, keywords text, location text, success integer, error_message text);
create table blacklist (id integer primary key, contact_name text, linkedin_url text, reason text, added_at text, added_by text, is_active integer);
create table scraped_profiles (id integer primary key, campaign_id integer, profile_url text unique not null, first_name text,
  last_name text, full_name text, headline text, summary text, relationship_level text, current_company text, education text,
  years_experience integer, skills text, certifications text, fit_score real, scraped_at text);
create table errors (id integer primary key, message text);
create table linkedin_selectors (id integer primary key, name text, selector text);
`;

export interface V1Message {
  id: number;
  contactId: number | null;
  contactName: string;
  text: string;
  sentAt: string;
  isLate?: number;
  daysLate?: number | null;
}

export interface V1Content {
  contacts: { id: number; name: string; url: string | null; notes?: string | null }[];
  messages: V1Message[];
  visits: { id: number; name: string | null; url: string; at: string; success: number }[];
  blacklist: { name: string | null; url: string | null; active: number }[];
  scraped: { url: string; first: string; last: string; full: string; headline: string | null; company: string | null; fit: number | null }[];
}

/** The v1 fixture: awkward dates, every URL shape, NULL contact ids, a name shared by two people, emoji. */
export const V1_FIXTURE: V1Content = {
  contacts: [
    { id: 1, name: 'Zoé Martin', url: 'https://fr.linkedin.com/in/zoe-martin/?trk=public_profile', notes: 'Met at PyCon 🎉' },
    { id: 2, name: "Jean O'Brien", url: 'HTTPS://WWW.LINKEDIN.COM/IN/JEAN-OBRIEN' },
    { id: 3, name: 'Chloé Dubois', url: null },
    { id: 4, name: 'Ana Ñúñez', url: 'https://linkedin.com/in/ana-%C3%B1u%C3%B1ez/' },
    { id: 5, name: 'Paul Smith', url: 'https://www.linkedin.com/in/paul-smith-1' },
    { id: 6, name: 'Paul Smith', url: 'www.linkedin.com/in/paul-smith-2/' },
  ],
  messages: [
    { id: 1, contactId: 1, contactName: 'Zoé Martin', text: 'Joyeux anniversaire Zoé ! 🎂\nBelle journée', sentAt: '2025-03-14T08:02:11' },
    { id: 2, contactId: 2, contactName: "Jean O'Brien", text: 'Happy birthday Jean!', sentAt: '2023-12-30 09:15:00.123456' },
    { id: 3, contactId: 2, contactName: "Jean O'Brien", text: 'Belated happy birthday, Jean!', sentAt: '2025-01-02 10:00:00', isLate: 1, daysLate: 3 },
    { id: 4, contactId: null, contactName: 'Chloé Dubois', text: 'Bon anniversaire Chloé', sentAt: '2025-05-05 09:00:00' },
    { id: 5, contactId: null, contactName: 'Jean O’Brien', text: 'Happy birthday again', sentAt: '2025-06-01T12:00:00+01:00' },
    { id: 6, contactId: null, contactName: 'Paul Smith', text: 'Happy birthday Paul', sentAt: '2025-04-04 09:00' },
    { id: 7, contactId: 1, contactName: 'Zoé Martin', text: 'Joyeux anniversaire (bis)', sentAt: '2025-03-14 18:00:00' },
    { id: 8, contactId: 5, contactName: 'Paul Smith', text: 'Happy birthday', sentAt: 'yesterday' },
    { id: 9, contactId: 4, contactName: 'Ana Ñúñez', text: '¡Feliz cumpleaños! 🥳', sentAt: '2024-07-01' },
  ],
  visits: [
    { id: 1, name: 'Zoé Martin', url: 'https://www.linkedin.com/in/zoe-martin', at: '2025-03-10T10:00:00', success: 1 },
    { id: 2, name: 'Zoé Martin', url: 'https://www.linkedin.com/in/zoe-martin/', at: '2025-03-10T15:00:00Z', success: 1 },
    { id: 3, name: 'Nouvelle Personne', url: 'https://www.linkedin.com/in/new-person?trk=search', at: '2025-03-11 09:30:00', success: 1 },
    { id: 4, name: 'Failed One', url: 'https://www.linkedin.com/in/failed-one', at: '2025-03-11 09:31:00', success: 0 },
  ],
  blacklist: [
    { name: 'Paul Smith', url: 'https://www.linkedin.com/in/paul-smith-1', active: 1 },
    { name: 'Someone Else', url: null, active: 0 },
  ],
  scraped: [
    { url: 'https://www.linkedin.com/in/zoe-martin', first: 'Zoé', last: 'Martin', full: 'Zoé Martin', headline: 'Data engineer', company: 'Acme', fit: 72.6 },
    { url: 'https://www.linkedin.com/in/scraped-only/', first: 'Léa', last: 'Petit', full: 'Léa Petit', headline: 'Designer', company: null, fit: 40 },
  ],
};

export function buildV1(path: string, content: V1Content = V1_FIXTURE): void {
  const db = new Database(path);
  db.exec(V1_SCHEMA);
  db.prepare("insert into schema_version (version, applied_at) values (4, '2024-01-01')").run();
  const tx = db.transaction(() => {
    const c = db.prepare('insert into contacts (id, name, linkedin_url, notes, created_at) values (?, ?, ?, ?, ?)');
    for (const x of content.contacts) c.run(x.id, x.name, x.url, x.notes ?? null, '2024-01-01 10:00:00');
    const m = db.prepare(
      'insert into birthday_messages (id, contact_id, contact_name, message_text, sent_at, is_late, days_late, script_mode) values (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const x of content.messages) m.run(x.id, x.contactId, x.contactName, x.text, x.sentAt, x.isLate ?? 0, x.daysLate ?? null, 'routine');
    const v = db.prepare('insert into profile_visits (id, profile_name, profile_url, visited_at, success) values (?, ?, ?, ?, ?)');
    for (const x of content.visits) v.run(x.id, x.name, x.url, x.at, x.success);
    const b = db.prepare('insert into blacklist (contact_name, linkedin_url, is_active) values (?, ?, ?)');
    for (const x of content.blacklist) b.run(x.name, x.url, x.active);
    const s = db.prepare(
      'insert into scraped_profiles (profile_url, first_name, last_name, full_name, headline, current_company, fit_score) values (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const x of content.scraped) s.run(x.url, x.first, x.last, x.full, x.headline, x.company, x.fit);
  });
  tx();
  db.close();
}

const APP_V2_SCHEMA = `
create table contacts (id integer primary key, name text not null, profile_url text unique not null, headline text, location text,
  open_to_work boolean, fit_score real, skills json, work_history json, birth_date date, last_birthday_message_at datetime,
  status text, created_at datetime, updated_at datetime);
create table interactions (id integer primary key, contact_id integer not null, type text, status text, payload json, created_at datetime);
create table birthday_messages (id integer primary key, contact_id integer, contact_name text, message_text text, sent_at text,
  is_late integer, days_late integer, script_mode text);
create table linkedin_selectors (id integer primary key, name text);
create table campaigns (id integer primary key, name text);
`;

/**
 * The app_v2 fixture, left in WAL mode with its rows only in the `-wal` file: the returned handle
 * keeps the writer open (closing would checkpoint them into the main file); close it after the test.
 */
export function buildAppV2(path: string): { close(): void } {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec(APP_V2_SCHEMA);
  const c = db.prepare('insert into contacts (id, name, profile_url, headline, fit_score, birth_date, status) values (?, ?, ?, ?, ?, ?, ?)');
  c.run(1, 'Émile Zola', 'https://www.linkedin.com/in/emile-zola/', 'Writer', 88.4, '1980-12-30', 'contacted');
  c.run(2, 'Marie Curie', 'https://fr.linkedin.com/in/marie-curie', null, null, null, 'blacklisted');
  c.run(3, 'Nina 🌸 Simone', 'http://linkedin.com/in/nina-simone?trk=foo', null, null, '1990-02-28', 'new');
  const i = db.prepare('insert into interactions (id, contact_id, type, status, payload, created_at) values (?, ?, ?, ?, ?, ?)');
  const p = (o: object) => JSON.stringify(o);
  i.run(1, 1, 'birthday_sent', 'success', p({ message_text: 'Bon anniversaire Émile !', contact_name: 'Émile Zola', is_late: true, migrated_from: 'birthday_messages', original_sent_at: '2025-01-02T09:00:00' }), '2025-03-01 00:00:00');
  i.run(2, 0, 'birthday_sent', 'success', p({ message: 'Joyeux anniversaire Nina 🌸', contact_name: 'Nina 🌸 Simone' }), '2025-03-01 10:00:00');
  i.run(3, 1, 'birthday_sent', 'success', p({ message: 'test', dry_run: true }), '2025-06-01');
  i.run(4, 1, 'birthday_sent', 'failed', p({ message: 'failed one' }), '2025-06-02 10:00:00');
  i.run(5, 1, 'visit', 'success', p({}), '2025-02-01T10:00:00.5+01:00');
  i.run(6, 2, 'profile_visit', 'success', p({}), '2025-02-01 11:00');
  i.run(7, 1, 'invitation_withdrawn', 'success', p({}), '2025-02-02 11:00');
  i.run(8, 0, 'birthday_sent', 'success', p({ message_text: 'Coucou', contact_name: 'Inconnu Total' }), '2025-04-01 08:00:00');
  db.prepare('insert into birthday_messages (id, contact_id, contact_name, message_text, sent_at, is_late, days_late) values (?, ?, ?, ?, ?, ?, ?)').run(
    1,
    1,
    'Émile Zola',
    'Bon anniversaire Émile !',
    '2025-01-02 09:00:00',
    1,
    3,
  );
  return { close: () => db.close() };
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
