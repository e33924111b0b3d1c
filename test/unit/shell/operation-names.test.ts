import { describe, expect, it } from 'vitest';
import { contract, events } from '../../../src-shared/contract.js';
import { EVENT_NAME_LIST, OPERATION_NAME_LIST } from '../../../src-main/shell/operation-names.js';

describe('the preload’s copy of the contract names', () => {
  it('lists exactly the contract’s operations, so every operation is reachable from the window', () => {
    expect([...OPERATION_NAME_LIST]).toEqual(Object.keys(contract));
  });

  it('lists exactly the contract’s events', () => {
    expect([...EVENT_NAME_LIST]).toEqual(Object.keys(events));
  });
});
