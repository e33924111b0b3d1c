import type { Handlers } from '../../src-shared/contract.js';
import type { Paths } from './config.js';
import type { EventBus } from './events.js';
import type { QuotaService } from './limits/types.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';
import type { SettingsService } from './settings-service.js';
import type { Store } from './store/index.js';
import type { Clock, Rng, Sleep } from './util/runtime.js';

/** Encrypted key/value secrets (LinkedIn session). Core: AES-256-GCM box; Electron: safeStorage. */
export interface SecretStore {
  readonly kind: string;
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

/** Everything a core module may use; built once in `createCore` and handed down. */
export interface CoreContext {
  version: string;
  paths: Paths;
  env: Record<string, string | undefined>;
  settings: SettingsService;
  logger: Logger;
  metrics: Metrics;
  events: EventBus;
  store: Store;
  quotas: QuotaService;
  secrets: SecretStore;
  clock: Clock;
  rng: Rng;
  sleep: Sleep;
  /** Another process owns the data folder; this core only reads it. */
  readOnly?: boolean;
}

export type PartialHandlers = Partial<Handlers>;
