import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { createMetrics } from '../../../src-main/core/metrics.js';

const PROMQL_WORDS = new Set([
  'sum', 'min', 'max', 'avg', 'count', 'rate', 'irate', 'increase', 'delta', 'time', 'histogram_quantile', 'and', 'or', 'unless',
  'bool', 'offset', 'abs', 'absent', 'clamp_min', 'clamp_max', 'topk', 'bottomk', 'vector', 'scalar', 'label_replace', 'hour',
]);

/** Metric names in a PromQL expression: label matchers, grouping clauses, ranges and strings removed first. */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"[^"]*"/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  return (bare.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? []).filter((t) => !PROMQL_WORDS.has(t));
}

/** A histogram's `_bucket`/`_count`/`_sum` series belong to its family. */
const familyOf = (name: string) => name.replace(/_(bucket|count|sum)$/, '');

async function exportedNames(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const m of await createMetrics().registry.getMetricsAsJSON()) {
    names.add(m.name);
    if (String(m.type) === 'histogram') for (const s of ['_bucket', '_count', '_sum']) names.add(m.name + s);
  }
  return names;
}

function alertRules(): { alert: string; expr: string }[] {
  const doc = load(readFileSync('deployment/prometheus/rapport-alerts.yml', 'utf8')) as { groups: { rules: { alert: string; expr: string }[] }[] };
  return doc.groups.flatMap((g) => g.rules);
}

function dashboardExprs(): string[] {
  const doc = JSON.parse(readFileSync('deployment/grafana/rapport-dashboard.json', 'utf8')) as { panels: { targets: { expr: string }[] }[] };
  return doc.panels.flatMap((p) => p.targets.map((t) => t.expr));
}

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
    const exported = await exportedNames();
    // `up` is Prometheus's own series about the scrape.
    const used = new Set([...alertRules().map((r) => r.expr), ...dashboardExprs()].flatMap(metricNamesIn).filter((n) => n !== 'up'));
    expect(used.size).toBeGreaterThan(15);
    for (const name of used) expect(exported.has(name), name).toBe(true);
  });

  it('the dashboard has a panel for every family Rapport exports', async () => {
    const used = new Set(dashboardExprs().flatMap(metricNamesIn).map(familyOf));
    const families = [...(await exportedNames())].map(familyOf).filter((n) => !/^(process_|nodejs_)/.test(n));
    for (const family of new Set(families)) expect(used.has(family), `no panel shows ${family}`).toBe(true);
  });

  it('every alert has a unit test where it fires and one where it does not', () => {
    const tests = (load(readFileSync('deployment/prometheus/rapport-alerts.test.yml', 'utf8')) as {
      tests: { alert_rule_test?: { alertname: string; exp_alerts: unknown[] }[] }[];
    }).tests.flatMap((t) => t.alert_rule_test ?? []);
    for (const { alert } of alertRules()) {
      const cases = tests.filter((t) => t.alertname === alert);
      expect(cases.some((c) => c.exp_alerts.length > 0), `${alert} never fires in the tests`).toBe(true);
      expect(cases.some((c) => c.exp_alerts.length === 0), `${alert} is never shown quiet in the tests`).toBe(true);
    }
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
