import { describe, expect, it } from 'vitest';
import { ratioOf, renderTable } from '../../../bench/table.js';

describe('bench table', () => {
  it('prints every row of every bench in one table, with the same-run baseline and the ratio beside the figure', () => {
    const table = renderTable([
      { file: 'foundation.bench.ts', name: 'cold start to /ready', value: 420, unit: 'ms', baseline: 120, baselineName: 'bare http.createServer' },
      { file: 'limits.bench.ts', name: 'quota acquire, Redis store: throughput', value: 9000, unit: 'ops/s', baseline: 10000 },
      { file: 'panel.bench.ts', name: 'panel bundle size', value: 18.5, unit: 'kB' },
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(5); // header, rule, three rows
    expect(lines[2]).toMatch(/foundation \| cold start to \/ready +\| 420 ms +\| 120 ms \(bare http\.createServer\) +\| 3\.50× /);
    expect(lines[3]).toMatch(/\| 9000 ops\/s +\| 10000 ops\/s +\| 0\.900× /);
    expect(lines[4]).toMatch(/panel +\| panel bundle size +\| 18\.50 kB +\| +\| +\|/);
  });

  it('uses a ratio a bench gives, and none without a baseline', () => {
    expect(ratioOf({ name: 'x', value: 2, unit: 'ms', baseline: 4, ratio: 0.25 })).toBe(0.25);
    expect(ratioOf({ name: 'x', value: 2, unit: 'ms', baseline: 4 })).toBe(0.5);
    expect(ratioOf({ name: 'x', value: 2, unit: 'ms' })).toBeUndefined();
  });
});
