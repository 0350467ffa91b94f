import { db } from '@/lib/server/db';
import { type Actor, isAnyAdmin, isCoordinator } from '../actor';

export interface TicketVisibility {
  /** May read the ticket's public comments and join `ticket:{number}`. */
  visible: boolean;
  /** May also read and write internal items and join `ticket:{number}:internal`. */
  internal: boolean;
}

/**
 * The port through which messaging asks "may this user see ticket X, and its internal conversation?".
 * The rule belongs to the help desk and workflow contexts; they may register a richer implementation with
 * setTicketAccess(). The default answers from what messaging itself records in messaging.ticket_participants
 * (fed by the job messaging.ticket_participant).
 */
export interface TicketAccess {
  canSee(actor: Actor, ticketNumber: string): Promise<TicketVisibility>;
}

export const participantTicketAccess: TicketAccess = {
  async canSee(actor, ticketNumber) {
    if (isAnyAdmin(actor) || isCoordinator(actor)) return { visible: true, internal: true };
    const rows = await db.ticketParticipant.findMany({
      where: { ticketNumber, userId: actor.id, removedAt: null },
      select: { role: true },
    });
    if (rows.some((r) => r.role !== 'requester')) return { visible: true, internal: true };
    if (rows.length) return { visible: true, internal: false };
    return { visible: false, internal: false };
  },
};

const g = globalThis as unknown as { __switchboardTicketAccess?: TicketAccess };

export function setTicketAccess(access: TicketAccess | null): void {
  g.__switchboardTicketAccess = access ?? undefined;
}

export function ticketAccess(): TicketAccess {
  return g.__switchboardTicketAccess ?? participantTicketAccess;
}
