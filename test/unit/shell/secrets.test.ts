import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in keyring: reversible, but never leaves the plaintext readable in the file. */
const fake = vi.hoisted(() => {
  const state = {
    backend: 'gnome_libsecret' as string,
    available: true,
    shouldReEncrypt: false,
    encryptions: 0,
  };
  const scramble = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    state,
    safeStorage: {
      getSelectedStorageBackend: () => state.backend,
      isAsyncEncryptionAvailable: async () => state.available,
      encryptStringAsync: async (text: string) => {
        state.encryptions += 1;
        return Buffer.concat([Buffer.from('KR1'), scramble(Buffer.from(text, 'utf8'))]);
      },
      decryptStringAsync: async (blob: Buffer) => ({
        result: scramble(blob.subarray(3)).toString('utf8'),
        shouldReEncrypt: state.shouldReEncrypt,
      }),
    },
  };
});

vi.mock('electron', () => ({ safeStorage: fake.safeStorage }));

const { createShellSecretStore } = await import('../../../src-main/shell/secrets.js');

const SESSION = '{"cookies":[{"name":"li_at","value":"AQEDAR-very-secret"}]}';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-secrets-'));
  Object.assign(fake.state, { backend: 'gnome_libsecret', available: true, shouldReEncrypt: false, encryptions: 0 });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function filesWithPlaintext(): string[] {
  return readdirSync(dir).filter((f) => readFileSync(join(dir, f)).includes(Buffer.from('very-secret')));
}

describe('shell secret store', () => {
  it('uses the system keyring when there is one, keeping no plaintext on disk', async () => {
    const { store, warning } = await createShellSecretStore({ dataDir: dir, keyFile: join(dir, 'secret.key'), platform: 'linux' });
    expect(store.kind).toBe('safe-storage');
    expect(warning).toBeNull();
    await store.set('linkedin-session', SESSION);
    expect(await store.get('linkedin-session')).toBe(SESSION);
    expect(filesWithPlaintext()).toEqual([]);
    await store.delete('linkedin-session');
    expect(await store.get('linkedin-session')).toBeNull();
  });

  it('falls back on the AES-GCM file box with a 0600 key when Linux has only basic_text, and says so', async () => {
    fake.state.backend = 'basic_text';
    const keyFile = join(dir, 'secret.key');
    const { store, warning } = await createShellSecretStore({ dataDir: dir, keyFile, platform: 'linux' });
    expect(store.kind).not.toBe('safe-storage');
    expect(warning).toMatch(/basic_text/);
    expect(warning).toContain(keyFile);
    await store.set('linkedin-session', SESSION);
    expect(await store.get('linkedin-session')).toBe(SESSION);
    expect(fake.state.encryptions).toBe(0);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(filesWithPlaintext()).toEqual([]);
  });

  it('falls back when safeStorage cannot encrypt at all', async () => {
    fake.state.available = false;
    const { store, warning } = await createShellSecretStore({ dataDir: dir, keyFile: join(dir, 'secret.key'), platform: 'linux' });
    expect(store.kind).not.toBe('safe-storage');
    expect(warning).toMatch(/not available/);
  });

  it('re-encrypts a secret when the keyring asks for it', async () => {
    const { store } = await createShellSecretStore({ dataDir: dir, keyFile: join(dir, 'secret.key'), platform: 'darwin' });
    await store.set('linkedin-session', SESSION);
    fake.state.shouldReEncrypt = true;
    expect(await store.get('linkedin-session')).toBe(SESSION);
    expect(fake.state.encryptions).toBe(2);
  });

  it('refuses names that could escape the data directory', async () => {
    const { store } = await createShellSecretStore({ dataDir: dir, keyFile: join(dir, 'secret.key'), platform: 'linux' });
    await expect(store.set('../outside', 'x')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(existsSync(join(dir, '..', 'outside.safestorage'))).toBe(false);
  });
});
