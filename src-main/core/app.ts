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
import { createLogger, type Logger } from './log.js';
import { createMetrics } from './metrics.js';
import { createFileSecretStore } from './secrets.js';
import { startServer, type RunningServer } from './server/http.js';
import { SettingsService } from './settings-service.js';
import { coreHandlers } from './handlers.js';
import { openDatabase, pendingMigrations } from './store/db.js';
import { createStore } from './store/index.js';
import { realSleep, seededRng, systemClock, type Clock, type Rng, type Sleep } from './util/runtime.js';
import { createExtensions, type ExtensionOptions, type Extensions } from './extensions.js';
import { cronProblem } from './schedule/scheduler.js';
import { testBrowser, testRedis } from './tools/connection-tests.js';
import { readDiagnosticFile, writeDiagnosticsBundle } from './tools/diagnostics-files.js';
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
  const events = new EventBus();
  const apiKey: { key: string; source: 'env' | 'file' } = resolveApiKey(env, paths);
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

  const servers: RunningServer[] = [];
  const extensions = await createExtensions(ctx, options.extensions);
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
    'settings.testRedis': async ({ url }) => testRedis(ctx, url),
    'settings.testBrowser': async ({ executablePath }) => testBrowser(ctx, executablePath),
  };
  const provided: PartialHandlers = { ...coreHandlers(ctx, extensions), ...extensions.handlers, ...tokenHandlers };
  const api = Object.fromEntries(
    OPERATION_NAMES.map((name) => [name, provided[name] ?? notImplemented(name)]),
  ) as unknown as Handlers;

  extensions.runner.onFinished(() => {
    call('status.get', {}).then(
      (status) => events.emit('status.changed', status),
      (e: unknown) => logger.warn({ err: e }, 'status after run could not be computed'),
    );
  });

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
    get apiKey() {
      return apiKey.key;
    },
    get apiKeySource() {
      return apiKey.source;
    },
    events,
    call,
    async serve(serveOptions = {}) {
      const server = await startServer({
        ctx,
        call: (name, input) => call(name, input),
        apiKey: () => apiKey.key,
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

export interface ReadinessReport {
  ok: boolean;
  checks: Record<string, { ok: boolean; detail: string }>;
}

/** /ready: the DB answers, the quota store answers (or the fallback says so), no migration pending. */
export async function readiness(ctx: CoreContext): Promise<ReadinessReport> {
  const checks: ReadinessReport['checks'] = {};
  try {
    ctx.store.database.sqlite.prepare('select 1').get();
    checks.database = { ok: true, detail: 'ok' };
  } catch (e) {
    checks.database = { ok: false, detail: (e as Error).message };
  }
  try {
    checks.quotaStore = await ctx.quotas.check();
  } catch (e) {
    checks.quotaStore = { ok: false, detail: (e as Error).message };
  }
  try {
    const pending = checks.database.ok ? pendingMigrations(ctx.store.database.sqlite) : [];
    checks.migrations = pending.length
      ? { ok: false, detail: `${pending.length} migration(s) pending` }
      : { ok: checks.database.ok, detail: checks.database.ok ? 'up to date' : 'database unavailable' };
  } catch (e) {
    checks.migrations = { ok: false, detail: (e as Error).message };
  }
  return { ok: Object.values(checks).every((c) => c.ok), checks };
}
