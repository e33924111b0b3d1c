import {
  contract,
  OPERATION_NAMES,
  type Handlers,
  type OperationName,
  type OpOutput,
} from '../../src-shared/contract.js';
import { parseOrThrow, RapportError } from '../../src-shared/errors.js';
import { ensureDirs, pathsFor, readPackageVersion, resolveApiKey, resolveDataDir } from './config.js';
import type { CoreContext, PartialHandlers, SecretStore } from './context.js';
import { EventBus } from './events.js';
import { createQuotaService } from './limits/index.js';
import { createLogger, type Logger } from './log.js';
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
import type { Settings } from '../../src-shared/settings.js';

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
  /** Browser engine options (tests) and whether to start the schedule's timers (the app does). */
  extensions?: ExtensionOptions;
}

/** Checks the schema cannot make alone: cron expressions must parse. */
function scheduleIssues(s: Settings): { field: string; reason: string }[] {
  return (['birthday', 'sourcing'] as const).flatMap((kind) => {
    const problem = cronProblem(s.schedule[kind]);
    return problem ? [{ field: `schedule.${kind}`, reason: problem }] : [];
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
  extensions: Extensions;
  api: Handlers;
  apiKey: string;
  apiKeySource: 'env' | 'file';
  events: EventBus;
  /** Validates the input against the contract, runs the handler, validates the output. */
  call<N extends OperationName>(name: N, input: unknown): Promise<OpOutput<N>>;
  serve(options?: ServeOptions): Promise<RunningServer>;
  stop(): Promise<void>;
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

  // Before the database opens: a refused token must not leave a handle behind.
  const apiKey = resolveApiKey(env, paths);
  const database = openDatabase(paths.database, { backupDir: paths.backups, now });
  const store = createStore(database, now);
  let settings: SettingsService;
  try {
    settings = new SettingsService(store.settings, env, [scheduleIssues]);
  } catch (e) {
    database.close();
    throw e;
  }
  const logger =
    options.logger ??
    createLogger({ level: settings.get().log.level, dir: paths.logs, stderr: options.logToStderr ?? false });
  if (database.backupPath) logger.info({ backup: database.backupPath }, 'database backed up before migrating');
  const metrics = createMetrics(settings.get().metrics.prefix);
  instrumentDatabase(database.sqlite, metrics);
  const events = new EventBus();
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
  };

  const extensions = await createExtensions(ctx, options.extensions);
  const provided: PartialHandlers = { ...coreHandlers(ctx, extensions), ...extensions.handlers };
  const api = Object.fromEntries(
    OPERATION_NAMES.map((name) => [name, provided[name] ?? notImplemented(name)]),
  ) as unknown as Handlers;

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

  extensions.runner.onFinished(() => {
    call('status.get', {}).then(
      (status) => events.emit('status.changed', status),
      (e: unknown) => logger.warn({ err: e }, 'status after run could not be computed'),
    );
  });

  const servers: RunningServer[] = [];
  let stopped = false;

  const call = async <N extends OperationName>(name: N, input: unknown): Promise<OpOutput<N>> => {
    const entry = contract[name];
    if (!entry) throw new RapportError('NOT_FOUND', `Unknown operation ${String(name)}.`);
    const parsed = parseOrThrow(entry.input, input ?? {}, `input of ${name}`);
    const handler = api[name] as (i: unknown) => Promise<unknown>;
    const output = await handler(parsed);
    return entry.output.parse(output) as OpOutput<N>;
  };

  const core: Core = {
    ctx,
    extensions,
    api,
    apiKey: apiKey.key,
    apiKeySource: apiKey.source,
    events,
    call,
    async serve(serveOptions = {}) {
      const server = await startServer({
        ctx,
        call: (name, input) => call(name, input),
        apiKey: apiKey.key,
        host: serveOptions.host ?? settings.get().server.host,
        port: serveOptions.port ?? settings.get().server.port,
        staticDir: serveOptions.staticDir,
        ready: () => readiness(ctx),
      });
      servers.push(server);
      return server;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await extensions.stop();
      for (const server of servers) await server.close();
      await quotas.close();
      database.close();
      logger.flush?.();
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
