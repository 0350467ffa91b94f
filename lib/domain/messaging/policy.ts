import { type Actor, isAnyAdmin } from '../actor';
import { forbidden, notFound } from '../errors';
import { type TicketVisibility, ticketAccess } from './ticket-access';

/** The caller's access to a ticket; a ticket they may not see is a 404. */
export async function requireTicketVisible(actor: Actor, ticketNumber: string): Promise<TicketVisibility> {
  const access = await ticketAccess().canSee(actor, ticketNumber);
  if (!access.visible) throw notFound('Ticket');
  return access;
}

/** The coordinator ↔ agent conversation: internal access required (requesters see the ticket but not this). */
export async function requireInternalAccess(actor: Actor, ticketNumber: string): Promise<TicketVisibility> {
  const access = await requireTicketVisible(actor, ticketNumber);
  if (!access.internal) throw forbidden('Only the ticket coordinator, assigned agents and admins take part in this conversation');
  return access;
}

export const canSeeComment = (access: TicketVisibility, c: { isInternal: boolean }) => !c.isInternal || access.internal;

/** Comments: the author or an admin edits and deletes. */
export function assertCanChangeComment(actor: Actor, c: { userId: number }) {
  if (c.userId !== actor.id && !isAnyAdmin(actor)) throw forbidden('Only the author or an admin can change this comment');
}

/** Conversation messages: only the author edits, deletes or unsends. */
export function assertCanChangeMessage(actor: Actor, m: { userId: number }) {
  if (m.userId !== actor.id) throw forbidden('Only the author can change this message');
}

/** Socket rooms of a ticket the actor may join: the public room, plus the internal one when allowed. */
export async function ticketRoomsFor(actor: Actor, ticketNumber: string): Promise<string[]> {
  const access = await ticketAccess().canSee(actor, ticketNumber);
  if (!access.visible) return [];
  return access.internal ? [`ticket:${ticketNumber}`, `ticket:${ticketNumber}:internal`] : [`ticket:${ticketNumber}`];
}
