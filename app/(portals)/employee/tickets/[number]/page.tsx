import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LiveComments } from '@/components/helpdesk/live-comments';
import { CloseTicketButton, CommentForm, CsatDialog, ReasonDialog, ReopenButton } from '@/components/helpdesk/ticket-actions';
import { ReplyingNow } from '@/components/helpdesk/ticket-presence';
import { Attachments, History, ProgressTracker, TicketDetails } from '@/components/helpdesk/ticket-view';
import { SlaTimeline } from '@/components/sla/sla-timeline';
import { AppError } from '@/lib/domain/errors';
import { RATE_PARAM, wantsRating } from '@/lib/domain/helpdesk/links';
import { getTicket, ticketHistory } from '@/lib/domain/helpdesk/queries';
import { SLA_DUE_SOON_PERCENT } from '@/lib/domain/sla/settings';
import { requesterSlaTimeline } from '@/lib/domain/workflow/sla-timeline';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Ticket' };

export default async function EmployeeTicketPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePortal('employee');
  const { number } = await params;
  // ?rate=1 (the CSAT e-mail's link, and where closing lands) opens the rating dialog of a closed, unrated ticket
  const rate = wantsRating((await searchParams)[RATE_PARAM]);
  if (!/^TX\d{14}$/.test(number)) notFound();
  const [t, h, timeline] = await Promise.all([
    getTicket(actor, number),
    ticketHistory(actor, number),
    requesterSlaTimeline(actor, number),
  ]).catch((e) => {
    if (e instanceof AppError && e.status === 404) notFound();
    throw e;
  });
  const mine = t.employee.id === actor.id;
  const withdrawable = mine && !['Resolved', 'Closed', 'Withdrawn', 'Rejected'].includes(t.status);
  return (
    <div className="space-y-6">
      <div>
        <p className="font-mono text-sm text-slate-500">{t.ticket_number}</p>
        <h1 className="text-2xl font-semibold tracking-tight">{t.subject}</h1>
      </div>
      <ProgressTracker status={t.status} />
      {t.status === 'Rejected' && (
        <div
          role="note"
          className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
        >
          <strong>Rejected:</strong> <span data-testid="rejection-reason">{t.rejection_reason}</span>
        </div>
      )}
      {t.status === 'Withdrawn' && t.withdraw_reason && <p className="text-sm text-slate-600">Withdrawn: {t.withdraw_reason}</p>}
      {mine && (
        <div className="flex flex-wrap gap-2">
          {t.status === 'Resolved' && <CloseTicketButton ticketId={t.id} ticketNumber={t.ticket_number} />}
          {(t.status === 'Resolved' || t.status === 'Closed') && <ReopenButton ticketId={t.id} />}
          {t.status === 'Closed' && t.csat_rating === null && <CsatDialog ticketId={t.id} defaultOpen={rate} />}
          {withdrawable && (
            <ReasonDialog
              updatedAt={t.updated_at}
              ticketId={t.id}
              action="withdraw"
              label="Reason"
              title="Withdraw this ticket?"
              description="The help desk stops working on it. This cannot be undone."
              confirm="Withdraw ticket"
              done="Ticket withdrawn"
              destructive
            />
          )}
        </div>
      )}
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
          <ReplyingNow ticketNumber={t.ticket_number} currentUserId={actor.id} />
          {!['Closed', 'Rejected', 'Withdrawn'].includes(t.status) && (
            <CommentForm ticketId={t.id} ticketNumber={t.ticket_number} userId={actor.id} />
          )}
        </div>
        <div className="space-y-6">
          <TicketDetails t={t} dueSoonPercent={SLA_DUE_SOON_PERCENT} />
          {timeline && <SlaTimeline timeline={timeline} at={Date.now()} audience="requester" title="Our time on your request" />}
          <History entries={h.results} />
        </div>
      </div>
    </div>
  );
}
