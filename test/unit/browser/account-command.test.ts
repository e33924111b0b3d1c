import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type OperationName } from '../../../src-shared/contract.js';
import { parseOrThrow } from '../../../src-shared/errors.js';
import { createAccountCommand, type AccountCore } from '../../../src-main/cli/account-command.js';
import { browserHandlers, createBrowserEngine } from '../../../src-main/core/browser/index.js';
import { createTestContext, linkedInStorageState, type TestContext } from '../../helpers/browser.js';

let t: TestContext;
let core: AccountCore;
let out: string[];
let err: string[];
const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };

beforeEach(() => {
  t = createTestContext({ baseUrl: 'http://127.0.0.1:9' });
  const handlers = browserHandlers(t.ctx, createBrowserEngine(t.ctx));
  // The same steps as the core's `call`: validate the input, run the handler, validate the output.
  core = {
    call: (async (name: OperationName, input: unknown) => {
      const parsed = parseOrThrow(contract[name].input, input, `input of ${name}`);
      const handler = handlers[name] as ((i: unknown) => Promise<unknown>) | undefined;
      if (!handler) throw new Error(`no handler for ${name}`);
      return contract[name].output.parse(await handler(parsed));
    }) as AccountCore['call'],
  };
  out = [];
  err = [];
});
afterEach(() => t.dispose());

const command = () => createAccountCommand((fn) => fn(core));

describe('rapport account', () => {
  it('import-cookies FILE stores the session; status shows it, also as JSON', async () => {
    const file = join(t.dataDir, 'cookies.json');
    writeFileSync(file, linkedInStorageState());
    expect(await command().run(['import-cookies', file], io)).toBe(0);
    expect(out[0]).toMatch(/^LinkedIn account: connected/);
    out = [];
    expect(await command().run(['status', '--json'], io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ state: 'connected', lastVerifiedAt: null });
  });

  it('a refused file fails with the validation message (the CLI prints the code) and stores nothing', async () => {
    const file = join(t.dataDir, 'bad.json');
    writeFileSync(file, 'not json');
    await expect(command().run(['import-cookies', file], io)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await command().run(['status'], io)).toBe(0);
    expect(out[0]).toMatch(/^LinkedIn account: not-connected/);
  });

  it('an unreadable file exits 1; bad usage exits 2', async () => {
    expect(await command().run(['import-cookies', join(t.dataDir, 'missing.json')], io)).toBe(1);
    expect(err[0]).toMatch(/Cannot read/);
    expect(await command().run(['import-cookies'], io)).toBe(2);
    expect(await command().run(['frobnicate'], io)).toBe(2);
    expect(await command().run([], io)).toBe(2);
    expect(await command().run(['connect', '--timeout', 'soon'], io)).toBe(2);
    expect(err.at(-1)).toMatch(/^Usage: rapport account/);
  });

  it('disconnect forgets the session', async () => {
    const file = join(t.dataDir, 'cookies.json');
    writeFileSync(file, linkedInStorageState());
    await command().run(['import-cookies', file], io);
    out = [];
    expect(await command().run(['disconnect'], io)).toBe(0);
    expect(out[0]).toMatch(/^LinkedIn account: not-connected/);
  });
});
