import type { z } from 'zod';
import type { sourcingRunInputSchema } from '../../../src-shared/contract.js';
import { issuesFromZod, validationError } from '../../../src-shared/errors.js';
import { keywordGroups, normaliseKeywords } from '../../../src-shared/search-keywords.js';
import { savedSearchSchema, type SavedSearch, type Settings } from '../../../src-shared/settings.js';
import type { FitCriteria } from './fit-score.js';

export type SourcingRunInput = z.output<typeof sourcingRunInputSchema>;

/** One search as the run executes it: keywords normalised, limits and fit criteria resolved. */
export interface PlannedSearch {
  name: string;
  keywords: string;
  location: string | null;
  degrees: readonly number[];
  criteria: FitCriteria;
  maxPages: number;
  maxVisits: number;
}

export interface SourcingPlan {
  searches: PlannedSearch[];
  /** Visits (or would-be visits) the whole run may make; null = only each search's own limit. */
  runCap: number | null;
}

export const AD_HOC_SEARCH_NAME = '(ad hoc)';

/**
 * Fit criteria fall back to the search itself: no criteria keywords → the search's own terms (those
 * not under NOT; `a OR b` as one entry either satisfies), no criteria location → the search's
 * location. A search for `"data engineer" (java OR kotlin) NOT intern` in Lyon then scores people on
 * "data engineer", Java-or-Kotlin and Lyon without the user repeating them.
 */
function criteriaOf(search: SavedSearch): FitCriteria {
  const c = search.criteria;
  return {
    keywords: c.keywords.length > 0 ? c.keywords : keywordGroups(search.keywords),
    location: c.location || search.location || null,
    yearsOfExperience: c.yearsOfExperience ?? null,
  };
}

function planned(search: SavedSearch, maxVisits: number | undefined): PlannedSearch {
  return {
    name: search.name,
    keywords: normaliseKeywords(search.keywords),
    location: search.location || null,
    degrees: search.degrees ?? [],
    criteria: criteriaOf(search),
    maxPages: search.maxPages,
    // An explicit --max-visits is what the user asked for this run: it replaces the saved limit.
    maxVisits: maxVisits ?? search.maxVisitsPerRun,
  };
}

const field = (name: string, reason: string) => validationError('sourcing run', [{ field: name, reason }]);

/**
 * Which saved searches a run without `search` or `keywords` takes: `all` (a manual run), or
 * `unscheduled` (the global `schedule.sourcing` slot: the searches with a schedule of their own run
 * at their own times, so they are not run twice).
 */
export type SearchScope = 'all' | 'unscheduled';

/**
 * Resolves what to search: a saved search by name, an ad-hoc one from keywords (validated exactly
 * like a saved one), or — with neither — every saved search in `scope`, in turn.
 * Throws VALIDATION_FAILED naming the field; nothing has started yet at that point.
 */
export function planSourcingRun(settings: Settings, input: SourcingRunInput, scope: SearchScope = 'all'): SourcingPlan {
  const runCap = input.maxVisits ?? null;
  if (input.search !== undefined && input.keywords !== undefined) {
    throw field('search', 'give either a saved search or keywords, not both');
  }
  if (input.location !== undefined && input.keywords === undefined) {
    throw field('location', 'a location goes with keywords; a saved search has its own');
  }
  if (input.search !== undefined) {
    const name = input.search.trim();
    const found = settings.sourcing.searches.find((s) => s.name === name);
    if (!found) {
      const known = settings.sourcing.searches.map((s) => `"${s.name}"`).join(', ');
      throw field('search', `no saved search is named "${name}"${known ? ` (saved: ${known})` : ' (there are no saved searches)'}`);
    }
    return { searches: [planned(found, input.maxVisits)], runCap };
  }
  if (input.keywords !== undefined) {
    const parsed = savedSearchSchema.safeParse({
      name: AD_HOC_SEARCH_NAME,
      keywords: input.keywords,
      ...(input.location?.trim() ? { location: input.location } : {}),
    });
    if (!parsed.success) throw validationError('sourcing run', issuesFromZod(parsed.error));
    return { searches: [planned(parsed.data, input.maxVisits)], runCap };
  }
  if (settings.sourcing.searches.length === 0) {
    throw field('search', 'there are no saved searches: give keywords or save a search first');
  }
  const searches = scope === 'all' ? settings.sourcing.searches : settings.sourcing.searches.filter((s) => !s.schedule);
  if (searches.length === 0) throw field('search', 'every saved search has a schedule of its own: none is left for schedule.sourcing');
  return { searches: searches.map((s) => planned(s, input.maxVisits)), runCap };
}
