import { Link, Route, Switch } from 'wouter';
import { useI18n } from '../../i18n/index.js';
import { DiagnosticsPage } from './diagnostics/DiagnosticsPage.js';
import { useTexts as useDiagnosticsTexts } from './diagnostics/texts.js';
import { SETTINGS_SECTIONS } from './sections.js';

function SettingsSections() {
  const { t } = useI18n();
  const diagnostics = useDiagnosticsTexts();
  return (
    <>
      <h1>{t('settings')}</h1>
      <p>
        <Link href="/diagnostics">{diagnostics('link')}</Link>
      </p>
      <div className="sections">
        {SETTINGS_SECTIONS.map(({ id, component: Section }) => (
          <Section key={id} />
        ))}
      </div>
    </>
  );
}

export function SettingsPage() {
  return (
    <Switch>
      <Route path="/diagnostics" component={DiagnosticsPage} />
      <Route component={SettingsSections} />
    </Switch>
  );
}
