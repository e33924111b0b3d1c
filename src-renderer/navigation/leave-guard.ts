/**
 * What may stop the panel from changing page: every form with unsaved changes holds its question
 * here while it is dirty, and every way of changing page (a link, Back/Forward, a typed address)
 * asks through `mayLeave` first. Module state, because the router's location hook is not a component.
 */
const held = new Map<symbol, string>();

/** Holds navigation with this question until the returned release is called. */
export function holdNavigation(question: string): () => void {
  const key = Symbol('unsaved');
  held.set(key, question);
  return () => void held.delete(key);
}

/** True when nothing holds navigation, or the user agreed to leave when asked. */
export function mayLeave(): boolean {
  const question = held.values().next().value;
  return question === undefined || window.confirm(question);
}
