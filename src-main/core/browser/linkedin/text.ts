/** Small text helpers shared by the page objects. */
import { sameName as sameSharedName } from '../../../../src-shared/text-match.js';

/** NFC, one space between words, trimmed: how two renderings of the same name compare equal. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Same name as a reader would see it (case, apostrophes, spaces, Unicode form): see src-shared/text-match. */
export function sameName(a: string, b: string): boolean {
  return sameSharedName(a, b);
}

/** Non-empty, trimmed lines of an element's innerText. */
export function lines(innerText: string): string[] {
  return innerText
    .split('\n')
    .map(normaliseText)
    .filter(Boolean);
}

/** First name / last name from a display name: the first word, and the rest without credentials (", PhD"). */
export function splitName(fullName: string): { firstName: string; lastName: string | null } {
  const name = normaliseText(fullName).replace(/,.*$/, '');
  const space = name.indexOf(' ');
  if (space < 0) return { firstName: name, lastName: null };
  return { firstName: name.slice(0, space), lastName: name.slice(space + 1) };
}
