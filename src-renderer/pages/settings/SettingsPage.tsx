import { useI18n } from '../../i18n/index.js';
import { SETTINGS_SECTIONS } from './sections.js';

export function SettingsPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('settings')}</h1>
      <div className="sections">
        {SETTINGS_SECTIONS.map(({ id, component: Section }) => (
          <Section key={id} />
        ))}
      </div>
    </>
  );
}
