/** A saved search's own schedule, end to end: its slot starts a run of that search alone, recorded as such. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/app.js';
import type { Run } from '../../../src-shared/domain.js';
import { startSimulator, type Simulator } from '../../fixtures/linkedin-sim/index.js';
import { linkedInStorageState, TEST_ENGINE_OPTIONS } from '../../helpers/browser.js';
import { expectedMatches, SEARCH, simPeople } from './people.js';
import { E2E_TIMEOUT_MS, ids } from './setup.js';

let sim: Simulator | null = null;
let core: Core | null = null;
let dir: string | null = null;
afterEach(async () => {
  await core?.stop();
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  core = sim = dir = null;
});

describe('a scheduled saved search', { timeout: E2E_TIMEOUT_MS }, () => {
  it('runs that search alone at its time, and the run says which search it was for', async () => {
    const people = simPeople('en');
    sim = await startSimulator({ variant: 'modern', locale: 'en', people, birthdays: [], searchPageSize: 3 });
    dir = mkdtempSync(join(tmpdir(), 'rapport-scheduled-'));
    // 10:59:58.5 in Paris, moving with real time: the 11:00 slot comes in a moment.
    const start = Date.parse('2026-11-26T09:59:58.500Z');
    const t0 = Date.now();
    core = await createCore({
      dataDir: dir,
      env: {
        RAPPORT_API_KEY: 'scheduled-search-test-token-0123',
        RAPPORT_LINKEDIN_BASE_URL: sim.url,
        RAPPORT_TIME_ZONE: 'Europe/Paris',
        RAPPORT_PACING_SCALE: '0',
        RAPPORT_WORKING_HOURS_ENABLED: 'false',
        RAPPORT_BIRTHDAY_ENABLED: 'false',
        RAPPORT_LIMITS_WARMUP: 'false',
      },
      clock: { now: () => new Date(start + Date.now() - t0) },
      extensions: { browser: TEST_ENGINE_OPTIONS, schedule: true },
    });
    await core.call('account.importCookies', { content: linkedInStorageState() });
    const finished = new Promise<Run>((resolve) => core!.events.on('run.finished', resolve));
    await core.call('settings.update', {
      schedule: { sourcing: '0 18 * * *' },
      sourcing: { searches: [{ ...SEARCH, maxPages: 5, schedule: '0 11 * * *' }, { name: 'Nobody', keywords: 'cobol' }] },
    });

    const run = await finished;
    expect(run).toMatchObject({ kind: 'sourcing', trigger: 'schedule', status: 'succeeded', searches: [SEARCH.name] });
    expect(ids(sim.visits())).toEqual(ids(expectedMatches(people)));
    const visits = await core.call('interactions.list', { runId: run.id, page: 1, pageSize: 100 });
    expect(visits.total).toBe(expectedMatches(people).length);
    expect(visits.items.every((v) => v.payload.search === SEARCH.name)).toBe(true);
    expect((await core.call('runs.list', { search: SEARCH.name })).items.map((r) => r.id)).toEqual([run.id]);
  });
});
