import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract, type Envelope } from '../../../src-shared/contract.js';
import { createCore, type Core } from '../../../src-main/core/app.js';
import {
  forwardEvents,
  registerIpc,
  type IpcInvokeEventLike,
  type IpcMainLike,
  type SenderFrameLike,
} from '../../../src-main/shell/ipc.js';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

/** Records handlers like Electron's ipcMain, which throws on a second handler for one channel. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(channel: string, frame: SenderFrameLike | null, input?: unknown): Promise<Envelope<unknown>> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return (await handler({ senderFrame: frame }, input)) as Envelope<unknown>;
  }
}

const appFrame: SenderFrameLike = { url: 'app://rapport/index.html', parent: null };

let core: Core;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rapport-ipc-'));
  core = await createCore({ dataDir, env: { RAPPORT_API_KEY: 'test-token-ipc-0123456789' } });
});

afterAll(async () => {
  await core?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('IPC handlers', () => {
  it('registers exactly one handler per contract operation, and removes them all', () => {
    const ipc = new FakeIpcMain();
    const remove = registerIpc({ ipcMain: ipc, call: core.call });
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.keys(contract).map((name) => `rapport:call:${name}`).sort());
    remove();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers the app page with the core’s validated output', async () => {
    const ipc = new FakeIpcMain();
    registerIpc({ ipcMain: ipc, call: core.call });
    const answer = await ipc.invoke('rapport:call:status.get', appFrame, {});
    expect(answer).toEqual({ ok: true, value: await core.call('status.get', {}) });
  });

  it('answers VALIDATION_FAILED naming the field for bad input, instead of throwing', async () => {
    const ipc = new FakeIpcMain();
    registerIpc({ ipcMain: ipc, call: core.call });
    const answer = await ipc.invoke('rapport:call:runs.get', appFrame, { id: 'abc' });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('VALIDATION_FAILED');
    expect(answer.error.details).toMatchObject({ issues: [expect.objectContaining({ field: 'id' })] });

    const extra = await ipc.invoke('rapport:call:status.get', appFrame, { unexpected: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it.each([
    ['another origin', { url: 'https://evil.example/index.html', parent: null }],
    ['another app host', { url: 'app://other/index.html', parent: null }],
    ['a file: page', { url: 'file:///tmp/index.html', parent: null }],
    ['a subframe of the app', { url: 'app://rapport/index.html', parent: appFrame }],
    ['a destroyed frame', null],
  ])('refuses a call from %s without reaching the core', async (_label, frame) => {
    const call = vi.fn(async () => ({}));
    const ipc = new FakeIpcMain();
    registerIpc({ ipcMain: ipc, call });
    const answer = await ipc.invoke('rapport:call:account.disconnect', frame, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(call).not.toHaveBeenCalled();
  });

  it('hides unexpected errors behind INTERNAL and reports them to the log', async () => {
    const onInternalError = vi.fn();
    const ipc = new FakeIpcMain();
    registerIpc({
      ipcMain: ipc,
      call: async () => {
        throw new Error('SQLITE_IOERR at /home/someone/.config/rapport/rapport.db');
      },
      onInternalError,
    });
    const answer = await ipc.invoke('rapport:call:contacts.list', appFrame, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(answer)).not.toContain('/home/someone');
    expect(onInternalError).toHaveBeenCalledWith('contacts.list', expect.any(Error));
  });
});

describe('event forwarding', () => {
  it('sends each core event to the window on its own channel until unsubscribed', async () => {
    const sent: [string, unknown][] = [];
    const stop = forwardEvents(core.events, (channel, payload) => sent.push([channel, payload]));
    const status = await core.call('status.get', {});
    core.events.emit('status.changed', status);
    const line = { level: 'info' as const, time: '2026-01-01T00:00:00.000Z', msg: 'hello', runId: null, component: null, details: null };
    core.events.emit('log.line', line);
    expect(sent).toEqual([
      ['rapport:event:status.changed', status],
      ['rapport:event:log.line', line],
    ]);
    stop();
    core.events.emit('status.changed', status);
    expect(sent).toHaveLength(2);
  });
});
