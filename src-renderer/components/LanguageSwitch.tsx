import { LANGS, useI18n, type Lang } from '../i18n/index.js';
import { useSetLanguage } from '../i18n/language-control.js';

const NAMES: Record<Lang, string> = { en: 'English', fr: 'Français' };

/** English/French, each named in its own language so anyone can find theirs. */
export function LanguageSwitch({ idPrefix }: { idPrefix: string }) {
  const { t, lang } = useI18n();
  const setLanguage = useSetLanguage();
  const id = `${idPrefix}-language`;
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language')}</label>
      <select id={id} value={lang} onChange={(e) => setLanguage(e.target.value as Lang)}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
