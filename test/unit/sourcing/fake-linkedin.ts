/** A scripted LinkedIn (no browser) for the campaign's unit tests: result pages in, visits recorded. */
import type { BrowserEngine, LinkedIn, ProfileData, SearchResult } from '../../../src-main/core/browser/index.js';
import { canonicalProfileUrl } from '../../../src-shared/profile-url.js';
import { RapportError } from '../../../src-shared/errors.js';

export interface FakePerson {
  publicId: string;
  fullName: string;
  headline: string;
  location: string;
  company: string | null;
  degree: 1 | 2 | 3 | null;
}

export function person(publicId: string, extra: Partial<FakePerson> = {}): FakePerson {
  const name = publicId.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
  return { publicId, fullName: name, headline: 'Data Engineer at Acme', location: 'Lyon, France', company: 'Acme', degree: 2, ...extra };
}

export interface FakeLinkedIn {
  li: LinkedIn;
  engine: BrowserEngine;
  /** Public ids visited, in order. */
  visits: string[];
  /** Result page URLs loaded, in order. */
  pageUrls: string[];
  /** Pacing gaps waited. */
  gaps: number;
  /** Makes the n-th visit (1-based) fail with this error, or every visit of one person. */
  failVisit(match: number | string, error: Error): void;
}

export function fakeLinkedIn(pages: FakePerson[][]): FakeLinkedIn {
  const failures = new Map<number | string, Error>();
  let guardStop: RapportError | null = null;
  const state: FakeLinkedIn = {
    visits: [],
    pageUrls: [],
    gaps: 0,
    failVisit: (match, error) => void failures.set(match, error),
    li: undefined as unknown as LinkedIn,
    engine: undefined as unknown as BrowserEngine,
  };
  const refuseAfterGuard = () => {
    if (guardStop) throw guardStop;
  };
  const toResult = (p: FakePerson, page: number): SearchResult => ({
    publicId: p.publicId,
    profileUrl: canonicalProfileUrl(p.publicId),
    fullName: p.fullName,
    headline: p.headline,
    location: p.location,
    degree: p.degree,
    page,
  });
  const unused = () => {
    throw new Error('not used by sourcing');
  };
  const li: LinkedIn = {
    birthdays: { read: unused },
    messaging: { send: unused, readConversation: unused },
    search: {
      async *results(urlFor, maxPages) {
        for (let page = 1; page <= maxPages && page <= pages.length; page++) {
          refuseAfterGuard();
          state.pageUrls.push(urlFor(page));
          for (const p of pages[page - 1]) yield toResult(p, page);
        }
      },
    },
    profile: {
      async visit(publicId): Promise<ProfileData> {
        refuseAfterGuard();
        const n = state.visits.length + 1;
        const failure = failures.get(n) ?? failures.get(publicId);
        if (failure) {
          if (failure instanceof RapportError && ['LINKEDIN_RESTRICTED', 'LINKEDIN_CHECKPOINT', 'SESSION_EXPIRED'].includes(failure.code)) {
            guardStop = failure;
          }
          // A navigation failure never reached the page: it is not a visit LinkedIn saw.
          if (!/^page\.goto:/.test(failure.message)) state.visits.push(publicId);
          throw failure;
        }
        state.visits.push(publicId);
        const p = pages.flat().find((x) => x.publicId === publicId);
        if (!p) throw new RapportError('NOT_FOUND', `no ${publicId}`);
        const [firstName, ...rest] = p.fullName.split(' ');
        return {
          publicId,
          profileUrl: canonicalProfileUrl(publicId),
          fullName: p.fullName,
          firstName,
          lastName: rest.join(' ') || null,
          headline: p.headline,
          location: p.location,
          company: p.company,
          degree: p.degree,
        };
      },
    },
    pacing: {
      scale: () => 0,
      betweenMessages: async () => {},
      betweenVisits: async (signal) => {
        if (signal.aborted) throw new RapportError('ABORTED', 'stopped');
        state.gaps++;
      },
      micro: async () => {},
      wait: async () => {},
      type: async () => {},
    },
    guards: { stopped: () => guardStop, check: async () => refuseAfterGuard() },
  };
  state.li = li;
  const engine: Pick<BrowserEngine, 'withLinkedIn'> = {
    async withLinkedIn(signal, fn) {
      if (signal.aborted) throw new RapportError('ABORTED', 'stopped');
      return fn(li);
    },
  };
  state.engine = engine as BrowserEngine;
  return state;
}
