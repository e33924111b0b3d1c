import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RapportError } from '../../src-shared/errors.js';
import type { SecretStore } from './context.js';

/**
 * The core's secret box: AES-256-GCM with a random 32-byte key kept in a 0600 file, one encrypted
 * file per secret. Used headless and as Electron's fallback when safeStorage has no keyring.
 *
 * File layout: magic "RPS1" | 12-byte IV | 16-byte tag | ciphertext. The secret's name is the
 * additional authenticated data, so a file renamed to another secret's name fails to open.
 */
const MAGIC = Buffer.from('RPS1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

function assertName(name: string): void {
  if (!NAME.test(name)) throw new RapportError('VALIDATION_FAILED', `Invalid secret name "${name}".`);
}

/** Writes via a temp file + fsync + rename, so a crash leaves either the old or the new file, never half of one. */
function writeAtomic(file: string, data: Buffer): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

function loadOrCreateKey(keyFile: string): Buffer {
  if (existsSync(keyFile)) {
    const key = readFileSync(keyFile);
    if (key.length !== KEY_BYTES) {
      throw new RapportError('INTERNAL', `The key file ${keyFile} is damaged (wrong length); stored secrets cannot be read.`);
    }
    // Tighten permissions if something loosened them; the key is as sensitive as the secrets.
    chmodSync(keyFile, 0o600);
    return key;
  }
  const key = randomBytes(KEY_BYTES);
  writeAtomic(keyFile, key);
  chmodSync(keyFile, 0o600);
  return key;
}

export function createFileSecretStore(dir: string, keyFile: string): SecretStore {
  let key: Buffer | null = null;
  // The key is created lazily so merely building the core never writes a key nobody needs.
  const getKey = () => (key ??= loadOrCreateKey(keyFile));
  const fileFor = (name: string) => join(dir, `${name}.secret`);

  return {
    kind: 'aes-256-gcm-file',

    async get(name) {
      assertName(name);
      const file = fileFor(name);
      if (!existsSync(file)) return null;
      const blob = readFileSync(file);
      const headerBytes = MAGIC.length + IV_BYTES + TAG_BYTES;
      if (blob.length < headerBytes || !blob.subarray(0, MAGIC.length).equals(MAGIC)) {
        throw new RapportError('INTERNAL', `The secret file ${file} is not in Rapport's format.`);
      }
      const iv = blob.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
      const tag = blob.subarray(MAGIC.length + IV_BYTES, headerBytes);
      const decipher = createDecipheriv('aes-256-gcm', getKey(), iv);
      decipher.setAAD(Buffer.from(name, 'utf8'));
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(blob.subarray(headerBytes)), decipher.final()]).toString('utf8');
      } catch {
        throw new RapportError('INTERNAL', `The secret "${name}" cannot be decrypted (wrong key or damaged file).`);
      }
    },

    async set(name, value) {
      assertName(name);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', getKey(), iv);
      cipher.setAAD(Buffer.from(name, 'utf8'));
      const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      writeAtomic(fileFor(name), Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]));
    },

    async delete(name) {
      assertName(name);
      rmSync(fileFor(name), { force: true });
    },
  };
}
