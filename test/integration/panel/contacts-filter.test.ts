import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactsFilterSchema, contactsQuerySchema } from '../../../src-shared/contract.js';
import { contactsCsv } from '../../../src-main/core/exports.js';
import { openDatabase, type OpenedDatabase } from '../../../src-main/core/store/db.js';
import { createStore, type Store } from '../../../src-main/core/store/index.js';
import { scrubSecrets } from '../../../src-main/core/tools/diagnostics-files.js';
import { seedContacts } from '../../helpers/contacts.js';

const NOW = new Date('2026-11-26T10:00:00Z');
let dir: string;
let opened: OpenedDatabase;
let store: Store;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-filter-'));
  opened = openDatabase(join(dir, 'r.db'));
  store = createStore(opened, () => NOW);
  seedContacts(opened.sqlite, 300);
  const visit = (contactId: number, daysAgo: number) =>
    store.interactions.tryCreate({
      contactId,
      runId: null,
      type: 'profile_visit',
      status: 'sent',
      dedupeKey: `d${daysAgo}`,
      payload: {},
      occurredAt: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
    } as never);
  visit(1, 2);
  visit(2, 20);
  visit(3, 200);
});
afterAll(() => {
  opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (input: Record<string, unknown>) => store.contacts.list(contactsQuerySchema.parse({ pageSize: 500, sort: 'created', ...input })).items.map((c) => c.id);

describe('the Contacts page filter in SQL', () => {
  it('filters by last interaction: within a week, a month, a year, or never', () => {
    expect(ids({ lastInteraction: 'week' })).toEqual([1]);
    expect(ids({ lastInteraction: 'month' })).toEqual([1, 2]);
    expect(ids({ lastInteraction: 'year' })).toEqual([1, 2, 3]);
    const never = ids({ lastInteraction: 'never' });
    expect(never).toHaveLength(297);
    expect(never).not.toContain(1);
  });

  it('exports exactly the filtered rows, in the filter’s order, as CSV with formulas neutralised', () => {
    const filter = contactsFilterSchema.parse({ status: 'blocked', query: 'Montr', sort: '-name' });
    const rows = parse([...contactsCsv(store, filter)].join(''), { columns: true, bom: true }) as Array<{ id: string }>;
    const expected = store.contacts.list(contactsQuerySchema.parse({ ...filter, pageSize: 500 })).items.map((c) => String(c.id));
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id)).toEqual(expected);
    store.contacts.update(Number(expected[0]), { notes: '=HYPERLINK("http://evil")' });
    const again = parse([...contactsCsv(store, filter)].join(''), { columns: true, bom: true }) as Array<{ id: string; notes: string }>;
    expect(again[0]!.notes).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('takes the API token, Redis passwords and LinkedIn cookies out of a diagnostics bundle', () => {
    const token = 'tok-1234567890abcdef';
    const text = `{"msg":"x","key":"${token}"} redis://user:s3cret@host:6379 {"name":"li_at","value":"AQEDAT"} {"password":"hunter22"}`;
    const out = scrubSecrets(text, [token]);
    expect(out).not.toContain(token);
    expect(out).not.toContain('s3cret');
    expect(out).not.toContain('hunter22');
    expect(out).toContain('redis://user:[redacted]@host:6379');
  });
});
