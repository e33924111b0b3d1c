/**
 * Sourcing campaign over 100 profiles on the simulator with pacing.scale=0, through the contract
 * (`campaigns.sourcing.run`) like the UI and CLI: a dry run (result pages only), then a real run
 * that visits and scrapes every profile. Figures include one Chromium launch per run.
 */
import { startSimulator, type SimPerson } from '../test/fixtures/linkedin-sim/index.js';
import { campaignCore, runToEnd } from '../test/helpers/campaign-core.js';
import type { BenchResult } from './types.js';

const PROFILES = 100;
const PAGE_SIZE = 10;

function people(): SimPerson[] {
  const companies = ['Acme', 'Globex', 'Initech', 'Hooli', undefined];
  return Array.from({ length: PROFILES }, (_, i) => {
    const company = companies[i % companies.length];
    const p: SimPerson = {
      publicId: `bench-person-${String(i).padStart(3, '0')}`,
      firstName: `Bench${i}`,
      lastName: `Person${i}`,
      headline: company ? `Kotlin Developer at ${company}` : 'Freelance Kotlin Developer',
      location: i % 2 ? 'Lyon, Auvergne-Rhône-Alpes, France' : 'Paris, Île-de-France, France',
      degree: ((i % 3) + 1) as 1 | 2 | 3,
    };
    if (company) p.company = company;
    return p;
  });
}

export default async function bench(): Promise<BenchResult[]> {
  const sim = await startSimulator({ port: 0, people: people(), birthdays: [], searchPageSize: PAGE_SIZE });
  const { core, dispose } = await campaignCore(sim.url, {
    RAPPORT_LIMITS_VISITS_PER_DAY: '500',
    RAPPORT_LIMITS_VISITS_PER_WEEK: '2500',
  });
  try {
    await core.call('settings.update', {
      sourcing: { searches: [{ name: 'bench', keywords: 'kotlin', maxPages: PROFILES / PAGE_SIZE, maxVisitsPerRun: PROFILES }] },
    });
    let t = performance.now();
    const dry = await runToEnd(core, () => core.call('campaigns.sourcing.run', { search: 'bench', dryRun: true }));
    const drySeconds = (performance.now() - t) / 1000;
    if (dry.status !== 'succeeded' || dry.counts.dry_run !== PROFILES) throw new Error(`dry run ${dry.status}: ${dry.errorMessage} ${JSON.stringify(dry.counts)}`);

    t = performance.now();
    const real = await runToEnd(core, () => core.call('campaigns.sourcing.run', { search: 'bench' }));
    const realSeconds = (performance.now() - t) / 1000;
    const visited = sim.visits().length;
    if (real.status !== 'succeeded' || visited !== PROFILES) throw new Error(`real run ${real.status} (${visited} visited): ${real.errorMessage}`);
    const pages = PROFILES / PAGE_SIZE;
    return [
      { name: `sourcing dry run, ${PROFILES} results on ${pages} pages`, value: drySeconds, unit: 's' },
      { name: 'sourcing dry run per result page', value: (drySeconds * 1000) / pages, unit: 'ms' },
      { name: `sourcing run, ${PROFILES} profiles visited and scraped`, value: realSeconds, unit: 's' },
      { name: 'sourcing run per profile', value: (realSeconds * 1000) / PROFILES, unit: 'ms', note: 'pacing.scale=0, incl. search pages and browser start' },
    ];
  } finally {
    await dispose();
    await sim.close();
  }
}
