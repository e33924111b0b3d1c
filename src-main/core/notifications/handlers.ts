import type { PartialHandlers } from '../context.js';
import type { Store } from '../store/index.js';
import type { NotificationService } from './service.js';

export function notificationHandlers(service: NotificationService, store: Store): PartialHandlers {
  return {
    'notifications.secrets.get': async () => service.secretsState(),
    'notifications.secrets.set': async (input) => service.setSecrets(input),
    'notifications.test': async ({ channel }) => service.test(channel),
    'notifications.outbox': async ({ page, pageSize }) => store.outbox.list(page, pageSize),
  };
}
