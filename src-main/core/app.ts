import {
  contract,
  OPERATION_NAMES,
  type Handlers,
  type OperationName,
  type OpOutput,
} from '../../src-shared/contract.js';
import { parseOrThrow, RapportError } from '../../src-shared/errors.js';
import { ensureDirs, pathsFor, readPackageVersion, resolveApiKey, resolveDataDir, rotateApiKey } from './config.js';
import type { CoreContext, PartialHandlers, SecretStore } from './context.js';
import { EventBus } from './events.js';
import { createQuotaService } from './limits/index.js';
import { closeLogger, createLogger, type Logger } from './log.js';
import { LogFeed } from './log-feed.js';
import { activityHandlers } from './activity-handlers.js';
import { createMetrics } from './metrics.js';
import { createFileSecretStore } from './secrets.js';
import { startServer, type RunningServer } from './server/http.js';
import { SettingsService } from './settings-service.js';
import { coreHandlers } from './handlers.js';
import { openDatabase, pendingMigrations } from './store/db.js';
import { createStore } from './store/index.js';
import { instrumentDatabase } from './store/instrument.js';
import { realSleep, seededRng, systemClock, type Clock, type Rng, type Sleep } from './util/runtime.js';
import { createExtensions, type ExtensionOptions, type Extensions } from './extensions.js';
import { cronProblem } from './schedule/scheduler.js';
import { notificationHandlers } from './notifications/handlers.js';
import { NotificationService, type NotificationOptions } from './notifications/service.js';
import { readDiagnosticFile, writeDiagnosticsBundle } from './tools/diagnostics-files.js';
import type { Settings } from '../../src-shared/settings.js';
import { alreadyRunningError, liveHolder, removeHostInfo, tryAcquireDataLock, writeHostInfo, type DataLock, type LockRole } from './data-lock.js';
import { adoptLegacyDataDir } from './legacy-data-dir.js';
import { StatusPublisher } from './status-publisher.js';

export interface CoreOptions {
  /** Data directory; `RAPPORT_DATA_DIR` wins, then this, then the XDG data dir. */
  dataDir?: string;
  env?: Record<string, string | undefined>;
  clock?: Clock;
  rng?: Rng;
  sleep?: Sleep;
  /** The Electron shell passes its safeStorage store; the core's AES-GCM file box otherwise. */
  secrets?: SecretStore;
  logToStderr?: boolean;
  logger?: Logger;
  /** better-sqlite3's compiled addon to load instead of its own build (the Electron shell in development). */
  sqliteBinding?: string;
  /** Browser engine options (tests) and whether to start the schedule's timers (the app does). */
  extensions?: ExtensionOptions;
  /** Delivery timing of notifications (tests shorten the backoff). */
  notifications?: NotificationOptions;
  /**
   * `owner` (default) takes the data folder's lock and fails with ALREADY_RUNNING when another live
   * process holds it; `reader` opens the database read-only beside that owner: no recovery, no
   * migration, no schedule, no browser.
   */
  access?: 'owner' | 'reader';
  /** Who the lock names as its holder, for the message another process shows. */
  lockRole?: LockRole;
  /** The Electron user-data folder of earlier versions: a database found there is moved in once, with a backup. */
  legacyDataDir?: string;
}

/** Checks the schema cannot make alone: cron expressions (the saved searches' own too) must parse. */
function scheduleIssues(s: Settings): { field: string; reason: string }[] {
  const expressions: [string, string | null][] = [
    ...(['birthday', 'sourcing'] as const).map((kind): [string, string | null] => [`schedule.${kind}`, s.schedule[kind]]),
    ...s.sourcing.searches.map((search, i): [string, string | null] => [`sourcing.searches.${i}.schedule`, search.schedule ?? null]),
  ];
  return expressions.flatMap(([field, expression]) => {
    const problem = cronProblem(expression);
    return problem ? [{ field, reason: problem }] : [];
  });
}

export interface ServeOptions {
  host?: string;
  port?: number;
  /** Directory of the built control panel, served at `/` (headless mode). */
  staticDir?: string;
}

export interface Core {
  ctx: CoreContext;
  /** The data folder's lock, held until `stop()`; null for a reader. */
  dataLock: DataLock | null;
  extensions: Extensions;
  notifications: NotificationService;
  api: Handlers;
  apiKey: string;
  apiKeySource: 'env' | 'file';
  events: EventBus;
  /** Recent log lines (info and above, redacted) for the panel; each also goes out as a `log.line` event. */
  logs: LogFeed;
  /** Validates the input against the contract, runs the handler, validates the output. */
  call<N extends OperationName>(name: N, input: unknown): Promise<OpOutput<N>>;
  serve(options?: ServeOptions): Promise<RunningServer>;
  stop(): Promise<void>;
}

async function joinChunks(chunks: Iterable<string> | AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

function notImplemented(name: string) {
  return async () => {
    throw new RapportError('NOT_IMPLEMENTED', `${name} is not available yet in this version.`);
  };
}

/** The composition root: builds every service once, wires them, hands them down. Never imports electron. */
export async function createCore(options: CoreOptions = {}): Promise<Core> {
  const env = options.env ?? process.env;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const paths = pathsFor(resolveDataDir(env, options.dataDir));
  ensureDirs(paths);
  const version = readPackageVersion();

  const reader = options.access === 'reader';
  let dataLock: DataLock | null = null;
  let readerOf: RapportError | undefined;
  if (reader) {
    const holder = liveHolder(paths.dataDir);
    readerOf = holder
      ? alreadyRunningError(paths.dataDir, holder, 'Opening the browser')
      : new RapportError('ALREADY_RUNNING', 'This command only reads the data folder; it cannot open the browser.');
  } else {
    const attempt = tryAcquireDataLock(paths.dataDir, options.lockRole ?? 'cli', now());
    if (!attempt.acquired) throw alreadyRunningError(paths.dataDir, attempt.holder);
    dataLock = attempt.lock;
  }

  let database: ReturnType<typeof openDatabase>;
  let apiKey: ReturnType<typeof resolveApiKey>;
  try {
    if (options.legacyDataDir && dataLock) adoptLegacyDataDir(options.legacyDataDir, paths, now());
    // After adopting an earlier folder (its token comes along) and before the database opens: a refused
    // token releases the lock below and leaves no handle behind.
    apiKey = resolveApiKey(env, paths);
    database = openDatabase(paths.database, { backupDir: paths.backups, now, readonly: reader, nativeBinding: options.sqliteBinding });
  } catch (e) {
    dataLock?.release();
    throw e;
  }
  const store = createStore(database, now);
  let settings: SettingsService;
  try {
    settings = new SettingsService(store.settings, env, [scheduleIssues]);
  } catch (e) {
    database.close();
    dataLock?.release();
    throw e;
  }
  const logs = new LogFeed();
  const logger =
    options.logger ??
    createLogger({ level: settings.get().log.level, dir: paths.logs, stderr: options.logToStderr ?? false, feed: logs.stream });
  if (database.backupPath) logger.info({ backup: database.backupPath }, 'database backed up before migrating');
  const metrics = createMetrics(settings.get().metrics.prefix);
  instrumentDatabase(database.sqlite, metrics);
  const events = new EventBus();
  logs.onLine((line) => events.emit('log.line', line));
  const secrets = options.secrets ?? createFileSecretStore(paths.secrets, paths.secretKeyFile);
  const accountConnectedAt = () => {
    const account = store.appState.get<{ connectedAt?: string | null }>('account');
    return account?.connectedAt ? new Date(account.connectedAt) : null;
  };
  const quotas = await createQuotaService({
    sqlite: database.sqlite,
    settings: () => settings.get(),
    clock,
    metrics,
    logger: logger.child({ component: 'limits' }),
    accountConnectedAt,
    readOnly: reader,
  });

  const ctx: CoreContext = {
    version,
    paths,
    env,
    settings,
    logger,
    metrics,
    events,
    store,
    quotas,
    secrets,
    clock,
    rng: options.rng ?? seededRng(Number(env.RAPPORT_SEED ?? Date.now() % 2 ** 31)),
    sleep: options.sleep ?? realSleep,
    readOnly: reader,
  };

  const extensions = await createExtensions(ctx, { ...options.extensions, readerOf });
  const notifications = new NotificationService(
    ctx,
    options.notifications,
    () => extensions.scheduler.view().jobs.find((j) => j.kind === 'birthday')?.nextRunAt ?? null,
  );
  const servers: RunningServer[] = [];
  const tokenHandlers: PartialHandlers = {
    'token.get': async () => ({ token: apiKey.key, source: apiKey.source }),
    'token.rotate': async () => {
      apiKey.key = rotateApiKey(paths);
      for (const server of servers) server.endEventStreams();
      logger.info('API token rotated');
      return { token: apiKey.key, source: apiKey.source };
    },
    'diagnostics.bundle': async () => writeDiagnosticsBundle(ctx, apiKey.key),
    'diagnostics.file': async ({ name, kind }) => readDiagnosticFile(ctx, name, kind),
    // Loaded when asked: the browser test brings playwright-core, which an idle app does not need.
    'settings.testRedis': async ({ url }) => (await import('./tools/connection-tests.js')).testRedis(ctx, url),
    'settings.testBrowser': async ({ executablePath }) => (await import('./tools/connection-tests.js')).testBrowser(ctx, executablePath),
  };
  const provided: PartialHandlers = {
    ...coreHandlers(ctx, extensions),
    ...extensions.handlers,
    ...activityHandlers(ctx, logs),
    ...notificationHandlers(notifications, store),
    ...tokenHandlers,
  };
  const api = Object.fromEntries(
    OPERATION_NAMES.map((name) => [name, provided[name] ?? notImplemented(name)]),
  ) as unknown as Handlers;

  // A finished run may be notifiable (action needed, failed, finished, quota): queued, never awaited.
  extensions.runner.onFinished((run) => notifications.onRunFinished(run));
  notifications.start({ dailySummary: options.extensions?.schedule ?? false });

  // status.changed on every change: runs (start, progress, waits, end), the account and pause state
  // (app_state), saved settings (which also move the schedule) and quota spending.
  const publisher = new StatusPublisher(() => call('status.get', {}), (status) => events.emit('status.changed', status), logger);
  const poke = () => publisher.poke();
  const unsubscribe = [
    events.on('run.progress', poke),
    events.on('run.finished', poke),
    store.appState.onChange(poke),
    settings.onChange(poke),
  ];
  const acquire = quotas.acquire.bind(quotas);
  const release = quotas.release.bind(quotas);
  quotas.acquire = async (quota, n) => {
    const grant = await acquire(quota, n);
    poke();
    return grant;
  };
  quotas.release = async (quota, n) => {
    await release(quota, n);
    poke();
  };

  const localHour = (timeZone: string) =>
    Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(clock.now()));
  const epoch = (iso: string | null) => (iso ? Math.floor(Date.parse(iso) / 1000) : null);
  Object.assign(metrics.probes, {
    scheduleEnabled: () => {
      const view = extensions.scheduler.view();
      const on = (kind: 'birthday' | 'sourcing') =>
        !view.paused && view.jobs.some((j) => j.kind === kind && j.nextRunAt !== null) && (kind !== 'birthday' || settings.get().birthday.enabled);
      return { birthday: on('birthday'), sourcing: on('sourcing') };
    },
    lastSuccess: () => ({ birthday: epoch(store.runs.lastSucceededAt('birthday')), sourcing: epoch(store.runs.lastSucceededAt('sourcing')) }),
    localHour: () => localHour(settings.get().timeZone),
  } satisfies typeof metrics.probes);


  let stopped = false;

  const call = async <N extends OperationName>(name: N, input: unknown): Promise<OpOutput<N>> => {
    const entry = contract[name];
    if (!entry) throw new RapportError('NOT_FOUND', `Unknown operation ${String(name)}.`);
    const parsed = parseOrThrow(entry.input, input ?? {}, `input of ${name}`);
    const handler = api[name] as (i: unknown) => Promise<unknown>;
    let output = await handler(parsed);
    // IPC and in-process callers get a CSV answer whole; HTTP streams it through `stream` below.
    if (entry.contentType && typeof output !== 'string') output = await joinChunks(output as Iterable<string> | AsyncIterable<string>);
    return entry.output.parse(output) as OpOutput<N>;
  };

  const stream = async (name: OperationName, input: unknown): Promise<Iterable<string> | AsyncIterable<string>> => {
    const entry = contract[name];
    const parsed = parseOrThrow(entry.input, input ?? {}, `input of ${name}`);
    const output = await (api[name] as (i: unknown) => Promise<unknown>)(parsed);
    return typeof output === 'string' ? [output] : (output as Iterable<string> | AsyncIterable<string>);
  };

  const core: Core = {
    ctx,
    dataLock,
    extensions,
    notifications,
    api,
    get apiKey() {
      return apiKey.key;
    },
    get apiKeySource() {
      return apiKey.source;
    },
    events,
    logs,
    call,
    async serve(serveOptions = {}) {
      const server = await startServer({
        ctx,
        call: (name, input) => call(name, input),
        stream,
        apiKey: () => apiKey.key,
        host: serveOptions.host ?? settings.get().server.host,
        port: serveOptions.port ?? settings.get().server.port,
        staticDir: serveOptions.staticDir,
        ready: () => readiness(ctx),
      });
      servers.push(server);
      // Where another rapport command finds this process to hand its work over (the token is in api-token).
      if (dataLock) writeHostInfo(paths.dataDir, { pid: process.pid, port: server.port, host: server.host, startedAt: now().toISOString() });
      return server;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      unsubscribe.forEach((off) => off());
      await extensions.stop();
      await notifications.stop();
      await publisher.stop();
      for (const server of servers) await server.close();
      if (dataLock && servers.length) removeHostInfo(paths.dataDir, process.pid);
      await quotas.close();
      database.close();
      // Only the logger made here is ours to close; one passed in belongs to the caller.
      if (!options.logger) await closeLogger(logger);
      dataLock?.release();
    },
  };
  return core;
}

/** A readiness check's outcome as a stable code: /ready is public, so raw error text stays in the log. */
export interface ReadinessCheck {
  ok: boolean;
  code: string;
}

export interface ReadinessReport {
  ok: boolean;
  checks: Record<'database' | 'quotaStore' | 'migrations', ReadinessCheck>;
}

function quotaStoreCode(detail: string): string {
  if (detail === 'redis') return 'REDIS';
  if (detail === 'memory') return 'MEMORY';
  if (detail.startsWith('memory-fallback')) return 'REDIS_UNREACHABLE_MEMORY_FALLBACK';
  return 'LEDGER_UNAVAILABLE';
}

/** /ready: the DB answers, the quota store answers (or the fallback says so), no migration pending. */
export async function readiness(ctx: CoreContext): Promise<ReadinessReport> {
  const failed = (check: string, e: unknown): ReadinessCheck => {
    ctx.logger.warn({ err: e, check }, 'readiness check failed');
    return { ok: false, code: check === 'database' ? 'DATABASE_UNAVAILABLE' : 'CHECK_FAILED' };
  };
  let database: ReadinessCheck;
  try {
    ctx.store.database.sqlite.prepare('select 1').get();
    database = { ok: true, code: 'OK' };
  } catch (e) {
    database = failed('database', e);
  }
  let quotaStore: ReadinessCheck;
  try {
    const result = await ctx.quotas.check();
    if (!result.ok) ctx.logger.warn({ detail: result.detail }, 'quota store not ready');
    quotaStore = { ok: result.ok, code: quotaStoreCode(result.detail) };
  } catch (e) {
    quotaStore = failed('quotaStore', e);
  }
  let migrations: ReadinessCheck;
  try {
    const pending = database.ok ? pendingMigrations(ctx.store.database.sqlite) : [];
    migrations = pending.length
      ? { ok: false, code: 'MIGRATIONS_PENDING' }
      : { ok: database.ok, code: database.ok ? 'UP_TO_DATE' : 'DATABASE_UNAVAILABLE' };
  } catch (e) {
    migrations = failed('migrations', e);
  }
  const checks = { database, quotaStore, migrations };
  return { ok: Object.values(checks).every((c) => c.ok), checks };
}
