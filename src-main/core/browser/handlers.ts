import type { AccountStatus } from '../../../src-shared/domain.js';
import type { CoreContext, PartialHandlers } from '../context.js';
import { accountStatusFrom } from '../status.js';
import { listDiagnostics } from './diagnostics.js';
import type { BrowserEngine } from './engine.js';

/** Contract handlers owned by the browser module; the core merges them into its API. */
export function browserHandlers(ctx: CoreContext, engine: BrowserEngine): PartialHandlers {
  /** Metadata says what was last seen; a session file that is gone means not connected, whatever it says. */
  async function accountStatus(): Promise<AccountStatus> {
    const status = accountStatusFrom(ctx);
    if (status.state !== 'not-connected' && (await engine.session.load()) === null) {
      return { state: 'not-connected', connectedAt: null, lastVerifiedAt: null, message: 'No LinkedIn session is stored.' };
    }
    return status;
  }

  return {
    'account.status': async () => accountStatus(),
    'account.connect': async ({ timeoutSeconds }) => {
      await engine.connect(new AbortController().signal, timeoutSeconds);
      return accountStatus();
    },
    'account.importCookies': async ({ content }) => {
      await engine.session.importCookies(content);
      return accountStatus();
    },
    'account.disconnect': async () => {
      await engine.disconnect();
      return accountStatus();
    },
    'selectors.health': async () =>
      engine.selectors.health().map((t) => ({
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
