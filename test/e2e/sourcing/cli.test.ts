/** `rapport run sourcing` through a whole core (contract, runner, engine) against the simulator. */
import { afterEach, describe, expect, it } from 'vitest';
import { runSourcingCli } from '../../../src-main/cli/run-sourcing.js';
import type { CliIo } from '../../../src-main/cli/types.js';
import { localCli, type CliCore } from '../../../src-main/cli/with-core.js';
import { startSimulator, type Simulator } from '../../fixtures/linkedin-sim/index.js';
import { campaignCore, type CampaignCore } from '../../helpers/campaign-core.js';
import { expectedMatches, SEARCH, simPeople } from './people.js';
import { E2E_TIMEOUT_MS, ids } from './setup.js';

function captureIo(): CliIo & { out: (l: string) => void; lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => void lines.push(l), err: (l) => void errors.push(l) };
}

let sim: Simulator;
let cc: CampaignCore;
afterEach(async () => {
  await cc?.dispose();
  await sim?.close();
});

describe('rapport run sourcing', { timeout: E2E_TIMEOUT_MS }, () => {
  it('runs a saved search, prints the summary, then a dry run lists who would be visited', async () => {
    const people = simPeople('en');
    sim = await startSimulator({ variant: 'modern', locale: 'en', people, birthdays: [], searchPageSize: 3 });
    cc = await campaignCore(sim.url, { RAPPORT_LIMITS_VISITS_PER_DAY: '50', RAPPORT_LIMITS_VISITS_PER_WEEK: '200' });
    await cc.core.call('settings.update', { sourcing: { searches: [{ ...SEARCH, maxPages: 5 }] } });
    const open = (fn: (core: CliCore) => Promise<number>) => fn(localCli(cc.core));
    const expected = ids(expectedMatches(people));

    const io = captureIo();
    const code = await runSourcingCli(['--search', SEARCH.name, '--max-visits', '2'], io, open);
    expect(code, [...io.lines, ...io.errors].join('\n')).toBe(0);
    expect(ids(sim.visits())).toEqual(expected.slice(0, 2));
    expect(io.lines[0]).toMatch(/^Run #\d+ \(sourcing\): succeeded$/);
    expect(io.lines.join('\n')).toMatch(/visited=2/);
    expect(io.errors.some((l) => /visiting: Alice Martin/.test(l))).toBe(true);

    const dry = captureIo();
    const dryCode = await runSourcingCli(['--keywords', SEARCH.keywords, '--location', SEARCH.location, '--dry-run', '--json'], dry, open);
    expect(dryCode).toBe(0);
    const out = JSON.parse(dry.lines.join('\n')) as { status: string; dryRun: boolean; counts: Record<string, number>; wouldVisit: { profileUrl: string }[] };
    expect(out.status).toBe('succeeded');
    expect(out.dryRun).toBe(true);
    // An ad-hoc search has no degree filter and reads 3 pages (9 results) by default; the two
    // visited a moment ago are inside the revisit window.
    const rest = ids(expectedMatches(people, true))
      .slice(0, 9)
      .filter((id) => !expected.slice(0, 2).includes(id));
    expect(out.wouldVisit.map((p) => new URL(p.profileUrl).pathname)).toEqual(rest.map((id) => `/in/${id}/`));
    expect(out.counts.skipped_recent).toBe(2);
    expect(sim.visits()).toHaveLength(2);
  });

  it('exits 1 with the error code when the run cannot succeed', async () => {
    sim = await startSimulator({ people: simPeople('en'), birthdays: [] });
    cc = await campaignCore(sim.url);
    const io = captureIo();
    await expect(runSourcingCli(['--search', 'Nope'], io, (fn) => fn(localCli(cc.core)))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await cc.core.call('account.disconnect', {});
    const code = await runSourcingCli(['--keywords', 'kotlin'], io, (fn) => fn(localCli(cc.core)));
    expect(code).toBe(1);
    expect(io.lines.join('\n')).toMatch(/NOT_CONNECTED/);
  });
});
