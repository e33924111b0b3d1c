import { useOperation } from './operations.js';

/** `status.get` once, then kept fresh by `status.changed` events (see live-updates; no polling). */
export function useStatus() {
  return useOperation('status.get', {});
}
