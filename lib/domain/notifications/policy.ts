import { type Actor, isAnyAdmin } from '../actor';
import { forbidden, validationFailed } from '../errors';

/** A user reads and marks only their own notifications (others' are invisible: 404 by the query's scope). */
export const ownNotifications = (actor: Actor) => ({ userId: actor.id });

/** Spec 003's list names a user: it may only be the caller. */
export function assertListsOwnNotifications(actor: Actor, userId: number | undefined) {
  if (userId !== undefined && userId !== actor.id) throw forbidden('You can only list your own notifications');
}

/** A service (X-API-Key) reading notifications names the user it reads for. */
export function assertServiceNamesUser(userId: number | undefined): number {
  if (userId === undefined) throw validationFailed({ user_id: ['Required when a service reads with an API key'] });
  return userId;
}

/** E-mail delivery records are for administrators of either system. */
export function assertCanSeeDeliveries(actor: Actor) {
  if (!isAnyAdmin(actor)) throw forbidden('Only administrators can see e-mail deliveries');
}
