import { Link, Redirect, Route, Switch, useRoute } from 'wouter';
import { useI18n } from '../../i18n/index.js';
import { BirthdayCampaign } from './birthday/BirthdayCampaign.js';
import { SourcingCampaign } from './sourcing/SourcingCampaign.js';
import { useTexts } from './texts.js';

function Tab({ path, label }: { path: string; label: string }) {
  const [active] = useRoute(`${path}/*?`);
  return (
    <Link href={path} aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  );
}

export function CampaignsPage() {
  const { t } = useI18n();
  const tx = useTexts();
  return (
    <>
      <h1>{t('campaigns')}</h1>
      <nav className="sub-nav" aria-label={tx('sub')}>
        <Tab path="/birthday" label={tx('birthday')} />
        <Tab path="/sourcing" label={tx('sourcing')} />
      </nav>
      <Switch>
        <Route path="/birthday" component={BirthdayCampaign} />
        <Route path="/sourcing" component={SourcingCampaign} />
        <Route>
          <Redirect to="/birthday" replace />
        </Route>
      </Switch>
    </>
  );
}
