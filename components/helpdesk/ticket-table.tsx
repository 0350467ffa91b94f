import Link from 'next/link';
import { Table, TBody, TD, TH, THead } from '@/components/ui/table';
import { Time } from '@/components/ui/time';
import type { TicketSummary } from '@/lib/domain/helpdesk/queries';
import { PriorityBadge, StatusBadge } from './badges';
import { RowCheckbox, SelectAllCheckbox } from './bulk-actions';
import { RowLink } from './list-rows';
import { type ListSort, SortHeader } from './sort-header';

/**
 * Tickets as a table; `href` links each row to its page (the whole row opens it; Enter on a focused row too).
 * `sort` makes the headers sort on the server; `selectable` adds the bulk-selection boxes (inside <BulkProvider>).
 * Shows an empty state when there are none.
 */
export function TicketTable({
  tickets,
  href,
  showEmployee,
  empty,
  sort,
  selectable,
}: {
  tickets: TicketSummary[];
  href: (t: TicketSummary) => string;
  showEmployee?: boolean;
  empty: React.ReactNode;
  sort?: ListSort;
  selectable?: boolean;
}) {
  if (!tickets.length) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
        {empty}
      </div>
    );
  }
  return (
    <Table data-ticket-list="">
      <THead>
        <tr>
          {selectable && (
            <TH className="w-8">
              <SelectAllCheckbox />
            </TH>
          )}
          <SortHeader column="ticket_number" sort={sort}>
            Ticket
          </SortHeader>
          <SortHeader column="subject" sort={sort}>
            Subject
          </SortHeader>
          {showEmployee && <TH>Requester</TH>}
          <TH>Category</TH>
          <SortHeader column="status" sort={sort}>
            Status
          </SortHeader>
          <SortHeader column="priority" sort={sort}>
            Priority
          </SortHeader>
          <SortHeader column="created_at" sort={sort}>
            Submitted
          </SortHeader>
        </tr>
      </THead>
      <TBody>
        {tickets.map((t) => (
          <RowLink key={t.id} href={href(t)} data-ticket={t.ticket_number}>
            {selectable && (
              <TD>
                <RowCheckbox ticketNumber={t.ticket_number} />
              </TD>
            )}
            <TD className="font-mono text-xs">
              <Link className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-100" href={href(t)}>
                {t.ticket_number}
              </Link>
            </TD>
            <TD className="max-w-xs truncate">{t.subject}</TD>
            {showEmployee && <TD>{t.employee.name}</TD>}
            <TD>
              {t.category}
              {t.sub_category ? <span className="block text-xs text-slate-500">{t.sub_category}</span> : null}
            </TD>
            <TD>
              <StatusBadge status={t.status} />
            </TD>
            <TD>
              <PriorityBadge priority={t.priority} />
            </TD>
            <TD className="whitespace-nowrap text-xs">
              <Time value={t.created_at} />
            </TD>
          </RowLink>
        ))}
      </TBody>
    </Table>
  );
}
