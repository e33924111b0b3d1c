import { stringify } from 'csv-stringify/sync';
import type { ContactsFilter } from '../../src-shared/contract.js';
import type { Contact } from '../../src-shared/domain.js';
import type { ContactsRepository } from './store/contacts-repo.js';

export const CONTACT_CSV_COLUMNS: (keyof Contact & string)[] = [
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
  'notes',
  'createdAt',
  'updatedAt',
  'lastSeenAt',
];

/** Spreadsheets run cells starting with = + - @ as formulas; a leading quote keeps them text. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The contacts matching the Contacts page's filter as CSV (RFC 4180, CRLF), in the filter's order. */
export function contactsCsv(repo: ContactsRepository, filter: ContactsFilter): string {
  const rows: string[][] = [];
  for (const contact of repo.iterateFiltered(filter)) rows.push(CONTACT_CSV_COLUMNS.map((c) => cell(contact[c])));
  return stringify(rows, { header: true, columns: CONTACT_CSV_COLUMNS, record_delimiter: 'windows' });
}
