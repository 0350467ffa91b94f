/** Who may read which figures. Coordinators read their own scope; admins read their own home too. */
import { type Actor, isCoordinator, isHdtsAdmin, isTtsAdmin } from '../actor';
import { forbidden } from '../errors';

export function assertCanReadCoordinatorHome(a: Actor) {
  if (!isCoordinator(a) && !isHdtsAdmin(a)) throw forbidden('Requires the HDTS Ticket Coordinator role');
}

export function assertCanReadAdminReports(a: Actor) {
  if (!isHdtsAdmin(a) && !isTtsAdmin(a)) throw forbidden('Requires an Admin role');
}
