/** Names as people write them: curly or straight apostrophes, accents or not, stray spaces and case. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** "Marie-Claire de La Tour" → first "Marie-Claire", last "de La Tour"; a single word has no last name. */
export function splitName(fullName: string): { firstName: string | null; lastName: string | null } {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: null, lastName: null };
  if (words.length === 1) return { firstName: words[0], lastName: null };
  return { firstName: words[0], lastName: words.slice(1).join(' ') };
}
