import { Route, Switch } from 'wouter';
import { useI18n } from '../../i18n/index.js';
import { InteractionsView } from './InteractionsView.js';
import { LiveLog } from './LiveLog.js';
import { RunDetail } from './RunDetail.js';
import { RunsView } from './RunsView.js';
import { ACTIVITY_SECTIONS } from './sections.js';

/** Activity: runs → a run's detail (`/activity/runs/:id`), all interactions, the live log, then the registered sections. */
export function ActivityPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('activity')}</h1>
      <Switch>
        <Route path="/runs/:id">{(params) => <RunDetail id={Number(params.id)} />}</Route>
        <Route>
          <div className="cards">
            <RunsView />
            <InteractionsView />
            <LiveLog />
          </div>
          {ACTIVITY_SECTIONS.map(({ id, component: Section }) => (
            <Section key={id} />
          ))}
        </Route>
      </Switch>
    </>
  );
}
