import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src-main/core/app.js';
import type { BrowserEngineOptions } from '../../src-main/core/browser/engine.js';
import type { Run } from '../../src-shared/domain.js';
import { linkedInStorageState, TEST_ENGINE_OPTIONS } from './linkedin-session.js';

export interface CampaignCore {
  core: Core;
  dataDir: string;
  dispose(): Promise<void>;
}

/**
 * A whole core on a temp data dir, pointed at the simulator, pacing off, with a session imported.
 * `browser` overrides the test engine options (say, a shorter scroll idle for a list that fits one batch).
 */
export async function campaignCore(
  simUrl: string,
  env: Record<string, string> = {},
  dataDir?: string,
  browser: BrowserEngineOptions = {},
): Promise<CampaignCore> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'rapport-campaign-'));
  const core = await createCore({
    dataDir: dir,
    env: {
      RAPPORT_API_KEY: 'campaign-test-token-0123',
      RAPPORT_LINKEDIN_BASE_URL: simUrl,
      RAPPORT_PACING_SCALE: '0',
      RAPPORT_WORKING_HOURS_ENABLED: 'false',
      RAPPORT_BIRTHDAY_DRY_RUN: 'false',
      RAPPORT_LIMITS_WARMUP: 'false',
      ...env,
    },
    extensions: { browser: { ...TEST_ENGINE_OPTIONS, ...browser } },
  });
  await core.call('account.importCookies', { content: linkedInStorageState() });
  return {
    core,
    dataDir: dir,
    async dispose() {
      await core.stop();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts a run through the contract and waits for its end. */
export async function runToEnd(core: Core, start: () => Promise<{ runId: number }>): Promise<Run> {
  const finished = new Promise<Run>((resolve) => {
    const off = core.events.on('run.finished', (run) => {
      off();
      resolve(run);
    });
  });
  const { runId } = await start();
  const run = await finished;
  if (run.id !== runId) throw new Error(`expected run ${runId} to finish, got ${run.id}`);
  return run;
}
