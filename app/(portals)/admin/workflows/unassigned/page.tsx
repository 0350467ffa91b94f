import type { Metadata } from 'next';
import { Pager } from '@/components/ui/pager';
import { ManualAssign } from '@/components/workflow/manual-assign';
import { unassignedTickets } from '@/lib/domain/workflow/task-queries';
import { listWorkflows } from '@/lib/domain/workflow/workflow-queries';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Unassigned tickets' };

export default async function UnassignedPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePortal('admin');
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const [data, deployed] = await Promise.all([
    unassignedTickets(actor, { page, page_size: 20 }),
    listWorkflows(actor, { page: 1, page_size: 100, status: 'deployed' }),
  ]);
  const workflows = deployed.results.map((w) => ({ id: w.workflow_id, name: `${w.name} (${w.department} / ${w.category})` }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Unassigned tickets</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Tickets no deployed workflow took, and tickets no Ticket Coordinator could own, with the reason. Assigning a workflow
        creates its task exactly as automatic routing would.
      </p>
      {data.results.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">
          Every ticket is in a workflow.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {data.results.map((t) => (
            <li key={t.ticket_number} className="space-y-2 px-4 py-3">
              <div className="font-medium">
                {t.ticket_number} · {t.subject}
              </div>
              <div className="text-sm text-slate-600 dark:text-slate-400">
                {t.department} / {t.category}
                {t.sub_category ? ` / ${t.sub_category}` : ''} · {t.priority} · <strong>{t.reason_code}</strong>: {t.reason}
              </div>
              {t.needs === 'workflow' ? (
                <ManualAssign ticketNumber={t.ticket_number} workflows={workflows} />
              ) : (
                <p className="text-sm">
                  The work goes on without an owner. Give a user the Ticket Coordinator role, then transfer the ticket's ownership
                  to them (<code>POST /tts/tasks/ticket-owner/transfer/</code>).
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} count={data.count} pageSize={20} href={(p) => `/admin/workflows/unassigned?page=${p}`} />
    </div>
  );
}
