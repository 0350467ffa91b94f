import Link from 'next/link';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { TicketSummary } from '@/lib/domain/helpdesk/queries';
import { formatDate, PriorityBadge, StatusBadge } from './badges';

/** Tickets as a table; `href` links each row to its page. Shows an empty state when there are none. */
export function TicketTable({
  tickets,
  href,
  showEmployee,
  empty,
}: {
  tickets: TicketSummary[];
  href: (t: TicketSummary) => string;
  showEmployee?: boolean;
  empty: React.ReactNode;
}) {
  if (!tickets.length) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
        {empty}
      </div>
    );
  }
  return (
    <Table>
      <THead>
        <tr>
          <TH>Ticket</TH>
          <TH>Subject</TH>
          {showEmployee && <TH>Requester</TH>}
          <TH>Category</TH>
          <TH>Status</TH>
          <TH>Priority</TH>
          <TH>Submitted</TH>
        </tr>
      </THead>
      <TBody>
        {tickets.map((t) => (
          <TR key={t.id}>
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
            <TD className="whitespace-nowrap text-xs">{formatDate(t.created_at)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
