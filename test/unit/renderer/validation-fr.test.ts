/**
 * Field errors in French: every validation message written in src-shared has a French entry in the
 * panel's table, and zod's own issues are translated from their code and parameters — the same way
 * whether the panel found the issue or the server did (its reasons are only English sentences).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { settingsSchema, savedSearchSchema } from '../../../src-shared/settings.js';
import { keywordsProblem } from '../../../src-shared/search-keywords.js';
import { templateProblem } from '../../../src-shared/template.js';
import { frenchForMessage } from '../../../src-renderer/i18n/validation/fr-messages.js';
import { reasonOfIssue, translateReason } from '../../../src-renderer/i18n/validation/index.js';

const SHARED = fileURLToPath(new URL('../../../src-shared/', import.meta.url));
const SOURCES = readdirSync(SHARED).filter((f) => f.endsWith('.ts'));

type ZodLike = { _zod: { def: Record<string, unknown> } };
const isZod = (v: unknown): v is ZodLike => typeof v === 'object' && v !== null && '_zod' in v;

/** The message of a custom `error` (zod keeps even a plain string as a function). */
function customMessage(error: unknown): string | null {
  if (typeof error !== 'function') return null;
  const out: unknown = error({ code: 'custom', input: undefined, path: [] });
  if (typeof out === 'string') return out;
  return typeof out === 'object' && out !== null && typeof (out as { message?: unknown }).message === 'string' ? (out as { message: string }).message : null;
}

/** Every custom message in a schema: on the schema, on its checks (min, max, refine…), and in its children. */
function schemaMessages(value: unknown, out = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (seen.has(value)) return out;
  seen.add(value);
  if (!isZod(value)) {
    // Plain objects and arrays of schemas, e.g. the contract's `{ input, output }` entries.
    if (typeof value === 'object' && value !== null) for (const child of Object.values(value)) schemaMessages(child, out, seen);
    return out;
  }
  const def = value._zod.def;
  const own = customMessage(def.error);
  if (own) out.add(own);
  for (const check of (def.checks as ZodLike[] | undefined) ?? []) {
    const message = customMessage(check._zod.def.error);
    if (message) out.add(message);
  }
  for (const key of ['shape', 'element', 'items', 'rest', 'options', 'innerType', 'in', 'out', 'keyType', 'valueType', 'left', 'right']) {
    const child = def[key];
    if (Array.isArray(child)) child.forEach((c) => schemaMessages(c, out, seen));
    else if (isZod(child)) schemaMessages(child, out, seen);
    else if (key === 'shape' && child) Object.values(child).forEach((c) => schemaMessages(c, out, seen));
  }
  return out;
}

/** Literal text of a string or template literal; `${…}` parts become 1 (a number or a name, as the messages use them). */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => `1${s.literal.text}`).join('');
  return null;
}

/** The literals an expression can evaluate to: `cond ? 'a' : 'b'`, `x ?? 'c'`, `('d')`. */
function literalsOf(node: ts.Expression): string[] {
  if (ts.isParenthesizedExpression(node)) return literalsOf(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalsOf(node.whenTrue), ...literalsOf(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) {
    return [...literalsOf(node.left), ...literalsOf(node.right)];
  }
  const text = literalText(node);
  return text === null ? [] : [text];
}

/**
 * Messages written in code rather than in a schema's options: what `…Problem` functions return, what
 * a TemplateError says, and `message`/`reason` properties of issues. API error bodies (`{ code:
 * 'DB_BUSY', message }`) and RapportError's own message are the API's English and are left out.
 */
function sourceMessages(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(SHARED, file), 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const problemFunction = (node: ts.Node): boolean => {
    for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
      if (ts.isFunctionDeclaration(p) && p.name && /Problem$/.test(p.name.text)) return true;
    }
    return false;
  };
  const visit = (node: ts.Node) => {
    if (ts.isReturnStatement(node) && node.expression && problemFunction(node)) found.push(...literalsOf(node.expression));
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'TemplateError' && node.arguments?.[0]) {
      found.push(...literalsOf(node.arguments[0]));
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && ['message', 'reason', 'error'].includes(node.name.text)) {
      const owner = node.parent;
      const apiBody = owner.properties.some(
        (p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'code' && /^'[A-Z_]+'$/.test(p.initializer.getText()),
      );
      if (!apiBody) found.push(...literalsOf(node.initializer));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

async function sharedSchemaMessages(): Promise<Set<string>> {
  const out = new Set<string>();
  for (const file of SOURCES) {
    const module: Record<string, unknown> = await import(join(SHARED, file));
    schemaMessages(Object.values(module), out);
  }
  return out;
}

describe('French validation messages', () => {
  it('has a French entry for every message of every schema in src-shared', async () => {
    const messages = await sharedSchemaMessages();
    // The walk does reach the schemas (a walk that finds nothing would pass anything).
    for (const known of ['must not be empty', 'must be at most 80 characters', 'needs at least one template', 'must be an ISO date', 'must be an http(s) URL']) {
      expect(messages).toContain(known);
    }
    const missing = [...messages].filter((m) => frenchForMessage(m) === null);
    expect(missing).toEqual([]);
  });

  it('has a French entry for every message written in src-shared code (template and keyword problems, issues)', () => {
    const messages = SOURCES.flatMap(sourceMessages);
    for (const known of ['renders to an empty message', 'has empty parentheses', 'has a "(" without its ")"', 'is not a setting']) {
      expect(messages).toContain(known);
    }
    expect(messages.some((m) => m.startsWith('unknown placeholder'))).toBe(true);
    const missing = messages.filter((m) => frenchForMessage(m) === null);
    expect(missing).toEqual([]);
  });

  it('knows when a message has no French entry', () => {
    expect(frenchForMessage('must be a brand-new kind of value')).toBeNull();
    expect(frenchForMessage('must not be empty')).toBe('ne doit pas être vide');
  });

  it('translates what the template and keyword checks actually say, with their details', () => {
    expect(translateReason('fr', templateProblem('Hello {nickname}')!)).toBe(
      'variable inconnue {nickname} (variables connues : {firstName}, {lastName}, {fullName}, {daysLate})',
    );
    expect(translateReason('fr', templateProblem('Hello {firstName')!)).toBe(
      'accolades déséquilibrées : l’accolade « { » en position 7 n’est jamais fermée',
    );
    expect(translateReason('fr', templateProblem('Hi}')!)).toContain('« } » en position 3');
    expect(translateReason('fr', templateProblem('{|}')!)).toBe('donne un message vide');
    expect(translateReason('fr', keywordsProblem('java OR')!)).toBe('contient « OR » sans terme après');
    expect(translateReason('fr', keywordsProblem('"data engineer')!)).toBe('contient un guillemet (") sans son pendant');
    expect(translateReason('fr', keywordsProblem('NOT java')!)).toBe('il faut au moins un terme qui ne soit pas exclu par NOT');
  });

  it('translates every issue of an invalid saved search and settings, leaving the English for the API', () => {
    const search = savedSearchSchema.safeParse({ name: 'x'.repeat(81), keywords: '(java', maxPages: 0 });
    expect(search.success).toBe(false);
    const french = search.error!.issues.map((i) => translateReason('fr', reasonOfIssue(i)));
    expect(french).toEqual(
      expect.arrayContaining(['doit contenir au plus 80 caractères', 'contient une parenthèse « ( » sans sa « ) »', 'doit être supérieur ou égal à 1']),
    );
    const english = search.error!.issues.map((i) => translateReason('en', reasonOfIssue(i)));
    expect(english).toEqual(search.error!.issues.map((i) => i.message));
  });
});

describe('zod issues in French, from the panel and from the server alike', () => {
  const cases: [string, unknown, string][] = [
    ['a number over its maximum', { limits: { messagesPerDay: 101 } }, 'doit être inférieur ou égal à 100'],
    ['a number under its minimum', { limits: { visitsPerDay: -1 } }, 'doit être supérieur ou égal à 0'],
    ['a decimal where a whole number goes', { limits: { visitsPerDay: 1.5 } }, 'doit être un nombre entier'],
    ['an emptied number', { limits: { visitsPerDay: null } }, 'est obligatoire'],
    ['text where a number goes', { server: { port: 'abc' } }, 'doit être un nombre'],
    ['an unknown option', { log: { level: 'loud' } }, 'doit être l’une des valeurs : « trace », « debug », « info », « warn », « error », « fatal »'],
    ['an unknown key', { ui: { colour: 'blue' } }, 'clé inconnue : colour'],
    ['an empty host', { server: { host: '' } }, 'ne doit pas être vide'],
    ['too many days', { workingHours: { days: [1, 2, 3, 4, 5, 6, 7, 1] } }, 'doit contenir au plus 7 éléments'],
    ['a custom message', { limits: { messagesPerDay: 50, messagesPerWeek: 40 } }, 'ne doit pas dépasser le nombre de messages par semaine'],
    ['a custom URL message', { linkedin: { baseUrl: 'ftp://x' } }, 'doit être une URL http(s)'],
    ['the range check', { pacing: { messageGapSeconds: [200, 100] } }, 'le premier intervalle ne doit pas dépasser le second'],
  ];
  for (const [what, input, expected] of cases) {
    it(`says ${what} in French`, () => {
      const parsed = settingsSchema.safeParse(input);
      expect(parsed.success).toBe(false);
      const issue = parsed.error!.issues[0]!;
      // The panel's own check has the issue; the server's answer has only `reason: issue.message`.
      expect(translateReason('fr', reasonOfIssue(issue))).toBe(expected);
      expect(translateReason('fr', { message: issue.message })).toBe(expected);
    });
  }

  it('reads zod’s English sentences back for the formats and bounds the server may send', () => {
    const cases: [z.ZodType, unknown, string][] = [
      [z.email(), 'x', 'doit être une adresse e-mail'],
      [z.string().max(3), 'abcd', 'doit contenir au plus 3 caractères'],
      [z.array(z.string()).min(2), ['a'], 'doit contenir au moins 2 éléments'],
      [z.number().gt(5), 5, 'doit être supérieur à 5'],
      [z.string().regex(/^a/), 'b', 'n’a pas le format attendu'],
      [z.literal('on'), 'off', 'doit être « on »'],
      [z.number().multipleOf(5), 7, 'doit être un multiple de 5'],
    ];
    for (const [schema, value, expected] of cases) {
      const issue = schema.safeParse(value).error!.issues[0]!;
      expect(translateReason('fr', { message: issue.message })).toBe(expected);
      expect(translateReason('fr', reasonOfIssue(issue))).toBe(expected);
    }
  });

  it('keeps a sentence it does not know as it is', () => {
    expect(translateReason('fr', 'the moon is made of cheese')).toBe('the moon is made of cheese');
  });
});
