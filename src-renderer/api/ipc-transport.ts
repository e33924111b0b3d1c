import type { Envelope, EventName, OperationName } from '../../src-shared/contract.js';
import type { RapportBridge } from './bridge.js';
import { apiErrorFrom, type Transport } from './client.js';

/** Transport over the preload bridge: unwraps `{ ok, value }` envelopes, turns `{ ok: false }` into ApiError. */
export function createIpcTransport(bridge: RapportBridge): Transport {
  return {
    mode: 'ipc',
    async call(name: OperationName, input: unknown) {
      // The union of per-operation signatures cannot be called directly; the contract name keeps it honest.
      const invoke = bridge[name] as unknown as (input: unknown) => Promise<Envelope<unknown>>;
      const envelope = await invoke(input);
      if (envelope.ok) return envelope.value;
      throw apiErrorFrom(envelope.error, `${name} failed.`);
    },
    on(event: EventName, cb: (payload: unknown) => void) {
      return bridge.on(event, cb);
    },
  };
}
