import type { Locator } from 'playwright-core';
import { canonicalProfileUrl, publicIdFromUrl } from '../../../../src-shared/profile-url.js';
import type { BrowserPage } from './browser-page.js';
import { parseCardLines, type Degree } from './profile-text.js';
import { lines } from './text.js';

export interface SearchResult {
  publicId: string;
  /** Canonical, query string dropped. */
  profileUrl: string;
  fullName: string;
  headline: string | null;
  location: string | null;
  degree: Degree | null;
  /** Result page it was found on (1-based). */
  page: number;
}

export interface PeopleSearchQuery {
  /** LinkedIn keyword syntax: "exact phrase", A OR B, NOT x. */
  keywords: string;
  /** LinkedIn's network filter: F = 1st, S = 2nd, O = 3rd+. */
  network?: Array<'F' | 'S' | 'O'>;
}

/** `/search/results/people/?keywords=…&page=N` (relative to the base URL). */
export function peopleSearchPath(query: PeopleSearchQuery, page: number): string {
  const params = new URLSearchParams({ keywords: query.keywords });
  if (query.network?.length) params.set('network', JSON.stringify(query.network));
  if (page > 1) params.set('page', String(page));
  return `/search/results/people/?${params.toString()}`;
}

/** People search: walks result pages until the empty state, the last page, or `maxPages`. */
export class SearchPage {
  constructor(private readonly bp: BrowserPage) {}

  /** `urlFor(page)` gives the path (or absolute URL) of a result page; see `peopleSearchPath`. */
  async *results(urlFor: (page: number) => string, maxPages: number): AsyncGenerator<SearchResult> {
    for (let page = 1; page <= maxPages; page++) {
      const { target } = await this.bp.goto(urlFor(page), ['search.result', 'search.empty']);
      if (target === 'search.empty') return;
      for (const item of await this.bp.engine.all('search.result')) yield await this.readResult(item, page);
      if (!(await this.hasNextPage())) return;
    }
  }

  private async hasNextPage(): Promise<boolean> {
    const next = await this.bp.engine.optional('search.next');
    return next !== null && (await next.isEnabled());
  }

  private async readResult(item: Locator, page: number): Promise<SearchResult> {
    const { engine } = this.bp;
    const nameEl = await engine.one('search.resultName', { scope: item, timeoutMs: 0 });
    const fullName = lines(await nameEl.innerText())[0] ?? '';
    const link = await engine.one('search.resultLink', { scope: item, timeoutMs: 0 });
    const href = (await link.getAttribute('href')) ?? '';
    const publicId = publicIdFromUrl(this.bp.url(href));
    if (!fullName || !publicId) throw await engine.notFound('search.resultLink', `a result without a readable name or profile link (${href})`);
    const text = parseCardLines(lines(await item.innerText()), fullName);
    return { publicId, profileUrl: canonicalProfileUrl(publicId), fullName, ...text, page };
  }
}
