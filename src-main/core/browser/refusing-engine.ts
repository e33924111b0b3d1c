import type { RapportError } from '../../../src-shared/errors.js';
import type { CoreContext } from '../context.js';
import type { BrowserEngine } from './engine.js';
import { SessionStore } from './session.js';

/**
 * The engine of a core that only reads a data folder another Rapport process owns: the browser
 * profile, the session and the selector statistics belong to that process. Reading whether a
 * session is stored is allowed (account status); everything else fails with `error`.
 */
export function refusingEngine(ctx: CoreContext, error: RapportError): BrowserEngine {
  const refuse = (): never => {
    throw error;
  };
  const real = new SessionStore(ctx);
  const session = new Proxy(real, {
    get: (target, prop) => (prop === 'load' ? target.load.bind(target) : refuse()),
  });
  return {
    withLinkedIn: async () => refuse(),
    connect: async () => refuse(),
    disconnect: async () => refuse(),
    session,
    get selectors() {
      return refuse();
    },
    busy: () => false,
    stop: async () => undefined,
  };
}
