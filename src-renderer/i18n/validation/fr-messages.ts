/**
 * French for the validation messages Rapport writes itself: the English sentences in src-shared
 * (schemas, template and keyword checks) and the few field reasons only the server gives. The API
 * keeps the English; the panel shows these. test/unit/renderer/validation-fr.test.ts fails when a
 * message in src-shared has no entry here.
 */

/** 10,000 → 10 000 (French groups digits with a narrow no-break space). */
const num = (text: string) => text.replace(/,/g, '\u202f');

export const FR_MESSAGES: Record<string, string> = {
  // Settings and shared schemas
  'must not be empty': 'ne doit pas être vide',
  'must be a time HH:MM (00:00–23:59)': 'doit être une heure HH:MM (00:00–23:59)',
  'the minimum must not exceed the maximum': 'le minimum ne doit pas dépasser le maximum',
  'events must not repeat': 'un même événement ne doit pas figurer deux fois',
  'must be an e-mail address': 'doit être une adresse e-mail',
  'must be an http(s) URL': 'doit être une URL http(s)',
  'must be a port (1–65535)': 'doit être un port (1–65535)',
  'is needed to send e-mail': 'est nécessaire pour envoyer des e-mails',
  'needs at least one recipient': 'il faut au moins un destinataire',
  'must be an IANA time zone such as Europe/Paris': 'doit être un fuseau horaire IANA, par exemple Europe/Paris',
  'days are 1 (Monday) to 7 (Sunday)': 'les jours vont de 1 (lundi) à 7 (dimanche)',
  'start must be before end': 'le début doit précéder la fin',
  'must be a redis:// or rediss:// URL': 'doit être une URL redis:// ou rediss://',
  'must not exceed messagesPerWeek': 'ne doit pas dépasser le nombre de messages par semaine',
  'must not exceed visitsPerWeek': 'ne doit pas dépasser le nombre de visites par semaine',
  'needs at least one template': 'il faut au moins un modèle',
  'search names must be unique': 'deux recherches ne peuvent pas porter le même nom',
  'must be a Prometheus name prefix (letters, digits, _)': 'doit être un préfixe de nom Prometheus (lettres, chiffres, _)',
  'is not a setting': 'n’est pas un réglage',
  'must be a positive integer': 'doit être un entier positif',
  'must be an ISO date': 'doit être une date ISO',
  'must be a diagnostic name from diagnostics.list': 'doit être un nom de diagnostic donné par diagnostics.list',
  // Templates
  'renders to an empty message': 'donne un message vide',
  'no template to render': 'aucun modèle à utiliser',
  // Search keywords
  'must not contain control characters': 'ne doit pas contenir de caractères de contrôle',
  'has an unbalanced quote (")': 'contient un guillemet (") sans son pendant',
  'has an empty quoted phrase ("")': 'contient une expression entre guillemets vide ("")',
  'has empty parentheses': 'contient des parenthèses vides',
  'has a ")" without its "("': 'contient une parenthèse « ) » sans sa « ( »',
  'has a "(" without its ")"': 'contient une parenthèse « ( » sans sa « ) »',
  'needs at least one term that is not excluded with NOT': 'il faut au moins un terme qui ne soit pas exclu par NOT',
  // Given only by the server or the HTTP client
  'is required': 'est obligatoire',
  'is not valid percent-encoding': 'n’est pas un encodage-pourcent valide',
  'must be a JSON object': 'doit être un objet JSON',
  'give either a saved search or keywords, not both': 'donnez une recherche enregistrée ou des mots-clés, pas les deux',
  'a location goes with keywords; a saved search has its own': 'un lieu va avec des mots-clés ; une recherche enregistrée a le sien',
  'there are no saved searches: give keywords or save a search first':
    'il n’y a aucune recherche enregistrée : donnez des mots-clés ou enregistrez d’abord une recherche',
};

/** The ranges of settings.ts (`range(…, 'gap')`). */
const RANGE_UNITS: Record<string, string> = { gap: 'le premier intervalle', delay: 'le premier délai' };

type Pattern = [RegExp, (...groups: string[]) => string];

export const FR_PATTERNS: Pattern[] = [
  [/^must be at most ([\d,]+) characters$/, (max) => `doit contenir au plus ${num(max)} caractères`],
  [/^must be at least ([\d,]+) characters$/, (min) => `doit contenir au moins ${num(min)} caractères`],
  [/^must be at least ([\d,]+)$/, (min) => `doit être supérieur ou égal à ${num(min)}`],
  [/^must be at most ([\d,]+)$/, (max) => `doit être inférieur ou égal à ${num(max)}`],
  [/^must be ([\d,]+) to ([\d,]+)$/, (min, max) => `doit être compris entre ${num(min)} et ${num(max)}`],
  [/^at most ([\d,]+) recipients$/, (max) => `${num(max)} destinataires au plus`],
  [/^the first (\w+) must not exceed the second$/, (unit) => `${RANGE_UNITS[unit] ?? 'la première valeur'} ne doit pas dépasser ${unit in RANGE_UNITS ? 'le second' : 'la seconde'}`],
  [
    /^unbalanced braces: "\{" at position (\d+) is never closed$/,
    (at) => `accolades déséquilibrées : l’accolade « { » en position ${at} n’est jamais fermée`,
  ],
  [
    /^unbalanced braces: "\}" at position (\d+) has no opening "\{"$/,
    (at) => `accolades déséquilibrées : l’accolade « } » en position ${at} n’a pas de « { » qui l’ouvre`,
  ],
  [/^unknown placeholder \{(.*)\} \(known: (.*)\)$/, (name, known) => `variable inconnue {${name}} (variables connues : ${known})`],
  [
    /^can render ([\d,]+) characters, over LinkedIn's limit of ([\d,]+)$/,
    (length, limit) => `peut donner ${num(length)} caractères, au-delà de la limite de LinkedIn (${num(limit)})`,
  ],
  [/^has "(\w+)" without a term before it$/, (op) => `contient « ${op} » sans terme avant`],
  [/^has "(\w+)" without a term after it$/, (op) => `contient « ${op} » sans terme après`],
  [/^is not a valid cron expression: (.*)$/s, (detail) => `n’est pas une expression cron valide : ${detail}`],
  [/^no file at (.*)$/s, (path) => `aucun fichier à l’emplacement ${path}`],
  [/^cannot read (.*)$/s, (rest) => `lecture impossible : ${rest}`],
  [/^must not be nested more than (\d+) levels deep$/, (depth) => `ne doit pas avoir plus de ${depth} niveaux d’imbrication`],
  [
    /^no saved search is named "(.*)" \((?:saved: (.*)|there are no saved searches)\)$/s,
    (name, saved) => `aucune recherche enregistrée ne s’appelle « ${name} » (${saved ? `enregistrées : ${saved}` : 'il n’y en a aucune'})`,
  ],
];

/** The French of one of Rapport's own English messages, or null when it is not one of them. */
export function frenchForMessage(message: string): string | null {
  if (Object.hasOwn(FR_MESSAGES, message)) return FR_MESSAGES[message]!;
  for (const [pattern, french] of FR_PATTERNS) {
    const m = message.match(pattern);
    if (m) return french(...m.slice(1).map((g) => g ?? ''));
  }
  return null;
}
