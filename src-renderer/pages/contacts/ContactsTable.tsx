import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { ContactsFilter } from '../../../src-shared/contract.js';
import type { Contact } from '../../../src-shared/domain.js';
import { asApiError } from '../../api/client.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useTexts } from './texts.js';
import { useContactRows } from './use-contact-rows.js';

export const ROW_HEIGHT = 36;

type Sort = ContactsFilter['sort'];
/** Columns the core can sort on, and the sort each direction maps to. */
const SORTABLE: Record<string, { asc: Sort; desc: Sort }> = {
  fullName: { asc: 'name', desc: '-name' },
  score: { asc: 'score', desc: '-score' },
  createdAt: { asc: 'created', desc: '-created' },
  birthday: { asc: 'birthday', desc: 'birthday' },
};

function sortingOf(sort: Sort): SortingState {
  for (const [id, s] of Object.entries(SORTABLE)) {
    if (s.asc === sort) return [{ id, desc: false }];
    if (s.desc === sort) return [{ id, desc: true }];
  }
  return [];
}

interface ContactsTableProps {
  filter: ContactsFilter;
  onSort(sort: Sort): void;
  onOpen(contact: Contact): void;
}

/** 100,000 rows: only the visible ones are in the DOM (TanStack Virtual), sorted and filtered by the core in SQL. */
export function ContactsTable({ filter, onSort, onOpen }: ContactsTableProps) {
  const tx = useTexts();
  const scroller = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState({ start: 0, end: 50 });
  const { rows, total, error } = useContactRows(filter, range.start, range.end);
  const [knownTotal, setKnownTotal] = useState(0);
  if (total !== undefined && total !== knownTotal) setKnownTotal(total);

  const columns: ColumnDef<Contact>[] = [
    { id: 'fullName', header: tx('name'), accessorKey: 'fullName' },
    { id: 'status', header: tx('status'), accessorFn: (c) => tx(c.status), enableSorting: false },
    { id: 'company', header: tx('company'), accessorFn: (c) => c.company ?? '', enableSorting: false },
    { id: 'location', header: tx('location'), accessorFn: (c) => c.location ?? '', enableSorting: false },
    {
      id: 'birthday',
      header: tx('birthday'),
      accessorFn: (c) => (c.birthMonth && c.birthDay ? `${String(c.birthDay).padStart(2, '0')}/${String(c.birthMonth).padStart(2, '0')}` : ''),
    },
    { id: 'score', header: tx('score'), accessorFn: (c) => c.score ?? '' },
    { id: 'createdAt', header: tx('created'), accessorFn: (c) => c.createdAt.slice(0, 10) },
  ];
  const table = useReactTable({
    data: [] as Contact[],
    columns,
    state: { sorting: sortingOf(filter.sort) },
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sortingOf(filter.sort)) : updater;
      const first = next[0];
      const spec = first ? SORTABLE[first.id] : undefined;
      if (spec) onSort(first!.desc ? spec.desc : spec.asc);
    },
    getCoreRowModel: getCoreRowModel(),
  });

  const virtualizer = useVirtualizer({
    count: knownTotal,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    onChange: (v) => {
      const items = v.getVirtualItems();
      const start = items[0]?.index ?? 0;
      const end = items[items.length - 1]?.index ?? 0;
      setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
    },
  });
  const headers = table.getHeaderGroups()[0]!.headers;
  const cellOf = (contact: Contact, columnId: string) => {
    const column = table.getColumn(columnId)!;
    const def = column.columnDef as { accessorKey?: keyof Contact; accessorFn?: (c: Contact) => unknown };
    return String(def.accessorFn ? def.accessorFn(contact) : def.accessorKey ? contact[def.accessorKey] : '');
  };

  return (
    <>
      <p className="contacts-count" role="status" data-testid="contacts-count">
        {tx('count', { n: knownTotal })}
      </p>
      {error && <ErrorNotice error={asApiError(error)} />}
    <div className="contacts-table" role="table" aria-label={tx('tableLabel')} aria-rowcount={knownTotal + 1}>
      <div role="rowgroup" className="contacts-head">
        <div role="row" aria-rowindex={1} className="contacts-row">
          {headers.map((header) => {
            const sorted = header.column.getIsSorted();
            return (
              <div
                key={header.id}
                role="columnheader"
                className={`contacts-cell col-${header.id}`}
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
              >
                {header.column.getCanSort() ? (
                  <button type="button" onClick={header.column.getToggleSortingHandler()} aria-label={tx('sortBy', { column: String(header.column.columnDef.header) })}>
                    {flexRender(header.column.columnDef.header, header.getContext())}
                    {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                  </button>
                ) : (
                  flexRender(header.column.columnDef.header, header.getContext())
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div ref={scroller} className="contacts-scroll" data-testid="contacts-scroll" tabIndex={0} role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const contact = rows.get(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className="contacts-row"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                {contact ? (
                  headers.map((h) =>
                    h.id === 'fullName' ? (
                      <div key={h.id} role="cell" className="contacts-cell col-fullName">
                        <button type="button" className="link-button" onClick={() => onOpen(contact)}>
                          {contact.fullName}
                        </button>
                      </div>
                    ) : (
                      <div key={h.id} role="cell" className={`contacts-cell col-${h.id}`}>
                        {cellOf(contact, h.id)}
                      </div>
                    ),
                  )
                ) : (
                  <div role="cell" className="contacts-cell contacts-loading">
                    {tx('loadingRow')}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
    </>
  );
}
