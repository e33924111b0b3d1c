import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSourcingRun, LAST_DRY_RUN_KEY, type LastDryRun } from '../../../src-main/core/campaigns/sourcing.js';
import { failedBeforeLoad } from '../../../src-main/core/campaigns/sourcing-run.js';
import type { SourcingRunInput } from '../../../src-main/core/campaigns/sourcing-plan.js';
import { isRapportError, RapportError } from '../../../src-shared/errors.js';
import { canonicalProfileUrl } from '../../../src-shared/profile-url.js';
import { createSourcingHarness, metric, type SourcingHarness } from '../../e2e/sourcing/harness.js';
import { fakeLinkedIn, person, type FakeLinkedIn } from './fake-linkedin.js';

let h: SourcingHarness;
beforeEach(async () => {
  h = await createSourcingHarness({ baseUrl: 'https://www.linkedin.com' });
});
afterEach(async () => {
  await h.dispose();
});

function start(fake: FakeLinkedIn, input: SourcingRunInput, trigger: 'manual' | 'schedule' = 'manual') {
  return startSourcingRun({ ctx: h.ctx, engine: fake.engine, runner: h.runner }, input, trigger);
}

const seedVisit = (publicId: string, daysAgo: number, extra: { status?: 'active' | 'blocked' | 'ignored' } = {}) => {
  const contact = h.ctx.store.contacts.upsert({ profileUrl: canonicalProfileUrl(publicId), publicId, fullName: publicId, source: 'birthday' });
  if (extra.status) h.ctx.store.contacts.update(contact.id, { status: extra.status });
  if (daysAgo >= 0) {
    const at = new Date(h.ctx.clock.now().getTime() - daysAgo * 86_400_000).toISOString();
    h.ctx.store.interactions.create({ contactId: contact.id, runId: null, type: 'profile_visit', status: 'sent', dedupeKey: `visit:old-${daysAgo}`, payload: {}, occurredAt: at });
  }
};

describe('sourcing run (scripted LinkedIn)', () => {
  it('visits each new person once across pages, skips recent, blocked and out-of-degree ones, and stores what it read', async () => {
    const fake = fakeLinkedIn([
      [person('ann-a'), person('bob-b', { degree: 1 }), person('cat-c')],
      [person('ann-a'), person('dan-d', { degree: 3 }), person('eve-e', { degree: null })],
      [person('fay-f'), person('gus-g', { company: null, headline: 'Freelance Data Engineer' })],
    ]);
    seedVisit('cat-c', 10); // inside the 30-day window
    seedVisit('fay-f', 45); // outside it: visited again
    seedVisit('bob-b', -1, { status: 'blocked' });
    h.settings({ sourcing: { searches: [{ name: 'Data', keywords: 'data engineer', location: 'Lyon', degrees: [1, 2], maxPages: 3, maxVisitsPerRun: 10 }] } });

    const { done } = start(fake, { search: 'Data' });
    const run = await done;
    expect(run.status).toBe('succeeded');
    expect(fake.visits).toEqual(['ann-a', 'fay-f', 'gus-g']);
    expect(run.counts).toEqual({ seen: 7, visited: 3, skipped_recent: 1, skipped_blocked: 1, skipped_degree: 2 });
    expect(fake.gaps).toBe(2);
    expect(fake.pageUrls).toHaveLength(3);
    for (const [i, url] of fake.pageUrls.entries()) {
      expect(url).toBe(`https://www.linkedin.com/search/results/people/?keywords=data+engineer+%22Lyon%22&network=%5B%22F%22%2C%22S%22%5D&page=${i + 1}`);
    }

    const ann = h.ctx.store.contacts.getByProfileUrl(canonicalProfileUrl('ann-a'));
    expect(ann).toMatchObject({ fullName: 'Ann A', firstName: 'Ann', lastName: 'A', headline: 'Data Engineer at Acme', location: 'Lyon, France', company: 'Acme', source: 'search', publicId: 'ann-a' });
    expect(ann?.score).toBeGreaterThan(80);
    expect(Object.values(ann?.scoreBreakdown ?? {}).reduce((a, b) => a + b, 0)).toBe(ann?.score);
    const visits = h.ctx.store.interactions.forContact(ann!.id, 'profile_visit');
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ status: 'sent', runId: run.id, dedupeKey: 'visit:2026-03-11' });
    // An existing contact keeps its source.
    expect(h.ctx.store.contacts.getByProfileUrl(canonicalProfileUrl('fay-f'))?.source).toBe('birthday');

    expect(await h.visitsUsedToday()).toBe(3);
    expect(await metric(h.ctx, 'profilesVisited', { status: 'visited' })).toBe(3);
    expect(await metric(h.ctx, 'profilesVisited', { status: 'skipped' })).toBe(4);
    expect(await metric(h.ctx, 'profilesQueueSize')).toBe(0);
    const listed = h.ctx.store.contacts.list({ minScore: 1, sort: '-score', page: 1, pageSize: 10 });
    expect(listed.items.map((c) => c.publicId)).toContain('ann-a');
  });

  it('stops collecting once it has maxVisits people and loads no further page', async () => {
    const fake = fakeLinkedIn([[person('a-1'), person('a-2'), person('a-3')], [person('b-1')], [person('c-1')]]);
    const run = await start(fake, { keywords: 'data', maxVisits: 2 }).done;
    expect(run.status).toBe('succeeded');
    expect(fake.visits).toEqual(['a-1', 'a-2']);
    expect(fake.pageUrls).toHaveLength(1);
  });

  it('stops with QUOTA_EXHAUSTED at the visits quota and never goes beyond it', async () => {
    h.settings({ limits: { visitsPerDay: 2, visitsPerWeek: 10 } });
    const fake = fakeLinkedIn([[person('a-1'), person('a-2'), person('a-3'), person('a-4')]]);
    const run = await start(fake, { keywords: 'data' }).done;
    expect(run.status).toBe('stopped');
    expect(run.errorCode).toBe('QUOTA_EXHAUSTED');
    expect(run.errorMessage).toMatch(/visits quota/);
    expect(fake.visits).toEqual(['a-1', 'a-2']);
    expect(run.counts.visited).toBe(2);
    expect(await h.visitsUsedToday()).toBe(2);
  });

  it('after a guard stop, does nothing more and keeps the unit (LinkedIn saw the request)', async () => {
    const fake = fakeLinkedIn([[person('a-1'), person('a-2'), person('a-3')]]);
    fake.failVisit(2, new RapportError('LINKEDIN_RESTRICTED', 'restricted'));
    const run = await start(fake, { keywords: 'data' }).done;
    expect(run.status).toBe('failed');
    expect(run.errorCode).toBe('LINKEDIN_RESTRICTED');
    expect(fake.visits).toEqual(['a-1', 'a-2']);
    expect(run.counts).toEqual({ seen: 3, visited: 1 });
    expect(await h.visitsUsedToday()).toBe(2);
  });

  it('counts a profile that does not exist as failed and goes on', async () => {
    const fake = fakeLinkedIn([[person('a-1'), person('a-2'), person('a-3')]]);
    fake.failVisit('a-2', new RapportError('NOT_FOUND', 'gone'));
    const run = await start(fake, { keywords: 'data' }).done;
    expect(run.status).toBe('succeeded');
    expect(run.counts).toMatchObject({ visited: 2, failed: 1 });
    expect(await metric(h.ctx, 'profilesVisited', { status: 'failed' })).toBe(1);
    expect(h.ctx.store.contacts.getByProfileUrl(canonicalProfileUrl('a-2'))).toBeNull();
  });

  it('gives the unit back when the page never loaded, and ends the run', async () => {
    const fake = fakeLinkedIn([[person('a-1'), person('a-2')]]);
    fake.failVisit(1, new Error('page.goto: net::ERR_CONNECTION_RESET at https://www.linkedin.com/in/a-1/'));
    const run = await start(fake, { keywords: 'data' }).done;
    expect(run.status).toBe('failed');
    expect(run.counts.failed).toBe(1);
    expect(fake.visits).toEqual([]);
    expect(await h.visitsUsedToday()).toBe(0);
  });

  it('a dry run lists who would be visited: no visit, no quota, no contact', async () => {
    seedVisit('a-2', 1);
    const fake = fakeLinkedIn([[person('a-1'), person('a-2'), person('a-3')], [person('b-1')]]);
    const { run: started, done } = start(fake, { keywords: 'data', dryRun: true, maxVisits: 2 });
    expect(started.dryRun).toBe(true);
    const run = await done;
    expect(run.status).toBe('succeeded');
    expect(fake.visits).toEqual([]);
    expect(run.counts).toEqual({ seen: 3, skipped_recent: 1, dry_run: 2 });
    expect(await h.visitsUsedToday()).toBe(0);
    expect(h.ctx.store.contacts.count()).toBe(1);
    const last = h.ctx.store.appState.get<LastDryRun>(LAST_DRY_RUN_KEY);
    expect(last).toEqual({
      runId: run.id,
      profiles: [
        { profileUrl: canonicalProfileUrl('a-1'), fullName: 'A 1', headline: 'Data Engineer at Acme' },
        { profileUrl: canonicalProfileUrl('a-3'), fullName: 'A 3', headline: 'Data Engineer at Acme' },
      ],
    });
    expect(await metric(h.ctx, 'profilesVisited', { status: 'dry_run' })).toBe(2);
  });

  it('with no search named (the schedule), runs every saved search in turn under one cap, each person once', async () => {
    h.settings({
      sourcing: {
        searches: [
          { name: 'One', keywords: 'data', maxVisitsPerRun: 2 },
          { name: 'Two', keywords: 'ops', maxVisitsPerRun: 5 },
        ],
      },
    });
    const fake = fakeLinkedIn([[person('a-1'), person('a-2'), person('a-3')]]);
    const run = await start(fake, {}, 'manual').done;
    expect(run.status).toBe('succeeded');
    // Search One takes two; Two meets the same page, skips the two already seen, takes the third.
    expect(fake.visits).toEqual(['a-1', 'a-2', 'a-3']);
    expect(fake.pageUrls.map((u) => new URL(u).searchParams.get('keywords'))).toEqual(['data', 'ops']);

    const capped = fakeLinkedIn([[person('b-1'), person('b-2'), person('b-3')]]);
    const second = await start(capped, { maxVisits: 1 }).done;
    expect(capped.visits).toEqual(['b-1']);
    expect(second.counts.visited).toBe(1);
  });

  it('a scheduled run outside working hours stops before opening LinkedIn', async () => {
    h.settings({ workingHours: { enabled: true, days: [1, 2, 3, 4, 5], start: '08:30', end: '09:00' } });
    const fake = fakeLinkedIn([[person('a-1')]]);
    const run = await start(fake, { keywords: 'data' }, 'schedule').done;
    expect(run.status).toBe('stopped');
    expect(run.errorCode).toBe('OUTSIDE_WORKING_HOURS');
    expect(fake.pageUrls).toEqual([]);
  });

  it('stops at once when the user stops the run', async () => {
    const fake = fakeLinkedIn([[person('a-1'), person('a-2'), person('a-3')]]);
    const { run: started, done } = start(fake, { keywords: 'data' });
    await h.runner.stop(started.id);
    const run = await done;
    expect(run.status).toBe('stopped');
    expect(run.errorCode).toBe('ABORTED');
    expect(fake.visits).toEqual([]);
    expect(await h.visitsUsedToday()).toBe(0);
  });

  it.each<[SourcingRunInput, string, RegExp]>([
    [{ search: 'Nope' }, 'search', /no saved search is named "Nope"/],
    [{ search: 'Data', keywords: 'x' }, 'search', /not both/],
    [{ search: 'Data', location: 'Lyon' }, 'location', /goes with keywords/],
    [{ keywords: '"unbalanced' }, 'keywords', /unbalanced quote/],
    [{ keywords: 'java OR' }, 'keywords', /without a term after/],
    [{ keywords: 'data', location: 'x'.repeat(121) }, 'location', /at most 120/],
    [{}, 'search', /no saved searches/],
  ])('refuses %j with VALIDATION_FAILED naming %s, before any run starts', (input, field, reason) => {
    h.settings({ sourcing: { searches: input.search === 'Data' ? [{ name: 'Data', keywords: 'data' }] : [] } });
    let error: unknown;
    try {
      start(fakeLinkedIn([]), input);
    } catch (e) {
      error = e;
    }
    expect(isRapportError(error) && error.code).toBe('VALIDATION_FAILED');
    const issues = (isRapportError(error) ? (error.details as { issues: { field: string; reason: string }[] }).issues : []);
    expect(issues[0].field).toBe(field);
    expect(issues[0].reason).toMatch(reason);
    expect(h.ctx.store.runs.list(1, 10).total).toBe(0);
  });
});

describe('failedBeforeLoad', () => {
  it.each<[unknown, boolean]>([
    [new Error('page.goto: net::ERR_CONNECTION_REFUSED at http://x/in/a/'), true],
    [new Error('page.goto: Timeout 15000ms exceeded.'), true],
    [new Error('page.goto: Target page, context or browser has been closed'), true],
    [new Error('locator.innerText: Target page, context or browser has been closed'), false],
    [new RapportError('ABORTED', 'stopped'), false],
    [new RapportError('LINKEDIN_RESTRICTED', 'page.goto: looks like one but is a guard'), false],
    [new RapportError('SELECTOR_NOT_FOUND', 'no h1'), false],
    ['page.goto: a string', false],
  ])('%s → %s', (error, expected) => {
    expect(failedBeforeLoad(error)).toBe(expected);
  });
});
