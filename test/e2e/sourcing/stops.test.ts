/** Sourcing end to end: skips, the quota, a restriction banner and the dry run (one DOM/locale each). */
import { describe, expect, it } from 'vitest';
import { LAST_DRY_RUN_KEY, type LastDryRun } from '../../../src-main/core/campaigns/sourcing.js';
import { canonicalProfileUrl } from '../../../src-shared/profile-url.js';
import { expectedMatches, SEARCH } from './people.js';
import { E2E_TIMEOUT_MS, ids, setup, type Setup } from './setup.js';

/** A contact as an earlier run (or the birthday campaign) left it, visited `daysAgo` days ago. */
function seedVisited(s: Setup, publicId: string, daysAgo: number): void {
  const { store, clock } = s.h.ctx;
  const contact = store.contacts.upsert({ profileUrl: canonicalProfileUrl(publicId), publicId, fullName: publicId, source: 'search' });
  const at = new Date(clock.now().getTime() - daysAgo * 86_400_000);
  store.interactions.create({ contactId: contact.id, runId: null, type: 'profile_visit', status: 'sent', dedupeKey: `visit:${at.toISOString().slice(0, 10)}`, payload: {}, occurredAt: at.toISOString() });
}

describe('sourcing skips and stops', { timeout: E2E_TIMEOUT_MS }, () => {
  it('skips people visited inside the revisit window and blocked ones, and visits the rest', async () => {
    const s = await setup('classic', 'en');
    const expected = ids(expectedMatches(s.people));
    seedVisited(s, expected[1], 3);
    seedVisited(s, expected[4], 29);
    seedVisited(s, expected[5], 31); // outside the 30-day window: visited again
    const blocked = s.h.ctx.store.contacts.upsert({ profileUrl: canonicalProfileUrl(expected[6]), fullName: 'x', source: 'manual' });
    s.h.ctx.store.contacts.update(blocked.id, { status: 'blocked' });

    const run = await s.run({ search: SEARCH.name });
    expect(run.status).toBe('succeeded');
    expect(ids(s.sim.visits())).toEqual(expected.filter((_, i) => ![1, 4, 6].includes(i)));
    expect(run.counts).toEqual({ seen: expected.length, visited: expected.length - 3, skipped_recent: 2, skipped_blocked: 1 });
  });

  it('stops with QUOTA_EXHAUSTED at the visits quota', async () => {
    const s = await setup('modern', 'fr');
    s.h.settings({ limits: { visitsPerDay: 4, visitsPerWeek: 10 } });
    const run = await s.run({ keywords: SEARCH.keywords, location: SEARCH.location });
    expect(run.status).toBe('stopped');
    expect(run.errorCode).toBe('QUOTA_EXHAUSTED');
    // An ad-hoc search has no degree filter.
    expect(ids(s.sim.visits())).toEqual(ids(expectedMatches(s.people, true)).slice(0, 4));
    expect(await s.h.visitsUsedToday()).toBe(4);
  });

  it('stops with LINKEDIN_RESTRICTED when a restriction shows after N visits, and visits nothing after', async () => {
    const s = await setup('modern', 'en', { guard: { kind: 'restricted', afterVisits: 2 } });
    const run = await s.run({ search: SEARCH.name });
    expect(run.status).toBe('failed');
    expect(run.errorCode).toBe('LINKEDIN_RESTRICTED');
    expect(ids(s.sim.visits())).toEqual(ids(expectedMatches(s.people)).slice(0, 2));
    expect(run.counts.visited).toBe(2);
    // The run is over and the browser closed: lifting the banner now shows no later visit.
    s.sim.configure({ guard: null });
    expect(s.sim.visits()).toHaveLength(2);
    expect(s.engine.busy()).toBe(false);
  });

  it('a dry run walks the results, visits nothing and lists who would be visited', async () => {
    const s = await setup('classic', 'fr');
    const expected = expectedMatches(s.people);
    const run = await s.run({ search: SEARCH.name, dryRun: true });
    expect(run.status).toBe('succeeded');
    expect(run.dryRun).toBe(true);
    expect(s.sim.visits()).toEqual([]);
    expect(run.counts).toEqual({ seen: expected.length, dry_run: expected.length });
    expect(await s.h.visitsUsedToday()).toBe(0);
    expect(s.h.ctx.store.contacts.count()).toBe(0);
    const last = s.h.ctx.store.appState.get<LastDryRun>(LAST_DRY_RUN_KEY);
    expect(last?.runId).toBe(run.id);
    expect(last?.profiles).toEqual(
      expected.map((p) => ({ profileUrl: canonicalProfileUrl(p.publicId), fullName: `${p.firstName} ${p.lastName}`, headline: p.headline })),
    );
  });
});
