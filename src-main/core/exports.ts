import type { ContactsExportQuery, InteractionsExportQuery } from '../../src-shared/contract.js';
import type { Contact } from '../../src-shared/domain.js';
import { csvChunks } from './csv.js';
import type { Store } from './store/index.js';
import type { InteractionWithContact } from './store/interactions-repo.js';

/** Every stored field, so an export re-imports without loss. */
export const CONTACT_EXPORT_COLUMNS = [
  'id',
  'profileUrl',
  'publicId',
  'fullName',
  'firstName',
  'lastName',
  'headline',
  'location',
  'company',
  'birthMonth',
  'birthDay',
  'source',
  'status',
  'score',
  'scoreBreakdown',
  'notes',
  'createdAt',
  'updatedAt',
  'lastSeenAt',
] as const satisfies readonly (keyof Contact)[];

type InteractionExportRow = Record<string, unknown>;
const INTERACTION_EXPORT_COLUMNS = ['id', 'occurredAt', 'type', 'status', 'contactId', 'fullName', 'profileUrl', 'dedupeKey', 'runId', 'text', 'payload'];

const PAGE = 500;

/** Pages through the repository's own filter (the Contacts page's), so the export lists what the page shows. */
function* filteredContacts(store: Store, filter: ContactsExportQuery): Generator<Contact> {
  for (let page = 1; ; page++) {
    const { items, total } = store.contacts.list({ ...filter, page, pageSize: PAGE });
    yield* items;
    if (items.length < PAGE || page * PAGE >= total) return;
  }
}

export function contactsCsv(store: Store, filter: ContactsExportQuery): Generator<string> {
  return csvChunks(CONTACT_EXPORT_COLUMNS, filteredContacts(store, filter));
}

function* interactionRows(rows: Iterable<InteractionWithContact>): Generator<InteractionExportRow> {
  for (const row of rows) {
    const { text, ...rest } = row.payload;
    yield { ...row, text: typeof text === 'string' ? text : null, payload: rest };
  }
}

export function interactionsCsv(store: Store, filter: InteractionsExportQuery): Generator<string> {
  return csvChunks(INTERACTION_EXPORT_COLUMNS, interactionRows(store.interactions.iterateForExport(filter)));
}
