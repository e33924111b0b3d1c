/**
 * What a zod issue says, apart from its English sentence: the code and its parameters. The panel's
 * own checks have them from the issue itself; the server's VALIDATION_FAILED issues carry only
 * `{ field, reason }`, so their facts are read back from zod's English sentence (zod/v4/locales/en).
 */
export interface IssueFacts {
  code: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  exact?: boolean;
  expected?: string;
  received?: string;
  format?: string;
  prefix?: string;
  suffix?: string;
  includes?: string;
  values?: unknown[];
  keys?: string[];
  divisor?: number | bigint;
}

const FACT_KEYS = [
  'origin', 'minimum', 'maximum', 'inclusive', 'exact', 'expected', 'format', 'prefix', 'suffix', 'includes', 'values', 'keys', 'divisor',
] as const;

/** The facts of a zod issue object (its message aside). */
export function factsOfIssue(issue: { code: string }): IssueFacts {
  const facts: Record<string, unknown> = { code: issue.code };
  const all = issue as unknown as Record<string, unknown>;
  for (const key of FACT_KEYS) if (all[key] !== undefined) facts[key] = all[key];
  return facts as unknown as IssueFacts;
}

/** zod's English names of string formats, reversed (`email address` → `email`). */
const FORMATS: Record<string, string> = {
  input: 'regex',
  'email address': 'email',
  URL: 'url',
  UUID: 'uuid',
  'ISO datetime': 'datetime',
  'ISO date': 'date',
  'ISO time': 'time',
  'ISO duration': 'duration',
  'IPv4 address': 'ipv4',
  'IPv6 address': 'ipv6',
  'base64-encoded string': 'base64',
  'JSON string': 'json_string',
};

function comparison(sign: string | undefined): Pick<IssueFacts, 'inclusive' | 'exact'> {
  if (sign === 'exactly ') return { inclusive: true, exact: true };
  return { inclusive: sign === '<=' || sign === '>=' };
}

/** `"a"` → `a`, `5` → 5: zod quotes strings when it names a value. */
function unquote(raw: string): unknown {
  const text = raw.trim();
  if (/^".*"$/.test(text)) return text.slice(1, -1);
  const n = Number(text);
  return text !== '' && Number.isFinite(n) ? n : text;
}

type Reader = [RegExp, (m: RegExpMatchArray) => IssueFacts];

const BOUND = /^Too (big|small): expected (\w+) to (?:have|be) (<=|>=|<|>|exactly )?(-?[\d.e+]+)(?: \w+)?$/;

const READERS: Reader[] = [
  [
    BOUND,
    (m) => {
      const bound = Number(m[4]);
      return m[1] === 'big'
        ? { code: 'too_big', origin: m[2], maximum: bound, ...comparison(m[3]) }
        : { code: 'too_small', origin: m[2], minimum: bound, ...comparison(m[3]) };
    },
  ],
  [/^Invalid input: expected (\w+), received (\w+)$/, (m) => ({ code: 'invalid_type', expected: m[1], received: m[2] })],
  [/^Invalid input: expected (.+)$/, (m) => ({ code: 'invalid_value', values: [unquote(m[1]!)] })],
  [/^Invalid option: expected one of (.+)$/, (m) => ({ code: 'invalid_value', values: m[1]!.split('|').map(unquote) })],
  [/^Invalid string: must start with "(.*)"$/, (m) => ({ code: 'invalid_format', format: 'starts_with', prefix: m[1] })],
  [/^Invalid string: must end with "(.*)"$/, (m) => ({ code: 'invalid_format', format: 'ends_with', suffix: m[1] })],
  [/^Invalid string: must include "(.*)"$/, (m) => ({ code: 'invalid_format', format: 'includes', includes: m[1] })],
  [/^Invalid string: must match pattern /, () => ({ code: 'invalid_format', format: 'regex' })],
  [/^Invalid number: must be a multiple of (.+)$/, (m) => ({ code: 'not_multiple_of', divisor: Number(m[1]) })],
  [/^Unrecognized keys?: (.+)$/, (m) => ({ code: 'unrecognized_keys', keys: m[1]!.split(', ').map((k) => String(unquote(k))) })],
  [/^Invalid key in (\w+)$/, (m) => ({ code: 'invalid_key', origin: m[1] })],
  [/^Invalid value in (\w+)$/, (m) => ({ code: 'invalid_element', origin: m[1] })],
  [/^Invalid input(: more than one option matched)?$/, () => ({ code: 'invalid_union' })],
  [/^Invalid discriminator value/, () => ({ code: 'invalid_union' })],
  [/^Invalid (.+)$/, (m) => ({ code: 'invalid_format', format: FORMATS[m[1]!] ?? m[1] })],
];

/** The facts behind one of zod's English sentences, or null when the sentence is not zod's. */
export function factsOfEnglish(message: string): IssueFacts | null {
  for (const [pattern, read] of READERS) {
    const m = message.match(pattern);
    if (m) return read(m);
  }
  return null;
}
