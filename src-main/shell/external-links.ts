import { shell } from 'electron';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

/** True for web links the system browser may open: http(s) only, no embedded credentials. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return ALLOWED_PROTOCOLS.has(parsed.protocol) && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/**
 * The one gateway to `shell.openExternal`: anything else (file:, smb:, custom handlers) could run
 * programs or leak credentials, so it is refused. Returns whether the link was handed to the OS.
 */
export function openExternal(url: string): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  void shell.openExternal(url).catch(() => undefined);
  return true;
}
