import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RapportError } from '../../../src-shared/errors.js';
import { listDiagnostics } from '../browser/diagnostics.js';
import type { CoreContext } from '../context.js';
import { redactedRedisUrl } from './redact-url.js';

/** One saved screenshot (as a data: URL, which the panel's CSP `img-src` allows) or its HTML. */
export function readDiagnosticFile(ctx: CoreContext, name: string, kind: 'screenshot' | 'html') {
  const entry = listDiagnostics(ctx.paths.diagnostics).find((d) => d.name === name);
  const file = entry ? (kind === 'screenshot' ? entry.screenshot : entry.html) : null;
  if (!file) throw new RapportError('NOT_FOUND', `No ${kind} named ${name} in the diagnostics folder.`, { name, kind });
  if (kind === 'screenshot') {
    return { contentType: 'image/png', dataUrl: `data:image/png;base64,${readFileSync(file).toString('base64')}`, text: null };
  }
  return { contentType: 'text/html', dataUrl: null, text: readFileSync(file, 'utf8') };
}

const COOKIE_VALUE = /("(?:li_at|JSESSIONID|li_rm|bcookie|bscookie|liap)"\s*[:,]\s*"?)[^",}]+/g;

/** Removes what must never leave the machine: the API token, the Redis password, LinkedIn cookies. */
export function scrubSecrets(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  return out
    .replace(/(rediss?:\/\/[^:\s"]*:)[^@\s"]+@/g, '$1[redacted]@')
    .replace(COOKIE_VALUE, '$1[redacted]')
    .replace(/("(?:password|token|apiKey|cookie|authorization)"\s*:\s*")[^"]*"/gi, '$1[redacted]"');
}

const MAX_LOG_BYTES = 5 * 1024 * 1024;

/**
 * Writes a folder under `diagnostics/bundles/` holding the logs, the selector table, the saved
 * screenshots and HTML, and a summary — with secrets scrubbed — for the user to attach to a bug report.
 */
export function writeDiagnosticsBundle(ctx: CoreContext, apiKey: string) {
  const stamp = ctx.clock.now().toISOString().replace(/[:.]/g, '-');
  const dir = join(ctx.paths.diagnostics, 'bundles', `rapport-diagnostics-${stamp}`);
  mkdirSync(join(dir, 'logs'), { recursive: true });
  mkdirSync(join(dir, 'screenshots'), { recursive: true });
  const settings = ctx.settings.get();
  const secrets = [apiKey, ...(settings.limits.redisUrl ? [settings.limits.redisUrl] : [])];
  const files: string[] = [];
  const write = (relative: string, text: string) => {
    writeFileSync(join(dir, relative), scrubSecrets(text, secrets));
    files.push(relative);
  };

  if (existsSync(ctx.paths.logs)) {
    for (const name of readdirSync(ctx.paths.logs)) {
      const file = join(ctx.paths.logs, name);
      if (!statSync(file).isFile()) continue;
      const text = readFileSync(file, 'utf8');
      write(join('logs', name), text.length > MAX_LOG_BYTES ? text.slice(-MAX_LOG_BYTES) : text);
    }
  }
  const selectorRows = ctx.store.database.sqlite.prepare('select * from selectors order by target, priority').all();
  write('selectors.json', JSON.stringify(selectorRows, null, 2));
  for (const entry of listDiagnostics(ctx.paths.diagnostics)) {
    if (entry.screenshot) {
      copyFileSync(entry.screenshot, join(dir, 'screenshots', basename(entry.screenshot)));
      files.push(join('screenshots', basename(entry.screenshot)));
    }
    if (entry.html) write(join('screenshots', basename(entry.html)), readFileSync(entry.html, 'utf8'));
  }
  const summary = {
    version: ctx.version,
    createdAt: ctx.clock.now().toISOString(),
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
    quotaStore: ctx.quotas.storeKind(),
    settings: {
      ...settings,
      limits: { ...settings.limits, redisUrl: settings.limits.redisUrl ? redactedRedisUrl(settings.limits.redisUrl) : undefined },
    },
  };
  write('summary.json', JSON.stringify(summary, null, 2));
  return { path: dir, files };
}
