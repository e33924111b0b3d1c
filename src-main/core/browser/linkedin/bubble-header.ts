/**
 * Reads the person's name from a conversation bubble's heading, whatever else the heading holds:
 * screen-reader-only text ("Open the profile of …"), a status line ("Active now", "Disponible sur
 * mobile"), a degree badge ("· 1st"). Pure text work, so it is unit-tested without a browser.
 */
import { isNoise, parseDegree } from './profile-text.js';
import { normaliseText } from './text.js';

const STATUS: RegExp[] = [
  /^(active now|online|offline|away|busy|reachable|available on mobile|on mobile|mobile)$/i,
  /^(actif|active) maintenant$/i,
  /^(en ligne|hors ligne|absent|absente|occupé|occupée|disponible|disponible sur mobile|sur mobile)$/i,
  /^(status is|le statut est)\b.*$/i,
  /^(active|actif|active?) (\d+\s*\S+ ago|il y a .+)$/i,
  /^(last active|vu|vue|dernière activité)\b.*$/i,
  /^mobile\s*[·•]\s*.+$/i,
];

const BADGES: RegExp[] = [/^(premium|verified|vérifié|vérifiée|open to work|en recherche|#opentowork|hiring|recrute)$/i];

/** Accessible hints that name the person inside a sentence, never the name itself. */
const HINTS: RegExp[] = [
  /^(open|view|see) (the )?profile of .+$/i,
  /^(open|view|see) .+[’']s? profile$/i,
  /^(ouvrir|voir|afficher) le profil de .+$/i,
  /^(close|minimi[sz]e|open the options for) (your )?conversation with .+$/i,
  /^(fermer|réduire|ouvrir les options de) (votre )?conversation avec .+$/i,
];

export function isStatusLine(line: string): boolean {
  return STATUS.some((re) => re.test(line));
}

function isHeaderNoise(line: string): boolean {
  return isStatusLine(line) || BADGES.some((re) => re.test(line)) || HINTS.some((re) => re.test(line)) || isNoise(line);
}

/** "Élodie Lefèvre · 1st" → "Élodie Lefèvre"; "Élodie Lefèvre • Active now" → "Élodie Lefèvre". */
function stripTrailer(line: string): string {
  const m = /^(.*?)\s*[·•|]\s*([^·•|]+)$/.exec(line);
  if (m && m[1] && (parseDegree(`· ${m[2]}`) || isHeaderNoise(m[2].trim()))) return stripTrailer(m[1]);
  return line;
}

/**
 * The name shown by a heading, from its innerText and the texts of its visually hidden parts
 * (those are part of innerText but no one sees them). Null when nothing name-like is left.
 */
export function nameFromHeading(innerText: string, hiddenTexts: readonly string[]): string | null {
  let text = innerText.normalize('NFC');
  for (const hidden of hiddenTexts.map((h) => h.normalize('NFC').trim()).filter(Boolean)) {
    const at = text.indexOf(hidden);
    if (at >= 0) text = `${text.slice(0, at)}\n${text.slice(at + hidden.length)}`;
  }
  for (const raw of text.split('\n')) {
    const line = normaliseText(raw);
    if (!line || isHeaderNoise(line)) continue;
    const name = stripTrailer(line);
    if (name && !isHeaderNoise(name)) return name;
  }
  return null;
}
