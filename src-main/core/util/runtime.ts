import { RapportError } from '../../../src-shared/errors.js';

/** Time, randomness and waiting come in from the composition root so tests run fast and reproducibly. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

/** mulberry32: small, fast, and good enough for human-like jitter; seeded so runs reproduce. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export function abortError(signal?: AbortSignal): RapportError {
  const reason = signal?.reason;
  if (reason instanceof RapportError) return reason;
  return new RapportError('ABORTED', 'The run was stopped.');
}

/** Resolves after `ms`, or rejects with ABORTED as soon as the signal fires. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    if (ms <= 0) return resolve();
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
