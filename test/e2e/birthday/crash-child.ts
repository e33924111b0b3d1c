/**
 * Child process for the crash-safety test: one real birthday run on the given data dir, then exit.
 * The test runs it bundled (`bundleScript`), so each start loads plain JavaScript.
 */
import { campaignCore, runToEnd } from '../../helpers/campaign-core.js';

const [dataDir, simUrl, env, browser] = process.argv.slice(2);
const { core } = await campaignCore(simUrl, JSON.parse(env) as Record<string, string>, dataDir, JSON.parse(browser) as { scrollIdleMs: number });
process.stdout.write('ready\n');
const run = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
process.stdout.write(`finished ${run.status}${run.errorCode ? ` ${run.errorCode}: ${run.errorMessage}` : ''}\n`);
await core.stop();
process.exit(0);
