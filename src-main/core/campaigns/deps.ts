import type { BrowserEngine } from '../browser/index.js';
import type { CoreContext } from '../context.js';
import type { CampaignRunner } from './runner.js';

/** What a campaign needs: the core context, the browser engine and the run lifecycle. */
export interface CampaignDeps {
  ctx: CoreContext;
  engine: BrowserEngine;
  runner: CampaignRunner;
}
