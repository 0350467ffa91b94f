import type { Metadata } from 'next';
import Link from 'next/link';
import { LinkTabs } from '@/components/helpdesk/tabs';
import { hrefWith, listParams, TicketFilters } from '@/components/helpdesk/ticket-filters';
import { TicketTable } from '@/components/helpdesk/ticket-table';
import { Button } from '@/components/ui/button';
import { Pager } from '@/components/ui/pager';
import { catalog, listTickets } from '@/lib/domain/helpdesk/queries';
import { ticketListQuery } from '@/lib/domain/helpdesk/schemas';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'My tickets' };

export default async function MyTickets({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePortal('employee');
  const { values, page, tab: rawTab, filter } = listParams(await searchParams);
  const tab = rawTab === 'records' ? 'records' : 'active';
  const [list, c] = await Promise.all([
    listTickets(actor, ticketListQuery.parse({ page, page_size: 10, view: tab, employee_id: actor.id, ...filter })),
    catalog(),
  ]);
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold tracking-tight">My tickets</h1>
        <Button asChild>
          <Link href="/employee/tickets/new">Submit a ticket</Link>
        </Button>
      </div>
      <LinkTabs
        label="Ticket lists"
        current={tab}
        tabs={[
          { id: 'active', label: 'Active', href: '/employee/tickets?tab=active' },
          { id: 'records', label: 'Records', href: '/employee/tickets?tab=records' },
        ]}
      />
      <TicketFilters action="/employee/tickets" tab={tab} values={values} categories={c.categories.map((x) => x.name)} />
      <TicketTable
        tickets={list.results}
        href={(t) => `/employee/tickets/${t.ticket_number}`}
        empty={
          values.search || values.status || values.priority || values.category
            ? 'No tickets match these filters.'
            : tab === 'active'
              ? 'No active tickets.'
              : 'No closed, rejected or withdrawn tickets yet.'
        }
      />
      <Pager
        page={page}
        count={list.count}
        estimated={list.extra.count_estimated === true}
        pageSize={10}
        href={(p) => hrefWith('/employee/tickets', { ...values, tab, page: p })}
      />
    </div>
  );
}
