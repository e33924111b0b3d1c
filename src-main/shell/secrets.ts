import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { RapportError } from '../../src-shared/errors.js';
import type { SecretStore } from '../core/context.js';
import { createFileSecretStore } from '../core/secrets.js';

const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

function fileFor(dir: string, name: string): string {
  if (!NAME.test(name)) throw new RapportError('VALIDATION_FAILED', `Invalid secret name "${name}".`);
  return join(dir, `${name}.safestorage`);
}

/** Temp file + rename: a crash leaves the old or the new secret, never half of one. */
async function writeAtomic(file: string, data: Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, data, { mode: 0o600 });
  await rename(tmp, file);
}

/** Secrets encrypted by the OS keyring through safeStorage, one file per secret in the data directory. */
export function createSafeStorageSecretStore(dir: string): SecretStore {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return {
    kind: 'safe-storage',
    async get(name) {
      const file = fileFor(dir, name);
      if (!existsSync(file)) return null;
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(await readFile(file));
      // The keyring rotated its key: store the secret again under the new one.
      if (shouldReEncrypt) await writeAtomic(file, await safeStorage.encryptStringAsync(result));
      return result;
    },
    async set(name, value) {
      await writeAtomic(fileFor(dir, name), await safeStorage.encryptStringAsync(value));
    },
    async delete(name) {
      await rm(fileFor(dir, name), { force: true });
    },
  };
}

export interface ShellSecrets {
  store: SecretStore;
  /** Set when safeStorage could not be trusted and the file box is used instead; the caller logs it. */
  warning: string | null;
}

export interface ShellSecretsOptions {
  dataDir: string;
  /** The core's key file for the AES-GCM fallback (created with mode 0600). */
  keyFile: string;
  platform?: NodeJS.Platform;
}

/**
 * safeStorage when the OS keeps the key. On Linux without a keyring Electron picks `basic_text`, which
 * "encrypts" with a hard-coded password: rather than store the LinkedIn session that way, fall back on
 * the core's AES-256-GCM box whose key file only the user can read, and say so.
 */
export async function createShellSecretStore(options: ShellSecretsOptions): Promise<ShellSecrets> {
  const platform = options.platform ?? process.platform;
  const fallback = (why: string): ShellSecrets => ({
    store: createFileSecretStore(options.dataDir, options.keyFile),
    warning: `${why}; secrets are kept in an AES-256-GCM file box with the key in ${options.keyFile} (mode 0600).`,
  });
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return fallback('No system keyring was found (safeStorage backend basic_text)');
  }
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    return fallback('safeStorage encryption is not available');
  }
  return { store: createSafeStorageSecretStore(options.dataDir), warning: null };
}
