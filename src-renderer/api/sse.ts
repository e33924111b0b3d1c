import { createParser } from 'eventsource-parser';
import type { ApiError } from './client.js';
import { errorFromResponse } from './http-response.js';

/** Statuses after which reconnecting cannot help (bad token, locked out): give up and say so. */
const FATAL_STATUSES = new Set([401, 403, 429]);

export interface EventStreamOptions {
  open(signal: AbortSignal): Promise<Response>;
  onFatal?(error: ApiError): void;
  /** The stream opened, or dropped and is about to reconnect: the panel shows a banner while it is down. */
  onConnection?(state: ConnectionState): void;
  /** Delay before reconnect attempt `attempt` (1-based). */
  retryDelayMs?(attempt: number): number;
}

export type ConnectionState = 'open' | 'dropped';

type Listener = (payload: unknown) => void;

const defaultRetryDelay = (attempt: number) => Math.min(30_000, 1000 * 2 ** (attempt - 1));

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/**
 * One streaming `fetch` shared by every subscriber (EventSource cannot send the token header). It opens
 * with the first subscription, closes with the last, and reconnects with backoff when the server drops it.
 */
export class EventStream {
  private readonly listeners = new Map<string, Set<Listener>>();
  private controller: AbortController | null = null;

  constructor(private readonly options: EventStreamOptions) {}

  subscribe(event: string, listener: Listener): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    if (!this.controller) {
      this.controller = new AbortController();
      void this.run(this.controller.signal);
    }
    return () => {
      set.delete(listener);
      if ([...this.listeners.values()].every((s) => s.size === 0)) this.close();
    };
  }

  close(): void {
    this.controller?.abort();
    this.controller = null;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const retryDelay = this.options.retryDelayMs ?? defaultRetryDelay;
    let attempt = 0;
    while (!signal.aborted) {
      try {
        const res = await this.options.open(signal);
        if (!res.ok || !res.body) {
          const error = await errorFromResponse(res);
          if (FATAL_STATUSES.has(res.status)) {
            this.options.onFatal?.(error);
            return;
          }
          throw error;
        }
        attempt = 0;
        this.options.onConnection?.('open');
        await this.read(res.body, signal);
      } catch {
        // Dropped connection or server restart: fall through to the backoff and reconnect.
      }
      if (signal.aborted) return;
      this.options.onConnection?.('dropped');
      attempt += 1;
      await pause(retryDelay(attempt), signal);
    }
  }

  private async read(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
    const reader = body.getReader();
    const cancel = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', cancel, { once: true });
    const decoder = new TextDecoder();
    const parser = createParser({ onEvent: (message) => this.dispatch(message.event ?? 'message', message.data) });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }

  private dispatch(event: string, data: string): void {
    const set = this.listeners.get(event);
    if (!set?.size) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return; // Not ours to show: the core only sends JSON payloads.
    }
    for (const listener of [...set]) listener(payload);
  }
}
