/**
 * A generic circuit breaker: closed → open after `failureThreshold` consecutive failures → half-open
 * (one probe) once the backoff has passed → closed on success, or open again with the backoff doubled.
 * Time comes from `now()`, and the open → half-open step happens on the next request, so tests drive
 * it by moving an injected clock instead of waiting.
 */

export type BreakerState = 'closed' | 'open' | 'half-open';
export type Permit = 'normal' | 'probe';

/** Gauge values of `circuit_breaker_state`. */
export const BREAKER_STATE_VALUE: Record<BreakerState, number> = { closed: 0, open: 1, 'half-open': 2 };

export interface BreakerOptions {
  now: () => number;
  failureThreshold?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  onStateChange?: (state: BreakerState, previous: BreakerState) => void;
  onFailure?: (error: unknown) => void;
}

export class BreakerOpenError extends Error {
  constructor(readonly retryAtMs: number) {
    super('circuit breaker is open');
    this.name = 'BreakerOpenError';
  }
}

export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private consecutiveFailures = 0;
  private failedProbes = 0;
  private retryAtMs = 0;
  private probing = false;
  private readonly threshold: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(private readonly options: BreakerOptions) {
    this.threshold = options.failureThreshold ?? 3;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
  }

  get state(): BreakerState {
    return this.current;
  }

  /** When an open breaker lets the next probe through (epoch ms). */
  get retryAt(): number {
    return this.retryAtMs;
  }

  /** Backoff before the next probe: 1 s, 2 s, 4 s … capped at 60 s. */
  get delayMs(): number {
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** this.failedProbes);
  }

  /**
   * Whether a request may go through now: `normal` while closed, `probe` for the single request a
   * half-open breaker lets through, null otherwise.
   */
  tryPermit(): Permit | null {
    if (this.current === 'closed') return 'normal';
    if (this.current === 'open') {
      if (this.options.now() < this.retryAtMs) return null;
      this.transition('half-open');
    }
    if (this.probing) return null;
    this.probing = true;
    return 'probe';
  }

  recordSuccess(permit: Permit): void {
    if (permit === 'probe') {
      this.probing = false;
      this.failedProbes = 0;
      this.consecutiveFailures = 0;
      this.transition('closed');
    } else if (this.current === 'closed') {
      this.consecutiveFailures = 0;
    }
    // A normal request that started before the breaker opened proves little: the probe decides.
  }

  recordFailure(permit: Permit, error?: unknown): void {
    this.options.onFailure?.(error);
    if (permit === 'probe') {
      this.probing = false;
      this.failedProbes++;
      this.open();
      return;
    }
    this.consecutiveFailures++;
    // A late failure while already open does not extend the wait.
    if (this.current === 'closed' && this.consecutiveFailures >= this.threshold) this.open();
  }

  /** Gives a permit back unused (the request never reached the service): a probe may be tried again. */
  abandon(permit: Permit): void {
    if (permit === 'probe') this.probing = false;
  }

  /** Runs `fn` if permitted; throws BreakerOpenError otherwise. */
  async execute<T>(fn: () => Promise<T>): Promise<T> {
    const permit = this.tryPermit();
    if (!permit) throw new BreakerOpenError(this.retryAtMs);
    try {
      const result = await fn();
      this.recordSuccess(permit);
      return result;
    } catch (e) {
      this.recordFailure(permit, e);
      throw e;
    }
  }

  private open(): void {
    this.retryAtMs = this.options.now() + this.delayMs;
    this.transition('open');
  }

  private transition(next: BreakerState): void {
    const previous = this.current;
    this.current = next;
    if (previous !== next) this.options.onStateChange?.(next, previous);
  }
}
