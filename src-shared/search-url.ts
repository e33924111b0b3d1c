import { RapportError } from './errors.js';
import { normaliseKeywords } from './search-keywords.js';

/**
 * LinkedIn people-search URLs (SPEC §2.2). The host and path come only from `linkedin.baseUrl` and a
 * constant; everything the user typed goes into query parameters through URLSearchParams, so no
 * keyword, location or page number can change where the browser goes. (The previous service let
 * users paste any URL and navigated to it.)
 *
 * Location: LinkedIn's own location filter takes geo ids (`geoUrn`) that only its typeahead knows,
 * and looking them up would be one more LinkedIn action per run. So the location text is added to
 * the keywords as a quoted phrase — `(java OR kotlin) "Lyon"` — which LinkedIn matches against the
 * profile's location line. Degrees use LinkedIn's `network` filter (F = 1st, S = 2nd, O = 3rd+).
 */
export const SEARCH_PATH = '/search/results/people/';
export const MAX_SEARCH_PAGE = 100;

export interface SearchUrlInput {
  keywords: string;
  location?: string | null;
  degrees?: readonly number[] | null;
}

const NETWORK_CODES: Record<number, 'F' | 'S' | 'O'> = { 1: 'F', 2: 'S', 3: 'O' };

/** Location text safe inside a phrase: no quotes, no control characters, one space between words. */
export function locationPhrase(location: string | null | undefined): string {
  return (location ?? '')
    .replace(/["\p{Cc}]/gu, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The `keywords` parameter: normalised keywords, plus the location as a quoted phrase ANDed to them. */
export function searchKeywords(search: Pick<SearchUrlInput, 'keywords' | 'location'>): string {
  const keywords = normaliseKeywords(search.keywords);
  const location = locationPhrase(search.location);
  if (!location) return keywords;
  if (!keywords) return `"${location}"`;
  // Implicit AND binds tighter than OR: without parentheses `a OR b "Lyon"` would mean a OR (b AND Lyon).
  const grouped = /\bOR\b/.test(keywords) ? `(${keywords})` : keywords;
  return `${grouped} "${location}"`;
}

/** `["F","S"]` for degrees 1 and 2; null when there is no filter (none, or all three). */
export function networkFilter(degrees: readonly number[] | null | undefined): string | null {
  const codes = [...new Set(degrees ?? [])]
    .sort()
    .map((d) => NETWORK_CODES[d])
    .filter((c): c is 'F' | 'S' | 'O' => c !== undefined);
  return codes.length === 0 || codes.length === 3 ? null : JSON.stringify(codes);
}

function originOf(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new RapportError('VALIDATION_FAILED', 'linkedin.baseUrl is not a valid URL.', { issues: [{ field: 'linkedin.baseUrl', reason: 'must be an http(s) URL' }] });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RapportError('VALIDATION_FAILED', 'linkedin.baseUrl must be an http(s) URL.', { issues: [{ field: 'linkedin.baseUrl', reason: 'must be an http(s) URL' }] });
  }
  return url.origin;
}

/** `${origin}/search/results/people/?keywords=…[&network=…]&page=N`; pages outside 1…100 are clamped. */
export function buildSearchUrl(baseUrl: string, search: SearchUrlInput, page: number): string {
  const params = new URLSearchParams({ keywords: searchKeywords(search) });
  const network = networkFilter(search.degrees);
  if (network) params.set('network', network);
  const n = Number.isFinite(page) ? Math.min(MAX_SEARCH_PAGE, Math.max(1, Math.floor(page))) : 1;
  params.set('page', String(n));
  return `${originOf(baseUrl)}${SEARCH_PATH}?${params.toString()}`;
}
