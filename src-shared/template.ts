/**
 * Message templates (SPEC §5): placeholders {firstName} {lastName} {fullName} {daysLate} and spintax
 * {a|b|c}, nested allowed. Shared with the renderer for live previews, so it stays pure.
 */
export const PLACEHOLDERS = ['firstName', 'lastName', 'fullName', 'daysLate'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateVars = Record<Placeholder, string>;
export const MAX_MESSAGE_LENGTH = 8000;

type Node = { kind: 'text'; text: string } | { kind: 'var'; name: Placeholder } | { kind: 'spin'; options: Node[][] };

export class TemplateError extends Error {}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parses into a tree; throws TemplateError with a sentence naming the problem and its position. */
export function parseTemplate(source: string): Node[] {
  let pos = 0;
  const parseSequence = (inGroup: boolean): Node[][] => {
    const options: Node[][] = [[]];
    let text = '';
    const flush = () => {
      if (text) options[options.length - 1].push({ kind: 'text', text });
      text = '';
    };
    while (pos < source.length) {
      const ch = source[pos];
      if (ch === '{') {
        flush();
        const open = pos;
        pos += 1;
        const inner = parseSequence(true);
        if (source[pos] !== '}') throw new TemplateError(`unbalanced braces: "{" at position ${open + 1} is never closed`);
        pos += 1;
        const raw = source.slice(open + 1, pos - 1);
        if (inner.length === 1 && IDENTIFIER.test(raw)) {
          if (!(PLACEHOLDERS as readonly string[]).includes(raw)) {
            throw new TemplateError(`unknown placeholder {${raw}} (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`);
          }
          options[options.length - 1].push({ kind: 'var', name: raw as Placeholder });
        } else {
          options[options.length - 1].push({ kind: 'spin', options: inner });
        }
      } else if (ch === '}') {
        if (!inGroup) throw new TemplateError(`unbalanced braces: "}" at position ${pos + 1} has no opening "{"`);
        flush();
        return options;
      } else if (ch === '|' && inGroup) {
        flush();
        options.push([]);
        pos += 1;
      } else {
        text += ch;
        pos += 1;
      }
    }
    flush();
    return options;
  };
  const top = parseSequence(false);
  return top[0];
}

type Chooser = (count: number) => number;

function renderNodes(nodes: Node[], vars: TemplateVars, choose: Chooser): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'var') out += vars[node.name];
    else out += renderNodes(node.options[choose(node.options.length)], vars, choose);
  }
  return out;
}

/**
 * Collapses the doubled spaces an empty spin option can leave, and a space it leaves before a comma or
 * full stop. Spaces before ! ? : ; stay: French typography puts one there.
 */
function tidy(text: string): string {
  return text.replace(/[ \t]{2,}/g, ' ').replace(/ +([,.])/g, '$1').trim();
}

export function renderTemplate(source: string, vars: TemplateVars, random: () => number): string {
  return tidy(renderNodes(parseTemplate(source), vars, (n) => Math.min(n - 1, Math.floor(random() * n))));
}

function extremeLength(nodes: Node[], vars: TemplateVars, pick: 'min' | 'max'): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'var') out += vars[node.name];
    else {
      const rendered = node.options.map((o) => extremeLength(o, vars, pick));
      rendered.sort((a, b) => (pick === 'min' ? a.length - b.length : b.length - a.length));
      out += rendered[0];
    }
  }
  return out;
}

export const SAMPLE_VARS: TemplateVars = { firstName: 'Camille', lastName: 'Durand', fullName: 'Camille Durand', daysLate: '3' };

/** The problem with a template, or null when it is fine. */
export function templateProblem(source: string): string | null {
  let nodes: Node[];
  try {
    nodes = parseTemplate(source);
  } catch (e) {
    return (e as Error).message;
  }
  if (tidy(extremeLength(nodes, SAMPLE_VARS, 'min')) === '') return 'renders to an empty message';
  const longest = tidy(extremeLength(nodes, SAMPLE_VARS, 'max')).length;
  if (longest > MAX_MESSAGE_LENGTH) return `can render ${longest} characters, over LinkedIn's limit of ${MAX_MESSAGE_LENGTH}`;
  return null;
}

/** Field issues for a list of templates, named like `birthday.templatesToday[1]`. */
export function templateIssues(list: string[], field: string): { field: string; reason: string }[] {
  return list.flatMap((source, i) => {
    const problem = templateProblem(source);
    return problem ? [{ field: `${field}[${i}]`, reason: problem }] : [];
  });
}

export function varsFor(contact: { firstName?: string | null; lastName?: string | null; fullName: string }, daysLate: number): TemplateVars {
  const parts = contact.fullName.trim().split(/\s+/);
  const firstName = contact.firstName || parts[0] || contact.fullName;
  const lastName = contact.lastName || parts.slice(1).join(' ');
  return { firstName, lastName, fullName: contact.fullName, daysLate: String(daysLate) };
}

/**
 * Picks a template and spins it, avoiding any text in `avoid` (last year's message to this person)
 * when another rendering exists. Deterministic for a given random source.
 */
export function renderMessage(
  templates: string[],
  vars: TemplateVars,
  random: () => number,
  avoid: string[] = [],
): { text: string; templateIndex: number } {
  if (templates.length === 0) throw new TemplateError('no template to render');
  let first: { text: string; templateIndex: number } | null = null;
  for (let attempt = 0; attempt < 50; attempt++) {
    const templateIndex = Math.min(templates.length - 1, Math.floor(random() * templates.length));
    const text = renderTemplate(templates[templateIndex], vars, random);
    first ??= { text, templateIndex };
    if (!avoid.includes(text)) return { text, templateIndex };
  }
  // Random draws kept hitting the avoided text: walk the templates' first-option and last-option renderings.
  for (let i = 0; i < templates.length; i++) {
    for (const pickLast of [false, true]) {
      const text = tidy(renderNodes(parseTemplate(templates[i]), vars, (n) => (pickLast ? n - 1 : 0)));
      if (!avoid.includes(text)) return { text, templateIndex: i };
    }
  }
  return first!;
}
