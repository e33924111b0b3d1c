import type { Locator, Page } from 'playwright-core';
import { RapportError } from '../../../src-shared/errors.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import { abortError, type Clock, type Sleep } from '../util/runtime.js';
import { saveDiagnostic } from './diagnostics.js';
import { toLocator, type Scope } from './locator-string.js';
import { SELECTOR_CATALOGUE } from './selector-catalogue.js';
import type { Attempt, CandidateRow, SelectorRepository } from './selector-repo.js';

/**
 * The self-healing selector engine. A target (e.g. `messaging.send`) has ordered candidates in the
 * `selectors` table; resolving tries them in rank order, counts only visible elements, records which
 * candidates worked, and counts a fallback when a later one had to stand in for an earlier one.
 * When nothing matches it fails loud with SELECTOR_NOT_FOUND plus a screenshot and the HTML.
 */
export interface SelectorEngineDeps {
  page: Page;
  repo: SelectorRepository;
  metrics: Metrics;
  clock: Clock;
  sleep: Sleep;
  signal: AbortSignal;
  logger: Logger;
  diagnosticsDir: string;
  /** How long `one`/`any` wait for an element by default. */
  timeoutMs: number;
  /** Runs while a wait is in progress (the guards); throwing ends the wait with that error. */
  beforePoll?: () => Promise<void>;
}

export interface FindOptions {
  scope?: Scope;
  timeoutMs?: number;
  /** Only a candidate with exactly one visible match counts (for things to click: never guess). */
  unique?: boolean;
  /** Values for `{name}` placeholders in candidates (CSS-string safe: quotes and backslashes escaped). */
  params?: Record<string, string>;
}

interface Hit {
  /** The element to use: the unique match, or the first of several. */
  locator: Locator;
  /** Every visible match of the winning candidate. */
  matches: Locator;
  count: number;
  attempts: Attempt[];
  fallback: boolean;
}

/** Most things show within tens of ms (an overlay, a sent message): look again soon, then less often. */
const POLL_BACKOFF_MS = [20, 50, 100];
const GUARD_EVERY_MS = 500;
const DESCRIPTIONS = new Map(SELECTOR_CATALOGUE.map((t) => [t.target, t.description]));

function fill(locator: string, params: Record<string, string> | undefined): string {
  if (!params) return locator;
  return locator.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? params[key].replace(/[\\"]/g, (c) => `\\${c}`) : whole,
  );
}

export class SelectorEngine {
  /** Targets whose last look found nothing (a popup, an open bubble): next time, one look for all candidates. */
  private readonly absent = new Set<string>();
  /** The URL whose selector bookkeeping is being counted; a new one writes the previous page's. */
  private countingUrl: string | null = null;

  constructor(private readonly deps: SelectorEngineDeps) {}

  /** Writes the counters of the page just left in one transaction (page.url() is local: no round trip). */
  private pageTurn(): void {
    const url = this.deps.page.url();
    if (url === this.countingUrl) return;
    this.countingUrl = url;
    this.flush();
  }

  /** Writes the pending selector bookkeeping now (end of a session, a failure about to be reported). */
  flush(): void {
    this.deps.repo.flush();
  }

  get page(): Page {
    return this.deps.page;
  }

  /** Default wait for elements that should show (page loads, the overlay opening). */
  get timeoutMs(): number {
    return this.deps.timeoutMs;
  }

  /**
   * Tries the candidates once, in rank order; the first with a (unique, if asked) visible match wins.
   * A target that was absent last time is first looked for with every candidate at once (one round
   * trip instead of one per candidate); only when something shows are they tried one by one, so the
   * winner, the uniqueness check and the fallback count are exactly those of the one-by-one order.
   */
  private async tryOnce(target: string, opts: FindOptions): Promise<Hit | null> {
    this.pageTurn();
    const ranked = this.deps.repo.ranked(target);
    if (ranked.length === 0) throw new RapportError('INTERNAL', `No selector candidates for ${target}.`);
    if (ranked.length > 1 && this.absent.has(target) && (await this.countAny(ranked, opts)) === 0) return null;
    const attempts: Attempt[] = [];
    let seen = false;
    for (const row of ranked) {
      const n = await this.countVisible(row, opts);
      seen ||= n > 0;
      if (n > 0 && (!opts.unique || n === 1)) {
        attempts.push({ id: row.id, ok: true });
        this.absent.delete(target);
        const matches = this.visible(row, opts);
        return { locator: opts.unique ? matches : matches.first(), matches, count: n, attempts, fallback: attempts.length > 1 };
      }
      attempts.push({ id: row.id, ok: false });
    }
    if (seen) this.absent.delete(target);
    else this.absent.add(target);
    return null;
  }

  /** Visible matches of any candidate, in one round trip; -1 when the union cannot be evaluated. */
  private async countAny(rows: CandidateRow[], opts: FindOptions): Promise<number> {
    const scope = opts.scope ?? this.deps.page;
    try {
      return await rows
        .map((row) => toLocator(scope, fill(row.locator, opts.params)))
        .reduce((a, b) => a.or(b))
        .filter({ visible: true })
        .count();
    } catch (e) {
      if (this.deps.signal.aborted) throw abortError(this.deps.signal);
      if (/Target .*closed|has been closed/i.test((e as Error).message)) throw e;
      return -1; // a candidate that cannot be parsed: the one-by-one look logs which
    }
  }

  private visible(row: CandidateRow, opts: FindOptions): Locator {
    return toLocator(opts.scope ?? this.deps.page, fill(row.locator, opts.params)).filter({ visible: true });
  }

  private async countVisible(row: CandidateRow, opts: FindOptions): Promise<number> {
    try {
      return await this.visible(row, opts).count();
    } catch (e) {
      // A candidate the engine cannot parse (a bad learned row) is a failure, not a crash.
      if (this.deps.signal.aborted) throw abortError(this.deps.signal);
      if (/Target .*closed|has been closed/i.test((e as Error).message)) throw e;
      this.deps.logger.warn({ locator: row.locator, err: (e as Error).message }, 'selector candidate could not be evaluated');
      return 0;
    }
  }

  private record(target: string, hit: Hit | null, allFailed: CandidateRow[] = []): void {
    const at = this.deps.clock.now().toISOString();
    if (hit) {
      this.deps.repo.record(hit.attempts, at);
      if (hit.fallback) this.deps.metrics.selectorFallbacks.inc({ target });
    } else {
      this.deps.repo.record(
        allFailed.map((r) => ({ id: r.id, ok: false })),
        at,
      );
    }
  }

  private throwIfAborted(): void {
    if (this.deps.signal.aborted) throw abortError(this.deps.signal);
  }

  /**
   * Polls `fn` until it returns a value; returns null at the deadline (the caller decides which
   * error that is). While waiting, the guards run (at once, then every GUARD_EVERY_MS): what shows
   * up instead of the expected element is often a guard page, and that must win over "not found".
   */
  async poll<T>(fn: () => Promise<T | null>, timeoutMs = this.deps.timeoutMs): Promise<T | null> {
    const deadline = Date.now() + timeoutMs;
    let guardsDue = 0;
    for (let attempt = 0; ; attempt++) {
      this.throwIfAborted();
      const value = await fn();
      if (value !== null) return value;
      if (this.deps.beforePoll && Date.now() >= guardsDue) {
        await this.deps.beforePoll();
        guardsDue = Date.now() + GUARD_EVERY_MS;
      }
      if (Date.now() >= deadline) return null;
      await this.deps.sleep(POLL_BACKOFF_MS[Math.min(attempt, POLL_BACKOFF_MS.length - 1)], this.deps.signal);
    }
  }

  /** The element for `target`, waiting for it; SELECTOR_NOT_FOUND (with snapshot) when it never shows. */
  async one(target: string, opts: FindOptions = {}): Promise<Locator> {
    const hit = await this.poll(() => this.tryOnce(target, opts), opts.timeoutMs);
    if (hit) {
      this.record(target, hit);
      return hit.locator;
    }
    this.record(target, null, this.deps.repo.ranked(target));
    throw await this.notFound(target, opts.unique ? 'no single visible match' : undefined);
  }

  /** Waits until one of several targets shows (e.g. a list or its empty state); says which. */
  async any(targets: string[], opts: FindOptions = {}): Promise<{ target: string; locator: Locator }> {
    const found = await this.poll(async () => {
      for (const target of targets) {
        const hit = await this.tryOnce(target, opts);
        if (hit) return { target, hit };
      }
      return null;
    }, opts.timeoutMs);
    if (found) {
      this.record(found.target, found.hit);
      return { target: found.target, locator: found.hit.locator };
    }
    for (const target of targets) this.record(target, null, this.deps.repo.ranked(target));
    throw await this.notFound(targets.join(' | '));
  }

  /** Every visible match of the best candidate, now (no waiting); [] when none matches. */
  async all(target: string, opts: FindOptions = {}): Promise<Locator[]> {
    this.throwIfAborted();
    const hit = await this.tryOnce(target, { ...opts, unique: false });
    if (!hit) return [];
    this.record(target, hit);
    return hit.matches.all();
  }

  /** How many visible elements the best candidate matches, without recording anything (for polling). */
  async count(target: string, opts: FindOptions = {}): Promise<number> {
    const hit = await this.tryOnce(target, { ...opts, unique: false });
    return hit?.count ?? 0;
  }

  /**
   * An element that may legitimately be absent (a popup, an optional section): waits up to
   * `timeoutMs` (default: no wait) and returns null without recording a failure.
   */
  async optional(target: string, opts: FindOptions = {}): Promise<Locator | null> {
    const hit = await this.poll(() => this.tryOnce(target, opts), opts.timeoutMs ?? 0);
    if (hit) this.record(target, hit);
    return hit?.locator ?? null;
  }

  /**
   * Which of `targets` shows on the page right now, checked in one round trip when none does
   * (the common case: guards run before every action). Absence is normal and not recorded.
   */
  async probe(targets: readonly string[]): Promise<string | null> {
    this.pageTurn();
    const rows = targets.flatMap((target) => this.deps.repo.ranked(target).map((row) => ({ target, row })));
    if (rows.length === 0) return null;
    if ((await this.countAny(rows.map((r) => r.row), {})) === 0) return null;
    for (const { target, row } of rows) {
      if ((await this.countVisible(row, {})) > 0) {
        this.deps.repo.record([{ id: row.id, ok: true }], this.deps.clock.now().toISOString());
        return target;
      }
    }
    return null;
  }

  /**
   * True when none of `targets` shows on the page right now, in one round trip for all their
   * candidates (false when something shows or the look itself failed: the caller then looks closer).
   */
  async noneShowing(targets: readonly string[]): Promise<boolean> {
    this.pageTurn();
    const rows = targets.flatMap((target) => this.deps.repo.ranked(target));
    return rows.length === 0 || (await this.countAny(rows, {})) === 0;
  }

  /** Builds SELECTOR_NOT_FOUND with a screenshot and the HTML saved under diagnostics/. */
  async notFound(target: string, why?: string): Promise<RapportError> {
    this.flush(); // the failing target shows as failing at once
    const saved = await saveDiagnostic(this.deps.page, this.deps.diagnosticsDir, target, this.deps.clock.now(), this.deps.logger);
    const what = DESCRIPTIONS.get(target) ?? target;
    const url = this.deps.page.url();
    return new RapportError(
      'SELECTOR_NOT_FOUND',
      `Could not find the ${what} (${target})${why ? ` — ${why}` : ''} on ${url}. LinkedIn's page may have changed; ` +
        `a screenshot and the page's HTML were saved${saved.screenshot ? ` to ${saved.screenshot}` : ''}.`,
      { target, url, screenshot: saved.screenshot, html: saved.html },
    );
  }

  /** Saves a snapshot for an error found by a page object (e.g. a recipient mismatch). */
  async snapshot(target: string): Promise<{ screenshot: string | null; html: string | null }> {
    return saveDiagnostic(this.deps.page, this.deps.diagnosticsDir, target, this.deps.clock.now(), this.deps.logger);
  }
}
