import { type Actor, isAgent, isAnyAdmin, isCoordinator, isHdtsAdmin, isTtsAdmin } from '../actor';
import { AppError, forbidden } from '../errors';

/** Who may define, deploy, pause and delete workflows and assign unrouted tickets: TTS admins. */
export const canManageWorkflows = (a: Actor) => isTtsAdmin(a);
/** Workflow definitions and the task lists are read by staff: admins, agents and coordinators. */
export const isStaff = (a: Actor) => isAnyAdmin(a) || isAgent(a) || isCoordinator(a);
/** Sees every task. */
export const seesAllTasks = (a: Actor) => isAnyAdmin(a);

export function assertCanManageWorkflows(a: Actor) {
  if (!canManageWorkflows(a)) throw forbidden('Only workflow administrators can change workflows');
}
export function assertStaff(a: Actor) {
  if (!isStaff(a)) throw forbidden('Only help-desk and workflow staff can read workflow data');
}
export function assertCanListOwned(a: Actor) {
  if (!isCoordinator(a) && !isHdtsAdmin(a)) throw forbidden('Requires the HDTS Ticket Coordinator role');
}
export function assertCanListMine(a: Actor) {
  if (!isAgent(a) && !isTtsAdmin(a)) throw forbidden('Requires a workflow (TTS) role');
}
export function assertSeesAll(a: Actor) {
  if (!seesAllTasks(a)) throw forbidden('Only administrators can list every task');
}

interface TaskFacts {
  ownerId: number | null;
  items: { userId: number }[];
}

/** A task is visible to admins, its owner and anyone ever assigned on it. */
export const canSeeTask = (a: Actor, t: TaskFacts) =>
  seesAllTasks(a) || t.ownerId === a.id || t.items.some((i) => i.userId === a.id);

/**
 * Who reads a ticket's SLA timeline, and in which words: staff who may see the task read the steps; the
 * requester reads the same clock without internal names; anyone else does not see it (null → 404).
 */
export function slaTimelineAudience(a: Actor, t: TaskFacts & { ticket: { employeeId: number } }): 'staff' | 'requester' | null {
  if (isStaff(a) && canSeeTask(a, t)) return 'staff';
  return t.ticket.employeeId === a.id ? 'requester' : null;
}

/** Acting on an assignment: its assignee or a TTS admin. */
export const canActOnItem = (a: Actor, item: { userId: number }) => item.userId === a.id || isTtsAdmin(a);

export function assertCanActOnItem(a: Actor, item: { userId: number }) {
  if (!canActOnItem(a, item)) throw forbidden('You are not assigned to this task');
}
export const canTransfer = (a: Actor) => isTtsAdmin(a);
export function assertCanTransfer(a: Actor) {
  if (!canTransfer(a)) throw forbidden('Only workflow administrators can transfer tasks');
}
export const canTransferOwnership = (a: Actor) => isAnyAdmin(a);
export function assertCanTransferOwnership(a: Actor) {
  if (!canTransferOwnership(a))
    throw new AppError(403, 'INSUFFICIENT_PERMISSIONS', 'Only HDTS or system administrators can transfer ticket ownership');
}
export function assertOwnsTicket(a: Actor, t: { ownerId: number | null }) {
  if (t.ownerId !== a.id || (!isCoordinator(a) && !isHdtsAdmin(a)))
    throw forbidden('Only the owning Ticket Coordinator can escalate this ticket');
}
