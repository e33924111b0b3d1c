import { useI18n } from '../../i18n/index.js';
import { ACTIVITY_SECTIONS } from './sections.js';

export function ActivityPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('activity')}</h1>
      {ACTIVITY_SECTIONS.map(({ id, component: Section }) => (
        <Section key={id} />
      ))}
    </>
  );
}
