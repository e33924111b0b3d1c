import type { AccountStatus } from '../../../src-shared/domain.js';
import type { CoreContext, PartialHandlers } from '../context.js';
import { accountStatusFrom } from '../status.js';
import { listDiagnostics } from './diagnostics.js';
import type { BrowserEngine } from './engine.js';
import { SessionStore } from './session.js';

/** The engine itself, or a loader that imports it on first use (the app: playwright-core is heavy). */
export type EngineSource = BrowserEngine | (() => Promise<BrowserEngine>);

/**
 * Contract handlers owned by the browser module; the core merges them into its API. Reading the
 * account's state and importing cookies need only the session store, so they never load the engine.
 */
export function browserHandlers(ctx: CoreContext, source: EngineSource): PartialHandlers {
  const engine = typeof source === 'function' ? source : async () => source;
  const session = typeof source === 'function' ? new SessionStore(ctx) : source.session;
  /** Metadata says what was last seen; a session file that is gone means not connected, whatever it says. */
  async function accountStatus(): Promise<AccountStatus> {
    const status = accountStatusFrom(ctx);
    if (status.state !== 'not-connected' && (await session.load()) === null) {
      return { state: 'not-connected', connectedAt: null, lastVerifiedAt: null, message: 'No LinkedIn session is stored.' };
    }
    return status;
  }

  return {
    'account.status': async () => accountStatus(),
    'account.connect': async ({ timeoutSeconds }) => {
      await (await engine()).connect(new AbortController().signal, timeoutSeconds);
      return accountStatus();
    },
    'account.importCookies': async ({ content }) => {
      await session.importCookies(content);
      return accountStatus();
    },
    'account.disconnect': async () => {
      await (await engine()).disconnect();
      return accountStatus();
    },
    'selectors.health': async () =>
      (await engine()).selectors.health().map((t) => ({
        target: t.target,
        state: t.state,
        candidates: t.candidates.map((c) => ({
          locator: c.locator,
          locale: c.locale,
          successes: c.successes,
          failures: c.failures,
          lastSuccessAt: c.lastSuccessAt,
          lastFailureAt: c.lastFailureAt,
          origin: c.origin,
        })),
      })),
    'diagnostics.list': async () => listDiagnostics(ctx.paths.diagnostics),
  };
}
