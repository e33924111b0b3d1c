import { createParser } from 'eventsource-parser';
import type { z } from 'zod';
import { events } from '../../src-shared/contract.js';
import type { CliIo } from './types.js';

export type ProgressEvent = z.infer<(typeof events)['run.progress']>;

/** One progress line, the same whether the run is in this process or in the folder's owner. */
export function progressLine(p: ProgressEvent): string {
  if (p.wait) return `  waiting ${Math.round(p.wait.ms / 1000)} s (${p.wait.reason})`;
  return `  ${p.step}${p.contact ? `: ${p.contact}` : ''}`;
}

/**
 * Prints a run's progress from the owner's event stream until `signal` aborts. Best effort: the run's
 * end is still learned by asking for it, so a stream that cannot open (or drops) only loses the lines.
 */
export async function followRemoteProgress(
  openEvents: (signal: AbortSignal) => Promise<Response>,
  runId: number,
  io: CliIo,
  signal: AbortSignal,
): Promise<void> {
  try {
    const res = await openEvents(signal);
    if (!res.ok || !res.body) return;
    const decoder = new TextDecoder();
    const parser = createParser({
      onEvent: (message) => {
        if (message.event !== 'run.progress') return;
        let data: unknown;
        try {
          data = JSON.parse(message.data);
        } catch {
          return;
        }
        const progress = events['run.progress'].safeParse(data);
        if (progress.success && progress.data.runId === runId) io.err(progressLine(progress.data));
      },
    });
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } catch {
    // Aborted when the run ended, or the stream failed: the lines stop, the run's outcome does not depend on them.
  }
}
