/** A hand-made simulator population for the sourcing tests: who matches is obvious from the table. */
import type { SimLocale, SimPerson } from '../../fixtures/linkedin-sim/index.js';

interface Row {
  first: string;
  last: string;
  role: 'kotlin' | 'intern' | 'java';
  city: 'lyon' | 'paris';
  company?: string;
  degree: 1 | 2 | 3;
}

// Search in the tests: `(kotlin|scala) -intern` in Lyon, degrees 1–2 (the previous tool's syntax on purpose).
const ROWS: Row[] = [
  { first: 'Alice', last: 'Martin', role: 'kotlin', city: 'lyon', company: 'Acme', degree: 1 },
  { first: 'Bruno', last: 'Petit', role: 'java', city: 'lyon', company: 'Globex', degree: 2 },
  { first: 'Chloé', last: 'Durand', role: 'kotlin', city: 'lyon', degree: 2 },
  { first: 'David', last: 'Leroy', role: 'kotlin', city: 'paris', company: 'Initech', degree: 2 },
  { first: 'Émilie', last: 'Moreau', role: 'intern', city: 'lyon', company: 'Hooli', degree: 2 },
  { first: 'François', last: 'Simon', role: 'kotlin', city: 'lyon', company: 'Pied Piper', degree: 2 },
  { first: 'Gaëlle', last: 'Michel', role: 'kotlin', city: 'lyon', company: 'Contoso', degree: 3 },
  { first: 'Hugo', last: 'Garcia', role: 'kotlin', city: 'lyon', company: 'Fabrikam', degree: 1 },
  { first: 'Inès', last: 'Faure', role: 'kotlin', city: 'lyon', company: 'Northwind Traders', degree: 2 },
  { first: 'Jules', last: 'André', role: 'java', city: 'paris', company: 'Acme', degree: 1 },
  { first: 'Karim', last: 'Mercier', role: 'kotlin', city: 'lyon', degree: 2 },
  { first: 'Léa', last: 'Blanc', role: 'kotlin', city: 'lyon', company: 'Wayne Enterprises', degree: 1 },
  { first: 'Manon', last: 'Guérin', role: 'kotlin', city: 'lyon', company: 'Globex', degree: 2 },
  { first: 'Nicolas', last: 'Boyer', role: 'kotlin', city: 'lyon', company: 'Vandelay Industries', degree: 2 },
];

const ROLE_TEXT: Record<SimLocale, Record<Row['role'], string>> = {
  en: { kotlin: 'Kotlin Developer', intern: 'Kotlin Intern', java: 'Java Developer' },
  fr: { kotlin: 'Développeuse Kotlin', intern: 'Stagiaire Kotlin (intern)', java: 'Développeur Java' },
};
const CITY_TEXT: Record<Row['city'], string> = {
  lyon: 'Lyon, Auvergne-Rhône-Alpes, France',
  paris: 'Paris, Île-de-France, France',
};

export const SEARCH = { name: 'Kotlin Lyon', keywords: '(kotlin|scala) -intern', location: 'Lyon', degrees: [1, 2] as Array<1 | 2 | 3> };

function slug(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

export function simPeople(locale: SimLocale): SimPerson[] {
  return ROWS.map((r, i) => {
    const role = ROLE_TEXT[locale][r.role];
    const headline = r.company ? `${role} ${locale === 'fr' ? 'chez' : 'at'} ${r.company}` : locale === 'fr' ? `${role} en freelance` : `Freelance ${role}`;
    const person: SimPerson = {
      publicId: `${slug(`${r.first}-${r.last}`)}-${(0x1a2b + i).toString(16)}`,
      firstName: r.first,
      lastName: r.last,
      headline,
      location: CITY_TEXT[r.city],
      degree: r.degree,
    };
    if (r.company) person.company = r.company;
    return person;
  });
}

/** Who the search should find, in result order: Kotlin, not intern, Lyon, 1st or 2nd degree (unless `anyDegree`). */
export function expectedMatches(people: SimPerson[], anyDegree = false): SimPerson[] {
  return people.filter((p, i) => ROWS[i].role === 'kotlin' && ROWS[i].city === 'lyon' && (anyDegree || ROWS[i].degree <= 2));
}
