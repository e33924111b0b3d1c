import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Logger } from '../log.js';

/**
 * Failure snapshots (screenshot + HTML) under the data dir's `diagnostics/`, so a changed LinkedIn
 * page can be looked at after the fact. File names: `<UTC timestamp>_<target>.png|.html`.
 */
export interface DiagnosticEntry {
  name: string;
  target: string | null;
  createdAt: string;
  screenshot: string | null;
  html: string | null;
}

export interface SavedDiagnostic {
  screenshot: string | null;
  html: string | null;
}

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z_(.+)$/;

function stampOf(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** `birthdays.list | birthdays.empty` → `birthdays.list+birthdays.empty`; nothing that could leave the directory. */
function safeTarget(target: string): string {
  return target
    .replace(/\s*\|\s*/g, '+')
    .replace(/[^a-zA-Z0-9._+-]/g, '_')
    .slice(0, 80);
}

/** Best effort: a failure to snapshot (page crashed, disk full) must not hide the original error. */
export async function saveDiagnostic(page: Page, dir: string, target: string, at: Date, logger: Logger): Promise<SavedDiagnostic> {
  const base = join(dir, `${stampOf(at)}_${safeTarget(target)}`);
  const saved: SavedDiagnostic = { screenshot: null, html: null };
  try {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: `${base}.png`, timeout: 10_000 });
    saved.screenshot = `${base}.png`;
  } catch (e) {
    logger.warn({ err: (e as Error).message, target }, 'could not save a failure screenshot');
  }
  try {
    writeFileSync(`${base}.html`, await page.content());
    saved.html = `${base}.html`;
  } catch (e) {
    logger.warn({ err: (e as Error).message, target }, 'could not save a failure HTML snapshot');
  }
  return saved;
}

/** Saved snapshots, newest first. */
export function listDiagnostics(dir: string): DiagnosticEntry[] {
  if (!existsSync(dir)) return [];
  const entries = new Map<string, DiagnosticEntry>();
  for (const file of readdirSync(dir)) {
    const ext = file.endsWith('.png') ? 'png' : file.endsWith('.html') ? 'html' : null;
    if (!ext) continue;
    const name = file.slice(0, -(ext.length + 1));
    const m = STAMP.exec(name);
    const entry = entries.get(name) ?? {
      name,
      target: m ? m[6] : null,
      createdAt: m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : new Date(0).toISOString(),
      screenshot: null,
      html: null,
    };
    if (ext === 'png') entry.screenshot = join(dir, file);
    else entry.html = join(dir, file);
    entries.set(name, entry);
  }
  return [...entries.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}
