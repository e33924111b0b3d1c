/**
 * Fit score 0–100 of a visited profile against a saved search's criteria, with the points each part
 * gave (stored on the contact so the UI can say why). Pure and deterministic.
 *
 * Parts and their weights (points out of 100 when every part applies):
 * - `keywords` 55 — share of the criteria keywords found as whole words/phrases in headline + company
 *   (an entry with alternatives counts as found when any of them is);
 * - `location` 25 — share of the criteria location's comma-separated parts found in the profile's
 *   location ("Paris, France" vs "Lyon, …, France" = half). An empty profile location matches
 *   nothing — never "'' is contained in every string";
 * - `experience` 10 — 1 inside the years range, fading to 0 five years outside it;
 * - `network` 10 — how close the person is: 1st 1, 2nd 0.6, 3rd+ 0.25, unknown 0 (the profile page
 *   always shows the degree, and a closer person is likelier to see and return the visit).
 * A part whose criterion is not set (no keywords, no location, no years range) does not apply, and
 * the weights of the parts that do are scaled up to 100. Experience applies only when the profile
 * states its years: the top card does not show them, so unknown years neither help nor hurt.
 */

export interface FitProfile {
  headline: string | null;
  company: string | null;
  location: string | null;
  degree?: number | null;
  /** Years of professional experience when known (not read from the top card today). */
  yearsOfExperience?: number | null;
}

export interface FitCriteria {
  /** Each entry must be found; a list entry is satisfied by any one of its alternatives (`java OR kotlin`). */
  keywords: readonly (string | readonly string[])[];
  location?: string | null;
  yearsOfExperience?: readonly [number, number] | null;
}

export interface FitScore {
  /** Integer 0–100. */
  score: number;
  /** Points per applicable part; they add up to `score`. */
  breakdown: Record<string, number>;
}

export const FIT_WEIGHTS = { keywords: 55, location: 25, experience: 10, network: 10 } as const;
type Part = keyof typeof FIT_WEIGHTS;

const NETWORK_VALUE: Record<number, number> = { 1: 1, 2: 0.6, 3: 0.25 };
const EXPERIENCE_FADE_YEARS = 5;

/**
 * Lower case, accents dropped, words separated by single spaces. `+` and `#` stay word characters
 * so "C++" and "C#" are not the letter "c".
 */
export function fitText(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

/** Whole-word (or whole-phrase) match on normalised text: "java" does not match "javascript". */
function containsWords(haystack: string, needle: string): boolean {
  return needle !== '' && ` ${haystack} `.includes(` ${needle} `);
}

function keywordShare(profile: FitProfile, keywords: FitCriteria['keywords']): number | null {
  const groups = new Map<string, string[]>();
  for (const entry of keywords) {
    const alternatives = [...new Set((typeof entry === 'string' ? [entry] : entry).map(fitText).filter(Boolean))].sort();
    if (alternatives.length) groups.set(alternatives.join('|'), alternatives);
  }
  if (groups.size === 0) return null;
  const haystack = fitText(`${profile.headline ?? ''} ${profile.company ?? ''}`);
  const found = [...groups.values()].filter((alternatives) => alternatives.some((t) => containsWords(haystack, t)));
  return found.length / groups.size;
}

function locationShare(profile: FitProfile, location: string | null | undefined): number | null {
  const parts = [...new Set((location ?? '').split(/[,;/]/).map(fitText).filter(Boolean))];
  if (parts.length === 0) return null;
  const haystack = fitText(profile.location);
  if (!haystack) return 0;
  return parts.filter((p) => containsWords(haystack, p)).length / parts.length;
}

function experienceShare(profile: FitProfile, range: readonly [number, number] | null | undefined): number | null {
  const years = profile.yearsOfExperience;
  if (!range || years === null || years === undefined || !Number.isFinite(years)) return null;
  const [min, max] = range;
  const distance = years < min ? min - years : years > max ? years - max : 0;
  return Math.max(0, 1 - distance / EXPERIENCE_FADE_YEARS);
}

/** Integer points per part that add up to the rounded total (largest remainders get the spare points). */
function apportion(raw: Partial<Record<Part, number>>): FitScore {
  const entries = Object.entries(raw) as [Part, number][];
  const score = Math.round(entries.reduce((sum, [, v]) => sum + v, 0));
  const floors = entries.map(([k, v]) => ({ k, points: Math.floor(v), rest: v - Math.floor(v) }));
  let spare = score - floors.reduce((sum, f) => sum + f.points, 0);
  // Ties (equal remainders up to float noise) go to the weightier part, so results never depend on float luck.
  const order = (k: Part) => Object.keys(FIT_WEIGHTS).indexOf(k);
  const byRest = (a: (typeof floors)[number], b: (typeof floors)[number]) => Math.round((b.rest - a.rest) * 1e9) || order(a.k) - order(b.k);
  for (const f of [...floors].sort(byRest)) {
    if (spare <= 0) break;
    f.points += 1;
    spare -= 1;
  }
  return { score, breakdown: Object.fromEntries(floors.map((f) => [f.k, f.points])) };
}

export function fitScore(profile: FitProfile, criteria: FitCriteria): FitScore {
  const shares: Partial<Record<Part, number>> = {};
  const keywords = keywordShare(profile, criteria.keywords);
  if (keywords !== null) shares.keywords = keywords;
  const location = locationShare(profile, criteria.location);
  if (location !== null) shares.location = location;
  const experience = experienceShare(profile, criteria.yearsOfExperience);
  if (experience !== null) shares.experience = experience;
  shares.network = NETWORK_VALUE[profile.degree ?? 0] ?? 0;

  const parts = Object.keys(shares) as Part[];
  const totalWeight = parts.reduce((sum, p) => sum + FIT_WEIGHTS[p], 0);
  const raw: Partial<Record<Part, number>> = {};
  for (const p of parts) raw[p] = (FIT_WEIGHTS[p] * (shares[p] ?? 0) * 100) / totalWeight;
  const result = apportion(raw);
  return { score: Math.min(100, Math.max(0, result.score)), breakdown: result.breakdown };
}
