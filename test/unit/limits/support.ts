import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { defaultSettings, type Settings } from '../../../src-shared/settings.js';
import type { QuotaDeps } from '../../../src-main/core/limits/types.js';
import { createMetrics, type Metrics } from '../../../src-main/core/metrics.js';
import { openDatabase, type OpenedDatabase } from '../../../src-main/core/store/db.js';

/** A clock tests move by hand. */
export class ManualClock {
  private t: number;
  constructor(start: string | Date) {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(at: string | Date): void {
    this.t = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface Harness {
  deps: QuotaDeps;
  clock: ManualClock;
  metrics: Metrics;
  database: OpenedDatabase;
  settings: Settings;
  dir: string;
  cleanup(): void;
}

export interface HarnessOptions {
  now?: string;
  timeZone?: string;
  limits?: Partial<Settings['limits']>;
  connectedAt?: Date | null;
  /** Reuse a database file (restart scenarios). */
  dbFile?: string;
}

/** Deps for the quota service over a fresh SQLite file; settings are a mutable object read on every call. */
export function harness(options: HarnessOptions = {}): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-limits-'));
  const database = openDatabase(options.dbFile ?? join(dir, 'x.db'));
  const settings = defaultSettings();
  settings.timeZone = options.timeZone ?? 'Europe/Paris';
  settings.limits = { ...settings.limits, warmup: false, ...options.limits };
  const clock = new ManualClock(options.now ?? '2026-11-26T10:00:00Z');
  const metrics = createMetrics();
  const connectedAt = options.connectedAt === undefined ? new Date('2020-01-01T00:00:00Z') : options.connectedAt;
  const deps: QuotaDeps = {
    sqlite: database.sqlite,
    settings: () => settings,
    clock,
    metrics,
    logger: pino({ enabled: false }),
    accountConnectedAt: () => connectedAt,
  };
  return {
    deps,
    clock,
    metrics,
    database,
    settings,
    dir,
    cleanup: () => {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Value of a gauge or counter series, or undefined when absent. */
export async function metricValue(metrics: Metrics, name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) return undefined;
  const data = await metric.get();
  const hit = data.values.find((v) => Object.entries(labels).every(([k, val]) => String(v.labels[k]) === val));
  return hit?.value;
}

export function ledgerRows(h: Harness): { quota: string; window_key: string; used: number }[] {
  return h.database.sqlite.prepare('select quota, window_key, used from quota_ledger order by quota, window_key').all() as {
    quota: string;
    window_key: string;
    used: number;
  }[];
}

/** Inserts a contact and an interaction (for reconciliation tests). */
export function addInteraction(h: Harness, type: 'birthday_message' | 'profile_visit', status: string, occurredAt: string): void {
  const now = new Date().toISOString();
  const contact = h.database.sqlite
    .prepare(`insert into contacts (profile_url, full_name, source, status, created_at, updated_at) values (?, 'X', 'manual', 'active', ?, ?)`)
    .run(`https://www.linkedin.com/in/${Math.random().toString(36).slice(2)}`, now, now);
  h.database.sqlite
    .prepare(`insert into interactions (contact_id, type, status, dedupe_key, payload, occurred_at) values (?, ?, ?, ?, '{}', ?)`)
    .run(contact.lastInsertRowid, type, status, `k-${Math.random()}`, occurredAt);
}
