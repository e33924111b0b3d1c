import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SimPerson, Simulator } from '../../fixtures/linkedin-sim/index.js';
import { get, start } from './helpers.js';

const P = (publicId: string, first: string, last: string, headline: string, degree: 1 | 2 | 3, company?: string): SimPerson => ({
  publicId, firstName: first, lastName: last, headline, location: 'Paris, Île-de-France, France', degree, ...(company ? { company } : {}),
});
const people: SimPerson[] = [
  P('ada-data', 'Ada', 'Lovelace', 'Data Engineer at Acme', 1, 'Acme'),
  P('bob-data', 'Bob', 'Martin', 'Senior Data Engineer at Globex', 2, 'Globex'),
  P('cyd-recr', 'Cyd', 'Charisse', 'Technical Recruiter at Acme', 3, 'Acme'),
  P('dan-free', 'Dan', 'Brown', 'Freelance Data Scientist', 2),
  P('eve-pm', 'Ève', 'Durand', 'Product Manager at Hooli', 2, 'Hooli'),
];

let sim: Simulator;
beforeAll(async () => { sim = await start({ people, birthdays: [] }); });
afterAll(async () => { await sim.close(); });
beforeEach(() => { sim.reset(); sim.configure({ locale: 'en', variant: 'classic', searchPageSize: 10, guard: null }); });

const ids = (html: string) => [...new Set([...html.matchAll(/href="[^"]*\/in\/([^/"]+)\/\?miniProfileUrn=/g)].map((m) => m[1]))];
const search = async (q: string, page?: number) => (await get(sim, `/search/results/people/?keywords=${encodeURIComponent(q)}${page ? `&page=${page}` : ''}`)).body;

describe('profile', () => {
  it('classic EN: top card, degree, connections, buttons, experience; records a visit', async () => {
    const { status, body } = await get(sim, '/in/ada-data/');
    expect(status).toBe(200);
    expect(body).toMatch(/<h1[^>]*>Ada Lovelace<\/h1>/);
    expect(body).toContain('>· 1st<');
    expect(body).toContain('>Data Engineer at Acme<');
    expect(body).toContain('>Paris, Île-de-France, France<');
    expect(body).toContain('>500+ connections<');
    expect(body).toContain('aria-label="Message Ada Lovelace"');
    expect(body).toContain('>Experience<');
    expect(body).toContain('aria-label="Current company: Acme"');
    expect(sim.visits().map((v) => v.publicId)).toEqual(['ada-data']);
  });

  it('modern FR: Connect / Follow / More, no experience without a company', async () => {
    sim.configure({ locale: 'fr', variant: 'modern' });
    const { body } = await get(sim, '/in/dan-free/');
    expect(body).toMatch(/<h1[^>]*>Dan Brown<\/h1>/);
    expect(body).toContain('>· 2e<');
    expect(body).toContain('>Se connecter<');
    expect(body).toContain('>Suivre<');
    expect(body).toContain('>Plus<');
    expect(body).not.toContain('Expérience');
    expect(body).toMatch(/relations</);
    const third = (await get(sim, '/in/cyd-recr/')).body;
    expect(third).toContain('>· 3e<');
    expect(third).toMatch(/role="menuitem"[^>]*>Se connecter</); // Connect only under "More"
  });

  it('answers 404 for an unknown profile and records no visit', async () => {
    const { status, body } = await get(sim, '/in/nobody-here/');
    expect(status).toBe(404);
    expect(body).toContain("This page doesn't exist");
    sim.configure({ locale: 'fr' });
    expect((await get(sim, '/in/nobody-here/')).body).toContain("Cette page n'existe pas");
    expect(sim.visits()).toEqual([]);
  });
});

describe('people search', () => {
  it('matches keywords with boolean syntax over name, headline, company and location', async () => {
    expect(ids(await search('data engineer'))).toEqual(['ada-data', 'bob-data']);
    expect(ids(await search('"senior data"'))).toEqual(['bob-data']);
    expect(ids(await search('recruiter OR scientist'))).toEqual(['cyd-recr', 'dan-free']);
    expect(ids(await search('acme NOT recruiter'))).toEqual(['ada-data']);
    expect(ids(await search('EVE'))).toEqual(['eve-pm']);
    expect(ids(await search('paris')).length).toBe(5);
  });

  it('renders result items per generation and paginates with Next', async () => {
    sim.configure({ searchPageSize: 2 });
    const p1 = await search('paris');
    expect(p1.match(/<li class="reusable-search__result-container">/g)).toHaveLength(2);
    expect(p1).toMatch(/<button type="button" class="[^"]*artdeco-pagination__button--next[^"]*" aria-label="Next">/);
    expect(ids(p1)).toEqual(['ada-data', 'bob-data']);
    expect(ids(await search('paris', 2))).toEqual(['cyd-recr', 'dan-free']);
    const last = await search('paris', 3);
    expect(ids(last)).toEqual(['eve-pm']);
    expect(last).toMatch(/aria-label="Next" disabled>/);
    const beyond = await search('paris', 4);
    expect(ids(beyond)).toEqual([]);
    expect(beyond).toContain('No results found');

    sim.configure({ variant: 'modern', locale: 'fr' });
    const m1 = await search('paris');
    expect(m1.match(/data-view-name="people-search-result"/g)).toHaveLength(2);
    expect(m1).toContain('>Suivant<');
    expect(m1).not.toContain('reusable-search__result-container');
    expect(await search('paris', 3)).not.toContain('>Suivant<');
    expect(await search('zzz')).toContain('Aucun résultat trouvé');
  });

  it('filters by network degree', async () => {
    const body = (await get(sim, `/search/results/people/?keywords=paris&network=${encodeURIComponent('["F","O"]')}`)).body;
    expect(ids(body)).toEqual(['ada-data', 'cyd-recr']);
  });
});
