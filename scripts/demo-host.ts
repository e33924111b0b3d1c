/**
 * The demo: the LinkedIn simulator (a few birthdays today) and the headless host on a throw-away data
 * folder, the simulated account connected, pacing shortened so a wait shows for a second or two.
 * Used by `npm run demo` and `npm run screenshots`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInLink } from '../src-main/cli/open-browser.js';
import { startHeadless, type HeadlessHost } from '../src-main/headless.js';
import { startSimulator, type Simulator } from '../test/fixtures/linkedin-sim/index.js';
import { linkedInStorageState } from '../test/helpers/browser.js';

export interface Demo {
  host: HeadlessHost;
  sim: Simulator;
  dataDir: string;
  /** The panel's address with the token: opens signed in. */
  signInUrl: string;
  stop(): Promise<void>;
}

export interface DemoOptions {
  port?: number;
  /** Multiplies every pacing wait (1 = real pacing); 0.02 turns a 60–180 s message gap into 1–4 s. */
  pacingScale?: number;
  env?: Record<string, string>;
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const sim = await startSimulator({ port: 0 });
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-demo-'));
  const cleanUp = async () => {
    await sim.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  let host: HeadlessHost;
  try {
    host = await startHeadless({
      port: options.port ?? 0,
      dataDir,
      // The panel's live log shows every line; the terminal keeps the demo's own messages readable.
      logToStderr: false,
      env: {
        ...process.env,
        RAPPORT_DATA_DIR: dataDir,
        RAPPORT_LINKEDIN_BASE_URL: sim.url,
        RAPPORT_PACING_SCALE: String(options.pacingScale ?? 0.02),
        RAPPORT_WORKING_HOURS_ENABLED: 'false',
        RAPPORT_LIMITS_WARMUP: 'false',
        // The simulator is nobody's real network: "Run now" really sends there.
        RAPPORT_BIRTHDAY_DRY_RUN: 'false',
        ...options.env,
      },
    });
  } catch (e) {
    await cleanUp();
    throw e;
  }
  try {
    await host.core.call('account.importCookies', { content: linkedInStorageState() });
  } catch (e) {
    await host.stop();
    await cleanUp();
    throw e;
  }
  return {
    host,
    sim,
    dataDir,
    signInUrl: signInLink(host.panelUrl, host.core.apiKey),
    async stop() {
      await host.stop();
      await cleanUp();
    },
  };
}
