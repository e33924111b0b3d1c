/**
 * Page objects in real Chromium against the simulator, for one DOM generation in both locales:
 * each reads exactly the seeded data, and a message reaches exactly the intended recipient.
 * Registered by linkedin-classic.test.ts and linkedin-modern.test.ts (two files run in parallel).
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalProfileUrl } from '../../../src-shared/profile-url.js';
import { browserHandlers, createBrowserEngine, peopleSearchPath, type BrowserEngine } from '../../../src-main/core/browser/index.js';
import { startSimulator, type SimConfig, type SimLocale, type SimPerson, type SimVariant, type Simulator } from '../../fixtures/linkedin-sim/index.js';
import { searchPeople } from '../../fixtures/linkedin-sim/pages/search.js';
import { createTestContext, linkedInStorageState, openSession, TEST_ENGINE_OPTIONS, type OpenSession, type TestContext } from '../../helpers/browser.js';

const LOCALES = ['en', 'fr'] as const;

const SEARCH_KEYWORDS = { en: 'Engineer OR Developer OR Manager', fr: 'Ingénieur OR Développeur OR Responsable' } as const;
const TEXTS = {
  en: 'Happy belated birthday, {first}! I hope you had a great day.',
  fr: 'Joyeux anniversaire avec un peu de retard, {first} ! J’espère que tu as passé une belle journée.',
} as const;

const fullName = (p: SimPerson) => `${p.firstName} ${p.lastName}`;

export interface SuiteOptions {
  /** Locale of the popup test. */
  popupLocale: SimLocale;
  /** Also run the "landmarks removed" test (the page is the same in both generations: once is enough). */
  withoutLandmarks: boolean;
}

export function linkedInSuite(variant: SimVariant, options: SuiteOptions): void {
  let sim: Simulator;
  let t: TestContext;
  let engine: BrowserEngine;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 11 });
    t = createTestContext({ baseUrl: sim.url });
    engine = createBrowserEngine(t.ctx, TEST_ENGINE_OPTIONS);
    await engine.session.importCookies(linkedInStorageState());
  });

  afterAll(async () => {
    await engine?.stop();
    t?.dispose();
    await sim?.close();
  });

  describe.each(LOCALES)(`${variant} DOM, %s`, (locale) => {
    let session: OpenSession;
    let cfg: SimConfig;
    const person = (publicId: string) => cfg.people.find((p) => p.publicId === publicId) as SimPerson;
    const birthdayOf = (kind: 'today' | 'late' | 'upcoming', nth = 0) => person(cfg.birthdays.filter((b) => b.when.kind === kind)[nth].publicId);

    beforeAll(async () => {
      sim.reset();
      sim.configure({ variant, locale, guard: null, popup: false, emptyBirthdays: false, removeLandmarks: false, strayBubbleFor: null });
      cfg = sim.config();
      // A conversation with someone else is left open on every page: the send must not go there.
      sim.configure({ strayBubbleFor: birthdayOf('upcoming').publicId });
      session = await openSession(engine);
    });
    afterAll(async () => {
      await session?.close();
    });

    it('reads exactly the seeded birthday cards (lazy-loaded), with when and the birth date', async () => {
      const cards = await session.li.birthdays.read();
      const expected = cfg.birthdays.map((b) => ({ publicId: b.publicId, fullName: fullName(person(b.publicId)), when: b.when }));
      const byId = (a: { publicId: string }, b: { publicId: string }) => a.publicId.localeCompare(b.publicId);
      expect(cards.map(({ publicId, fullName: name, when }) => ({ publicId, fullName: name, when })).sort(byId)).toEqual(expected.sort(byId));
      for (const card of cards) {
        expect(card.profileUrl).toBe(canonicalProfileUrl(card.publicId));
        expect(card.birthMonth).toBeGreaterThanOrEqual(1);
        expect(card.birthDay).toBeGreaterThanOrEqual(1);
      }
      const today = cards.find((c) => c.when.kind === 'today');
      const now = new Date();
      expect([today?.birthMonth, today?.birthDay]).toEqual([now.getMonth() + 1, now.getDate()]);
    });

    it('sends from a birthday card to exactly the intended recipient, with a stray bubble open, never touching the decoy', async () => {
      const target = birthdayOf('late', 1);
      const text = TEXTS[locale].replace('{first}', target.firstName);
      let typedBeforeSend = false;
      await session.li.messaging.send({
        publicId: target.publicId,
        fullName: fullName(target),
        text,
        from: 'birthdays',
        onTyped: () => {
          typedBeforeSend = sim.sent().length === 0;
        },
      });
      expect(typedBeforeSend).toBe(true);
      expect(sim.sent().map((m) => [m.recipientPublicId, m.text])).toEqual([[target.publicId, text]]);
      expect(sim.decoyClicks()).toBe(0);
    });

    it('sends from a profile (a line break stays a line break) and reads the conversation back', async () => {
      const target = birthdayOf('today', 2);
      const text = `${locale === 'fr' ? 'Joyeux anniversaire' : 'Happy birthday'} ${target.firstName} !\nÀ bientôt 🎉`;
      await session.li.messaging.send({ publicId: target.publicId, fullName: fullName(target), text, from: 'profile' });
      expect(sim.sent().at(-1)).toMatchObject({ recipientPublicId: target.publicId, text });
      expect(sim.sent()).toHaveLength(2);
      expect(sim.decoyClicks()).toBe(0);
      const conversation = await session.li.messaging.readConversation(target.publicId, fullName(target));
      expect(conversation).toEqual([text.replace('\n', ' ')]);
    });

    it('reads profiles exactly, with and without a current company', async () => {
      const withCompany = cfg.people.find((p) => p.company && p.degree === 2) as SimPerson;
      const withoutCompany = cfg.people.find((p) => !p.company && p.degree === 1) as SimPerson;
      for (const p of [withCompany, withoutCompany]) {
        const data = await session.li.profile.visit(p.publicId);
        expect(data).toEqual({
          publicId: p.publicId,
          profileUrl: canonicalProfileUrl(p.publicId),
          fullName: fullName(p),
          firstName: p.firstName,
          lastName: p.lastName,
          headline: p.headline,
          location: p.location,
          company: p.company ?? null,
          degree: p.degree,
        });
      }
      expect(sim.visits().map((v) => v.publicId).slice(-2)).toEqual([withCompany.publicId, withoutCompany.publicId]);
    });

    it('walks people-search results across pages and stops at the end or at maxPages', async () => {
      const query = { keywords: SEARCH_KEYWORDS[locale] };
      const expected = searchPeople(cfg.people, query.keywords);
      expect(expected.length).toBeGreaterThan(cfg.searchPageSize); // more than one page
      const found = [];
      for await (const r of session.li.search.results((page) => peopleSearchPath(query, page), 10)) found.push(r);
      expect(found.map((r) => r.publicId)).toEqual(expected.map((p) => p.publicId));
      expect(found.map((r) => [r.fullName, r.headline, r.location, r.degree])).toEqual(expected.map((p) => [fullName(p), p.headline, p.location, p.degree]));
      expect(found.at(-1)?.page).toBe(Math.ceil(expected.length / cfg.searchPageSize));

      const firstPage = [];
      for await (const r of session.li.search.results((page) => peopleSearchPath(query, page), 1)) firstPage.push(r.publicId);
      expect(firstPage).toEqual(expected.slice(0, cfg.searchPageSize).map((p) => p.publicId));

      const none = [];
      for await (const r of session.li.search.results((page) => peopleSearchPath({ keywords: 'zzzz-nobody' }, page), 3)) none.push(r);
      expect(none).toEqual([]);
    });

    it('an empty birthday list with its empty state is a clean empty result', async () => {
      sim.configure({ emptyBirthdays: true });
      try {
        expect(await session.li.birthdays.read()).toEqual([]);
      } finally {
        sim.configure({ emptyBirthdays: false });
      }
    });
  });

  describe('popups', () => {
    it(`${variant}/${options.popupLocale}: an upsell dialog covering the page is dismissed, and the message still goes out`, async () => {
      const locale = options.popupLocale;
      sim.reset();
      sim.configure({ variant, locale, popup: true, strayBubbleFor: null, guard: null, emptyBirthdays: false, removeLandmarks: false });
      const cfg = sim.config();
      const target = cfg.people.find((p) => p.publicId === cfg.birthdays[0].publicId) as SimPerson;
      const session = await openSession(engine);
      try {
        await session.li.messaging.send({ publicId: target.publicId, fullName: fullName(target), text: 'Happy birthday!', from: 'birthdays' });
      } finally {
        await session.close();
      }
      expect(sim.sent().map((m) => m.recipientPublicId)).toEqual([target.publicId]);
      expect(sim.decoyClicks()).toBe(0);
    });
  });

  if (options.withoutLandmarks) {
    describe('a page without its landmarks', () => {
      it('fails loud with SELECTOR_NOT_FOUND and a screenshot, never an empty success', async () => {
        sim.reset();
        sim.configure({ variant: 'modern', locale: 'en', popup: false, strayBubbleFor: null, guard: null, emptyBirthdays: false, removeLandmarks: true });
        const someone = sim.config().people[0];
        const handlers = browserHandlers(t.ctx, engine);
        const before = (await handlers['diagnostics.list']?.({}))?.length ?? 0;
        const session = await openSession(engine);
        const errors: Array<{ code?: string; details?: { screenshot?: string; target?: string } }> = [];
        try {
          for (const action of [
            () => session.li.birthdays.read(),
            () => session.li.profile.visit(someone.publicId),
            async () => {
              for await (const r of session.li.search.results((page) => peopleSearchPath({ keywords: 'a' }, page), 2)) void r;
            },
          ]) {
            errors.push(await action().then(() => ({ code: 'none' }), (e: unknown) => e as (typeof errors)[number]));
          }
        } finally {
          await session.close();
          sim.configure({ removeLandmarks: false });
        }
        expect(errors.map((e) => [e.code, e.details?.target])).toEqual([
          ['SELECTOR_NOT_FOUND', 'nav.loggedIn'],
          ['SELECTOR_NOT_FOUND', 'nav.loggedIn'],
          ['SELECTOR_NOT_FOUND', 'nav.loggedIn'],
        ]);
        for (const e of errors) expect(existsSync(e.details?.screenshot ?? '')).toBe(true);
        const listed = (await handlers['diagnostics.list']?.({})) ?? [];
        expect(listed.length - before).toBe(3);
        expect(listed[0]).toMatchObject({ target: 'nav.loggedIn', screenshot: expect.stringMatching(/\.png$/), html: expect.stringMatching(/\.html$/) });
        const health = await handlers['selectors.health']?.({});
        expect(health?.find((h) => h.target === 'nav.loggedIn')?.state).toBe('failing');
      });
    });
  }
}
