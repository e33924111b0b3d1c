import type { Envelope, EventName, EventPayload, OperationName, OpInput, OpOutput } from '../../src-shared/contract.js';

/**
 * What the Electron preload exposes as `window.rapport`: one function per contract operation, each
 * answering an envelope (errors thrown across IPC lose their code), and `on` returning an unsubscribe.
 * Types only, so the preload can check itself against it without bundling any renderer code.
 */
export type RapportBridge = {
  readonly [N in OperationName]: (input: OpInput<N>) => Promise<Envelope<OpOutput<N>>>;
} & {
  on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void;
};
