import { stringify } from 'csv-stringify/sync';

/** Spreadsheets need the byte-order mark to read UTF-8 (accents, emoji) correctly. */
export const UTF8_BOM = '\uFEFF';

/**
 * RFC 4180 CSV in chunks, so a large export streams instead of sitting in memory. Cells starting
 * with = + - @ tab or CR get a leading ' (csv-stringify's `escape_formulas`) so no spreadsheet runs
 * them as formulas; objects are written as JSON.
 */
export function* csvChunks<T extends Record<string, unknown>>(
  columns: readonly (keyof T & string)[],
  rows: Iterable<T>,
  batch = 500,
): Generator<string> {
  const options = {
    columns: columns as string[],
    escape_formulas: true,
    record_delimiter: 'windows' as const,
    cast: { boolean: (v: boolean) => (v ? 'true' : 'false'), object: (v: object) => JSON.stringify(v) },
  };
  yield UTF8_BOM + stringify([], { ...options, header: true });
  let pending: T[] = [];
  for (const row of rows) {
    pending.push(row);
    if (pending.length >= batch) {
      yield stringify(pending, options);
      pending = [];
    }
  }
  if (pending.length) yield stringify(pending, options);
}

export function toCsv<T extends Record<string, unknown>>(columns: readonly (keyof T & string)[], rows: Iterable<T>): string {
  return [...csvChunks(columns, rows)].join('');
}
