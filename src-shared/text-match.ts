/**
 * How a text we stored and a text read back from LinkedIn are compared. The same person's name or
 * the same message can come back in another Unicode form, with non-breaking or doubled spaces, line
 * breaks turned into spaces, or curly apostrophes; both sides go through the same normaliser here.
 */

/** Characters that render as nothing (zero-width space, word joiner, BOM). ZWJ is kept: emoji need it. */
const ZERO_WIDTH = /[\u200b\u2060\ufeff]/g;
/** Also invisible in a name: direction marks and isolates, soft hyphen, zero-width non-joiner. */
const NAME_INVISIBLE = /[\u00ad\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const APOSTROPHES = /[\u2018\u2019\u02bc\u02b9\u00b4\u0060\u2032]/g;
const HYPHENS = /[\u2010\u2011\u2012\u2013\u2212]/g;

/**
 * NFC, line breaks and runs of (non-breaking) spaces collapsed to one space, trimmed. Emoji and
 * every other visible character are left as they are.
 */
export function normaliseMessage(text: string): string {
  return text.normalize('NFC').replace(ZERO_WIDTH, '').replace(/\s+/gu, ' ').trim();
}

/** True when a conversation event holds the whole stored message (after the same normalisation). */
export function eventHoldsMessage(eventText: string, message: string): boolean {
  const wanted = normaliseMessage(message);
  return wanted !== '' && normaliseMessage(eventText).includes(wanted);
}

/** A name reduced to what a reader sees: NFC, spaces collapsed, one apostrophe and hyphen, case folded. */
export function comparableName(name: string): string {
  const plain = normaliseMessage(name.replace(NAME_INVISIBLE, ''))
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, '-');
  // Upper then lower approximates Unicode case folding (ß → SS → ss), then back to NFC.
  return plain.toUpperCase().toLowerCase().normalize('NFC');
}

export function sameName(a: string, b: string): boolean {
  const x = comparableName(a);
  return x !== '' && x === comparableName(b);
}

/**
 * For an error message: when two names that differ print the same (a Cyrillic "е" for a Latin
 * "e"), say where they differ, so the message never reads as "X is not X".
 */
export function describeNameDifference(shown: string, expected: string): string | null {
  const a = Array.from(comparableName(shown));
  const b = Array.from(comparableName(expected));
  if (a.join('') === b.join('')) return null;
  const i = a.findIndex((ch, k) => ch !== b[k]);
  const at = i < 0 ? a.length : i;
  const code = (ch: string | undefined) => (ch === undefined ? 'nothing' : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return `character ${at + 1}: ${code(a[at])} vs ${code(b[at])}`;
}
