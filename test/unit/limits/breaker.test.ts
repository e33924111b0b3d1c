import { describe, expect, it } from 'vitest';
import { BreakerOpenError, CircuitBreaker, type BreakerState } from '../../../src-main/core/limits/breaker.js';

function setup() {
  let now = 0;
  const transitions: BreakerState[] = [];
  let failures = 0;
  const breaker = new CircuitBreaker({
    now: () => now,
    onStateChange: (s) => transitions.push(s),
    onFailure: () => failures++,
  });
  const fail = () => breaker.execute(() => Promise.reject(new Error('down'))).catch((e: Error) => e);
  const succeed = () => breaker.execute(() => Promise.resolve('ok'));
  return { breaker, transitions, fail, succeed, advance: (ms: number) => (now += ms), now: () => now, failures: () => failures };
}

describe('CircuitBreaker', () => {
  it('opens after 3 consecutive failures, and a success in between resets the count', async () => {
    const t = setup();
    await t.fail();
    await t.fail();
    await t.succeed();
    await t.fail();
    await t.fail();
    expect(t.breaker.state).toBe('closed');
    await t.fail();
    expect(t.breaker.state).toBe('open');
    expect(t.failures()).toBe(5);
    expect(await t.fail()).toBeInstanceOf(BreakerOpenError);
    expect(t.failures()).toBe(5); // refused calls are not failures
  });

  it('probes once after the backoff, closes on success', async () => {
    const t = setup();
    for (let i = 0; i < 3; i++) await t.fail();
    t.advance(999);
    expect(t.breaker.tryPermit()).toBeNull();
    t.advance(1);
    expect(t.breaker.tryPermit()).toBe('probe');
    expect(t.breaker.state).toBe('half-open');
    expect(t.breaker.tryPermit()).toBeNull(); // one probe at a time
    t.breaker.recordSuccess('probe');
    expect(t.breaker.state).toBe('closed');
    expect(t.transitions).toEqual(['open', 'half-open', 'closed']);
  });

  it('doubles the backoff after each failed probe, from 1 s up to 60 s, and resets it on success', async () => {
    const t = setup();
    for (let i = 0; i < 3; i++) await t.fail();
    const waits: number[] = [t.breaker.retryAt - t.now()];
    for (let i = 0; i < 8; i++) {
      t.advance(t.breaker.retryAt - t.now() - 1);
      expect(t.breaker.tryPermit()).toBeNull();
      t.advance(1);
      await t.fail(); // the probe fails: open again, longer
      waits.push(t.breaker.retryAt - t.now());
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    t.advance(60_000);
    await t.succeed();
    expect(t.breaker.delayMs).toBe(1000);
  });

  it('a request that started before the breaker opened cannot close it or extend the wait', async () => {
    const t = setup();
    const permit = t.breaker.tryPermit();
    expect(permit).toBe('normal');
    for (let i = 0; i < 3; i++) await t.fail();
    const retryAt = t.breaker.retryAt;
    t.breaker.recordSuccess('normal');
    expect(t.breaker.state).toBe('open');
    t.breaker.recordFailure('normal');
    expect(t.breaker.retryAt).toBe(retryAt);
  });

  it('an abandoned probe lets the next request probe', () => {
    const t = setup();
    for (let i = 0; i < 3; i++) t.breaker.recordFailure('normal');
    t.advance(1000);
    expect(t.breaker.tryPermit()).toBe('probe');
    t.breaker.abandon('probe');
    expect(t.breaker.tryPermit()).toBe('probe');
  });
});
