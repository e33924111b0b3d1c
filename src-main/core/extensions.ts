import type { CoreContext, PartialHandlers } from './context.js';
import type { Run } from '../../src-shared/domain.js';

/** Services built on top of the base context: the browser engine, campaigns, the schedule. */
export interface Extensions {
  handlers: PartialHandlers;
  /** The run in progress, for the status model. */
  currentRun(): Run | null;
  stop(): Promise<void>;
}

export async function createExtensions(ctx: CoreContext): Promise<Extensions> {
  void ctx;
  return {
    handlers: {},
    currentRun: () => null,
    async stop() {},
  };
}
