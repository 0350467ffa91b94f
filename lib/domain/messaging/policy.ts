import type { Actor } from '../actor';
import { ticketAccess } from './ticket-access';

/** Socket rooms of a ticket the actor may join: the public room, plus the internal one when allowed. */
export async function ticketRoomsFor(actor: Actor, ticketNumber: string): Promise<string[]> {
  const access = await ticketAccess().canSee(actor, ticketNumber);
  if (!access.visible) return [];
  return access.internal ? [`ticket:${ticketNumber}`, `ticket:${ticketNumber}:internal`] : [`ticket:${ticketNumber}`];
}
