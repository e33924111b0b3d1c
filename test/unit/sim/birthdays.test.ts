import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SimBirthday, SimPerson, Simulator } from '../../fixtures/linkedin-sim/index.js';
import { count, get, start } from './helpers.js';

const person = (publicId: string, firstName: string, lastName: string): SimPerson => ({ publicId, firstName, lastName, headline: 'Engineer', location: 'Lyon', degree: 1 });
const people = [
  person('thierry-a', 'Thierry', 'Aubert'),
  person('jane-b', 'Jane', 'Gauthier'),
  person('helene-c', 'Hélène', 'Lefèvre'),
  person('up-d', 'Paul', 'Upcoming'),
  person('late-e', 'Zoé', 'Late'),
  person('late-f', 'Tom', 'Later'),
];
const birthdays: SimBirthday[] = [
  { publicId: 'up-d', when: { kind: 'upcoming', days: 3 } },
  { publicId: 'late-f', when: { kind: 'late', days: 5 } },
  { publicId: 'jane-b', when: { kind: 'late', days: 1 } },
  { publicId: 'thierry-a', when: { kind: 'today' } },
  { publicId: 'late-e', when: { kind: 'late', days: 2 } },
];
const PATH = '/mynetwork/catch-up/birthday/';

let sim: Simulator;
beforeAll(async () => { sim = await start({ people, birthdays }); });
afterAll(async () => { await sim.close(); });
beforeEach(() => { sim.reset(); sim.configure({ locale: 'en', variant: 'classic', lazyBatchSize: 8, emptyBirthdays: false, removeLandmarks: false, popup: false, strayBubbleFor: null }); });

/** Names in page order, read from the profile links' inner text. */
function namesInOrder(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="[^"]*\/in\/[^"]+"[^>]*><(?:span|p) [^>]*>([^<]+)</g)].map((m) => m[1]);
}

describe('birthday page', () => {
  it('classic EN: ul[role=list] > li cards ordered today, belated, upcoming, with date lines and labelled buttons', async () => {
    const { status, body } = await get(sim, PATH);
    expect(status).toBe(200);
    expect(body).toContain('<main');
    expect(body).toMatch(/<h1[^>]*>Birthdays<\/h1>/);
    expect(body).toContain('<ul role="list"');
    expect(namesInOrder(body)).toEqual(['Thierry Aubert', 'Jane Gauthier', 'Zoé Late', 'Tom Later', 'Paul Upcoming']);
    for (const line of ['>Today<', '>Yesterday<', '>2 days ago<', '>5 days ago<', '>in 3 days<']) expect(body).toContain(line);
    expect(body).toContain('href="/in/thierry-a/"');
    expect(body).toContain('aria-label="Send message to Thierry Aubert"');
    expect(count(body, '<li class="artdeco-list__item mn-birthday-card">')).toBe(5);
    // one hidden decoy with the same text and label
    expect(body).toMatch(/<button[^>]*style="display:none"[^>]*><span class="artdeco-button__text">Message<\/span>/);
  });

  it('modern FR: div[role=list] > div[role=listitem], a[role=button], absolute links with query, dates for ≥ 3 days', async () => {
    sim.configure({ variant: 'modern', locale: 'fr' });
    const { body } = await get(sim, PATH);
    expect(body).toContain('<html lang="fr">');
    expect(body).toMatch(/<h1[^>]*>Anniversaires<\/h1>/);
    expect(body).toContain('<div role="list"');
    expect(count(body, '<div role="listitem"')).toBe(5);
    expect(body).not.toContain('<ul role="list"');
    expect(body).not.toContain('mn-birthday-card');
    expect(body).toMatch(new RegExp(`href="${sim.url.replace(/[.]/g, '\\.')}/in/thierry-a/\\?miniProfileUrn=`));
    for (const line of [">Aujourd'hui<", '>Hier<', '>il y a 2 jours<', '>21 nov.<', '>29 nov.<']) expect(body).toContain(line);
    expect(body).toContain('<a role="button" href="#"');
    expect(body).toContain('aria-label="Souhaiter un joyeux anniversaire à Thierry Aubert"');
    expect(body).toContain('>Souhaiter un joyeux anniversaire</a>');
    sim.configure({ locale: 'en' });
    const en = await get(sim, PATH);
    for (const line of ['>Nov 21<', '>Nov 29<', '>Yesterday<']) expect(en.body).toContain(line);
  });

  it('lazy-loads beyond the first batch through the JSON endpoint', async () => {
    sim.configure({ lazyBatchSize: 2 });
    const { body } = await get(sim, PATH);
    expect(namesInOrder(body)).toEqual(['Thierry Aubert', 'Jane Gauthier']);
    const names: string[] = [];
    let offset: number | null = 2;
    while (offset !== null) {
      const res = await fetch(`${sim.url}/__sim/api/birthdays?offset=${offset}`, { headers: { cookie: 'li_at=sim-li-at' } });
      const json = (await res.json()) as { ok: boolean; html: string; next: number | null };
      expect(json.ok).toBe(true);
      names.push(...namesInOrder(json.html));
      offset = json.next;
    }
    expect(names).toEqual(['Zoé Late', 'Tom Later', 'Paul Upcoming']);
  });

  it('shows the empty state only when there are no birthdays', async () => {
    sim.configure({ emptyBirthdays: true });
    expect((await get(sim, PATH)).body).toContain('No birthdays today');
    sim.configure({ locale: 'fr', variant: 'modern' });
    const fr = (await get(sim, PATH)).body;
    expect(fr).toContain("Aucun anniversaire aujourd'hui");
    expect(fr).not.toContain('role="list"');
  });

  it('removeLandmarks serves a page without nav, main, heading, list or empty state', async () => {
    sim.configure({ removeLandmarks: true, emptyBirthdays: true });
    const { status, body } = await get(sim, PATH);
    expect(status).toBe(200);
    for (const s of ['<nav', '<main', '<h1', 'role="list"', 'No birthdays', 'global-nav']) expect(body).not.toContain(s);
    expect(body).toContain('Something changed');
  });

  it('renders the stray bubble and the popup when configured', async () => {
    sim.configure({ strayBubbleFor: 'jane-b', popup: true });
    const { body } = await get(sim, PATH);
    expect(body).toContain('class="msg-overlay-conversation-bubble');
    expect(body).toMatch(/<h2 [^>]*class="msg-overlay-bubble-header__title[^"]*"><a [^>]*href="\/in\/jane-b\/">Jane Gauthier<\/a><\/h2>/);
    expect(body).toContain('aria-label="Close your conversation with Jane Gauthier"');
    expect(body).toContain('role="textbox" contenteditable="true" aria-multiline="true" aria-label="Write a message…"');
    expect(body).toMatch(/<button type="submit" class="msg-form__send-button[^"]*" disabled>Send<\/button>/);
    expect(body).toContain('Try Premium for free');
    expect(body).toContain('aria-label="Dismiss">Dismiss</button>');
  });
});
