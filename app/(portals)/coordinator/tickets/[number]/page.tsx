import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { KeyboardShortcuts } from '@/components/helpdesk/keyboard-shortcuts';
import { LiveComments } from '@/components/helpdesk/live-comments';
import { ApproveDialog, CommentForm, ReasonDialog, StatusChanger } from '@/components/helpdesk/ticket-actions';
import { TicketPresence } from '@/components/helpdesk/ticket-presence';
import { Attachments, History, ProgressTracker, TicketDetails } from '@/components/helpdesk/ticket-view';
import { TicketArticles } from '@/components/knowledge/ticket-articles';
import { AppError } from '@/lib/domain/errors';
import { statusOptions } from '@/lib/domain/helpdesk/commands/status';
import { catalog, getTicket, ticketHistory } from '@/lib/domain/helpdesk/queries';
import { isKnowledgeEditor } from '@/lib/domain/knowledge/policy';
import { SLA_DUE_SOON_PERCENT } from '@/lib/domain/sla/settings';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Ticket' };

export default async function CoordinatorTicketPage({ params }: { params: Promise<{ number: string }> }) {
  const actor = await requirePortal('coordinator');
  const { number } = await params;
  if (!/^TX\d{14}$/.test(number)) notFound();
  const [t, h, c, changes] = await Promise.all([
    getTicket(actor, number),
    ticketHistory(actor, number),
    catalog(),
    statusOptions(actor, number),
  ]).catch((e) => {
    if (e instanceof AppError && e.status === 404) notFound();
    throw e;
  });
  return (
    <div className="space-y-6">
      <div>
        <p className="font-mono text-sm text-slate-500">{t.ticket_number}</p>
        <h1 className="text-2xl font-semibold tracking-tight">{t.subject}</h1>
      </div>
      <KeyboardShortcuts
        ticket={{
          id: t.id,
          ticketNumber: t.ticket_number,
          meId: actor.id,
          href: `/coordinator/tickets/${t.ticket_number}`,
        }}
      />
      <TicketPresence ticketNumber={t.ticket_number} currentUserId={actor.id} />
      <ProgressTracker status={t.status} />
      {t.status === 'Rejected' && <p className="text-sm text-red-700">Rejected: {t.rejection_reason}</p>}
      <div className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
        {t.status === 'New' ? (
          <>
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
          </>
        ) : (
          <StatusChanger
            ticketId={t.id}
            allowed={changes.allowed}
            held={changes.held}
            heldReason={changes.reason}
            updatedAt={t.updated_at}
          />
        )}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section aria-labelledby="description">
            <h2 id="description" className="mb-2 font-semibold">
              Description
            </h2>
            <p className="whitespace-pre-wrap text-sm">{t.description}</p>
          </section>
          <Attachments t={t} />
          <LiveComments ticketId={t.id} ticketNumber={t.ticket_number} comments={t.comments} total={t.comments_count} />
          <CommentForm ticketId={t.id} ticketNumber={t.ticket_number} userId={actor.id} allowInternal />
        </div>
        <div className="space-y-6">
          <TicketDetails t={t} dueSoonPercent={SLA_DUE_SOON_PERCENT} />
          <TicketArticles
            ticket={t.ticket_number}
            draftHref={
              isKnowledgeEditor(actor) && ['Resolved', 'Closed'].includes(t.status)
                ? `/coordinator/knowledge/new?from_ticket=${t.ticket_number}`
                : null
            }
          />
          <History entries={h.results} />
        </div>
      </div>
    </div>
  );
}
