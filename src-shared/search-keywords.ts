/**
 * LinkedIn people-search keywords (SPEC §2.2): `"exact phrase"`, `A OR B`, `NOT x`, `A AND B` and
 * parentheses, operators in upper case only (a French "or" is a word). The previous tool wrote
 * `A|B` and `-x`; saved searches imported from it keep working because they are normalised here.
 * Pure: shared by settings validation (main and renderer) and the campaign.
 */

export const MAX_KEYWORDS_LENGTH = 500;

type Token =
  | { kind: 'word'; value: string }
  | { kind: 'phrase'; value: string; closed: boolean }
  | { kind: 'op'; value: 'AND' | 'OR' | 'NOT' }
  | { kind: 'paren'; value: '(' | ')' };

const OPERATORS = new Set(['AND', 'OR', 'NOT']);

/** Splits into phrases, parentheses, `|` (as OR) and words; `-word` / `-"phrase"` become NOT. */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  const re = /"([^"]*)("?)|([()])|(\|)|([^\s()"|]+)/g;
  let negateNext = false;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const [, phrase, close, paren, pipe, word] = m;
    // A lone "-" glued to the next token ("-\"foo\"", "-(a OR b)") negates it, like "-foo" does.
    const glued = negateNext && m.index > 0 && !/\s/.test(input[m.index - 1]);
    if (negateNext && glued) tokens.push({ kind: 'op', value: 'NOT' });
    else if (negateNext) tokens.push({ kind: 'word', value: '-' });
    negateNext = false;
    if (phrase !== undefined) {
      tokens.push({ kind: 'phrase', value: phrase.replace(/\s+/g, ' ').trim(), closed: close === '"' });
    } else if (paren) {
      tokens.push({ kind: 'paren', value: paren as '(' | ')' });
    } else if (pipe) {
      tokens.push({ kind: 'op', value: 'OR' });
    } else if (word === '-') {
      negateNext = true;
    } else if (word.startsWith('-') && word.length > 1 && !word.startsWith('--')) {
      tokens.push({ kind: 'op', value: 'NOT' }, { kind: 'word', value: word.slice(1) });
    } else if (OPERATORS.has(word)) {
      tokens.push({ kind: 'op', value: word as 'AND' | 'OR' | 'NOT' });
    } else {
      tokens.push({ kind: 'word', value: word });
    }
  }
  if (negateNext) tokens.push({ kind: 'word', value: '-' });
  return tokens;
}

function render(tokens: Token[]): string {
  let out = '';
  let prev: Token | null = null;
  for (const t of tokens) {
    const text = t.kind === 'phrase' ? `"${t.value}${t.closed ? '"' : ''}` : t.value;
    const noSpace = prev === null || (prev.kind === 'paren' && prev.value === '(') || (t.kind === 'paren' && t.value === ')');
    out += (noSpace ? '' : ' ') + text;
    prev = t;
  }
  return out;
}

/** `A|B` → `A OR B`, `-x` → `NOT x`, trimmed, one space between tokens; phrases keep their words. */
export function normaliseKeywords(input: string): string {
  return render(tokenize(input.replace(/[\s\u00a0]+/g, ' ').trim()));
}

/** Operands an operator needs on its left (`AND`/`OR`) and right (all three). */
function operatorProblem(tokens: Token[]): string | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'op') continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const startsOperand = (x: Token | undefined) =>
      x !== undefined && (x.kind === 'word' || x.kind === 'phrase' || (x.kind === 'paren' && x.value === '(') || (x.kind === 'op' && x.value === 'NOT'));
    const endsOperand = (x: Token | undefined) => x !== undefined && (x.kind === 'word' || x.kind === 'phrase' || (x.kind === 'paren' && x.value === ')'));
    if (t.value !== 'NOT' && !endsOperand(prev)) return `has "${t.value}" without a term before it`;
    if (!startsOperand(next)) return `has "${t.value}" without a term after it`;
  }
  return null;
}

function parenProblem(tokens: Token[]): string | null {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'paren') continue;
    if (t.value === '(') {
      depth++;
      const next = tokens[i + 1];
      if (next?.kind === 'paren' && next.value === ')') return 'has empty parentheses';
    } else if (--depth < 0) {
      return 'has a ")" without its "("';
    }
  }
  return depth > 0 ? 'has a "(" without its ")"' : null;
}

/** Why these keywords cannot be searched (in English, for the field's error), or null when they can. */
export function keywordsProblem(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return 'must not be empty';
  if (trimmed.length > MAX_KEYWORDS_LENGTH) return `must be at most ${MAX_KEYWORDS_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(trimmed)) return 'must not contain control characters';
  if ((trimmed.match(/"/g) ?? []).length % 2 !== 0) return 'has an unbalanced quote (")';
  const tokens = tokenize(normaliseKeywords(trimmed));
  if (tokens.some((t) => t.kind === 'phrase' && !t.value)) return 'has an empty quoted phrase ("")';
  const problem = parenProblem(tokens) ?? operatorProblem(tokens);
  if (problem) return problem;
  if (keywordTerms(trimmed).length === 0) return 'needs at least one term that is not excluded with NOT';
  return null;
}

type Node =
  | { type: 'term'; value: string }
  | { type: 'and' | 'or'; items: Node[] }
  | { type: 'not'; item: Node };

/**
 * LinkedIn's precedence: parentheses, NOT, AND (also implied between terms), then OR — so
 * `a OR b NOT c` is `a OR (b AND NOT c)`. Best effort on input `keywordsProblem` refuses.
 */
function parse(tokens: Token[]): Node | null {
  let pos = 0;
  const isOp = (v: string) => {
    const t = tokens[pos];
    return t !== undefined && (t.kind === 'op' || t.kind === 'paren') && t.value === v;
  };
  const group = (type: 'and' | 'or', items: Node[]): Node | null => (items.length === 0 ? null : items.length === 1 ? items[0] : { type, items });
  function parseOr(): Node | null {
    const items: Node[] = [];
    for (;;) {
      const item = parseAnd();
      if (item) items.push(item);
      if (!isOp('OR')) return group('or', items);
      pos++;
    }
  }
  function parseAnd(): Node | null {
    const items: Node[] = [];
    while (pos < tokens.length && !isOp('OR') && !isOp(')')) {
      if (isOp('AND')) {
        pos++;
        continue;
      }
      const item = parseUnary();
      if (item) items.push(item);
    }
    return group('and', items);
  }
  function parseUnary(): Node | null {
    if (!isOp('NOT')) return parsePrimary();
    pos++;
    const item = parseUnary();
    return item ? { type: 'not', item } : null;
  }
  function parsePrimary(): Node | null {
    const t = tokens[pos++];
    if (t?.kind === 'paren' && t.value === '(') {
      const inner = parseOr();
      if (isOp(')')) pos++;
      return inner;
    }
    if ((t?.kind === 'word' && t.value !== '-') || (t?.kind === 'phrase' && t.value)) return { type: 'term', value: t.value };
    return null;
  }
  const items: Node[] = [];
  while (pos < tokens.length) {
    const item = parseOr();
    if (item) items.push(item);
    else pos++; // a stray ")" or operator
  }
  return group('and', items);
}

function positiveTerms(node: Node, negated: boolean): string[] {
  switch (node.type) {
    case 'term':
      return negated ? [] : [node.value];
    case 'not':
      return positiveTerms(node.item, !negated);
    default:
      return node.items.flatMap((item) => positiveTerms(item, negated));
  }
}

/** Groups that must all be present, each satisfied by any one of its alternatives. */
function groupsOf(node: Node, negated: boolean): string[][] {
  switch (node.type) {
    case 'term':
      return negated ? [] : [[node.value]];
    case 'not':
      return groupsOf(node.item, !negated);
    case 'and':
      return node.items.flatMap((item) => groupsOf(item, negated));
    case 'or': {
      // NOT (a OR b) excludes both: nothing to look for. Otherwise any positive term of any branch counts.
      const alternatives = negated ? [] : [...new Set(node.items.flatMap((item) => positiveTerms(item, false)))];
      return alternatives.length ? [alternatives] : [];
    }
  }
}

/**
 * What a matching profile should contain, as groups of alternatives: `"data engineer" (java OR
 * kotlin) NOT intern` → `[["data engineer"], ["java", "kotlin"]]`. Terms under NOT are dropped.
 * The fit score uses these when a search names no criteria keywords of its own.
 */
export function keywordGroups(input: string): string[][] {
  const tree = parse(tokenize(normaliseKeywords(input)));
  if (!tree) return [];
  const seen = new Set<string>();
  return groupsOf(tree, false).filter((g) => {
    const key = g.join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every term of `keywordGroups`, flattened, in order, without duplicates. */
export function keywordTerms(input: string): string[] {
  return [...new Set(keywordGroups(input).flat())];
}
