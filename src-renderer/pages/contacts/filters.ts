import { useEffect, useState } from 'react';
import type { ContactsFilter } from '../../../src-shared/contract.js';

/** The filter as the user edits it; text search waits for a pause in typing before querying. */
export function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

/** Drops empty values so query keys (and URLs) stay short and equal filters share a cache entry. */
export function cleanFilter(filter: Partial<ContactsFilter>): ContactsFilter {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '' && !Number.isNaN(v)) out[k] = v;
  return { sort: 'name', ...out } as ContactsFilter;
}
