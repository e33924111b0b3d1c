import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, EVENT_NAMES, events, OPERATION_NAMES } from '../../../src-shared/contract.js';
import { compileRoutes, matchRoute } from '../../../src-main/core/server/routes.js';

const SPEC_OPERATIONS = [
  'status.get',
  'settings.get',
  'settings.update',
  'plan.birthday',
  'campaigns.birthday.run',
  'campaigns.sourcing.run',
  'runs.list',
  'runs.get',
  'runs.stop',
  'contacts.list',
  'contacts.get',
  'contacts.update',
  'contacts.erase',
  'contacts.export',
  'contacts.import',
  'interactions.export',
  'interactions.list',
  'stats.daily',
  'logs.recent',
  'account.status',
  'account.connect',
  'account.importCookies',
  'account.disconnect',
  'schedule.get',
  'schedule.pause',
  'schedule.resume',
  'selectors.health',
  'diagnostics.list',
  'diagnostics.file',
  'diagnostics.bundle',
  'settings.testRedis',
  'settings.testBrowser',
  'token.get',
  'token.rotate',
  'legacy.import',
  // Issue 16: notification channels.
  'notifications.secrets.get',
  'notifications.secrets.set',
  'notifications.test',
  'notifications.outbox',
];

describe('the contract', () => {
  it('lists every operation of SPEC §7, and only those', () => {
    expect([...OPERATION_NAMES].sort()).toEqual([...SPEC_OPERATIONS].sort());
  });

  it.each(OPERATION_NAMES)('%s has a route under /api and zod input and output schemas', (name) => {
    const op = contract[name];
    expect(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).toContain(op.method);
    expect(op.path.startsWith('/api/')).toBe(true);
    expect(op.input).toBeInstanceOf(z.ZodType);
    expect(op.output).toBeInstanceOf(z.ZodType);
  });

  it('has one operation per method and path', () => {
    const routes = OPERATION_NAMES.map((n) => `${contract[n].method} ${contract[n].path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('routes match with their parameters', () => {
    const routes = compileRoutes();
    const m = matchRoute(routes, 'POST', '/api/runs/42/stop');
    expect(typeof m === 'object' && m?.route.name).toBe('runs.stop');
    expect(typeof m === 'object' && m?.params).toEqual({ id: '42' });
    expect(matchRoute(routes, 'GET', '/api/runs/%E0')).toBe('bad-path');
    expect(matchRoute(routes, 'DELETE', '/api/runs/42/stop')).toBe('method-not-allowed');
    expect(matchRoute(routes, 'GET', '/api/nothing')).toBeNull();
  });

  it('starts campaigns with 202', () => {
    expect(contract['campaigns.birthday.run'].successStatus).toBe(202);
    expect(contract['campaigns.sourcing.run'].successStatus).toBe(202);
  });

  it('declares the events', () => {
    expect([...EVENT_NAMES].sort()).toEqual(['log.line', 'notification', 'run.finished', 'run.progress', 'status.changed']);
    for (const name of EVENT_NAMES) expect(events[name]).toBeInstanceOf(z.ZodType);
  });

  it('rejects unknown fields and wrong types in inputs', () => {
    expect(contract['contacts.list'].input.safeParse({ pageSize: '1000' }).success).toBe(false);
    expect(contract['contacts.list'].input.safeParse({ sort: 'evil; drop table' }).success).toBe(false);
    expect(contract['campaigns.birthday.run'].input.safeParse({ dryRun: 'yes' }).success).toBe(false);
    expect(contract['campaigns.birthday.run'].input.safeParse({ surprise: 1 }).success).toBe(false);
    expect(contract['runs.get'].input.safeParse({ id: '7' }).success).toBe(true);
  });
});
