import type { EventName } from '../../src-shared/contract.js';
import type { RapportBridge } from '../../src-renderer/api/bridge.js';
import { callChannel, eventChannel } from './channels.js';
import { EVENT_NAME_LIST, OPERATION_NAME_LIST } from './operation-names.js';

/** The part of Electron's ipcRenderer the bridge uses (tests pass a fake). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const isEventName = (name: string): name is EventName => (EVENT_NAME_LIST as readonly string[]).includes(name);

/**
 * What the preload exposes: one function per operation on its own channel, and `on` for the contract's
 * events only. The IPC event object never reaches the page (it would hand it `sender`).
 */
export function createBridge(ipc: IpcRendererLike): RapportBridge {
  const api: Record<string, unknown> = {};
  for (const name of OPERATION_NAME_LIST) {
    api[name] = (input: unknown) => ipc.invoke(callChannel(name), input);
  }
  api.on = (event: string, cb: (payload: unknown) => void) => {
    if (!isEventName(event)) throw new TypeError(`Unknown event "${event}".`);
    if (typeof cb !== 'function') throw new TypeError('on(event, cb) needs a function.');
    const channel = eventChannel(event);
    const listener = (_event: unknown, payload: unknown) => cb(payload);
    ipc.on(channel, listener);
    return () => {
      ipc.removeListener(channel, listener);
    };
  };
  return Object.freeze(api) as RapportBridge;
}
