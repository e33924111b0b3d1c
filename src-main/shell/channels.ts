import type { EventName, OperationName } from '../../src-shared/contract.js';

/** One IPC channel per operation and per event: nothing generic the renderer could aim elsewhere. */
export const callChannel = (name: OperationName): string => `rapport:call:${name}`;
export const eventChannel = (name: EventName): string => `rapport:event:${name}`;
