import type { Status } from '../../src-shared/domain.js';
import type { Logger } from './log.js';

/**
 * Emits `status.changed` whenever the status differs from the last one sent. Anything that may
 * change it (a run starting, progressing or ending, a pause or resume, the account's state, saved
 * settings, a quota spent) calls `poke()`; pokes arriving together are computed once.
 */
export class StatusPublisher {
  private scheduled = false;
  private running: Promise<void> | null = null;
  private again = false;
  private last: string | null = null;
  private stopped = false;

  constructor(
    private readonly compute: () => Promise<Status>,
    private readonly emit: (status: Status) => void,
    private readonly logger: Logger,
  ) {}

  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.running = this.publish().finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
    });
  }

  private async publish(): Promise<void> {
    if (this.stopped) return;
    try {
      const status = await this.compute();
      const key = JSON.stringify(status);
      if (this.stopped || key === this.last) return;
      this.last = key;
      this.emit(status);
    } catch (e) {
      if (!this.stopped) this.logger.warn({ err: e }, 'status could not be computed');
    }
  }

  /** Waits for a computation in progress, then ignores every later poke (the core is stopping). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}
