import type { IssueFacts } from './issue-facts.js';

/** French for zod's own issues, from their code and parameters (the panel's FR table for zod). */

const n = (value: number | bigint | undefined) => String(value ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');

const TYPES: Record<string, string> = {
  number: 'doit être un nombre',
  int: 'doit être un nombre entier',
  bigint: 'doit être un nombre entier',
  string: 'doit être un texte',
  boolean: 'doit être coché ou décoché (vrai ou faux)',
  array: 'doit être une liste',
  tuple: 'doit être une liste',
  object: 'doit être un objet',
  date: 'doit être une date',
  null: 'doit être vide',
};

const FORMATS: Record<string, string> = {
  email: 'doit être une adresse e-mail',
  url: 'doit être une URL',
  uuid: 'doit être un UUID',
  datetime: 'doit être une date et heure ISO',
  date: 'doit être une date ISO',
  time: 'doit être une heure ISO',
  duration: 'doit être une durée ISO',
  ipv4: 'doit être une adresse IPv4',
  ipv6: 'doit être une adresse IPv6',
  base64: 'doit être du texte en base64',
  json_string: 'doit être du JSON',
  regex: 'n’a pas le format attendu',
};

const plural = (count: number | bigint | undefined, one: string, many: string) => (Number(count) <= 1 ? one : many);

/** Length bounds of texts and lists; number bounds otherwise. */
function bound(facts: IssueFacts, side: 'min' | 'max'): string {
  const value = side === 'min' ? facts.minimum : facts.maximum;
  const word = facts.exact ? 'exactement' : side === 'min' ? 'au moins' : 'au plus';
  if (facts.origin === 'string') {
    if (side === 'min' && Number(value) === 1 && !facts.exact) return 'ne doit pas être vide';
    return `doit contenir ${word} ${n(value)} ${plural(value, 'caractère', 'caractères')}`;
  }
  if (facts.origin === 'array' || facts.origin === 'set') {
    if (side === 'min' && Number(value) === 1 && !facts.exact) return 'doit contenir au moins un élément';
    return `doit contenir ${word} ${n(value)} ${plural(value, 'élément', 'éléments')}`;
  }
  if (facts.origin === 'date') return side === 'min' ? `doit être postérieur à ${n(value)}` : `doit être antérieur à ${n(value)}`;
  if (facts.exact) return `doit être égal à ${n(value)}`;
  if (side === 'min') return facts.inclusive === false ? `doit être supérieur à ${n(value)}` : `doit être supérieur ou égal à ${n(value)}`;
  return facts.inclusive === false ? `doit être inférieur à ${n(value)}` : `doit être inférieur ou égal à ${n(value)}`;
}

const shown = (value: unknown) => (typeof value === 'string' ? `« ${value} »` : String(value));

/** The French sentence for a zod issue, or null for a custom issue (its own message says it). */
export function frenchForIssue(facts: IssueFacts): string | null {
  switch (facts.code) {
    case 'too_small':
      return bound(facts, 'min');
    case 'too_big':
      return bound(facts, 'max');
    case 'invalid_type':
      if (facts.received === 'undefined' || facts.received === 'null') return 'est obligatoire';
      return TYPES[facts.expected ?? ''] ?? `n’est pas du type attendu (${facts.expected ?? '?'})`;
    case 'invalid_value': {
      const values = facts.values ?? [];
      return values.length === 1 ? `doit être ${shown(values[0])}` : `doit être l’une des valeurs : ${values.map(shown).join(', ')}`;
    }
    case 'invalid_format':
      if (facts.format === 'starts_with') return `doit commencer par « ${facts.prefix ?? ''} »`;
      if (facts.format === 'ends_with') return `doit se terminer par « ${facts.suffix ?? ''} »`;
      if (facts.format === 'includes') return `doit contenir « ${facts.includes ?? ''} »`;
      return FORMATS[facts.format ?? ''] ?? `n’a pas le format attendu (${facts.format ?? '?'})`;
    case 'not_multiple_of':
      return `doit être un multiple de ${n(facts.divisor)}`;
    case 'unrecognized_keys': {
      const keys = facts.keys ?? [];
      return `${plural(keys.length, 'clé inconnue', 'clés inconnues')} : ${keys.join(', ')}`;
    }
    case 'invalid_key':
      return 'contient une clé invalide';
    case 'invalid_element':
      return 'contient une valeur invalide';
    case 'invalid_union':
      return 'valeur invalide';
    default:
      return null;
  }
}
