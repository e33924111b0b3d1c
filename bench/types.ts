/**
 * One row of the bench table. A product figure that has a baseline carries it here, measured in the
 * same run on the same machine; the table prints `ratio` (value / baseline unless given).
 */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
  /** The same figure for the baseline (same unit), measured in the same run. */
  baseline?: number;
  /** What the baseline is, e.g. "bare http.createServer". */
  baselineName?: string;
  /** Product / baseline; computed from `baseline` when left out. */
  ratio?: number;
}

/** A bench module: `bench/*.bench.ts` default-exports one of these. */
export type Bench = () => Promise<BenchResult[]>;

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
