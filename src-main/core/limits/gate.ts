/**
 * Keeps Redis grants and memory-fallback grants of one process from overlapping.
 *
 * A Redis acquisition reads the ledger floor, then awaits its script; a memory grant made during that
 * await would be invisible to the script, and the two together could pass the limit. So Redis calls
 * hold the gate shared (many at once), and a memory grant waits until none is in flight. Waiting
 * memory grants block new Redis calls (writer preference), and every Redis call is bounded by the
 * command timeout, so the wait is short and cannot starve.
 */
export class ModeGate {
  private shared = 0;
  private exclusiveWaiting = 0;
  private waiters: (() => void)[] = [];

  async enterShared(): Promise<void> {
    while (this.exclusiveWaiting > 0) await this.wait();
    this.shared++;
  }

  leaveShared(): void {
    this.shared--;
    if (this.shared === 0) this.wakeAll();
  }

  /** Runs the synchronous `fn` once no shared holder is in flight (at once when none is). */
  async exclusive<T>(fn: () => T): Promise<T> {
    if (this.shared === 0) return fn();
    this.exclusiveWaiting++;
    try {
      while (this.shared > 0) await this.wait();
      return fn();
    } finally {
      this.exclusiveWaiting--;
      if (this.exclusiveWaiting === 0) this.wakeAll();
    }
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
