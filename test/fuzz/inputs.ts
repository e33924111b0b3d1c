/**
 * Generated requests for the API fuzz suite: valid and boundary inputs built from each operation's own
 * schema keys, and hostile ones (wrong types, huge numbers, deep nesting, invalid UTF-8, prototype keys,
 * malformed escapes, wrong content types).
 */
import fc from 'fast-check';
import type { z } from 'zod';
import type { Operation } from '../../src-shared/contract.js';

export interface FuzzRequest {
  /** Path with its parameters filled in (possibly malformed). */
  path: string;
  /** Raw query string, without `?`. */
  query: string;
  body?: Buffer;
  headers: Record<string, string>;
  /** What the case is, for the report. */
  kind: 'valid-shaped' | 'hostile-json' | 'raw-body' | 'raw-query';
}

const HUGE_NUMBERS = [0, -0, 1, -1, 2, 499, 500, 501, 2 ** 31, 2 ** 53 + 1, -(2 ** 53) - 1, 1e308, -1e308, 5e-324, 0.5];
const NASTY_STRINGS = [
  '', ' ', '\u0000', '\uFEFF', '\u202E', 'é', '💥', '%E0', '../../etc/passwd', '<script>alert(1)</script>', '=cmd|" /C calc"!A0',
  '{firstName', '{unknown}', '{a|b', 'null', 'undefined', '__proto__', 'constructor', 'NaN', '-1', '1e3', 'true', '\uD800',
];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Deeply nested arrays/objects as text: JSON.parse handles them, a recursive walker might not. */
function deepText(depth: number, object: boolean): string {
  return object ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : '['.repeat(depth) + ']'.repeat(depth);
}

const scalar = fc.oneof(
  fc.constantFrom(...HUGE_NUMBERS),
  fc.integer({ min: -5, max: 1000 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ minLength: 900, maxLength: 12_000 }),
);

const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...PROTOTYPE_KEYS)), scalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

function keysOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** Objects whose keys are the operation's own (plus now and then a stranger): mostly valid, often on a boundary. */
function shapedInput(op: Operation, extraKeys: string[]): fc.Arbitrary<Record<string, unknown>> {
  const keys = [...new Set([...keysOf(op.input), ...extraKeys])];
  const key = keys.length ? fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }) : fc.string({ maxLength: 12 });
  return fc.dictionary(key, value, { maxKeys: Math.max(3, keys.length + 1) });
}

const pathParam = fc.oneof(
  fc.nat({ max: 50 }).map(String),
  fc.constantFrom('%E0', '%', '%ZZ', '%C0%AF', '%2e%2e', '..', '0', '-1', '1.5', '1e3', '99999999999999999999', '%00', '%F0%9F%92%A5'),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
);

function fillPath(template: string, params: string[]): string {
  let i = 0;
  return template.replace(/:(\w+)/g, () => params[i++] ?? '1');
}

function toQuery(input: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) q.append(k, typeof v === 'string' ? v : JSON.stringify(v) ?? '');
  return q.toString();
}

const rawQuery = fc.oneof(
  fc.constantFrom('page=%E0', 'page=1&page=2', '__proto__[x]=1', 'constructor.prototype.x=1', '%', '=&=&', 'pageSize=1e999', 'a=%00'),
  fc.string({ maxLength: 60 }).map(urlSafe),
);

/** Characters a request line may carry as they are; the rest percent-encoded (raw `%` stays, malformed or not). */
function urlSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9\-._~%&=!$'()*+,;:@/?[\]]/g, (c) => encodeURIComponent(c).replace(/%25/g, '%'));
}

const rawBody = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
  fc.constantFrom(
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), // {"a":"<invalid UTF-8>"}
    Buffer.from([0xc0, 0xaf]),
    Buffer.from(deepText(5_000, false)),
    Buffer.from(deepText(5_000, true)),
    Buffer.from('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
    Buffer.from('[1,2,3]'),
    Buffer.from('"text"'),
    Buffer.from('{"a":1,'),
    Buffer.from('{"n":1e999999}'),
  ),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  '',
);

/** Requests for one operation; `extraKeys` adds known nested keys (e.g. settings sections). */
export function requestsFor(op: Operation, extraKeys: string[] = []): fc.Arbitrary<FuzzRequest> {
  const params = fc.array(pathParam, { minLength: 2, maxLength: 2 });
  const hasBody = op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH';
  const shaped = fc.tuple(params, shapedInput(op, extraKeys)).map(([p, input]): FuzzRequest => {
    const path = fillPath(op.path, p);
    if (!hasBody) return { path, query: toQuery(input), headers: {}, kind: 'valid-shaped' };
    return { path, query: '', body: Buffer.from(JSON.stringify(input)), headers: { 'content-type': 'application/json' }, kind: 'valid-shaped' };
  });
  const hostile = fc.tuple(params, value).map(([p, v]): FuzzRequest => {
    const path = fillPath(op.path, p);
    const text = JSON.stringify(v) ?? 'null';
    return hasBody
      ? { path, query: '', body: Buffer.from(text), headers: { 'content-type': 'application/json' }, kind: 'hostile-json' }
      : { path, query: `q=${encodeURIComponent(text)}`, headers: {}, kind: 'hostile-json' };
  });
  const raw = fc.tuple(params, rawBody, contentType, rawQuery).map(([p, body, type, query]): FuzzRequest => {
    const path = fillPath(op.path, p);
    return hasBody
      ? { path, query: '', body, headers: type ? { 'content-type': type } : {}, kind: 'raw-body' }
      : { path, query, headers: {}, kind: 'raw-query' };
  });
  return fc
    .oneof({ weight: 5, arbitrary: shaped }, { weight: 2, arbitrary: hostile }, { weight: 2, arbitrary: raw })
    .map((r) => Object.assign(r, { [fc.toStringMethod]: () => describeRequest(r) }));
}

/** How a failing case is printed: short enough to read (a 5,000-level nesting is not). */
export function describeRequest(r: FuzzRequest): string {
  const body = r.body ? ` body(${r.body.length} B)=${JSON.stringify(r.body.subarray(0, 120).toString('latin1'))}` : '';
  return `${r.kind} ${r.path}${r.query ? `?${r.query.slice(0, 120)}` : ''} ${JSON.stringify(r.headers)}${body}`;
}
