import { notFound, redirect } from 'next/navigation';
import { AppError } from '@/lib/domain/errors';
import { getTicket } from '@/lib/domain/helpdesk/queries';
import { canUsePortal } from '@/lib/domain/identity/policy';
import { myTaskIdForTicket } from '@/lib/domain/workflow/task-queries';
import { currentActor, signInPath } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/**
 * The ticket link of notification e-mails: one thread per ticket, so it sends each reader to the page of the
 * ticket in their own portal (requester → their ticket page, agent → their task, coordinator → owned or
 * help-desk ticket page). Signed out: sign-in first, then back here.
 */
export default async function TicketConversationPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const actor = await currentActor();
  if (!actor) redirect(await signInPath(`/tickets/${encodeURIComponent(number)}/conversation`));
  if (!/^TX\d{14}$/.test(number)) notFound();
  const t = await getTicket(actor, number).catch((e) => {
    if (e instanceof AppError && e.status === 404) notFound();
    throw e;
  });
  if (t.employee.id === actor.id && canUsePortal(actor, 'employee')) redirect(`/employee/tickets/${number}`);
  if (canUsePortal(actor, 'coordinator')) {
    redirect(t.ticket_owner_id === actor.id ? `/coordinator/owned/${number}` : `/coordinator/tickets/${number}`);
  }
  if (canUsePortal(actor, 'agent')) {
    const taskId = await myTaskIdForTicket(actor, number);
    if (taskId) redirect(`/agent/tasks/${taskId}`);
  }
  if (canUsePortal(actor, 'employee')) redirect(`/employee/tickets/${number}`);
  notFound();
}
