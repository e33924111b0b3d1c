/** One figure a benchmark reports; ratios are computed against a baseline measured in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}
