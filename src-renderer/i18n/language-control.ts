import { createContext, useContext } from 'react';
import type { Lang } from './lang.js';

/** Changes the panel's language at once; the frame also saves it as the `ui.language` setting. */
export const LanguageControlContext = createContext<(lang: Lang) => void>(() => undefined);

export function useSetLanguage(): (lang: Lang) => void {
  return useContext(LanguageControlContext);
}
