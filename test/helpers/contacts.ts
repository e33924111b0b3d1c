import type Database from 'better-sqlite3';

const FIRST = ['Jane', 'Thierry', 'Hélène', 'Marc', 'Aïcha', 'Li', 'Sofia', 'Gauthier', 'Omar', 'Zoé'];
const LAST = ['Doe', 'Martin', 'Lefèvre', 'Nguyen', 'Dubois', 'Smith', 'Rossi', 'Bernard', 'Khan', 'Moreau'];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', null];
const CITIES = ['Paris', 'Lyon', 'Berlin', 'Montréal', 'London'];
const STATUSES = ['active', 'active', 'active', 'blocked', 'ignored'] as const;
const SOURCES = ['birthday', 'search', 'import', 'manual'] as const;

/** Inserts `n` deterministic contacts with one prepared statement in one transaction (fast fixture). */
export function seedContacts(sqlite: Database.Database, n: number): void {
  const insert = sqlite.prepare(
    `insert into contacts (profile_url, public_id, full_name, first_name, last_name, headline, location, company,
      birth_month, birth_day, source, status, score, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const base = Date.UTC(2024, 0, 1);
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const first = FIRST[i % FIRST.length];
      const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
      const id = `person-${i}`;
      const at = new Date(base + i * 60_000).toISOString();
      insert.run(
        `https://www.linkedin.com/in/${id}/`,
        id,
        `${first} ${last} ${i}`,
        first,
        last,
        i % 7 === 0 ? 'Data engineer at scale' : 'Product manager',
        CITIES[i % CITIES.length],
        COMPANIES[i % COMPANIES.length],
        (i % 12) + 1,
        (i % 28) + 1,
        SOURCES[i % SOURCES.length],
        STATUSES[i % STATUSES.length],
        i % 3 === 0 ? null : i % 101,
        at,
        at,
      );
    }
  })();
}
