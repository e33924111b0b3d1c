/** Settings are edited by dotted path (`limits.messagesPerDay`); these read and build nested values. */

export function getPath(source: unknown, path: string): unknown {
  let node = source;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** `{ 'a.b': 1, 'a.c': 2 }` → `{ a: { b: 1, c: 2 } }`: the partial update `settings.update` takes. */
export function patchOf(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(values)) {
    const parts = path.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    // An emptied optional field is removed (`null` deletes an optional key in mergeSettings).
    node[parts[parts.length - 1]!] = value === '' || value === undefined ? null : value;
  }
  return out;
}

/** The form field an issue belongs to: the longest edited path that is a prefix of the issue's path. */
export function fieldFor(issuePath: string, fields: readonly string[]): string | null {
  let best: string | null = null;
  for (const field of fields) {
    if ((issuePath === field || issuePath.startsWith(`${field}.`)) && (!best || field.length > best.length)) best = field;
  }
  return best;
}
