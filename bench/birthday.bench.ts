/**
 * Birthday campaign over 200 birthdays on the simulator with pacing.scale=0: a whole dry run, then a
 * real run. The real run sends up to the highest daily quota the settings allow (100) and stops there.
 */
import { generateDataset, startSimulator } from '../test/fixtures/linkedin-sim/index.js';
import { campaignCore, runToEnd } from '../test/helpers/campaign-core.js';
import type { BenchResult } from './types.js';

const BIRTHDAYS = 200;

export default async function bench(): Promise<BenchResult[]> {
  const sim = await startSimulator({
    port: 0,
    overlayDelayMs: 0,
    ...generateDataset({ seed: 11, today: BIRTHDAYS, late: [], upcoming: [], searchPeople: 0 }),
  });
  const { core, dispose } = await campaignCore(sim.url, {
    RAPPORT_LIMITS_MESSAGES_PER_DAY: '100',
    RAPPORT_LIMITS_MESSAGES_PER_WEEK: '500',
  });
  try {
    let t = performance.now();
    const dry = await runToEnd(core, () => core.call('campaigns.birthday.run', { dryRun: true }));
    const drySeconds = (performance.now() - t) / 1000;
    if (dry.status !== 'succeeded') throw new Error(`dry run ${dry.status}: ${dry.errorMessage}`);

    t = performance.now();
    const real = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    const realSeconds = (performance.now() - t) / 1000;
    const sent = sim.sent().length;
    if (sent === 0) throw new Error(`real run sent nothing: ${real.errorCode} ${real.errorMessage}`);
    return [
      { name: `dry run over ${BIRTHDAYS} birthdays`, value: drySeconds, unit: 's', note: `${dry.counts.dry_run ?? 0} would be sent` },
      { name: 'dry run per contact', value: (drySeconds * 1000) / BIRTHDAYS, unit: 'ms' },
      { name: `real run over ${BIRTHDAYS} birthdays (${sent} sent, quota ${real.errorCode ?? 'not reached'})`, value: realSeconds, unit: 's' },
      { name: 'real run per message sent', value: (realSeconds * 1000) / sent, unit: 'ms' },
      { name: 'real run per contact read', value: (realSeconds * 1000) / BIRTHDAYS, unit: 'ms' },
    ];
  } finally {
    await dispose();
    await sim.close();
  }
}
