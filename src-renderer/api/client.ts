import type { EventName, EventPayload, OperationName, OpInput, OpOutput } from '../../src-shared/contract.js';
import { errorBodySchema, type ErrorCode } from '../../src-shared/errors.js';

/** Codes the client itself produces when no server answer is available. */
export type ClientErrorCode = 'UNREACHABLE' | 'BAD_RESPONSE';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** Every failure the UI sees: a stable code (shown to the user), the server's message, optional details. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly details?: unknown;

  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

/** Turns an error body from HTTP or an IPC envelope into an ApiError; anything unreadable is BAD_RESPONSE. */
export function apiErrorFrom(body: unknown, fallback: string): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return new ApiError('BAD_RESPONSE', fallback);
  return new ApiError(parsed.data.code, parsed.data.message, parsed.data.details);
}

export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError('INTERNAL', e instanceof Error ? e.message : String(e));
}

/** What a transport moves: untyped on purpose, the typed facade below is the one place that names types. */
export interface Transport {
  readonly mode: 'ipc' | 'http';
  call(name: OperationName, input: unknown): Promise<unknown>;
  on(event: EventName, cb: (payload: unknown) => void): () => void;
}

export interface RapportClient {
  readonly mode: Transport['mode'];
  call<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>>;
  on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void;
}

/**
 * The typed client over the contract. Outputs are not re-validated here: the core parses every output
 * against the same contract before it leaves the process, for IPC and HTTP alike.
 */
export function createClient(transport: Transport): RapportClient {
  return {
    mode: transport.mode,
    call: <N extends OperationName>(name: N, input: OpInput<N>) => transport.call(name, input) as Promise<OpOutput<N>>,
    on: <E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void) =>
      transport.on(event, cb as (payload: unknown) => void),
  };
}
