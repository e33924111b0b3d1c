import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TargetSpec } from '../../../src-main/core/browser/selector-catalogue.js';
import { SELECTOR_CATALOGUE } from '../../../src-main/core/browser/selector-catalogue.js';
import { SelectorRepository } from '../../../src-main/core/browser/selector-repo.js';
import { createTestContext, type TestContext } from '../../helpers/browser.js';

const spec = (...locators: string[]): TargetSpec[] => [
  { target: 't.one', description: 'test target', candidates: locators.map((locator) => ({ locator, locale: null })) },
];

describe('SelectorRepository', () => {
  let t: TestContext;
  let repo: SelectorRepository;
  beforeEach(() => {
    t = createTestContext();
    repo = new SelectorRepository(t.ctx.store.database.db);
  });
  afterEach(() => t.dispose());

  const ids = () => Object.fromEntries(repo.ranked('t.one').map((r) => [r.locator, r.id]));
  const order = () => repo.ranked('t.one').map((r) => r.locator);
  const state = () => repo.health().find((h) => h.target === 't.one')?.state;

  it('seeds the built-in catalogue as data', () => {
    repo.seed(SELECTOR_CATALOGUE);
    const health = repo.health();
    expect(health.map((h) => h.target).sort()).toEqual(SELECTOR_CATALOGUE.map((s) => s.target).sort());
    expect(health.every((h) => h.state === 'unused')).toBe(true);
    const send = repo.ranked('messaging.send');
    expect(send[0]).toMatchObject({ locator: 'role=button[name=/^(Send|Envoyer)$/i]', origin: 'builtin', priority: 0 });
  });

  it('re-seeding keeps counters, updates priorities and drops built-ins no longer shipped', () => {
    repo.seed(spec('css=a', 'css=b', 'css=c'));
    repo.record([{ id: ids()['css=b'], ok: true }], '2026-01-01T00:00:00.000Z');
    repo.seed(spec('css=b', 'css=a'));
    const rows = repo.ranked('t.one');
    expect(rows.map((r) => [r.locator, r.priority, r.successes])).toEqual([
      ['css=b', 0, 1],
      ['css=a', 1, 0],
    ]);
  });

  it('ranks working candidates first, then by successes, recency and priority', () => {
    repo.seed(spec('css=a', 'css=b', 'css=c'));
    expect(order()).toEqual(['css=a', 'css=b', 'css=c']);
    const id = ids();
    // c worked twice, b once: c first.
    repo.record([{ id: id['css=c'], ok: true }], '2026-01-01T00:00:01.000Z');
    repo.record([{ id: id['css=c'], ok: true }], '2026-01-01T00:00:02.000Z');
    repo.record([{ id: id['css=b'], ok: true }], '2026-01-01T00:00:03.000Z');
    expect(order()).toEqual(['css=c', 'css=b', 'css=a']);
    // c then failed while b stood in: c goes behind the ones that currently work.
    repo.record(
      [
        { id: id['css=c'], ok: false },
        { id: id['css=b'], ok: true },
      ],
      '2026-01-01T00:00:04.000Z',
    );
    expect(order()).toEqual(['css=b', 'css=a', 'css=c']);
  });

  it('health: unused → healthy → degraded (fallback needed) → failing', () => {
    repo.seed(spec('css=a', 'css=b'));
    const id = ids();
    expect(state()).toBe('unused');
    repo.record([{ id: id['css=a'], ok: true }], '2026-01-01T00:00:01.000Z');
    expect(state()).toBe('healthy');
    repo.record(
      [
        { id: id['css=a'], ok: false },
        { id: id['css=b'], ok: true },
      ],
      '2026-01-01T00:00:02.000Z',
    );
    expect(state()).toBe('degraded');
    repo.record(
      [
        { id: id['css=b'], ok: false },
        { id: id['css=a'], ok: false },
      ],
      '2026-01-01T00:00:03.000Z',
    );
    expect(state()).toBe('failing');
    const row = repo.health().find((h) => h.target === 't.one')?.candidates[0];
    expect(row).toMatchObject({ locator: 'css=a', successes: 1, failures: 2, lastFailureAt: '2026-01-01T00:00:03.000Z' });
  });
});
