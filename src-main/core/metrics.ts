import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { QUOTA_NAMES } from '../../src-shared/domain.js';
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS } from '../../src-shared/settings.js';
import { SELECTOR_CATALOGUE } from './browser/selector-catalogue.js';
import { DB_OPERATIONS } from './store/instrument.js';

/** Every metric of SPEC §9, registered once per core. Label sets with a small known domain start at 0. */
export const GUARD_KINDS = ['login', 'checkpoint', 'restricted', 'limit', 'throttled'] as const;
export const BIRTHDAY_SEND_STATUSES = ['sent', 'dry_run', 'failed', 'skipped'] as const;
export const VISIT_STATUSES = ['visited', 'dry_run', 'failed', 'skipped'] as const;
export const QUOTA_WINDOWS = ['day', 'week'] as const;
/** `sent`: delivered; `retry`: an attempt failed, another follows; `given_up`: dropped after a day; `suppressed`: rate-limited. */
export const NOTIFICATION_SEND_STATUSES = ['sent', 'retry', 'given_up', 'suppressed'] as const;
export const ERROR_TYPES = ['validation', 'linkedin', 'browser', 'database', 'quota', 'redis', 'internal'] as const;
export const REDIS_OPERATIONS = ['acquire', 'release', 'peek', 'ping'] as const;

export const RUN_KINDS = ['birthday', 'sourcing'] as const;

/** What the scrape-time gauges read; the composition root fills them in once the services exist. */
export interface MetricProbes {
  /** Per run kind: is its schedule on and not paused. */
  scheduleEnabled(): Record<(typeof RUN_KINDS)[number], boolean>;
  /** Per run kind: when a run of it last succeeded (epoch seconds), or null. */
  lastSuccess(): Record<(typeof RUN_KINDS)[number], number | null>;
  /** The hour of day (0–23) in the user's time zone: alerts about "before noon" need the user's clock. */
  localHour(): number;
}

export function createMetrics(prefix = '') {
  const registry = new Registry();
  const startedAt = Math.floor(Date.now() / 1000);
  const probes: MetricProbes = {
    scheduleEnabled: () => ({ birthday: false, sourcing: false }),
    lastSuccess: () => ({ birthday: null, sourcing: null }),
    localHour: () => new Date().getHours(),
  };
  const n = (name: string) => `${prefix}${name}`;
  collectDefaultMetrics({ register: registry, prefix });

  const metrics = {
    registry,
    httpRequests: new Counter({
      name: n('http_requests_total'),
      help: 'HTTP requests by method, route template and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: n('http_request_duration_seconds'),
      help: 'HTTP request duration by route template',
      labelNames: ['method', 'route'] as const,
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers: [registry],
    }),
    httpInProgress: new Gauge({
      name: n('http_requests_in_progress'),
      help: 'HTTP requests being served',
      registers: [registry],
    }),
    birthdayMessagesSent: new Counter({
      name: n('birthday_messages_sent_total'),
      help: 'Birthday messages by outcome',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
    birthdayCampaignDuration: new Histogram({
      name: n('birthday_campaign_duration_seconds'),
      help: 'Birthday run duration',
      buckets: [1, 10, 60, 300, 900, 1800, 3600, 7200],
      registers: [registry],
    }),
    birthdayContactsChecked: new Counter({
      name: n('birthday_contacts_checked_total'),
      help: 'Birthday cards read and decided on',
      registers: [registry],
    }),
    profilesVisited: new Counter({
      name: n('profiles_visited_total'),
      help: 'Profile visits by outcome',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
    sourcingCampaignDuration: new Histogram({
      name: n('sourcing_campaign_duration_seconds'),
      help: 'Sourcing run duration',
      buckets: [1, 10, 60, 300, 900, 1800, 3600, 7200],
      registers: [registry],
    }),
    profilesQueueSize: new Gauge({
      name: n('profiles_queue_size'),
      help: 'Profiles waiting to be visited in the current sourcing run',
      registers: [registry],
    }),
    dbQueryDuration: new Histogram({
      name: n('database_query_duration_seconds'),
      help: 'Database operation duration',
      labelNames: ['operation'] as const,
      buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5],
      registers: [registry],
    }),
    dbErrors: new Counter({
      name: n('database_errors_total'),
      help: 'Database errors by operation',
      labelNames: ['operation'] as const,
      registers: [registry],
    }),
    redisOperations: new Counter({
      name: n('redis_operations_total'),
      help: 'Redis operations by outcome',
      labelNames: ['operation', 'status'] as const,
      registers: [registry],
    }),
    redisDuration: new Histogram({
      name: n('redis_operation_duration_seconds'),
      help: 'Redis operation duration',
      labelNames: ['operation'] as const,
      buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1],
      registers: [registry],
    }),
    redisConnectionErrors: new Counter({
      name: n('redis_connection_errors_total'),
      help: 'Redis connection errors',
      registers: [registry],
    }),
    rateLimitHits: new Counter({
      name: n('rate_limit_hits_total'),
      help: 'Quota acquisitions by quota and result',
      labelNames: ['quota', 'result'] as const,
      registers: [registry],
    }),
    rateLimitRemaining: new Gauge({
      name: n('rate_limit_quota_remaining'),
      help: 'Units left in each quota window',
      labelNames: ['quota', 'window'] as const,
      registers: [registry],
    }),
    circuitBreakerState: new Gauge({
      name: n('circuit_breaker_state'),
      help: 'Circuit breaker state: 0 closed, 1 open, 2 half-open',
      labelNames: ['service'] as const,
      registers: [registry],
    }),
    circuitBreakerFailures: new Counter({
      name: n('circuit_breaker_failures_total'),
      help: 'Failures counted by the circuit breaker',
      labelNames: ['service'] as const,
      registers: [registry],
    }),
    errors: new Counter({
      name: n('errors_total'),
      help: 'Errors by type',
      labelNames: ['type'] as const,
      registers: [registry],
    }),
    backgroundTasksActive: new Gauge({
      name: n('background_tasks_active'),
      help: 'Campaign runs and other background tasks in progress',
      registers: [registry],
    }),
    guardStops: new Counter({
      name: n('linkedin_guard_stops_total'),
      help: 'Runs stopped by a LinkedIn guard page, by kind',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    selectorFallbacks: new Counter({
      name: n('selector_fallbacks_total'),
      help: 'Times a later selector candidate worked after an earlier one failed',
      labelNames: ['target'] as const,
      registers: [registry],
    }),
    notificationsSent: new Counter({
      name: n('notifications_sent_total'),
      help: 'Notification deliveries by channel, event and outcome',
      labelNames: ['channel', 'event', 'status'] as const,
      registers: [registry],
    }),
    scheduleEnabled: new Gauge({
      name: n('schedule_enabled'),
      help: 'Whether scheduled runs of this kind are on and not paused (1) or not (0)',
      labelNames: ['kind'] as const,
      registers: [registry],
      collect() {
        for (const [kind, on] of Object.entries(probes.scheduleEnabled())) this.set({ kind }, on ? 1 : 0);
      },
    }),
    lastSuccess: new Gauge({
      name: n('last_successful_run_timestamp_seconds'),
      help: 'When a run of this kind last succeeded (Unix time); the start time of this process when none has yet',
      labelNames: ['kind'] as const,
      registers: [registry],
      collect() {
        for (const [kind, at] of Object.entries(probes.lastSuccess())) this.set({ kind }, at ?? startedAt);
      },
    }),
    localHour: new Gauge({
      name: n('local_hour'),
      help: "Hour of day (0-23) in the user's time zone",
      registers: [registry],
      collect() {
        this.set(probes.localHour());
      },
    }),
  };

  for (const channel of NOTIFICATION_CHANNELS) {
    for (const event of NOTIFICATION_EVENTS) {
      for (const status of NOTIFICATION_SEND_STATUSES) metrics.notificationsSent.inc({ channel, event, status }, 0);
    }
  }
  for (const status of BIRTHDAY_SEND_STATUSES) metrics.birthdayMessagesSent.inc({ status }, 0);
  for (const status of VISIT_STATUSES) metrics.profilesVisited.inc({ status }, 0);
  for (const kind of GUARD_KINDS) metrics.guardStops.inc({ kind }, 0);
  for (const type of ERROR_TYPES) metrics.errors.inc({ type }, 0);
  for (const quota of QUOTA_NAMES) {
    for (const result of ['granted', 'denied'] as const) metrics.rateLimitHits.inc({ quota, result }, 0);
  }
  for (const operation of DB_OPERATIONS) {
    metrics.dbQueryDuration.zero({ operation });
    metrics.dbErrors.inc({ operation }, 0);
  }
  for (const operation of REDIS_OPERATIONS) {
    metrics.redisDuration.zero({ operation });
    for (const status of ['ok', 'error'] as const) metrics.redisOperations.inc({ operation, status }, 0);
  }
  for (const { target } of SELECTOR_CATALOGUE) metrics.selectorFallbacks.inc({ target }, 0);
  metrics.circuitBreakerState.set({ service: 'redis' }, 0);
  metrics.circuitBreakerFailures.inc({ service: 'redis' }, 0);
  metrics.redisConnectionErrors.inc(0);
  metrics.birthdayContactsChecked.inc(0);
  metrics.backgroundTasksActive.set(0);
  metrics.profilesQueueSize.set(0);
  metrics.httpInProgress.set(0);
  return Object.assign(metrics, { probes });
}

export type Metrics = ReturnType<typeof createMetrics>;
