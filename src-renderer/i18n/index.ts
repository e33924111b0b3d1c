import { createContext, useContext, useMemo } from 'react';
import type { AccountStatus, AppState, Run } from '../../src-shared/domain.js';
import type { ApiErrorCode } from '../api/client.js';
import { en, type MessageKey, type Messages } from './en.js';
import { errorHints } from './error-hints.js';
import { fr } from './fr.js';
import type { Lang } from './lang.js';

export { browserLanguage, LANGS, type Lang } from './lang.js';
export type { MessageKey } from './en.js';

const dictionaries: Record<Lang, Messages> = { en, fr };

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export interface I18n {
  lang: Lang;
  t: Translate;
  errorHint(code: ApiErrorCode): string;
  formatTime(iso: string): string;
  /** Date only, in the user's language (e.g. chart axes, birthdays). */
  formatDate(iso: string): string;
  formatNumber(n: number): string;
  stateLabel(state: AppState): string;
  accountLabel(state: AccountStatus['state']): string;
  runStatusLabel(status: Run['status']): string;
}

export function createI18n(lang: Lang): I18n {
  const messages = dictionaries[lang];
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dateOnly = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const numbers = new Intl.NumberFormat(locale);
  const format = (f: Intl.DateTimeFormat) => (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : f.format(date);
  };
  return {
    lang,
    t: (key, vars = {}) => fill(messages[key], vars),
    errorHint: (code) => errorHints[lang][code] ?? errorHints[lang].INTERNAL,
    formatTime: format(dateTime),
    formatDate: format(dateOnly),
    formatNumber: (n) => numbers.format(n),
    stateLabel: (state) => messages[`state_${state}`],
    accountLabel: (state) => messages[`account_${state}`],
    runStatusLabel: (status) => messages[`runStatus_${status}`],
  };
}

export const I18nContext = createContext<I18n>(createI18n('en'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/**
 * A page's own texts, kept in its folder: `const useTexts = defineTexts({ en: {...}, fr: {...} })`, then
 * `const t = useTexts(); t('title', { n: 3 })`. French must have every English key (checked by the type).
 */
export function defineTexts<K extends string>(catalogue: { en: Record<K, string>; fr: Record<NoInfer<K>, string> }) {
  return function useTexts(): (key: K, vars?: Vars) => string {
    const { lang } = useI18n();
    return useMemo(() => {
      const messages = catalogue[lang];
      return (key: K, vars: Vars = {}) => fill(messages[key], vars);
    }, [lang]);
  };
}
