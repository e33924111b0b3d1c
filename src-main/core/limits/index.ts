/** Quotas (SPEC §3): the one way the app spends LinkedIn actions, a hard ceiling under every failure mode. */
export type { AcquireResult, QuotaDeps, QuotaService, QuotaStoreKind } from './types.js';
export { createQuotaService, type QuotaServiceOptions } from './service.js';
export { quotaExhaustedError, planFor, limitsFor, warmupActive, warmupLimit, WARMUP_DAYS, type QuotaPlan } from './quota.js';
export {
  windowsFor,
  localDateOf,
  isoWeekOf,
  isoWeekday,
  startOfLocalDay,
  type QuotaWindow,
  type WindowName,
  type LocalDate,
  type IsoWeek,
} from './calendar.js';
export { CircuitBreaker, BreakerOpenError, BREAKER_STATE_VALUE, type BreakerState } from './breaker.js';
