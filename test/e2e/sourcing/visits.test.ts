/**
 * Sourcing end to end on both DOM generations and both locales: real Chromium, the browser engine
 * and page objects, the LinkedIn simulator, pacing off. Assertions are on what the simulator
 * recorded (`/__sim/visits`) and what Rapport stored.
 */
import { describe, expect, it } from 'vitest';
import { canonicalProfileUrl } from '../../../src-shared/profile-url.js';
import type { SimLocale, SimVariant } from '../../fixtures/linkedin-sim/index.js';
import { metric } from './harness.js';
import { expectedMatches, SEARCH } from './people.js';
import { E2E_TIMEOUT_MS, ids, setup } from './setup.js';

describe.each<[SimVariant, SimLocale]>([
  ['classic', 'en'],
  ['classic', 'fr'],
  ['modern', 'en'],
  ['modern', 'fr'],
])('sourcing on the %s DOM in %s', { timeout: E2E_TIMEOUT_MS }, (variant, locale) => {
  it('visits exactly the profiles the search finds across result pages and stores what they show', async () => {
    const s = await setup(variant, locale);
    const expected = expectedMatches(s.people);
    expect(expected.length).toBeGreaterThan(6); // more than two result pages of 3

    const run = await s.run({ search: SEARCH.name });
    expect(run.errorMessage).toBeNull();
    expect(run.status).toBe('succeeded');
    expect(ids(s.sim.visits())).toEqual(ids(expected));
    expect(run.counts).toEqual({ seen: expected.length, visited: expected.length });

    for (const p of expected) {
      const contact = s.h.ctx.store.contacts.getByProfileUrl(canonicalProfileUrl(p.publicId));
      expect(contact).toMatchObject({
        publicId: p.publicId,
        fullName: `${p.firstName} ${p.lastName}`,
        firstName: p.firstName,
        lastName: p.lastName,
        headline: p.headline,
        location: p.location,
        company: p.company ?? null,
        source: 'search',
      });
      // Kotlin (the search's own terms), Lyon (its location), 1st or 2nd degree.
      expect(contact?.score).toBeGreaterThanOrEqual(90);
      expect(Object.keys(contact?.scoreBreakdown ?? {}).sort()).toEqual(['keywords', 'location', 'network']);
      const visits = s.h.ctx.store.interactions.forContact(contact!.id, 'profile_visit');
      expect(visits.map((v) => v.status)).toEqual(['sent']);
    }
    expect(s.h.ctx.store.contacts.count()).toBe(expected.length);
    expect(await s.h.visitsUsedToday()).toBe(expected.length);
    expect(await metric(s.h.ctx, 'profilesVisited', { status: 'visited' })).toBe(expected.length);
  });
});
