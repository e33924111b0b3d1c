import type { ApiError } from './client.js';
import { errorFromResponse } from './http-response.js';

export interface SseMessage {
  event: string;
  data: string;
}

/** Incremental Server-Sent Events parser (the subset the core emits: `event:`, `data:`, comments). */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const messages: SseMessage[] = [];
    for (;;) {
      const end = /\r\n|\r|\n/.exec(this.buffer);
      if (!end) break;
      // A trailing lone CR may be the first half of a CRLF split across chunks: wait for the next one.
      if (end[0] === '\r' && end.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, end.index);
      this.buffer = this.buffer.slice(end.index + end[0].length);
      const message = this.line(line);
      if (message) messages.push(message);
    }
    return messages;
  }

  private line(line: string): SseMessage | null {
    if (line === '') {
      const message = this.data.length ? { event: this.event || 'message', data: this.data.join('\n') } : null;
      this.event = '';
      this.data = [];
      return message;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    return null;
  }
}

/** Statuses after which reconnecting cannot help (bad token, locked out): give up and say so. */
const FATAL_STATUSES = new Set([401, 403, 429]);

export interface EventStreamOptions {
  open(signal: AbortSignal): Promise<Response>;
  onFatal?(error: ApiError): void;
  /** Delay before reconnect attempt `attempt` (1-based). */
  retryDelayMs?(attempt: number): number;
}

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
        await this.read(res.body, signal);
      } catch {
        // Dropped connection or server restart: fall through to the backoff and reconnect.
      }
      if (signal.aborted) return;
      attempt += 1;
      await pause(retryDelay(attempt), signal);
    }
  }

  private async read(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
    const reader = body.getReader();
    const cancel = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', cancel, { once: true });
    const decoder = new TextDecoder();
    const parser = new SseParser();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        for (const message of parser.push(decoder.decode(value, { stream: true }))) this.dispatch(message);
      }
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }

  private dispatch(message: SseMessage): void {
    const set = this.listeners.get(message.event);
    if (!set?.size) return;
    let payload: unknown;
    try {
      payload = JSON.parse(message.data);
    } catch {
      return; // Not ours to show: the core only sends JSON payloads.
    }
    for (const listener of [...set]) listener(payload);
  }
}
