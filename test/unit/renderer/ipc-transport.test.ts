import { describe, expect, it, vi } from 'vitest';
import type { RapportBridge } from '../../../src-renderer/api/bridge.js';
import { ApiError, createClient } from '../../../src-renderer/api/client.js';
import { createIpcTransport } from '../../../src-renderer/api/ipc-transport.js';

function bridgeWith(answer: unknown): RapportBridge {
  const invoke = vi.fn(async () => answer);
  return new Proxy({ on: vi.fn(() => () => undefined) } as Record<string, unknown>, {
    get: (target, key) => (key in target ? target[key as string] : invoke),
  }) as unknown as RapportBridge;
}

describe('IPC transport', () => {
  it('unwraps a successful envelope', async () => {
    const client = createClient(createIpcTransport(bridgeWith({ ok: true, value: { runId: 8 } })));
    await expect(client.call('campaigns.birthday.run', {})).resolves.toEqual({ runId: 8 });
  });

  it('turns a failed envelope into an ApiError keeping the code', async () => {
    const client = createClient(
      createIpcTransport(bridgeWith({ ok: false, error: { code: 'RUN_IN_PROGRESS', message: 'A birthday run is already running.' } })),
    );
    const error = await client.call('campaigns.birthday.run', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'RUN_IN_PROGRESS', message: 'A birthday run is already running.' });
  });

  it('reports a malformed envelope error as BAD_RESPONSE rather than inventing a code', async () => {
    const client = createClient(createIpcTransport(bridgeWith({ ok: false, error: { code: 'NOPE' } })));
    await expect(client.call('status.get', {})).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});
