export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];

/** The browser's language until the server's `ui.language` setting is known. */
export function browserLanguage(languages: readonly string[]): Lang {
  return languages[0]?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
