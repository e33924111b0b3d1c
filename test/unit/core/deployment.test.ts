import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMetrics } from '../../../src-main/core/metrics.js';

function promtool(args: string[], input?: string) {
  const result = spawnSync('promtool', args, { cwd: 'deployment/prometheus', encoding: 'utf8', input });
  if (result.error) throw new Error(`promtool is needed (apt install prometheus): ${result.error.message}`);
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('deployment/', () => {
  it('the scrape config and alert rules pass promtool, and the alert unit tests pass', () => {
    const config = promtool(['check', 'config', 'prometheus.yml']);
    expect(config.code, config.output).toBe(0);
    const tests = promtool(['test', 'rules', 'rapport-alerts.test.yml']);
    expect(tests.code, tests.output).toBe(0);
  });

  it('every metric the rules and the dashboard use is one Rapport exports', async () => {
    const registry = createMetrics().registry;
    const exported = new Set((await registry.getMetricsAsJSON()).map((m) => m.name));
    const texts = [
      readFileSync('deployment/prometheus/rapport-alerts.yml', 'utf8'),
      ...(JSON.parse(readFileSync('deployment/grafana/rapport-dashboard.json', 'utf8')) as { panels: { targets: { expr: string }[] }[] }).panels.flatMap(
        (p) => p.targets.map((t) => t.expr),
      ),
    ];
    const used = new Set(texts.flatMap((t) => t.match(/\b[a-z_]+_(?:total|seconds|state|remaining|active|size)\b/g) ?? []));
    expect(used.size).toBeGreaterThan(5);
    for (const name of used) expect(exported.has(name.replace(/_bucket$/, '')), name).toBe(true);
  });

  it("Rapport's own metrics pass promtool's lint", async () => {
    const registry = createMetrics().registry;
    // prom-client's default process metrics carry lint findings of their own (TOOLCHAIN.md): lint ours.
    const blocks = (await registry.metrics()).split(/(?=^# HELP )/m);
    const ours = blocks.filter((b) => !/^# HELP (process_|nodejs_)/.test(b)).join('');
    expect(ours).toContain('# HELP birthday_messages_sent_total');
    const lint = promtool(['check', 'metrics'], ours.endsWith('\n') ? ours : ours + '\n');
    expect(lint.output.trim(), lint.output).toBe('');
  });
});
