import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileSecretStore } from '../../../src-main/core/secrets.js';
import { tempDir } from '../../helpers/temp.js';

describe('createFileSecretStore (AES-256-GCM box)', () => {
  it('round-trips secrets, one encrypted file each, with a 0600 key file', async () => {
    const dir = tempDir();
    const keyFile = join(dir, 'secret.key');
    const store = createFileSecretStore(join(dir, 'secrets'), keyFile);
    expect(await store.get('linkedin-session')).toBeNull();
    await store.set('linkedin-session', '{"cookies":[{"name":"li_at","value":"very-secret"}]}');
    await store.set('other', 'ünïcödé ✓');
    expect(await store.get('linkedin-session')).toBe('{"cookies":[{"name":"li_at","value":"very-secret"}]}');
    expect(await store.get('other')).toBe('ünïcödé ✓');

    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile)).toHaveLength(32);
    const files = readdirSync(join(dir, 'secrets')).sort();
    expect(files).toEqual(['linkedin-session.secret', 'other.secret']); // no temp files left behind
    const blob = readFileSync(join(dir, 'secrets', 'linkedin-session.secret'));
    expect(blob.toString('latin1')).not.toContain('very-secret');
    expect(statSync(join(dir, 'secrets', 'other.secret')).mode & 0o777).toBe(0o600);

    // A new store on the same key file reads what the first wrote.
    expect(await createFileSecretStore(join(dir, 'secrets'), keyFile).get('other')).toBe('ünïcödé ✓');
  });

  it('overwrites and deletes', async () => {
    const dir = tempDir();
    const store = createFileSecretStore(dir, join(dir, 'k'));
    await store.set('a', 'one');
    await store.set('a', 'two');
    expect(await store.get('a')).toBe('two');
    await store.delete('a');
    await store.delete('a');
    expect(await store.get('a')).toBeNull();
  });

  it('detects tampering, a wrong key and a file renamed to another secret', async () => {
    const dir = tempDir();
    const store = createFileSecretStore(dir, join(dir, 'k'));
    await store.set('a', 'secret value');
    const file = join(dir, 'a.secret');
    const blob = readFileSync(file);
    blob[blob.length - 1] ^= 0xff;
    writeFileSync(file, blob);
    await expect(store.get('a')).rejects.toThrow(/cannot be decrypted/);

    await store.set('a', 'secret value');
    writeFileSync(join(dir, 'b.secret'), readFileSync(file));
    await expect(store.get('b')).rejects.toThrow(/cannot be decrypted/);

    const otherKey = createFileSecretStore(dir, join(dir, 'other-key'));
    await expect(otherKey.get('a')).rejects.toThrow(/cannot be decrypted/);
  });

  it('refuses names that could escape the directory', async () => {
    const dir = tempDir();
    const store = createFileSecretStore(dir, join(dir, 'k'));
    await expect(store.set('../evil', 'x')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(store.get('a/b')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
