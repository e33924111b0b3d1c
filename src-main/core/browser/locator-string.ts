import type { Locator, Page } from 'playwright-core';

export type Scope = Page | Locator;

/** `/source/flags` → RegExp; anything else stays a string. */
function textOrRegex(value: string): string | RegExp {
  const m = /^\/(.+)\/([dgimsuy]*)$/s.exec(value);
  return m ? new RegExp(m[1], m[2]) : value;
}

/**
 * Turns a stored candidate into a Playwright locator under `scope`. Playwright's own selector
 * engines (`role=`, `css=`, `text=`, `xpath=`, chains with `>>`) pass through unchanged; `label=`
 * (a form control by its label, string or /regex/) is added because it has no selector-string form.
 */
export function toLocator(scope: Scope, candidate: string): Locator {
  if (candidate.startsWith('label=')) return scope.getByLabel(textOrRegex(candidate.slice('label='.length)));
  return scope.locator(candidate);
}
