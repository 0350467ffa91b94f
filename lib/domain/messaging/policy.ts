import { type Actor, isAgent, isAnyAdmin, isCoordinator } from '../actor';
import { forbidden, notFound } from '../errors';
import { ticketAccess } from './ticket-access';

/** Socket rooms of a ticket the actor may join: the public room, plus the internal one when allowed. */
export async function ticketRoomsFor(actor: Actor, ticketNumber: string): Promise<string[]> {
  const access = await ticketAccess().canSee(actor, ticketNumber);
  if (!access.visible) return [];
  return access.internal ? [`ticket:${ticketNumber}`, `ticket:${ticketNumber}:internal`] : [`ticket:${ticketNumber}`];
}

/** Saved replies (issue 19): staff (coordinators, agents, admins) keep their own; employees have none. */
export const hasSavedReplies = (a: Actor) => isCoordinator(a) || isAgent(a) || isAnyAdmin(a);
/** Shared saved replies are offered to all staff and managed by admins. */
export const managesSharedReplies = (a: Actor) => isAnyAdmin(a);

export function assertSavedReplies(a: Actor) {
  if (!hasSavedReplies(a)) throw forbidden('Only coordinators, agents and admins have saved replies');
}
interface CannedRef {
  ownerId: number;
  shared: boolean;
}
/** Another person's personal reply is "not found": its existence is not told. */
export function assertCanSeeCanned<T extends CannedRef>(a: Actor, r: T | null): T {
  if (!r || !(r.ownerId === a.id || r.shared)) throw notFound('Saved reply', 'CANNED_RESPONSE_NOT_FOUND');
  return r;
}
/** A personal reply is changed by its owner only; a shared one by admins only. */
export function assertCanChangeCanned(a: Actor, r: CannedRef) {
  if (r.shared ? !managesSharedReplies(a) : r.ownerId !== a.id) throw forbidden('Only admins can change a shared saved reply');
}
export function assertCanShareCanned(a: Actor) {
  if (!managesSharedReplies(a)) throw forbidden('Only admins can share a saved reply with all staff');
}
