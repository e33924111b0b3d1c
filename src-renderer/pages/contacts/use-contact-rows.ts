import { useQueries } from '@tanstack/react-query';
import type { ContactsFilter } from '../../../src-shared/contract.js';
import type { Contact } from '../../../src-shared/domain.js';
import { asApiError } from '../../api/client.js';
import { useClient } from '../../api/client-context.js';
import { opKey } from '../../api/operations.js';

export const WINDOW_SIZE = 200;

/**
 * Rows fetched in windows of 200 as the user scrolls: only the windows covering the visible range are
 * asked for (offset/limit through `contacts.list`), each cached under its own query key.
 */
export function useContactRows(filter: ContactsFilter, firstIndex: number, lastIndex: number) {
  const client = useClient();
  const first = Math.floor(Math.max(0, firstIndex) / WINDOW_SIZE);
  const last = Math.floor(Math.max(0, lastIndex) / WINDOW_SIZE);
  const windows = [0, ...Array.from({ length: last - first + 1 }, (_, i) => first + i)].filter((w, i, all) => all.indexOf(w) === i);
  const results = useQueries({
    queries: windows.map((w) => {
      const input = { ...filter, page: w + 1, pageSize: WINDOW_SIZE };
      return {
        queryKey: opKey('contacts.list', input),
        queryFn: async () => {
          try {
            return await client.call('contacts.list', input);
          } catch (e) {
            throw asApiError(e);
          }
        },
        staleTime: 30_000,
      };
    }),
  });
  const rows = new Map<number, Contact>();
  windows.forEach((w, i) => {
    const data = results[i]?.data;
    if (!data || data.page !== w + 1) return;
    data.items.forEach((c, j) => rows.set(w * WINDOW_SIZE + j, c));
  });
  const head = results[0];
  return { rows, total: head?.data?.total, error: results.find((r) => r.error)?.error ?? null, loading: head?.isLoading ?? true };
}
