import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../fixtures/linkedin-sim/index.js';
import { get, sendMessage, start } from './helpers.js';

let sim: Simulator;
let ids: string[];
beforeAll(async () => {
  sim = await start({ seed: 3 });
  ids = sim.config().people.map((p) => p.publicId);
});
afterAll(async () => { await sim.close(); });
beforeEach(() => { sim.reset(); sim.configure({ guard: null, locale: 'en', variant: 'classic' }); });

const BIRTHDAYS = '/mynetwork/catch-up/birthday/';

describe('guards', () => {
  it('checkpoint after 2 messages: messages 1 and 2 recorded, then pages and sends are guarded', async () => {
    sim.configure({ guard: { kind: 'checkpoint', afterMessages: 2 } });
    expect((await get(sim, BIRTHDAYS)).status).toBe(200);
    expect((await sendMessage(sim, ids[0], 'one')).json.ok).toBe(true);
    expect((await get(sim, BIRTHDAYS)).status).toBe(200);
    expect((await sendMessage(sim, ids[1], 'two')).json.ok).toBe(true);
    const third = await sendMessage(sim, ids[2], 'three');
    expect(third.json.ok).toBe(false);
    expect(String(third.json.redirect)).toMatch(/^\/checkpoint\/challenge\/AgF/);
    expect(sim.sent().map((m) => m.text)).toEqual(['one', 'two']);
    const page = await get(sim, BIRTHDAYS);
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/checkpoint\/challenge\//);
    const challenge = await get(sim, page.location ?? '');
    expect(challenge.body).toContain("Let's do a quick security check");
    expect(challenge.body).toMatch(/<iframe[^>]*src="[^"]*captcha/);
  });

  it('restricted after 3 visits: exactly 3 visits recorded, then the restriction page in place', async () => {
    sim.configure({ guard: { kind: 'restricted', afterVisits: 3 }, locale: 'fr' });
    for (const id of ids.slice(0, 3)) expect((await get(sim, `/in/${id}/`)).status).toBe(200);
    const fourth = await get(sim, `/in/${ids[3]}/`);
    expect(fourth.status).toBe(200);
    expect(fourth.body).toContain('Votre compte a été temporairement restreint');
    expect(fourth.body).not.toContain('<nav');
    expect(sim.visits().map((v) => v.publicId)).toEqual(ids.slice(0, 3));
    const send = await sendMessage(sim, ids[0], 'x');
    expect(send.json).toMatchObject({ ok: false, guard: 'restricted', reload: true });
  });

  it('login, captcha, 429 and 999 are active at once without a threshold', async () => {
    sim.configure({ guard: { kind: 'login' } });
    const login = await get(sim, '/feed/');
    expect(login.status).toBe(302);
    expect(login.location).toMatch(/^\/login\?/);

    sim.configure({ guard: { kind: 'captcha' } });
    const captcha = await get(sim, BIRTHDAYS);
    expect(captcha.location).toMatch(/^\/checkpoint\/challenge\/.*challengeType=captcha/);
    expect((await get(sim, captcha.location ?? '')).body).toContain('id="captcha-internal"');

    sim.configure({ guard: { kind: 'http429' } });
    expect((await get(sim, BIRTHDAYS)).status).toBe(429);
    expect((await sendMessage(sim, ids[0], 'x')).status).toBe(429);

    sim.configure({ guard: { kind: 'http999' } });
    const r999 = await get(sim, `/in/${ids[0]}/`);
    expect(r999.status).toBe(999);
    expect(r999.body.length).toBeLessThan(300);
    expect(sim.visits()).toEqual([]);
    expect(sim.sent()).toEqual([]);
  });

  it('limit: pages still render with the banner, visits and sends are not recorded', async () => {
    sim.configure({ guard: { kind: 'limit', afterNavigations: 1 } });
    const first = await get(sim, `/in/${ids[0]}/`);
    expect(first.body).not.toContain('weekly invitation limit');
    const second = await get(sim, `/in/${ids[1]}/`);
    expect(second.status).toBe(200);
    expect(second.body).toMatch(/<h1[^>]*>/);
    expect(second.body).toContain("You've reached the weekly invitation limit");
    expect(sim.visits().map((v) => v.publicId)).toEqual([ids[0]]);
    const send = await sendMessage(sim, ids[0], 'x');
    expect(send.json.ok).toBe(false);
    expect(String(send.json.bannerHtml)).toContain('weekly invitation limit');
    expect(sim.sent()).toEqual([]);
  });

  it('afterNavigations counts page loads; reset clears the counters', async () => {
    sim.configure({ guard: { kind: 'checkpoint', afterNavigations: 2 } });
    expect((await get(sim, '/feed/')).status).toBe(200);
    expect((await get(sim, BIRTHDAYS)).status).toBe(200);
    expect((await get(sim, '/feed/')).status).toBe(302);
    sim.reset();
    expect((await get(sim, '/feed/')).status).toBe(200);
  });
});
