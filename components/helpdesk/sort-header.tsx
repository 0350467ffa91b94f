import Link from 'next/link';
import { TH } from '@/components/ui/table';
import type { SortColumn } from './ticket-filters';

/** The list's current server-side sort and how to link to another (the URL carries `sort_by` and `order`). */
export interface ListSort {
  by: string;
  order: 'asc' | 'desc';
  href: (by: SortColumn, order: 'asc' | 'desc') => string;
}

/** A column header that sorts the list on the server; `aria-sort` tells which column sorts it and which way. */
export function SortHeader({ column, sort, children }: { column: SortColumn; sort?: ListSort; children: React.ReactNode }) {
  if (!sort) return <TH>{children}</TH>;
  const active = sort.by === column;
  const next = active && sort.order === 'asc' ? 'desc' : active ? 'asc' : column === 'created_at' ? 'desc' : 'asc';
  return (
    <TH aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <Link
        href={sort.href(column, next)}
        className="inline-flex items-center gap-1 hover:text-slate-800 dark:hover:text-slate-200"
        data-sort={column}
      >
        {children}
        <span aria-hidden="true">{active ? (sort.order === 'asc' ? '▲' : '▼') : '↕'}</span>
        <span className="sr-only">{active ? `, sorted ${sort.order === 'asc' ? 'ascending' : 'descending'}` : ', sort'}</span>
      </Link>
    </TH>
  );
}
