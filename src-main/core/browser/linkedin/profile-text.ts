/**
 * Reads a profile top card or a search result from its text lines (EN and FR), so the page objects
 * need no selector for headline, location or degree — those blocks carry no stable marker.
 * Lines that are not content (degree badges, counters, button labels, screen-reader hints) are skipped.
 */
import { sameName } from './text.js';

export type Degree = 1 | 2 | 3;

const DEGREE = /^(?:[·•]\s*)?(1st|2nd|3rd\+?|[4-9]th|1er|2e|3e\+?)(?:\s+degree connection)?$/i;
const DEGREE_LONG = /^(?:(1st|2nd|3rd)\s+degree connection|Relation de (1er|2e|3e) niveau)$/i;

const NOISE: RegExp[] = [
  DEGREE,
  DEGREE_LONG,
  /^(Contact info|Coordonnées)$/i,
  /^[\d\s.,  ]+\+?\s*(connections?|relations?|followers?|abonnés?)$/i,
  /^(Message|Connect|Follow|More|Pending|Se connecter|Suivre|Plus|En attente|Envoyer un message)$/i,
  /^(View .+[’']s? profile|Voir le profil de .+)$/i,
  /\b(mutual connections?|relations? en commun)\b/i,
];

const TRAILING_NOISE = /\s*[·•]?\s*(Contact info|Coordonnées)$/i;

export function isNoise(line: string): boolean {
  return NOISE.some((re) => re.test(line));
}

/** 1, 2 or 3 (3rd and beyond) from a degree badge line such as "· 1st", "• 2e", "3rd degree connection". */
export function parseDegree(line: string): Degree | null {
  const m = DEGREE.exec(line) ?? DEGREE_LONG.exec(line);
  const token = (m?.[1] ?? m?.[2] ?? '').toLowerCase();
  if (!token) return null;
  if (token.startsWith('1')) return 1;
  if (token.startsWith('2')) return 2;
  return 3;
}

/** A name line may carry the degree badge after it ("Jane Doe • 1st"). */
function splitBadge(line: string): { text: string; degree: Degree | null } {
  const m = /^(.*?)\s*([·•]\s*\S+)$/.exec(line);
  if (m) {
    const degree = parseDegree(m[2]);
    if (degree) return { text: m[1], degree };
  }
  return { text: line, degree: null };
}

export interface CardText {
  headline: string | null;
  location: string | null;
  degree: Degree | null;
}

/**
 * Content after the name: the first content line is the headline, the next one the location.
 * `skip` holds lines known to be something else (the current company shown beside the headline).
 */
export function parseCardLines(lines: string[], fullName: string, skip: string[] = []): CardText {
  const nameIndex = lines.findIndex((l) => sameName(splitBadge(l).text, fullName));
  let degree: Degree | null = nameIndex >= 0 ? splitBadge(lines[nameIndex]).degree : null;
  const content: string[] = [];
  for (const raw of lines.slice(nameIndex + 1)) {
    degree ??= parseDegree(raw);
    // Inline siblings share a line: "Paris, France Contact info".
    const line = raw.replace(TRAILING_NOISE, '');
    if (!line || isNoise(line) || skip.some((s) => sameName(s, line)) || sameName(line, fullName)) continue;
    content.push(line);
  }
  return { headline: content[0] ?? null, location: content[1] ?? null, degree };
}
