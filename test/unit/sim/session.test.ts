import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../fixtures/linkedin-sim/index.js';
import { get, postJson, sendMessage, start } from './helpers.js';

let sim: Simulator;
beforeAll(async () => { sim = await start({ seed: 11 }); });
afterAll(async () => { await sim.close(); });
beforeEach(() => { sim.reset(); sim.configure({ locale: 'en', variant: 'classic', guard: null, popup: false, removeLandmarks: false }); });

describe('session', () => {
  it('redirects logged-out page loads to /login or the auth wall', async () => {
    const birthdays = await get(sim, '/mynetwork/catch-up/birthday/', { cookie: null });
    expect(birthdays.status).toBe(302);
    expect(birthdays.location).toMatch(/^\/login\?session_redirect=/);
    const profile = await get(sim, '/in/someone/', { cookie: 'li_at=wrong' });
    expect(profile.status).toBe(302);
    expect(profile.location).toMatch(/^\/authwall\?/);
    const wall = await get(sim, profile.location ?? '', { cookie: null });
    expect(wall.body).toContain('href="/login?session_redirect=');
    expect(sim.visits()).toEqual([]);
  });

  it('serves a login form and POST /login sets li_at and JSESSIONID', async () => {
    const form = await get(sim, '/login', { cookie: null });
    for (const s of ['id="username"', 'id="password"', 'type="submit"']) expect(form.body).toContain(s);
    const res = await fetch(`${sim.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'session_key=a%40b.c&session_password=x',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/feed/');
    const cookies = res.headers.getSetCookie().join('\n');
    expect(cookies).toMatch(/li_at=sim-li-at; Path=\//);
    expect(cookies).toContain('JSESSIONID=');
    const feed = await get(sim, '/feed/');
    expect(feed.status).toBe(200);
    expect(feed.body).toContain('<header id="global-nav"');
    expect(feed.body).toContain('aria-label="Primary Navigation"');
  });

  it('uses a configured session token and a modern, French navigation', async () => {
    sim.configure({ sessionToken: 'tok-2', locale: 'fr', variant: 'modern' });
    try {
      expect((await get(sim, '/feed/')).status).toBe(302);
      const feed = await get(sim, '/feed/', { cookie: 'li_at=tok-2; JSESSIONID="ajax:1"' });
      expect(feed.status).toBe(200);
      expect(feed.body).toContain('<html lang="fr">');
      expect(feed.body).toContain('<nav aria-label="Navigation principale"');
      expect(feed.body).not.toContain('global-nav');
      expect(feed.body).toContain('<span>Vous</span>');
    } finally {
      sim.configure({ sessionToken: 'sim-li-at' });
    }
  });
});

describe('/__sim endpoints', () => {
  it('report config, sent, visits; POST config merges and reset clears', async () => {
    const cfg = (await (await fetch(`${sim.url}/__sim/config`)).json()) as { seed: number; today: string; people: unknown[] };
    expect(cfg.seed).toBe(11);
    expect(cfg.today).toBe('2024-11-26');
    const id = sim.config().birthdays[0].publicId;

    expect((await sendMessage(sim, id, 'Happy birthday!')).json.ok).toBe(true);
    await get(sim, `/in/${id}/`);
    const sent = (await (await fetch(`${sim.url}/__sim/sent`)).json()) as Array<{ recipientPublicId: string; text: string; recipientName: string; at: string }>;
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ recipientPublicId: id, text: 'Happy birthday!' });
    expect(Number.isNaN(Date.parse(sent[0].at))).toBe(false);
    const visits = (await (await fetch(`${sim.url}/__sim/visits`)).json()) as Array<{ publicId: string }>;
    expect(visits.map((v) => v.publicId)).toEqual([id]);

    const patched = await postJson(sim, '/__sim/config', { popup: true, searchPageSize: 3 }, { cookie: null });
    expect(patched.status).toBe(200);
    expect(sim.config()).toMatchObject({ popup: true, searchPageSize: 3, seed: 11 });
    expect((await postJson(sim, '/__sim/config', { locale: 'de' }, { cookie: null })).status).toBe(400);

    expect((await postJson(sim, '/__sim/reset', {}, { cookie: null })).json.ok).toBe(true);
    expect(sim.sent()).toEqual([]);
    expect(sim.visits()).toEqual([]);
    expect(sim.config().popup).toBe(true); // reset keeps config
    sim.configure({ searchPageSize: 10 });
  });

  it('refuses API calls without a session and never records them', async () => {
    const id = sim.config().birthdays[0].publicId;
    const res = await postJson(sim, '/__sim/api/messages', { publicId: id, text: 'hi' }, { cookie: null });
    expect(res.status).toBe(401);
    expect(res.json.redirect).toBe('/login');
    expect(sim.sent()).toEqual([]);
  });

  it('regenerates the data set when the seed changes, keeps explicit people', () => {
    const before = sim.config().people[0].publicId;
    sim.configure({ seed: 12 });
    expect(sim.config().people[0].publicId).not.toBe(before);
    sim.configure({ people: [{ publicId: 'jane-doe', firstName: 'Jane', lastName: 'Doe', headline: 'CEO', location: 'Paris', degree: 1 }], birthdays: [{ publicId: 'jane-doe', when: { kind: 'today' } }] });
    sim.configure({ seed: 13 });
    expect(sim.config().people.map((p) => p.publicId)).toEqual(['jane-doe']);
    sim.configure({ seed: 11, people: undefined });
  });
});
