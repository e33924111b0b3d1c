/** One simulator + one Rapport context + one browser engine per test, all closed after it. */
import { afterEach } from 'vitest';
import { createBrowserEngine, type BrowserEngine } from '../../../src-main/core/browser/index.js';
import { startSourcingRun, type SourcingRunInput } from '../../../src-main/core/campaigns/sourcing.js';
import type { Run } from '../../../src-shared/domain.js';
import { startSimulator, type SimConfig, type SimLocale, type SimPerson, type SimVariant, type Simulator } from '../../fixtures/linkedin-sim/index.js';
import { linkedInStorageState } from '../../helpers/browser.js';
import { createSourcingHarness, type SourcingHarness } from './harness.js';
import { SEARCH, simPeople } from './people.js';

export interface Setup {
  sim: Simulator;
  h: SourcingHarness;
  engine: BrowserEngine;
  people: SimPerson[];
  run(input: SourcingRunInput): Promise<Run>;
}

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

/** Three results per page, so the test search spans three pages. */
export async function setup(variant: SimVariant, locale: SimLocale, sim: Partial<SimConfig> = {}): Promise<Setup> {
  const people = simPeople(locale);
  const simulator = await startSimulator({ variant, locale, people, birthdays: [], searchPageSize: 3, ...sim });
  open.push(() => simulator.close());
  const h = await createSourcingHarness({ baseUrl: simulator.url });
  open.push(() => h.dispose());
  const engine = createBrowserEngine(h.ctx, { timeoutMs: 10_000 });
  open.push(() => engine.stop());
  await engine.session.importCookies(linkedInStorageState());
  h.settings({ sourcing: { searches: [{ ...SEARCH, maxPages: 5, maxVisitsPerRun: 20 }] } });
  return {
    sim: simulator,
    h,
    engine,
    people,
    run: (input) => startSourcingRun({ ctx: h.ctx, engine, runner: h.runner }, input, 'manual').done,
  };
}

/**
 * A safety net, not a timing assertion: one run launches Chromium and loads a dozen pages, which
 * takes a few seconds alone but much longer on a loaded 2-core CI box.
 */
export const E2E_TIMEOUT_MS = 120_000;

export const ids = (list: readonly { publicId: string }[]) => list.map((p) => p.publicId);
