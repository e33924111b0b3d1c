import { useQueryClient } from '@tanstack/react-query';
import { useEvent } from '../../../api/live-updates.js';
import { opKey, useOperation } from '../../../api/operations.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { useI18n } from '../../../i18n/index.js';
import { useTexts } from './texts.js';

/** Delivery states change in the background (retries): refreshed while any is waiting. */
const PENDING_REFRESH_MS = 5_000;

/** Activity › the notifications outbox: what went out, what is waiting, what was given up and why. */
export function OutboxSection() {
  const tx = useTexts();
  const { formatTime, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const outbox = useOperation(
    'notifications.outbox',
    { page: 1, pageSize: 20 },
    { refetchInterval: (q) => (q.state.data?.items.some((i) => i.status === 'pending') ? PENDING_REFRESH_MS : false) },
  );
  const refresh = () => void queryClient.invalidateQueries({ queryKey: opKey('notifications.outbox') });
  useEvent('notification', refresh);
  const items = outbox.data?.items ?? [];
  return (
    <section className="card outbox-section" aria-labelledby="activity-outbox-heading">
      <h2 id="activity-outbox-heading">{tx('heading')}</h2>
      <p className="note">{tx('explain')}</p>
      {outbox.error && <ErrorNotice error={outbox.error} onRetry={refresh} />}
      {outbox.data && items.length === 0 && <p>{tx('empty')}</p>}
      {items.length > 0 && (
        <div className="outbox-scroll">
          <table className="outbox-table">
            <caption className="visually-hidden">{tx('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{tx('when')}</th>
                <th scope="col">{tx('channel')}</th>
                <th scope="col">{tx('event')}</th>
                <th scope="col">{tx('title')}</th>
                <th scope="col">{tx('status')}</th>
                <th scope="col">{tx('attempts')}</th>
                <th scope="col">{tx('detail')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} className={`outbox-${item.status}`}>
                  <td>{formatTime(item.createdAt)}</td>
                  <td>{tx(`channel_${item.channel}`)}</td>
                  <td>{tx(`event_${item.event}`)}</td>
                  <td>{item.title}</td>
                  <td className="outbox-status">{tx(`status_${item.status}`)}</td>
                  <td>{formatNumber(item.attempts)}</td>
                  <td className="outbox-detail">
                    {item.lastError}
                    {item.status === 'pending' && item.nextAttemptAt && item.attempts > 0 && (
                      <> ({tx('nextAttempt', { time: formatTime(item.nextAttemptAt) })})</>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" onClick={refresh}>
        {tx('refresh')}
      </button>
    </section>
  );
}
