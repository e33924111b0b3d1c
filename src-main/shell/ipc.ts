import {
  EVENT_NAMES,
  OPERATION_NAMES,
  type Envelope,
  type EventName,
  type EventPayload,
  type OperationName,
} from '../../src-shared/contract.js';
import { toErrorBody, type ErrorBody } from '../../src-shared/errors.js';
import { isAppUrl } from './app-origin.js';
import { callChannel, eventChannel } from './channels.js';

/** The frame that sent an IPC message (Electron's WebFrameMain, reduced to what the guard reads). */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

export interface IpcInvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}

/** The part of Electron's ipcMain used here, so tests can pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** `core.call`: input.parse → handler → output.parse, throwing RapportError on bad input. */
export type CoreCall = (name: OperationName, input: unknown) => Promise<unknown>;

export interface RegisterIpcOptions {
  ipcMain: IpcMainLike;
  call: CoreCall;
  /** Unexpected failures (INTERNAL) are logged here; the renderer only gets the generic sentence. */
  onInternalError?(operation: OperationName, error: unknown): void;
}

/** Only the app's own top-level page may call the core; an iframe or a foreign page may not. */
export function isTrustedSender(frame: SenderFrameLike | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

const REFUSED: ErrorBody = {
  code: 'UNAUTHORIZED',
  message: "Refused: only the app's own page may call Rapport.",
};

/** One handler per contract operation, each answering an envelope. Returns a function that removes them. */
export function registerIpc({ ipcMain, call, onInternalError }: RegisterIpcOptions): () => void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(callChannel(name), async (event, input): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event.senderFrame)) return { ok: false, error: REFUSED };
      try {
        return { ok: true, value: await call(name, input) };
      } catch (e) {
        const error = toErrorBody(e);
        if (error.code === 'INTERNAL') onInternalError?.(name, e);
        return { ok: false, error };
      }
    });
  }
  return () => OPERATION_NAMES.forEach((name) => ipcMain.removeHandler(callChannel(name)));
}

export interface EventBusLike {
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Sends every core event to the window on its own channel; returns the unsubscribe. */
export function forwardEvents(events: EventBusLike, send: (channel: string, payload: unknown) => void): () => void {
  const offs = EVENT_NAMES.map((name) => events.on(name, (payload) => send(eventChannel(name), payload)));
  return () => offs.forEach((off) => off());
}
