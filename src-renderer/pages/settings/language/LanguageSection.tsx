import { useI18n } from '../../../i18n/index.js';
import { LanguageSwitch } from '../../../components/LanguageSwitch.js';
import { useTexts } from './texts.js';

export function LanguageSection() {
  const { t } = useI18n();
  const tx = useTexts();
  return (
    <section className="card" aria-labelledby="settings-language-heading">
      <h2 id="settings-language-heading">{t('language')}</h2>
      <p className="note">{tx('explain')}</p>
      <LanguageSwitch idPrefix="settings" />
    </section>
  );
}
