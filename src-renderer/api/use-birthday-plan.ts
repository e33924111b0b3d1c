import { useOperation } from './operations.js';
import { useStatus } from './use-status.js';

/**
 * Today's birthday plan, asked for only while a LinkedIn account is connected: without one the
 * server can only answer NOT_CONNECTED (409), and Chromium logs every such answer as a console error.
 * Pages say "connect an account" instead, and the plan loads once the status says connected.
 */
export function useBirthdayPlan() {
  const { data: status } = useStatus();
  const connected = status?.account.state === 'connected';
  const plan = useOperation('plan.birthday', {}, { enabled: connected, retry: false, staleTime: 60_000 });
  return { plan, connected };
}
