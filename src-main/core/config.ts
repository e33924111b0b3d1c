import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { RapportError } from '../../src-shared/errors.js';
import { appRoot } from './app-root.js';

export interface Paths {
  dataDir: string;
  database: string;
  logs: string;
  backups: string;
  diagnostics: string;
  browserProfile: string;
  apiKeyFile: string;
  secretKeyFile: string;
  /** Encrypted secrets (the LinkedIn session), one file each. */
  secrets: string;
}

/** `RAPPORT_DATA_DIR`, else the caller's choice (`--data-dir`, tests), else the XDG data dir — the app, `serve` and the CLI share it. */
export function resolveDataDir(env: Record<string, string | undefined>, preferred?: string): string {
  if (env.RAPPORT_DATA_DIR) return env.RAPPORT_DATA_DIR;
  if (preferred) return preferred;
  const xdg = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(xdg, 'rapport');
}

export function pathsFor(dataDir: string): Paths {
  return {
    dataDir,
    database: join(dataDir, 'rapport.db'),
    logs: join(dataDir, 'logs'),
    backups: join(dataDir, 'backups'),
    diagnostics: join(dataDir, 'diagnostics'),
    browserProfile: join(dataDir, 'browser-profile'),
    apiKeyFile: join(dataDir, 'api-token'),
    secretKeyFile: join(dataDir, 'secret.key'),
    secrets: join(dataDir, 'secrets'),
  };
}

export function ensureDirs(paths: Paths): void {
  mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
  for (const dir of [paths.logs, paths.backups, paths.diagnostics]) mkdirSync(dir, { recursive: true });
}

/** The shortest API token accepted: shorter ones can be guessed. */
export const MIN_API_KEY_LENGTH = 24;

/** The API token: `RAPPORT_API_KEY`, else the stored one, else a new one written with mode 0600. */
export function resolveApiKey(env: Record<string, string | undefined>, paths: Paths): { key: string; source: 'env' | 'file' } {
  if (env.RAPPORT_API_KEY) {
    if (env.RAPPORT_API_KEY.trim().length < MIN_API_KEY_LENGTH) {
      throw new RapportError(
        'VALIDATION_FAILED',
        `RAPPORT_API_KEY is ${env.RAPPORT_API_KEY.trim().length} characters long; use at least ${MIN_API_KEY_LENGTH} (for example the output of \`openssl rand -base64 32\`), or unset it to let Rapport generate one.`,
        { issues: [{ field: 'RAPPORT_API_KEY', reason: `must be at least ${MIN_API_KEY_LENGTH} characters` }] },
      );
    }
    return { key: env.RAPPORT_API_KEY.trim(), source: 'env' };
  }
  if (existsSync(paths.apiKeyFile)) {
    const key = readFileSync(paths.apiKeyFile, 'utf8').trim();
    if (key.length >= MIN_API_KEY_LENGTH) return { key, source: 'file' };
  }
  const key = randomBytes(32).toString('base64url');
  writeFileSync(paths.apiKeyFile, key + '\n', { mode: 0o600 });
  chmodSync(paths.apiKeyFile, 0o600);
  return { key, source: 'file' };
}

/** A new random token written to the token file (mode 0600); the caller switches to it at once. */
export function rotateApiKey(paths: Paths): string {
  const key = randomBytes(32).toString('base64url');
  writeFileSync(paths.apiKeyFile, key + '\n', { mode: 0o600 });
  chmodSync(paths.apiKeyFile, 0o600);
  return key;
}

export function readPackageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}
