import type { EventName, OperationName } from '../../src-shared/contract.js';

/**
 * The contract's operation and event names as plain strings. The sandboxed preload cannot load zod,
 * and importing `contract.ts` would pull it in; so the names are copied here. The type checks below
 * fail compilation when the contract gains a name missing here, and a unit test compares the lists.
 */
export const OPERATION_NAME_LIST = [
  'status.get',
  'settings.get',
  'settings.update',
  'plan.birthday',
  'campaigns.birthday.run',
  'campaigns.sourcing.run',
  'runs.list',
  'runs.get',
  'runs.stop',
  'contacts.list',
  'contacts.get',
  'contacts.update',
  'contacts.erase',
  'contacts.export',
  'contacts.import',
  'interactions.export',
  'interactions.list',
  'stats.daily',
  'logs.recent',
  'account.status',
  'account.connect',
  'account.importCookies',
  'account.disconnect',
  'schedule.get',
  'schedule.pause',
  'schedule.resume',
  'selectors.health',
  'diagnostics.list',
  'diagnostics.file',
  'diagnostics.bundle',
  'settings.testRedis',
  'settings.testBrowser',
  'token.get',
  'token.rotate',
  'legacy.import',
  'notifications.secrets.get',
  'notifications.secrets.set',
  'notifications.test',
  'notifications.outbox',
] as const satisfies readonly OperationName[];

export const EVENT_NAME_LIST = ['run.progress', 'run.finished', 'status.changed', 'notification', 'log.line'] as const satisfies readonly EventName[];

type Covers<All, Listed extends All> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
export const OPERATION_NAMES_COVER_CONTRACT: Covers<OperationName, (typeof OPERATION_NAME_LIST)[number]> = true;
export const EVENT_NAMES_COVER_CONTRACT: Covers<EventName, (typeof EVENT_NAME_LIST)[number]> = true;
