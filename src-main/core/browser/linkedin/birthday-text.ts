/**
 * Reads the line of a birthday card that says when the birthday is, in English and French:
 * "Today" / "Aujourd'hui", "Yesterday" / "Hier", "2 days ago" / "il y a 2 jours",
 * "in 3 days" / "dans 3 jours", "Tomorrow" / "Demain", or a date ("Nov 24", "24 nov.").
 * Words match on letter boundaries, so "Thierry" and "Gauthier" are not "hier".
 */
export type BirthdayWhen = { kind: 'today' } | { kind: 'late'; days: number } | { kind: 'upcoming'; days: number };

export interface ParsedBirthday {
  when: BirthdayWhen;
  birthMonth: number;
  birthDay: number;
}

export interface ParseOptions {
  /** Only accept a line that is nothing but the phrase (used when scanning every line of a card). */
  wholeLine?: boolean;
}

const DAY_MS = 86_400_000;
const MAX_DATE_OFFSET_DAYS = 183;
// Letter/digit boundaries that work with accents (\b does not know "é" is a letter).
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const NUM = "(\\d{1,3}|an?|one|un|une)";

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  janv: 1, fevr: 2, fev: 2, mars: 3, avr: 4, mai: 5, juin: 6, juil: 7, aout: 8, déc: 12, févr: 2, fév: 2, août: 8,
};
const EN_MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?';
const FR_MONTH = '(janv|f[ée]vr?|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c)[\\p{L}]*\\.?';

interface Rule {
  re: RegExp;
  read(m: RegExpExecArray, today: number): number | null; // offset in days from today (negative = past)
}

function count(token: string): number {
  return /^\d+$/.test(token) ? Number(token) : 1;
}

function rule(pattern: string, read: Rule['read']): Rule {
  return { re: new RegExp(`${B}${pattern}${E}`, 'iu'), read };
}

/** Days from `today` to the month/day occurrence nearest to it (so dates across the new year work); null when none is near. */
function offsetToDate(today: number, month: number, day: number, year?: number): number | null {
  const y = new Date(today).getUTCFullYear();
  const years = year ? [year] : [y - 1, y, y + 1];
  let best: number | null = null;
  for (const yy of years) {
    const t = Date.UTC(yy, month - 1, day);
    const d = new Date(t);
    if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) continue; // e.g. Feb 29 in a common year
    const offset = Math.round((t - today) / DAY_MS);
    if (best === null || Math.abs(offset) < Math.abs(best)) best = offset;
  }
  // A birthday card never shows a date half a year away: such a reading is a misparse.
  return best !== null && Math.abs(best) <= MAX_DATE_OFFSET_DAYS ? best : null;
}

function monthNumber(token: string): number | undefined {
  const key = token.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 4)] ?? MONTHS[key.slice(0, 3)];
}

// Relative phrases come first: "il y a 2 jours" must not be read as anything else.
const RULES: Rule[] = [
  rule(`${NUM} days? ago`, (m) => -count(m[1])),
  rule(`il y a ${NUM} jours?`, (m) => -count(m[1])),
  rule(`in ${NUM} days?`, (m) => count(m[1])),
  rule(`dans ${NUM} jours?`, (m) => count(m[1])),
  rule("(today|aujourd['’]hui)", () => 0),
  rule('(yesterday|hier)', () => -1),
  rule('(tomorrow|demain)', () => 1),
  rule(`${EN_MONTH} (\\d{1,2})(?:,? (\\d{4}))?`, (m, today) => {
    const month = monthNumber(m[1]);
    return month ? offsetToDate(today, month, Number(m[2]), m[3] ? Number(m[3]) : undefined) : null;
  }),
  rule(`(\\d{1,2})(?:er)? ${FR_MONTH}(?: (\\d{4}))?`, (m, today) => {
    const month = monthNumber(m[2]);
    return month ? offsetToDate(today, month, Number(m[1]), m[3] ? Number(m[3]) : undefined) : null;
  }),
];

function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Leftover around the phrase that still counts as "the whole line": punctuation, bullets, spaces. */
const FILLER = /^[\s\p{P}\p{S}]*$/u;

/**
 * `today` is the calendar day to count from, read from its UTC fields (pass `Date.UTC(y, m - 1, d)`
 * for the user's local date). Returns null when the text says nothing recognisable about a date.
 */
export function parseBirthdayLine(text: string, today: Date, options: ParseOptions = {}): ParsedBirthday | null {
  const line = normalise(text);
  const day0 = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  for (const r of RULES) {
    const m = r.re.exec(line);
    if (!m) continue;
    if (options.wholeLine && !(FILLER.test(line.slice(0, m.index)) && FILLER.test(line.slice(m.index + m[0].length)))) continue;
    const offset = r.read(m, day0);
    if (offset === null) continue;
    const date = new Date(day0 + offset * DAY_MS);
    const when: BirthdayWhen = offset === 0 ? { kind: 'today' } : offset < 0 ? { kind: 'late', days: -offset } : { kind: 'upcoming', days: offset };
    return { when, birthMonth: date.getUTCMonth() + 1, birthDay: date.getUTCDate() };
  }
  return null;
}

/** The user's calendar day in `timeZone`, as a Date whose UTC fields hold it. */
export function calendarToday(now: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const [y, m, d] = parts.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}
