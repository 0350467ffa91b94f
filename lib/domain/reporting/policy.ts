/** Who may read which figures. Coordinators read their own scope; admins read their own home too. */
import { type Actor, isCoordinator, isHdtsAdmin } from '../actor';
import { forbidden } from '../errors';

export function assertCanReadCoordinatorHome(a: Actor) {
  if (!isCoordinator(a) && !isHdtsAdmin(a)) throw forbidden('Requires the HDTS Ticket Coordinator role');
}
