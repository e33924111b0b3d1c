import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contactsQuerySchema } from '../../../src-shared/contract.js';
import { openDatabase, type OpenedDatabase } from '../../../src-main/core/store/db.js';
import { createStore, type Store } from '../../../src-main/core/store/index.js';
import { seedContacts } from '../../helpers/contacts.js';

const N = 100_000;
let dir: string;
let opened: OpenedDatabase;
let store: Store;
const q = (input: Record<string, unknown>) => store.contacts.list(contactsQuerySchema.parse(input));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-contacts-'));
  opened = openDatabase(join(dir, 'r.db'));
  store = createStore(opened, () => new Date('2026-11-26T10:00:00Z'));
  seedContacts(opened.sqlite, N);
});
afterAll(() => {
  opened.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('contacts repository on 100,000 contacts', () => {
  it('pages through everything with a stable total and no overlap', () => {
    const first = q({ pageSize: 500 });
    expect(first.total).toBe(N);
    expect(first.items).toHaveLength(500);
    const second = q({ pageSize: 500, page: 2 });
    const ids = new Set(first.items.map((c) => c.id));
    expect(second.items.some((c) => ids.has(c.id))).toBe(false);
    const last = q({ pageSize: 500, page: N / 500 });
    expect(last.items).toHaveLength(500);
    expect(q({ pageSize: 500, page: N / 500 + 1 }).items).toHaveLength(0);
  });

  it('sorts by name, creation date and score', () => {
    const byName = q({ sort: 'name', pageSize: 200 }).items.map((c) => c.fullName);
    expect(byName).toEqual([...byName].sort());
    const newest = q({ sort: '-created', pageSize: 3 }).items;
    expect(newest[0].publicId).toBe(`person-${N - 1}`);
    expect(newest[0].createdAt > newest[1].createdAt).toBe(true);
    const best = q({ sort: '-score', pageSize: 50 }).items.map((c) => c.score);
    expect(best[0]).toBe(100);
    expect(best).toEqual([...best].sort((a, b) => (b ?? -1) - (a ?? -1)));
  });

  it('filters by status, source, month and minimum score, and combines them', () => {
    const blocked = q({ status: 'blocked', pageSize: 100 });
    expect(blocked.total).toBe(N / 5);
    expect(blocked.items.every((c) => c.status === 'blocked')).toBe(true);
    const searched = q({ source: 'search', status: 'active', pageSize: 100 });
    expect(searched.items.every((c) => c.source === 'search' && c.status === 'active')).toBe(true);
    expect(searched.total).toBeGreaterThan(0);
    expect(q({ birthMonth: 3, pageSize: 10 }).items.every((c) => c.birthMonth === 3)).toBe(true);
    const good = q({ minScore: 90, pageSize: 500 });
    expect(good.total).toBeGreaterThan(0);
    expect(good.items.every((c) => (c.score ?? -1) >= 90)).toBe(true);
  });

  it('searches text in name, headline, company and location, case-insensitively', () => {
    const thierry = q({ query: 'thierry', pageSize: 20 });
    expect(thierry.total).toBe(N / 10);
    expect(thierry.items.every((c) => c.fullName.startsWith('Thierry'))).toBe(true);
    const engineers = q({ query: 'DATA ENGINEER', pageSize: 5 });
    expect(engineers.total).toBe(Math.ceil(N / 7));
    expect(q({ query: 'Montréal', pageSize: 1 }).total).toBe(N / 5);
    expect(q({ query: 'Globex', status: 'blocked', pageSize: 1 }).total).toBeGreaterThan(0);
  });

  it('treats LIKE wildcards in the query as plain text', () => {
    expect(q({ query: '%', pageSize: 1 }).total).toBe(0);
    expect(q({ query: '_', pageSize: 1 }).total).toBe(0);
  });

  it('upsert by profile URL updates the one row and keeps fields a sparse card does not carry', () => {
    const before = store.contacts.getByProfileUrl('https://www.linkedin.com/in/person-7/')!;
    const after = store.contacts.upsert({
      profileUrl: 'https://www.linkedin.com/in/person-7/',
      fullName: 'Jane Doe 7',
      source: 'birthday',
      birthMonth: 12,
      birthDay: 31,
    });
    expect(after.id).toBe(before.id);
    expect(after.headline).toBe(before.headline);
    expect(after.birthMonth).toBe(12);
    expect(after.source).toBe(before.source);
    expect(store.contacts.count()).toBe(N);
  });

  it('erases a contact with its interactions', () => {
    const c = store.contacts.getByProfileUrl('https://www.linkedin.com/in/person-8/')!;
    store.interactions.create({ contactId: c.id, runId: null, type: 'profile_visit', status: 'sent', dedupeKey: 'v:1', payload: {} });
    store.contacts.erase(c.id);
    expect(store.contacts.get(c.id)).toBeNull();
    expect(store.interactions.forContact(c.id)).toEqual([]);
    expect(() => store.contacts.erase(c.id)).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('refuses a second sent or pending interaction with the same dedupe key', () => {
    const c = store.contacts.getByProfileUrl('https://www.linkedin.com/in/person-9/')!;
    const base = { contactId: c.id, runId: null, type: 'birthday_message' as const, dedupeKey: 'birthday:2026', payload: {} };
    expect(store.interactions.tryCreate({ ...base, status: 'pending' })).not.toBeNull();
    expect(store.interactions.tryCreate({ ...base, status: 'sent' })).toBeNull();
    expect(store.interactions.tryCreate({ ...base, status: 'failed' })).not.toBeNull();
  });
});
