// Satisfaction ratings (CSAT) of closed tickets.
import { transaction } from '@/lib/server/db';
import { enqueue } from '@/lib/server/jobs/queue';
import type { Actor } from '../../actor';
import { MESSAGES } from '../../contracts/messages';
import { badRequest, conflict } from '../../errors';
import { history, recordAudit } from '../history';
import { assertRequester } from '../policy';
import { loadTicket } from '../queries';
import type { CsatInput } from '../schemas';

export async function submitCsat(actor: Actor, ref: string | number, input: CsatInput) {
  const t = await loadTicket(actor, ref);
  assertRequester(actor, t, 'rate this ticket');
  if (t.status !== 'Closed') throw badRequest('Only a Closed ticket can be rated', { status: t.status }, 'TICKET_NOT_CLOSED');
  if (t.csatRating !== null) throw conflict('This ticket has already been rated', 'CSAT_ALREADY_SUBMITTED');
  const now = new Date();
  await transaction(async (tx) => {
    const r = await tx.ticket.updateMany({
      where: { id: t.id, status: 'Closed', csatRating: null },
      data: { csatRating: input.rating, csatFeedback: input.feedback ?? null, csatAt: now },
    });
    if (r.count !== 1) throw conflict('This ticket has already been rated', 'CSAT_ALREADY_SUBMITTED');
    await history(tx, t.id, actor, 'UPDATE', { field: 'csat_rating', new: String(input.rating), note: input.feedback ?? null });
    await recordAudit(tx, actor, {
      context: 'helpdesk',
      action: 'ticket.csat',
      entityType: 'ticket',
      entityId: t.ticketNumber,
      newValues: { rating: input.rating },
    });
    if (t.approvedAt) {
      await enqueue(tx, MESSAGES.receiveHdtsTicketStatus, {
        ticket_number: t.ticketNumber,
        status: 'Closed',
        csat_rating: input.rating,
        feedback: input.feedback ?? null,
        date_completed: t.dateCompleted?.toISOString() ?? null,
        time_closed: t.timeClosed?.toISOString() ?? null,
      });
    }
  });
  return {
    ticket_id: t.id,
    ticket_number: t.ticketNumber,
    rating: input.rating,
    feedback: input.feedback ?? null,
    submitted_at: now.toISOString(),
  };
}
