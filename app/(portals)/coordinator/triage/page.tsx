import type { Metadata } from 'next';
import Link from 'next/link';
import { BulkBar, BulkProvider, RowCheckbox, SelectAllCheckbox } from '@/components/helpdesk/bulk-actions';
import { ApproveDialog, ReasonDialog } from '@/components/helpdesk/ticket-actions';
import { hrefWith } from '@/components/helpdesk/ticket-filters';
import { Pager } from '@/components/ui/pager';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { Time } from '@/components/ui/time';
import { catalog, listTickets } from '@/lib/domain/helpdesk/queries';
import { ticketListQuery } from '@/lib/domain/helpdesk/schemas';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Triage' };

export default async function TriagePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePortal('coordinator');
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const [list, c] = await Promise.all([
    listTickets(actor, ticketListQuery.parse({ status: 'New', page, page_size: 20, order: 'asc' })),
    catalog(),
  ]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Triage</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          New tickets, oldest first. Approve with a priority and department, or reject with a reason.
        </p>
      </div>
      {list.results.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700">
          The triage queue is empty.
        </div>
      ) : (
        <BulkProvider tickets={list.results.map((t) => ({ ticket_number: t.ticket_number, updated_at: t.updated_at }))}>
          <BulkBar actions={['approve', 'reject', 'assign']} departments={c.departments} meId={actor.id} />
          <Table>
            <THead>
              <tr>
                <TH className="w-8">
                  <SelectAllCheckbox />
                </TH>
                <TH>Ticket</TH>
                <TH>Subject</TH>
                <TH>Requester</TH>
                <TH>Category</TH>
                <TH>Submitted</TH>
                <TH>
                  <span className="sr-only">Actions</span>
                </TH>
              </tr>
            </THead>
            <TBody>
              {list.results.map((t) => (
                <TR key={t.id} data-ticket={t.ticket_number}>
                  <TD>
                    <RowCheckbox ticketNumber={t.ticket_number} />
                  </TD>
                  <TD className="font-mono text-xs">
                    <Link
                      className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                      href={`/coordinator/tickets/${t.ticket_number}`}
                    >
                      {t.ticket_number}
                    </Link>
                  </TD>
                  <TD className="max-w-xs">
                    <span className="block truncate font-medium">{t.subject}</span>
                    <span className="block truncate text-xs text-slate-500">{t.description}</span>
                  </TD>
                  <TD>{t.employee.name}</TD>
                  <TD>
                    {t.category}
                    {t.sub_category ? <span className="block text-xs text-slate-500">{t.sub_category}</span> : null}
                  </TD>
                  <TD className="whitespace-nowrap text-xs">
                    <Time value={t.created_at} />
                  </TD>
                  <TD>
                    <div className="flex gap-2">
                      <ApproveDialog
                        ticketId={t.id}
                        updatedAt={t.updated_at}
                        departments={c.departments}
                        defaultDepartment={t.department}
                      />
                      <ReasonDialog
                        updatedAt={t.updated_at}
                        ticketId={t.id}
                        action="reject"
                        label="Reason (the requester sees it)"
                        title={`Reject ${t.ticket_number}?`}
                        description="The requester is told why."
                        confirm="Reject"
                        done="Ticket rejected"
                        destructive
                      />
                    </div>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </BulkProvider>
      )}
      <Pager
        page={page}
        count={list.count}
        estimated={list.extra.count_estimated === true}
        pageSize={20}
        href={(p) => hrefWith('/coordinator/triage', { page: p })}
      />
    </div>
  );
}
