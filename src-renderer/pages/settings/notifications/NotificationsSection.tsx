import { useOperation } from '../../../api/operations.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { DailySummary } from './DailySummary.js';
import { EmailChannel } from './EmailChannel.js';
import { useTexts } from './texts.js';
import { WebhookChannel } from './WebhookChannel.js';

/** Settings › Notifications: the e-mail and webhook channels, their events, a test each, the daily summary. */
export function NotificationsSection() {
  const tx = useTexts();
  const settings = useOperation('settings.get', {});
  const secrets = useOperation('notifications.secrets.get', {});
  const error = settings.error ?? secrets.error;
  const overridden = settings.data?.envOverrides.filter((p) => p.startsWith('notifications.')) ?? [];
  const n = settings.data?.settings.notifications;
  return (
    <section className="card notify-section" aria-labelledby="settings-notifications-heading">
      <h2 id="settings-notifications-heading">{tx('heading')}</h2>
      <p className="note">{tx('explain')}</p>
      {overridden.length > 0 && <p className="notice notice-warn">{tx('envOverride', { paths: overridden.join(', ') })}</p>}
      {error && <ErrorNotice error={error} />}
      {n && secrets.data && (
        // Each form is keyed by its stored values, so it shows what is stored after a save, and only its own.
        <div className="notify-channels">
          <EmailChannel key={JSON.stringify(n.email)} initial={n.email} passwordSet={secrets.data.emailPassword} />
          <WebhookChannel key={JSON.stringify(n.webhook)} initial={n.webhook} urlSet={secrets.data.webhookUrl} />
          <DailySummary key={JSON.stringify(n.dailySummary)} initial={n.dailySummary} />
        </div>
      )}
    </section>
  );
}
