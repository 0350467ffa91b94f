import { type Actor, isAgent, isAnyAdmin, isCoordinator, isEmployee } from '../actor';
import { forbidden, validationFailed } from '../errors';
import type { NotificationType } from './schemas';

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

/** What happens to people who submit tickets. */
const REQUESTER_TYPES: NotificationType[] = [
  'ticket_approved',
  'ticket_rejected',
  'ticket_resolved',
  'ticket_closed',
  'ticket_reopened',
  'csat_requested',
  'comment_public',
  'mention',
];
/** What happens to people who work tickets: tasks, ownership, internal notes and the SLA clock. */
const STAFF_TYPES: NotificationType[] = [
  'task_assigned',
  'task_transferred_in',
  'task_transferred_out',
  'task_escalated_in',
  'task_escalated_out',
  'ticket_owner_assigned',
  'ticket_reopened',
  'comment_public',
  'comment_internal',
  'mention',
  'sla_warning',
  'sla_breached',
];

/** The e-mail switches a person's profile offers: only kinds of notification that can reach them. */
export function emailPreferenceTypes(actor: Actor): NotificationType[] {
  const staff = isAgent(actor) || isCoordinator(actor) || isAnyAdmin(actor);
  const types = new Set<NotificationType>([...(isEmployee(actor) ? REQUESTER_TYPES : []), ...(staff ? STAFF_TYPES : [])]);
  return [...types];
}
