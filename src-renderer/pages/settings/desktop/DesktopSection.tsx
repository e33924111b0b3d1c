import { useState } from 'react';
import { useOperation, useOperationMutation } from '../../../api/operations.js';
import { useClient } from '../../../api/client-context.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { useI18n } from '../../../i18n/index.js';
import { envNameForPath } from '../../../../src-shared/settings.js';
import { useTexts } from './texts.js';

const SETTING = 'desktop.startAtLogin';

/** Start at login (opt-in). The desktop shell applies it; in a browser the panel says it is for the desktop app. */
export function DesktopSection() {
  const { t } = useI18n();
  const tx = useTexts();
  const client = useClient();
  const view = useOperation('settings.get', {});
  const update = useOperationMutation('settings.update', { invalidates: ['settings.get'] });
  const overridden = view.data?.envOverrides.includes(SETTING) ?? false;
  // Shows the choice at once while it is saved; the stored value wins once the save settles.
  const [choice, setChoice] = useState<boolean | null>(null);
  const checked = choice ?? view.data?.settings.desktop.startAtLogin ?? false;

  return (
    <section className="card" aria-labelledby="settings-desktop-heading">
      <h2 id="settings-desktop-heading">{tx('title')}</h2>
      {view.error ? (
        <ErrorNotice error={view.error} />
      ) : view.data ? (
        <>
          <div className="checkbox-field">
            <input
              id="settings-start-at-login"
              type="checkbox"
              checked={checked}
              disabled={overridden || update.isPending}
              aria-describedby="settings-start-at-login-note"
              onChange={(e) => {
                const next = e.target.checked;
                setChoice(next);
                update.mutate({ desktop: { startAtLogin: next } }, { onSettled: () => setChoice(null) });
              }}
            />
            <label htmlFor="settings-start-at-login">{tx('startAtLogin')}</label>
          </div>
          <div id="settings-start-at-login-note">
            <p className="note">{tx('explain')}</p>
            {client.mode === 'http' && <p className="note">{tx('headless')}</p>}
            {overridden && <p className="note">{tx('envOverride', { name: envNameForPath(SETTING) })}</p>}
          </div>
          {update.isSuccess && !update.isPending && (
            <p className="note" role="status">
              {tx('saved')}
            </p>
          )}
        </>
      ) : (
        <p role="status">{t('loading')}</p>
      )}
    </section>
  );
}
