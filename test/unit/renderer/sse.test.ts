import { describe, expect, it, vi } from 'vitest';
import { EventStream } from '../../../src-renderer/api/sse.js';

/** A streamed response that stays open until the reader cancels it, like the real events route. */
function openStream(chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

describe('event stream', () => {
  it('opens one connection for all subscribers, dispatches by event name, and closes with the last', async () => {
    const signals: AbortSignal[] = [];
    const open = vi.fn(async (signal: AbortSignal) => {
      signals.push(signal);
      return openStream(['event: run.finished\ndata: {"id":1}\n\n', 'event: status.changed\ndata: {"state":"off"}\n\n']);
    });
    const stream = new EventStream({ open });
    const runs: unknown[] = [];
    const statuses: unknown[] = [];
    const got = new Promise<void>((resolve) => {
      const offRun = stream.subscribe('run.finished', (p) => runs.push(p));
      const offStatus = stream.subscribe('status.changed', (p) => {
        statuses.push(p);
        offRun();
        offStatus();
        resolve();
      });
    });
    await got;
    expect(open).toHaveBeenCalledTimes(1);
    expect(runs).toEqual([{ id: 1 }]);
    expect(statuses).toEqual([{ state: 'off' }]);
    expect(signals[0].aborted).toBe(true);
  });

  it('gives up and reports the error when the token is refused, instead of retrying', async () => {
    const open = vi.fn(
      async () =>
        new Response(JSON.stringify({ error: { code: 'UNAUTHORIZED', message: 'Missing or wrong API token.' } }), { status: 401 }),
    );
    const fatal = new Promise((resolve) => {
      new EventStream({ open, onFatal: resolve, retryDelayMs: () => 0 }).subscribe('run.finished', () => undefined);
    });
    await expect(fatal).resolves.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('reconnects after the server drops the stream, reporting the drop and the recovery', async () => {
    let calls = 0;
    const states: string[] = [];
    const stream = new EventStream({
      retryDelayMs: () => 0,
      onConnection: (state) => states.push(state),
      open: async () => {
        calls += 1;
        if (calls === 1) return new Response('event: run.finished\ndata: {"id":1}\n\n'); // ends: a dropped connection
        return openStream([`event: run.finished\ndata: {"id":${calls}}\n\n`]);
      },
    });
    const seen: unknown[] = [];
    await new Promise<void>((resolve) => {
      const off = stream.subscribe('run.finished', (p) => {
        seen.push(p);
        if (seen.length === 2) {
          off();
          resolve();
        }
      });
    });
    expect(seen).toEqual([{ id: 1 }, { id: 2 }]);
    expect(states).toEqual(['open', 'dropped', 'open']);
  });

  it('parses events split anywhere across chunks, CRLF line ends and comments included', async () => {
    const text = ': connected\n\nevent: run.finished\ndata: {"id":1}\n\n: ping\n\nevent: log.line\r\ndata: {"msg":"a"}\r\n\r\n';
    const stream = new EventStream({ open: async () => openStream([...text]) });
    const seen: unknown[] = [];
    await new Promise<void>((resolve) => {
      const offRun = stream.subscribe('run.finished', (p) => seen.push(p));
      const offLog = stream.subscribe('log.line', (p) => {
        seen.push(p);
        offRun();
        offLog();
        resolve();
      });
    });
    expect(seen).toEqual([{ id: 1 }, { msg: 'a' }]);
  });
});
