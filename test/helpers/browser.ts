/** A hand-built CoreContext (temp data dir, simulator base URL, pacing off) for browser tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll } from 'vitest';
import type { BrowserEngine, LinkedIn } from '../../src-main/core/browser/index.js';
import { ensureDirs, pathsFor } from '../../src-main/core/config.js';
import type { CoreContext } from '../../src-main/core/context.js';
import { EventBus } from '../../src-main/core/events.js';
import type { QuotaService } from '../../src-main/core/limits/types.js';
import { createMetrics } from '../../src-main/core/metrics.js';
import { createFileSecretStore } from '../../src-main/core/secrets.js';
import { SettingsService } from '../../src-main/core/settings-service.js';
import { openDatabase } from '../../src-main/core/store/db.js';
import { createStore } from '../../src-main/core/store/index.js';
import { realSleep, seededRng, systemClock, type Clock } from '../../src-main/core/util/runtime.js';

export { linkedInStorageState, TEST_ENGINE_OPTIONS } from './linkedin-session.js';

export interface TestContext {
  ctx: CoreContext;
  dataDir: string;
  /** Closes the database and removes the data dir. */
  dispose(): void;
}

export interface TestContextOptions {
  baseUrl?: string;
  env?: Record<string, string>;
  clock?: Clock;
  /**
   * Browser profile directory to use instead of a fresh one in the data dir. Tests in one file can
   * share one (they run one after the other): Chromium starts faster on a profile it already made.
   */
  browserProfile?: string;
}

export function createTestContext(options: TestContextOptions = {}): TestContext {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-browser-'));
  const paths = { ...pathsFor(dataDir), ...(options.browserProfile ? { browserProfile: options.browserProfile } : {}) };
  ensureDirs(paths);
  const clock = options.clock ?? systemClock;
  const database = openDatabase(paths.database, { backupDir: paths.backups, now: () => clock.now() });
  const store = createStore(database, () => clock.now());
  const env: Record<string, string> = {
    RAPPORT_PACING_SCALE: '0',
    ...(options.baseUrl ? { RAPPORT_LINKEDIN_BASE_URL: options.baseUrl } : {}),
    ...options.env,
  };
  const ctx: CoreContext = {
    version: '0.0.0-test',
    paths,
    env,
    settings: new SettingsService(store.settings, env),
    logger: pino({ enabled: false }),
    metrics: createMetrics(),
    events: new EventBus(),
    store,
    quotas: {} as unknown as QuotaService,
    secrets: createFileSecretStore(join(dataDir, 'secrets'), paths.secretKeyFile),
    clock,
    rng: seededRng(1),
    sleep: realSleep,
  };
  return {
    ctx,
    dataDir,
    dispose() {
      database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser profile directory shared by the tests of one file; removed after the file. */
export function sharedBrowserProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-profile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Counter value of a labelled metric (prom-client). */
export async function metricValue(ctx: CoreContext, name: 'guardStops' | 'selectorFallbacks', labels: Record<string, string>): Promise<number> {
  const metric = await ctx.metrics[name].get();
  const match = metric.values.find((v) => Object.entries(labels).every(([k, val]) => (v.labels as Record<string, unknown>)[k] === val));
  return match?.value ?? 0;
}

/**
 * Keeps one `withLinkedIn` session open across several tests (one browser per describe block):
 * resolves with the LinkedIn object once launched; `close()` ends the session and waits for the
 * browser to be gone.
 */
export interface OpenSession {
  li: LinkedIn;
  close(): Promise<void>;
}

export async function openSession(engine: BrowserEngine, signal: AbortSignal = new AbortController().signal): Promise<OpenSession> {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  let ready: (li: LinkedIn) => void = () => {};
  const opened = new Promise<LinkedIn>((r) => (ready = r));
  const done = engine.withLinkedIn(signal, async (li) => {
    ready(li);
    await held;
  });
  const li = await Promise.race([opened, done.then(() => Promise.reject(new Error('session ended before it opened')))]);
  return {
    li,
    async close() {
      release();
      await done;
    },
  };
}
