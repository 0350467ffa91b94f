import type { Prisma } from '@/lib/generated/prisma/client';
import { type Actor, hasRole, isAgent, isCoordinator, isEmployee, isHdtsAdmin, isTtsAdmin } from '../actor';
import { forbidden, notFound } from '../errors';
import type { Status } from './schemas';

/** Who sees every ticket: coordinators and admins. */
export const seesAllTickets = (a: Actor) => isCoordinator(a) || isHdtsAdmin(a) || isTtsAdmin(a);
/** Staff who triage and change tickets (approve, reject, status, assign, internal notes). */
export const isTriageStaff = (a: Actor) => isCoordinator(a) || isHdtsAdmin(a);
export const canSubmitTicket = (a: Actor) => isEmployee(a) || isCoordinator(a) || isHdtsAdmin(a);

interface TicketRef {
  employeeId: number;
  ownerId: number | null;
  assigneeId: number | null;
}

/** Employees see their own tickets; owners and assignees see theirs; staff see all. */
export function canSeeTicket(a: Actor, t: TicketRef): boolean {
  return seesAllTickets(a) || t.employeeId === a.id || t.ownerId === a.id || t.assigneeId === a.id;
}

/** The same rule as canSeeTicket, as a filter for lists and counts. */
export function ticketVisibilityWhere(a: Actor): Prisma.TicketWhereInput {
  if (seesAllTickets(a)) return {};
  return { OR: [{ employeeId: a.id }, { ownerId: a.id }, { assigneeId: a.id }] };
}

/** A ticket the caller may not see does not exist for them (404). */
export function assertCanSee<T extends TicketRef>(a: Actor, t: T | null): T {
  if (!t || !canSeeTicket(a, t)) throw notFound('Ticket', 'TICKET_NOT_FOUND');
  return t;
}

export function assertSubmit(a: Actor) {
  if (!canSubmitTicket(a)) throw forbidden('Only help-desk users can submit tickets');
}
export function assertTriage(a: Actor) {
  if (!isTriageStaff(a)) throw forbidden('Only ticket coordinators and admins can do this');
}
export function assertRequester(a: Actor, t: TicketRef, what: string) {
  if (t.employeeId !== a.id) throw forbidden(`Only the requester can ${what}`);
}
/** Staff or the assigned agent may work a ticket (status, resolve). */
export function assertCanWork(a: Actor, t: TicketRef) {
  if (!(isTriageStaff(a) || isTtsAdmin(a) || t.ownerId === a.id || t.assigneeId === a.id)) {
    throw forbidden('You cannot change the status of this ticket');
  }
}
export function assertAdmin(a: Actor, what: string) {
  if (!isHdtsAdmin(a)) throw forbidden(`Only admins can ${what}`);
}
/** Internal comments: staff, owners and assignees (never the requester as such). */
export function canSeeInternal(a: Actor, t: TicketRef): boolean {
  return seesAllTickets(a) || t.ownerId === a.id || t.assigneeId === a.id || hasRole(a, 'tts', 'Admin');
}

/** Comments: only the author edits their words; the author or an admin deletes them. */
export function assertCanEditComment(a: Actor, c: { authorId: number }) {
  if (c.authorId !== a.id) throw forbidden('Only the author can edit a comment');
}
export function assertCanDeleteComment(a: Actor, c: { authorId: number }) {
  if (c.authorId !== a.id && !isHdtsAdmin(a)) throw forbidden('Only the author or an admin can delete a comment');
}

/** Files: the requester, staff, the owner and the assignee add them; the uploader or an admin deletes one. */
export function assertCanAttach(a: Actor, t: TicketRef) {
  if (!(t.employeeId === a.id || isTriageStaff(a) || t.ownerId === a.id || t.assigneeId === a.id)) {
    throw forbidden('You cannot add files to this ticket');
  }
}
export function assertCanDeleteAttachment(a: Actor, f: { uploaderId: number }) {
  if (f.uploaderId !== a.id && !isHdtsAdmin(a)) throw forbidden('Only the uploader or an admin can delete an attachment');
}

/** Requesters edit their own ticket's text while it is New; only staff change status, priority, department. */
export function assertCanEditTicket(
  a: Actor,
  t: TicketRef & { status: string },
  changes: { status?: unknown; priority?: unknown; department?: unknown },
) {
  if (isTriageStaff(a)) return;
  const restricted = (['status', 'priority', 'department'] as const).filter((k) => changes[k] !== undefined);
  if (restricted.length) throw forbidden(`Employees cannot change ${restricted.join(', ')}`);
  assertRequester(a, t, 'edit this ticket');
}

export const TERMINAL: Status[] = ['Closed', 'Rejected', 'Withdrawn'];

/**
 * Status changes through update-status (001 §5 merged with 004's transition list; see docs/status-mapping.md).
 * New leaves only by approve, reject or withdraw; Withdrawn only by withdraw; Resolved/Closed → Open is a reopen.
 */
export const STATUS_TRANSITIONS: Record<Status, Status[]> = {
  New: [],
  Open: ['In Progress', 'On Hold', 'Resolved', 'Closed'],
  'In Progress': ['Open', 'On Hold', 'Resolved'],
  'On Hold': ['Open', 'In Progress', 'Closed'],
  Resolved: ['Closed', 'Open'],
  Closed: ['Open'],
  Rejected: [],
  Withdrawn: [],
};

export const canTransition = (from: Status, to: Status) => STATUS_TRANSITIONS[from]?.includes(to) ?? false;

/**
 * While a workflow works the ticket (routed to one, not yet resolved) its task finishes it: the help desk may
 * pause and resume (On Hold, Open, In Progress) but not resolve or close it, or both sides would disagree (the task
 * still at a step while the ticket reads Resolved). The workflow's last step resolves it (hdts.sync_ticket_status).
 */
const WORKFLOW_FINISHES: Status[] = ['Resolved', 'Closed'];
export const WORKFLOW_OWNS_REASON = 'The workflow resolves this ticket when its last step is done';
export const workflowOwns = (t: { workflowId: number | null; status: string }) =>
  t.workflowId != null && ['Open', 'In Progress', 'On Hold'].includes(t.status);
/** The help desk's status changes for this ticket, and the ones a workflow holds back (with why). */
export function statusChanges(t: { workflowId: number | null; status: string }) {
  const all = STATUS_TRANSITIONS[t.status as Status] ?? [];
  if (!workflowOwns(t)) return { allowed: all, held: [] as Status[], reason: null };
  return {
    allowed: all.filter((s) => !WORKFLOW_FINISHES.includes(s)),
    held: all.filter((s) => WORKFLOW_FINISHES.includes(s)),
    reason: WORKFLOW_OWNS_REASON,
  };
}
export const WITHDRAWABLE = (s: Status) => !['Resolved', 'Closed', 'Withdrawn', 'Rejected'].includes(s);

/** Saved views (issue 19): staff keep their own; shared views (admins share) are visible to all staff. */
export const isHelpdeskStaff = (a: Actor) => seesAllTickets(a) || isAgent(a);
export function assertStaffViews(a: Actor) {
  if (!isHelpdeskStaff(a)) throw forbidden('Only help-desk staff have saved views');
}
interface ViewRef {
  ownerId: number;
  shared: boolean;
}
/** A private view of someone else is "not found": its existence is not told. */
export function assertCanSeeView<T extends ViewRef>(a: Actor, v: T | null): T {
  if (!v || !(v.ownerId === a.id || (v.shared && isHelpdeskStaff(a)))) throw notFound('View', 'VIEW_NOT_FOUND');
  return v;
}
export function assertCanShareViews(a: Actor) {
  if (!isHdtsAdmin(a)) throw forbidden('Only admins can share a view with all staff');
}
/** The owner deletes their view; a shared view also an admin. */
export function assertCanDeleteView(a: Actor, v: ViewRef) {
  if (v.ownerId !== a.id && !isHdtsAdmin(a)) throw forbidden('Only its owner or an admin can delete a shared view');
}
