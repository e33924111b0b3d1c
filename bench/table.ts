import type { BenchResult } from './types.js';

export interface TableRow extends BenchResult {
  /** The bench file the row came from (its group in the table). */
  file: string;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(3);
}

export function ratioOf(row: BenchResult): number | undefined {
  if (row.ratio !== undefined) return row.ratio;
  if (row.baseline === undefined || row.baseline === 0) return undefined;
  return row.value / row.baseline;
}

/** Every row of every bench in one Markdown table: figure, value, baseline, ratio, note. */
export function renderTable(rows: TableRow[]): string {
  const cells = rows.map((r) => {
    const ratio = ratioOf(r);
    return [
      r.file.replace(/\.bench\.ts$/, ''),
      r.name,
      `${formatNumber(r.value)} ${r.unit}`,
      r.baseline === undefined ? '' : `${formatNumber(r.baseline)} ${r.unit}${r.baselineName ? ` (${r.baselineName})` : ''}`,
      ratio === undefined ? '' : `${formatNumber(ratio)}×`,
      r.note ?? '',
    ];
  });
  const header = ['bench', 'figure', 'value', 'baseline (same run)', 'ratio', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
