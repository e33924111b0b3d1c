import { useSyncExternalStore } from 'react';
import { navigate as hashNavigate } from 'wouter/use-hash-location';
import { mayLeave } from './leave-guard.js';

/**
 * wouter's hash location with the unsaved-changes guard in front of it. Links ask before they navigate;
 * Back, Forward and a typed address change the hash before the panel hears of it, so the panel keeps
 * showing the page it shows until the user agrees to leave, and otherwise moves the address back.
 *
 * To move back to the right history entry (Back and Forward cannot be told apart otherwise), every
 * entry the panel makes is stamped with its index in `history.state`.
 */

const INDEX_KEY = 'rapportEntry';
const HASH_PREFIX = /^#?\/?/;

const addressPath = () => '/' + location.hash.replace(HASH_PREFIX, '');

/** The location the panel renders: the address, except while the user is being asked. */
let shown: string | null = null;
let index = 0;
/** Set while our own navigate runs: its (synchronous) hashchange is already agreed to. */
let passing: { replace: boolean } | null = null;
const listeners = new Set<() => void>();

function stateObject(): Record<string, unknown> {
  const state: unknown = history.state;
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
}

function entryIndex(): number | null {
  const value = stateObject()[INDEX_KEY];
  return typeof value === 'number' ? value : null;
}

function stamp(at: number): void {
  index = at;
  if (entryIndex() !== at) history.replaceState({ ...stateObject(), [INDEX_KEY]: at }, '');
}

function show(path: string, at: number): void {
  shown = path;
  stamp(at);
  for (const listener of listeners) listener();
}

function onHashChange(): void {
  const next = addressPath();
  const at = entryIndex();
  if (passing) {
    show(next, passing.replace ? index : index + 1);
    passing = null;
    return;
  }
  // The address came back to what is shown (our own step back, or a change to the same page).
  if (next === shown) return stamp(at ?? index);
  if (mayLeave()) return show(next, at ?? index + 1);
  // Stay: Back/Forward are undone by stepping the other way. An entry without a stamp is new (a typed
  // address, a plain link), pushed from the one shown: stepping back returns there.
  if (at === null) history.back();
  else if (at !== index) history.go(index - at);
  else {
    const url = new URL(location.href);
    url.hash = shown ?? '/';
    history.replaceState(history.state, '', url.href);
  }
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    shown = addressPath();
    stamp(entryIndex() ?? 0);
    addEventListener('hashchange', onHashChange);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      removeEventListener('hashchange', onHashChange);
      shown = null;
    }
  };
}

export function navigate(to: string, options: { replace?: boolean; state?: unknown } = {}): void {
  const target = '/' + to.replace(HASH_PREFIX, '');
  if (target !== (shown ?? addressPath()) && !mayLeave()) return;
  passing = { replace: Boolean(options.replace) };
  try {
    hashNavigate(to, { replace: options.replace, state: options.state ?? null });
  } finally {
    passing = null;
  }
}

/** For `<Router hook={useGuardedHashLocation}>`. */
export function useGuardedHashLocation(): [string, typeof navigate] {
  return [useSyncExternalStore(subscribe, () => shown ?? addressPath()), navigate];
}
useGuardedHashLocation.hrefs = (href: string) => `#${href}`;
