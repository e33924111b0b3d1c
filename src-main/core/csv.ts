/** RFC 4180 field quoting; cells starting with = + - @ are prefixed so spreadsheets do not run them as formulas. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

export function toCsv<T extends Record<string, unknown>>(columns: (keyof T & string)[], rows: Iterable<T>): string {
  let out = csvLine(columns);
  for (const row of rows) out += csvLine(columns.map((c) => row[c]));
  return out;
}
