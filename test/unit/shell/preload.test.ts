import { describe, expect, it, vi } from 'vitest';
import { build } from 'esbuild';
import { contract } from '../../../src-shared/contract.js';

type Listener = (event: unknown, ...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
      on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(listener);
      }),
      removeListener: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      }),
      send: vi.fn(),
      sendSync: vi.fn(),
      postMessage: vi.fn(),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: fake.ipcRenderer,
}));

await import('../../../src-main/preload.js');

function api(): Record<string, unknown> {
  const value = fake.exposed.get('rapport');
  if (!value || typeof value !== 'object') throw new Error('window.rapport was not exposed');
  return value as Record<string, unknown>;
}

describe('preload', () => {
  it('exposes window.rapport only: one function per contract operation, plus on', () => {
    expect([...fake.exposed.keys()]).toEqual(['rapport']);
    expect(Object.keys(api()).sort()).toEqual([...Object.keys(contract), 'on'].sort());
    for (const value of Object.values(api())) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api())).toBe(true);
  });

  it('hands the page no ipcRenderer and no generic send/invoke', () => {
    const values = Object.values(api());
    expect(values).not.toContain(fake.ipcRenderer);
    for (const key of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'postMessage', 'call']) expect(api()).not.toHaveProperty(key);
  });

  it('calls each operation on its own channel and returns the envelope', async () => {
    const getRun = api()['runs.get'] as (input: unknown) => Promise<unknown>;
    await expect(getRun({ id: 3 })).resolves.toEqual({ ok: true, value: { channel: 'rapport:call:runs.get', input: { id: 3 } } });
  });

  it('delivers event payloads without the IPC event, and unsubscribes', () => {
    const on = api().on as (event: string, cb: (payload: unknown) => void) => () => void;
    const received: unknown[] = [];
    const off = on('run.finished', (payload) => received.push(payload));
    const channel = 'rapport:event:run.finished';
    const sender = { sender: { send: () => undefined } };
    for (const listener of fake.listeners.get(channel) ?? []) (listener as Listener)(sender, { id: 7 });
    expect(received).toEqual([{ id: 7 }]);
    off();
    expect(fake.listeners.get(channel)?.size).toBe(0);
  });

  it('refuses to listen on anything but a contract event', () => {
    const on = api().on as (event: string, cb: (payload: unknown) => void) => () => void;
    expect(() => on('rapport:call:contacts.erase', () => undefined)).toThrow(/Unknown event/);
    expect(() => on('ping', () => undefined)).toThrow(/Unknown event/);
  });

  it('bundles to a file that requires nothing but electron (a sandboxed preload cannot load zod)', async () => {
    const result = await build({
      entryPoints: ['src-main/preload.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].text;
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/zod/i);
  });
});
