import { describe, expect, it } from 'vitest';
import { ModeGate } from '../../../src-main/core/limits/gate.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ModeGate', () => {
  it('runs an exclusive step at once when nothing is in flight', async () => {
    const gate = new ModeGate();
    let ran = false;
    const p = gate.exclusive(() => (ran = true));
    expect(ran).toBe(true);
    await p;
  });

  it('holds an exclusive step until every shared holder has left, and new shared holders wait behind it', async () => {
    const gate = new ModeGate();
    const order: string[] = [];
    await gate.enterShared();
    await gate.enterShared();
    const exclusive = gate.exclusive(() => order.push('exclusive'));
    const lateShared = gate.enterShared().then(() => order.push('late shared'));
    await tick();
    expect(order).toEqual([]);
    gate.leaveShared();
    await tick();
    expect(order).toEqual([]);
    gate.leaveShared();
    await exclusive;
    await lateShared;
    expect(order).toEqual(['exclusive', 'late shared']);
  });
});
