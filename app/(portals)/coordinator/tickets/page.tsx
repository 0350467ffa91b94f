import type { Metadata } from 'next';
import { BulkBar, BulkProvider } from '@/components/helpdesk/bulk-actions';
import { KeyboardShortcuts } from '@/components/helpdesk/keyboard-shortcuts';
import { SavedViews } from '@/components/helpdesk/saved-views';
import { LinkTabs } from '@/components/helpdesk/tabs';
import { hrefWith, listParams, TicketFilters } from '@/components/helpdesk/ticket-filters';
import { TicketTable } from '@/components/helpdesk/ticket-table';
import { Pager } from '@/components/ui/pager';
import { isHdtsAdmin } from '@/lib/domain/actor';
import { catalog, listTickets, ticketStatusCounts } from '@/lib/domain/helpdesk/queries';
import { STATUSES, ticketListQuery } from '@/lib/domain/helpdesk/schemas';
import { listViews } from '@/lib/domain/helpdesk/views';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'All tickets' };

export default async function CoordinatorTickets({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePortal('coordinator');
  const { values, page, filter } = listParams(await searchParams);
  const current = values.status && (STATUSES as readonly string[]).includes(values.status) ? values.status : 'all';
  const [list, counts, c, views] = await Promise.all([
    listTickets(actor, ticketListQuery.parse({ page, page_size: 20, ...filter })),
    ticketStatusCounts(actor),
    catalog(),
    listViews(actor),
  ]);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const keep = { search: values.search, priority: values.priority, category: values.category };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">All tickets</h1>
      <SavedViews views={views.results} canShare={isHdtsAdmin(actor)} />
      <KeyboardShortcuts />
      <LinkTabs
        label="Status"
        current={current}
        tabs={[
          { id: 'all', label: 'All', count: total, href: hrefWith('/coordinator/tickets', keep) },
          ...STATUSES.map((s) => ({
            id: s,
            label: s,
            count: counts[s] ?? 0,
            href: hrefWith('/coordinator/tickets', { ...keep, status: s }),
          })),
        ]}
      />
      <TicketFilters action="/coordinator/tickets" values={values} categories={c.categories.map((x) => x.name)} />
      <BulkProvider tickets={list.results.map((t) => ({ ticket_number: t.ticket_number, updated_at: t.updated_at }))}>
        {list.results.length > 0 && (
          <BulkBar actions={['approve', 'reject', 'assign', 'status']} departments={c.departments} meId={actor.id} />
        )}
        <TicketTable
          tickets={list.results}
          showEmployee
          selectable
          sort={{
            by: values.sort_by ?? 'created_at',
            order: values.order ?? 'desc',
            href: (by, order) => hrefWith('/coordinator/tickets', { ...values, sort_by: by, order }),
          }}
          href={(t) => `/coordinator/tickets/${t.ticket_number}`}
          empty="No tickets match."
        />
      </BulkProvider>
      <Pager
        page={page}
        count={list.count}
        estimated={list.extra.count_estimated === true}
        pageSize={20}
        href={(p) => hrefWith('/coordinator/tickets', { ...values, page: p })}
      />
    </div>
  );
}
