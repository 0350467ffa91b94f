import { type Actor, isAgent, isAnyAdmin, isCoordinator, isEmployee, isHdtsAdmin, isTtsAdmin } from '../actor';
import { forbidden } from '../errors';

/** Who may manage users and roles: HDTS or TTS admins. */
export const canManageUsers = (actor: Actor) => isAnyAdmin(actor);
/** Directory reads (users by role, roles) are open to staff: admins, coordinators and agents need them. */
export const canReadDirectory = (actor: Actor) =>
  isAnyAdmin(actor) || actor.roles.some((r) => r.system === 'tts' || r.role === 'Ticket Coordinator');

export function assertCanManageUsers(actor: Actor) {
  if (!canManageUsers(actor)) throw forbidden('Only administrators can manage users and roles');
}
export function assertCanReadDirectory(actor: Actor) {
  if (!canReadDirectory(actor)) throw forbidden('Only staff can read the user directory');
}

export type Portal = 'admin' | 'coordinator' | 'agent' | 'employee';

/** Portals a user may open, most privileged first; the first is where they land after sign-in. */
export function portalsFor(actor: Actor): Portal[] {
  const out: Portal[] = [];
  if (isAnyAdmin(actor)) out.push('admin');
  if (isCoordinator(actor) || isHdtsAdmin(actor)) out.push('coordinator');
  if (isAgent(actor) || isTtsAdmin(actor)) out.push('agent');
  if (isEmployee(actor)) out.push('employee');
  return out;
}

export const canUsePortal = (actor: Actor, portal: Portal) => portalsFor(actor).includes(portal);
