import type { EventBusLike } from './ipc.js';
import type { Notice } from './notices.js';

/**
 * Desktop notifications come from the core's `notification` event: the same source, the same wording
 * (in the user's language) as the e-mail and webhook channels.
 */
export function feedNativeNotifications(events: EventBusLike, show: (notice: Notice) => void): () => void {
  return events.on('notification', (n) => show({ title: n.title, body: n.text }));
}
