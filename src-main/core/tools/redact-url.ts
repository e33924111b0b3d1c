/** Strips the password from a Redis URL so the answer (and the log) never shows it. */
export function redactedRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the Redis URL';
  }
}
