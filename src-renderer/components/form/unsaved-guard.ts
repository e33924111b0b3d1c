import { useEffect } from 'react';
import { holdNavigation } from '../../navigation/leave-guard.js';

/**
 * While a form has unsaved changes: the browser asks before the tab closes or reloads (`beforeunload`),
 * and the panel asks before it changes page, however that is asked for — a link, Back or Forward, or
 * an address typed in (see navigation/guarded-hash-location).
 */
export function useUnsavedGuard(dirty: boolean, question: string): void {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', beforeUnload);
    const release = holdNavigation(question);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      release();
    };
  }, [dirty, question]);
}
