import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/app.js';
import { importLegacy } from '../../../src-main/core/store/legacy-import.js';
import type { Contact, Interaction } from '../../../src-shared/domain.js';
import { buildAppV2, buildV1, sha256 } from '../../helpers/legacy-db.js';

const roots: string[] = [];
let core: Core;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-legacy-test-'));
  roots.push(dir);
  core = await createCore({ dataDir: join(dir, 'data'), env: { RAPPORT_API_KEY: 'legacy-test-token-0123-padded-to-24-chars' } });
  await core.call('settings.update', { timeZone: 'Europe/Paris' });
});
afterEach(async () => {
  await core.stop();
});
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const contact = (url: string): Contact => core.ctx.store.contacts.getByProfileUrl(url)!;
const history = (url: string, type?: Interaction['type']) => core.ctx.store.interactions.forContact(contact(url).id, type);
const keys = (url: string) => history(url, 'birthday_message').map((i) => i.dedupeKey).sort();

/** Rapport's database as bytes on disk, its WAL folded in first. */
function rapportHash(): string {
  core.ctx.store.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return sha256(core.ctx.store.database.path);
}

describe('legacy import, v1 layout', () => {
  it('maps contacts, wishes, visits, blacklist and scraped profiles, counting every row', async () => {
    const file = join(dir, 'linkedin_automation.db');
    buildV1(file);
    const originalHash = sha256(file);
    // A contact Rapport already knows, without a last name: the import fills it in (merged), never duplicates it.
    core.ctx.store.contacts.upsert({ profileUrl: 'https://www.linkedin.com/in/jean-obrien/', fullName: "Jean O'Brien", firstName: 'Jean', source: 'birthday' });

    const preview = await core.call('legacy.import', { path: file, dryRun: true });
    const report = await core.call('legacy.import', { path: file });
    expect({ ...report, backup: null, dryRun: true }).toEqual({ ...preview, backup: null });
    expect(preview.backup).toBeNull();

    expect(report.layout).toBe('v1');
    expect(report.found).toEqual({ contacts: 6, scrapedProfiles: 2, blacklist: 1, birthdayMessages: 9, visits: 4 });
    expect(report.imported).toEqual({ contacts: 6, birthdayMessages: 5, profileVisits: 2 });
    expect(report.merged).toEqual({ contacts: 1, birthdayMessages: 1, profileVisits: 1 });
    expect(report.skipped).toEqual({ contact_without_profile_url: 1, message_bad_date: 1, visit_failed: 1 });
    expect(report.unmatchedCount).toBe(2);
    expect(report.unmatched.map((u) => [u.legacyId, u.contactName, u.reason])).toEqual([
      [4, 'Chloé Dubois', 'no_contact'],
      [6, 'Paul Smith', 'ambiguous_name'],
    ]);
    expect(report.backup && existsSync(report.backup)).toBe(true);
    // The backup is Rapport as it was just before the import: the one contact it knew.
    const backup = new Database(report.backup!, { readonly: true });
    expect((backup.prepare('select count(*) as n from contacts').get() as { n: number }).n).toBe(1);
    backup.close();
    expect(sha256(file)).toBe(originalHash);

    const zoe = contact('https://www.linkedin.com/in/zoe-martin/');
    expect(zoe).toMatchObject({ fullName: 'Zoé Martin', firstName: 'Zoé', lastName: 'Martin', headline: 'Data engineer', company: 'Acme', score: 73, notes: 'Met at PyCon 🎉', source: 'import', status: 'active' });
    const zoeWish = history(zoe.profileUrl, 'birthday_message');
    expect(zoeWish).toHaveLength(1);
    expect(zoeWish[0]).toMatchObject({ status: 'sent', dedupeKey: 'birthday:2025', occurredAt: '2025-03-14T07:02:11.000Z' });
    expect(zoeWish[0].payload.text).toBe('Joyeux anniversaire Zoé ! 🎂\nBelle journée');
    expect(history(zoe.profileUrl, 'profile_visit').map((v) => v.dedupeKey)).toEqual(['visit:2025-03-10']);

    // Jan 2 with days_late 3 belongs to the Dec 30 before; the curly-apostrophe name matches by name.
    expect(keys('https://www.linkedin.com/in/jean-obrien/')).toEqual(['birthday:2023', 'birthday:2024', 'birthday:2025']);
    expect(contact('https://www.linkedin.com/in/jean-obrien/')).toMatchObject({ lastName: "O'Brien", source: 'birthday' });
    expect(contact('https://www.linkedin.com/in/ana-%C3%B1u%C3%B1ez/')).toMatchObject({ fullName: 'Ana Ñúñez', firstName: 'Ana', lastName: 'Ñúñez' });
    expect(keys('https://www.linkedin.com/in/ana-%C3%B1u%C3%B1ez/')).toEqual(['birthday:2024']);
    expect(contact('https://www.linkedin.com/in/paul-smith-1/').status).toBe('blocked');
    expect(contact('https://www.linkedin.com/in/paul-smith-2/').status).toBe('active');
    expect(contact('https://www.linkedin.com/in/new-person/')).toMatchObject({ fullName: 'Nouvelle Personne' });
    expect(contact('https://www.linkedin.com/in/scraped-only/')).toMatchObject({ fullName: 'Léa Petit', score: 40 });
    expect(core.ctx.store.contacts.getByProfileUrl('https://www.linkedin.com/in/failed-one/')).toBeNull();

    const again = await core.call('legacy.import', { path: file });
    expect(again.imported).toEqual({ contacts: 0, birthdayMessages: 0, profileVisits: 0 });
    expect(again.merged).toEqual({ contacts: 0, birthdayMessages: 0, profileVisits: 0 });
    expect(again.skipped).toMatchObject({ contact_already_present: 7, message_already_imported: 6, visit_already_imported: 3 });
  });

  it('a dry run reports without changing a byte of Rapport’s database', async () => {
    const file = join(dir, 'v1.db');
    buildV1(file);
    const before = rapportHash();
    const preview = await core.call('legacy.import', { path: file, dryRun: true });
    expect(preview.imported.birthdayMessages).toBe(5);
    expect(rapportHash()).toBe(before);
  });
});

describe('legacy import, app_v2 layout in WAL mode', () => {
  it('reads rows that are only in the -wal file, skips dry runs and failures, merges the duplicated wish', async () => {
    const file = join(dir, 'app_v2.db');
    const writer = buildAppV2(file);
    try {
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
      const hashes = [sha256(file), sha256(`${file}-wal`)];
      const report = await core.call('legacy.import', { path: file });
      expect([sha256(file), sha256(`${file}-wal`)]).toEqual(hashes);
      expect(report.layout).toBe('app_v2');
      expect(report.found).toEqual({ contacts: 3, birthdayMessages: 6, visits: 2, otherInteractions: 1 });
      expect(report.imported).toEqual({ contacts: 3, birthdayMessages: 2, profileVisits: 2 });
      expect(report.merged).toEqual({ contacts: 0, birthdayMessages: 1, profileVisits: 0 });
      expect(report.skipped).toEqual({ unsupported_type: 1, message_dry_run: 1, message_not_sent: 1 });
      expect(report.unmatched).toEqual([{ table: 'interactions', legacyId: 8, contactName: 'Inconnu Total', sentAt: '2025-04-01 08:00:00', reason: 'no_contact' }]);

      const emile = contact('https://www.linkedin.com/in/emile-zola/');
      expect(emile).toMatchObject({ birthMonth: 12, birthDay: 30, score: 88, headline: 'Writer', firstName: 'Émile', lastName: 'Zola' });
      // No days_late in the payload: the contact's Dec 30 birthday places the Jan 2 wish in the year before.
      expect(keys(emile.profileUrl)).toEqual(['birthday:2024']);
      expect(contact('https://www.linkedin.com/in/marie-curie/').status).toBe('blocked');
      expect(keys('https://www.linkedin.com/in/nina-simone/')).toEqual(['birthday:2025']);
      expect(history('https://www.linkedin.com/in/nina-simone/')[0].payload.text).toBe('Joyeux anniversaire Nina 🌸');
      expect(history(emile.profileUrl, 'profile_visit').map((v) => v.occurredAt)).toEqual(['2025-02-01T09:00:00.500Z']);

      const again = await core.call('legacy.import', { path: file });
      expect(again.imported).toEqual({ contacts: 0, birthdayMessages: 0, profileVisits: 0 });
    } finally {
      writer.close();
    }
  });
});

describe('legacy import refuses what it cannot read, leaving Rapport untouched', () => {
  it('a corrupt file, a non-SQLite file and a database of something else each get their error', async () => {
    core.ctx.store.contacts.upsert({ profileUrl: 'https://www.linkedin.com/in/keep-me/', fullName: 'Keep Me', source: 'manual' });
    const before = rapportHash();

    const corrupt = join(dir, 'corrupt.db');
    buildV1(corrupt);
    const bytes = readFileSync(corrupt);
    bytes.fill(0x5a, 4096, bytes.length - 1024);
    writeFileSync(corrupt, bytes);
    await expect(core.call('legacy.import', { path: corrupt })).rejects.toMatchObject({ code: 'LEGACY_UNREADABLE', message: expect.stringContaining('damaged') });

    const text = join(dir, 'notes.db');
    writeFileSync(text, 'id,name\n1,Zoé\n'.repeat(100));
    await expect(core.call('legacy.import', { path: text })).rejects.toMatchObject({ code: 'LEGACY_UNREADABLE', message: expect.stringContaining('not a SQLite database') });

    const other = join(dir, 'other.db');
    const db = new Database(other);
    db.exec('create table contacts (id integer primary key, email text); create table invoices (id integer primary key, total real);');
    db.close();
    await expect(core.call('legacy.import', { path: other })).rejects.toMatchObject({
      code: 'LEGACY_UNSUPPORTED',
      message: expect.stringMatching(/tables contacts, invoices; contacts has columns id, email/),
    });

    await expect(core.call('legacy.import', { path: join(dir, 'missing.db') })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(rapportHash()).toBe(before);
    expect(existsSync(join(dir, 'data', 'backups')) ? readdirSync(join(dir, 'data', 'backups')) : []).toEqual([]);
  });

  it('an error inside the transaction rolls everything back', async () => {
    const file = join(dir, 'v1.db');
    buildV1(file);
    const before = rapportHash();
    expect(() =>
      importLegacy(core.ctx.store.database, {
        path: file,
        dryRun: false,
        timeZone: 'Europe/Paris',
        backupDir: join(dir, 'data', 'backups'),
        now: () => new Date(),
        beforeCommit: () => {
          throw new Error('disk full');
        },
      }),
    ).toThrow(/rolled back.*disk full/);
    expect(rapportHash()).toBe(before);
    expect(core.ctx.store.contacts.count()).toBe(0);
  });
});
