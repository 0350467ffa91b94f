// Triage by coordinators: approve (and send to the workflow engine), reject, assign, re-push.
import { type Tx, transaction } from '@/lib/server/db';
import { enqueue } from '@/lib/server/jobs/queue';
import type { Actor } from '../../actor';
import { MESSAGES, type ProcessTicketPayload } from '../../contracts/messages';
import { participantChange, TICKET_PARTICIPANT_MESSAGE } from '../../contracts/participants';
import { badRequest, validationFailed } from '../../errors';
import { userById } from '../../identity/directory';
import { NOTIFICATION_TYPES } from '../../notifications/schemas';
import { helpdeskCalendar } from '../../sla/calendar-store';
import { history, recordAudit } from '../history';
import { assertTriage } from '../policy';
import { getTicket, loadTicket } from '../queries';
import type { ApproveInput, Priority, Status } from '../schemas';
import { dueDates, PRIORITY_RANK } from '../sla';
import { attachmentRefs } from './attachments';
import {
  assertUnchangedSince,
  checkCatalog,
  employeeOf,
  invalidTransition,
  notifyRequester,
  type TicketRow,
  updateIfStatus,
} from './ticket-writes';

/**
 * The tts.process_ticket message of an approved ticket, read inside the sending transaction. It carries the
 * ticket's files as links to the help desk's download endpoint (the help desk still authorizes each download).
 */
async function processTicketMessage(
  tx: Tx,
  t: TicketRow,
  employee: { name: string; email: string },
  o: { department: string; priority: Priority; status: string },
): Promise<ProcessTicketPayload> {
  return {
    ticket_number: t.ticketNumber,
    subject: t.subject,
    description: t.description,
    category: t.category,
    sub_category: t.subCategory,
    department: o.department,
    priority: o.priority,
    employee_id: t.employeeId,
    employee_name: employee.name,
    employee_email: employee.email,
    status: o.status,
    created_at: t.createdAt.toISOString(),
    attachments: await attachmentRefs(tx, t.id),
  };
}

/** Approve a New ticket: Open, priority and department set, and the ticket sent to the workflow engine. */
export async function approveTicket(actor: Actor, ref: string | number, input: ApproveInput) {
  const t = await loadTicket(actor, ref);
  assertTriage(actor);
  if (t.status !== 'New') throw invalidTransition(t.status as Status, 'Open', t.status === 'New' ? ['Open'] : []);
  assertUnchangedSince(t, input.expected_updated_at);
  await checkCatalog({ department: input.department });
  const employee = await employeeOf(t);
  await transaction(async (tx) => {
    const now = new Date();
    await updateIfStatus(
      tx,
      t,
      {
        status: 'Open',
        priority: input.priority,
        priorityRank: PRIORITY_RANK[input.priority],
        department: input.department,
        approvedById: actor.id,
        approvedAt: now,
        approvalNotes: input.approval_notes ?? null,
        ...dueDates(input.priority, now, false, await helpdeskCalendar(tx)),
      },
      input.expected_updated_at,
    );
    await history(tx, t.id, actor, 'STATUS_CHANGE', {
      field: 'status',
      old: 'New',
      new: 'Open',
      note: input.approval_notes ?? 'Approved',
    });
    if (t.priority !== input.priority)
      await history(tx, t.id, actor, 'PRIORITY_CHANGE', { field: 'priority', old: t.priority, new: input.priority });
    if (t.department !== input.department)
      await history(tx, t.id, actor, 'UPDATE', { field: 'department', old: t.department, new: input.department });
    await enqueue(
      tx,
      MESSAGES.processTicket,
      await processTicketMessage(tx, t, employee, { department: input.department, priority: input.priority, status: 'Open' }),
    );
    await notifyRequester(
      tx,
      t,
      NOTIFICATION_TYPES.ticketApproved,
      `Ticket ${t.ticketNumber} approved`,
      `"${t.subject}" was approved with priority ${input.priority} and sent to ${input.department}.`,
      now.toISOString(),
    );
    await recordAudit(tx, actor, {
      context: 'helpdesk',
      action: 'ticket.approve',
      entityType: 'ticket',
      entityId: t.ticketNumber,
      oldValues: { status: 'New' },
      newValues: { status: 'Open', priority: input.priority, department: input.department },
    });
  });
  return getTicket(actor, t.id);
}

/** Reject a New ticket; `expectedUpdatedAt` (what the coordinator saw) refuses it when the ticket changed since. */
export async function rejectTicket(actor: Actor, ref: string | number, reason: string, expectedUpdatedAt?: Date | null) {
  const t = await loadTicket(actor, ref);
  assertTriage(actor);
  if (t.status !== 'New') throw invalidTransition(t.status as Status, 'Rejected', []);
  assertUnchangedSince(t, expectedUpdatedAt);
  await transaction(async (tx) => {
    await updateIfStatus(
      tx,
      t,
      { status: 'Rejected', rejectionReason: reason, rejectedById: actor.id, rejectedAt: new Date() },
      expectedUpdatedAt,
    );
    await history(tx, t.id, actor, 'STATUS_CHANGE', { field: 'status', old: 'New', new: 'Rejected', note: reason });
    await notifyRequester(
      tx,
      t,
      NOTIFICATION_TYPES.ticketRejected,
      `Ticket ${t.ticketNumber} rejected`,
      `"${t.subject}" was rejected: ${reason}`,
      'rejected',
    );
    await recordAudit(tx, actor, {
      context: 'helpdesk',
      action: 'ticket.reject',
      entityType: 'ticket',
      entityId: t.ticketNumber,
      newValues: { status: 'Rejected', reason },
    });
  });
  return getTicket(actor, t.id);
}

/** Assign; `expectedUpdatedAt` (what the coordinator saw) refuses it when the ticket changed since. */
export async function assignTicket(
  actor: Actor,
  ref: string | number,
  assigneeId: number,
  notes?: string | null,
  expectedUpdatedAt?: Date | null,
) {
  const t = await loadTicket(actor, ref);
  assertTriage(actor);
  assertUnchangedSince(t, expectedUpdatedAt);
  const user = await userById(assigneeId);
  if (!user?.isActive) throw validationFailed({ assignee_id: ['No active user with this id'] });
  await transaction(async (tx) => {
    await updateIfStatus(tx, t, { assigneeId }, expectedUpdatedAt);
    // the help desk's own assignment: a workflow transfer away (role `agent`) leaves it in place
    await enqueue(
      tx,
      TICKET_PARTICIPANT_MESSAGE,
      participantChange({ ticket_number: t.ticketNumber, user_id: assigneeId, role: 'assignee' }),
    );
    if (t.assigneeId && t.assigneeId !== assigneeId) {
      await enqueue(
        tx,
        TICKET_PARTICIPANT_MESSAGE,
        participantChange({ ticket_number: t.ticketNumber, user_id: t.assigneeId, role: 'assignee', remove: true }),
      );
    }
    await history(tx, t.id, actor, 'ASSIGNMENT_CHANGE', {
      field: 'assignee',
      old: t.assigneeId ? String(t.assigneeId) : null,
      new: String(assigneeId),
      note: notes ?? null,
      isPublic: false,
    });
    await recordAudit(tx, actor, {
      context: 'helpdesk',
      action: 'ticket.assign',
      entityType: 'ticket',
      entityId: t.ticketNumber,
      oldValues: { assignee_id: t.assigneeId },
      newValues: { assignee_id: assigneeId },
    });
  });
  return getTicket(actor, t.id);
}

/** 003: re-send an approved ticket to the workflow engine (coordinators and admins). */
export async function pushToWorkflow(actor: Actor, ref: string | number) {
  const t = await loadTicket(actor, ref);
  assertTriage(actor);
  if (!t.approvedAt || !t.priority || !t.department || ['Closed', 'Rejected', 'Withdrawn'].includes(t.status)) {
    throw badRequest(
      'Only an approved, open ticket can be pushed to the workflow engine; approve it first',
      { status: t.status },
      'TICKET_NOT_APPROVED',
    );
  }
  const employee = await employeeOf(t);
  await transaction(async (tx) => {
    await enqueue(
      tx,
      MESSAGES.processTicket,
      await processTicketMessage(tx, t, employee, {
        department: t.department as string,
        priority: t.priority as Priority,
        status: t.status,
      }),
    );
    await recordAudit(tx, actor, {
      context: 'helpdesk',
      action: 'ticket.push_to_workflow',
      entityType: 'ticket',
      entityId: t.ticketNumber,
    });
  });
  return { message: `Ticket ${t.ticketNumber} enqueued for workflow push.` };
}
