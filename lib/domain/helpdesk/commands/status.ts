// The ticket's status lifecycle: who may move it where, and what each move records and sends.
import { type Tx, transaction } from '@/lib/server/db';
import { env } from '@/lib/server/env';
import { enqueue } from '@/lib/server/jobs/queue';
import type { Actor } from '../../actor';
import { MESSAGES } from '../../contracts/messages';
import { AppError, badRequest, forbidden } from '../../errors';
import { NOTIFICATION_TYPES } from '../../notifications/schemas';
import { outcomeColumns } from '../../sla/clock';
import { type HistoryType, history, recordAudit } from '../history';
import { csatRatingPath } from '../links';
import {
  assertCanWork,
  assertRequester,
  canTransition,
  isTriageStaff,
  STATUS_TRANSITIONS,
  statusChanges,
  WITHDRAWABLE,
} from '../policy';
import { getTicket, loadTicket } from '../queries';
import type { Priority, Status } from '../schemas';
import { assertUnchangedSince, invalidTransition, notifyRequester, type TicketRow, updateIfStatus } from './ticket-writes';
import { approveTicket } from './triage';

/** How a New ticket leaves New (004's NEW → … goes through these, docs/status-mapping.md). */
const NEW_ACTIONS = ['approve', 'reject', 'withdraw'];

/** The requester withdraws; `expectedUpdatedAt` (what they saw) refuses it when the ticket changed since. */
export async function withdrawTicket(actor: Actor, ref: string | number, reason: string, expectedUpdatedAt?: Date | null) {
  const t = await loadTicket(actor, ref);
  assertRequester(actor, t, 'withdraw this ticket');
  if (!WITHDRAWABLE(t.status as Status)) {
    throw new AppError(400, 'INVALID_STATUS_TRANSITION', `A ${t.status} ticket cannot be withdrawn`, {
      current_status: t.status,
      requested_status: 'Withdrawn',
      allowed_transitions: [],
    });
  }
  assertUnchangedSince(t, expectedUpdatedAt);
  await transaction(async (tx) => {
    // A withdrawn ticket is finished: it closes now, like a Closed one (time_closed, date_completed, resolution time).
    const now = new Date();
    await updateIfStatus(
      tx,
      t,
      {
        status: 'Withdrawn',
        withdrawReason: reason,
        timeClosed: now,
        dateCompleted: now,
        resolutionTimeSeconds: Math.round((now.getTime() - t.createdAt.getTime()) / 1000),
      },
      expectedUpdatedAt,
    );
    await history(tx, t.id, actor, 'STATUS_CHANGE', { field: 'status', old: t.status, new: 'Withdrawn', note: reason });
    await recordAudit(tx, actor, {
      context: 'helpdesk',
      action: 'ticket.withdraw',
      entityType: 'ticket',
      entityId: t.ticketNumber,
      oldValues: { status: t.status },
      newValues: { status: 'Withdrawn', reason },
    });
    // Only a ticket the workflow received (approved) has anything there to close: a New ticket's withdrawal sends
    // nothing (it would dead-letter as TICKET_NOT_FOUND).
    if (t.approvedAt)
      await enqueue(tx, MESSAGES.receiveHdtsTicketStatus, {
        ticket_number: t.ticketNumber,
        status: 'Withdrawn',
        reason,
        date_completed: now.toISOString(),
        time_closed: now.toISOString(),
      });
  });
  return getTicket(actor, t.id);
}

/** Apply a validated status change inside a transaction: close fields, history, and the message to the workflow side. */
export async function applyStatus(
  tx: Tx,
  actor: Actor,
  t: TicketRow,
  to: Status,
  opts: { note?: string | null; resolutionNotes?: string | null; extra?: object; expectedUpdatedAt?: Date | null } = {},
) {
  const from = t.status as Status;
  const now = new Date();
  const reopen = to === 'Open' && (from === 'Resolved' || from === 'Closed');
  const data: Record<string, unknown> = { status: to, ...opts.extra };
  if (to === 'Resolved') Object.assign(data, { resolvedAt: now, resolutionNotes: opts.resolutionNotes ?? t.resolutionNotes });
  // compliance (issue 11): met or breached is recorded when the clock stops (resolved, or closed unresolved)
  if (to === 'Resolved' || (to === 'Closed' && !t.slaOutcome)) Object.assign(data, outcomeColumns(now, t.resolutionDueAt));
  if (to === 'Closed') {
    Object.assign(data, {
      timeClosed: now,
      dateCompleted: now,
      resolutionTimeSeconds: Math.round((now.getTime() - t.createdAt.getTime()) / 1000),
    });
  }
  if (reopen)
    Object.assign(data, {
      resolvedAt: null,
      timeClosed: null,
      dateCompleted: null,
      resolutionTimeSeconds: null,
      slaOutcome: null,
      slaOutcomeAt: null,
    });
  await updateIfStatus(tx, t, data, opts.expectedUpdatedAt);
  const type: HistoryType = reopen ? 'REOPENED' : to === 'Resolved' ? 'RESOLVED' : to === 'Closed' ? 'CLOSED' : 'STATUS_CHANGE';
  await history(tx, t.id, actor, type, { field: 'status', old: from, new: to, note: opts.note ?? opts.resolutionNotes ?? null });
  await recordAudit(tx, actor, {
    context: 'helpdesk',
    action: `ticket.status`,
    entityType: 'ticket',
    entityId: t.ticketNumber,
    oldValues: { status: from },
    newValues: { status: to },
  });
  const when = now.toISOString();
  if (to === 'Resolved') {
    await notifyRequester(
      tx,
      t,
      NOTIFICATION_TYPES.ticketResolved,
      `Ticket ${t.ticketNumber} resolved`,
      `"${t.subject}" was resolved. Close it if the problem is gone, or reopen it.`,
      when,
    );
  }
  if (to === 'Closed') {
    await notifyRequester(
      tx,
      t,
      NOTIFICATION_TYPES.ticketClosed,
      `Ticket ${t.ticketNumber} closed`,
      `"${t.subject}" is closed.`,
      when,
    );
    if (t.csatRating == null) {
      await notifyRequester(
        tx,
        t,
        NOTIFICATION_TYPES.csatRequested,
        `How did we do on ${t.ticketNumber}?`,
        `Rate the help you received for "${t.subject}" (1–5 stars).`,
        when,
        // opens the rating dialog on the ticket page
        csatRatingPath(t.ticketNumber),
      );
    }
  }
  if (reopen) {
    await notifyRequester(
      tx,
      t,
      NOTIFICATION_TYPES.ticketReopened,
      `Ticket ${t.ticketNumber} reopened`,
      `"${t.subject}" is open again.`,
      when,
    );
  }
  // the workflow pauses or resumes the ticket's SLA clock on its own pausing statuses (issue 11)
  if (t.approvedAt && to !== from)
    await enqueue(tx, MESSAGES.updateSlaStatus, {
      ticket_number: t.ticketNumber,
      status: to,
      changed_at: when,
      note: opts.note ?? null,
    });
  if (t.approvedAt && to === 'Closed') {
    await enqueue(tx, MESSAGES.receiveHdtsTicketStatus, {
      ticket_number: t.ticketNumber,
      status: 'Closed',
      csat_rating: t.csatRating,
      feedback: t.csatFeedback,
      date_completed: now.toISOString(),
      time_closed: now.toISOString(),
    });
  }
  if (t.approvedAt && reopen) {
    await enqueue(tx, MESSAGES.receiveHdtsTicketStatus, {
      ticket_number: t.ticketNumber,
      status: 'Reopened',
      reason: opts.note ?? null,
    });
  }
}

/** Who may make this change, and is it a valid transition? Throws before anything is written. */
export function checkStatusChange(actor: Actor, t: TicketRow, to: Status) {
  const from = t.status as Status;
  const isRequester = t.employeeId === actor.id;
  const staff = isTriageStaff(actor);
  if (to === 'Withdrawn')
    throw badRequest(
      'Use the withdraw action to withdraw a ticket',
      { allowed_transitions: STATUS_TRANSITIONS[from] },
      'INVALID_STATUS_TRANSITION',
    );
  if (from === 'New') {
    throw new AppError(
      400,
      'INVALID_STATUS_TRANSITION',
      `A New ticket leaves New by approval (Open; POST …/approve/ with priority and department), rejection (Rejected; POST …/reject/) or the requester's withdrawal (Withdrawn), not by a status change to ${to}`,
      { current_status: from, requested_status: to, allowed_transitions: [], allowed_actions: NEW_ACTIONS },
    );
  }
  const reopen = to === 'Open' && (from === 'Resolved' || from === 'Closed');
  if (reopen || (to === 'Closed' && from === 'Resolved')) {
    // The requester may close a Resolved ticket and reopen their own ticket.
    if (!isRequester) assertCanWork(actor, t);
  } else if (!staff) {
    if (isRequester && !(t.ownerId === actor.id || t.assigneeId === actor.id)) {
      throw forbidden('Requesters can only close a Resolved ticket or reopen it');
    }
    assertCanWork(actor, t);
  }
  if (!canTransition(from, to)) throw invalidTransition(from, to);
  const changes = statusChanges(t);
  if (changes.held.includes(to)) {
    throw new AppError(
      400,
      'INVALID_STATUS_TRANSITION',
      `${changes.reason}: the help desk cannot make it ${to} now. Allowed: ${changes.allowed.join(', ') || 'none'}`,
      {
        current_status: from,
        requested_status: to,
        allowed_transitions: changes.allowed,
        workflow_id: t.workflowId,
        reason: 'WORKFLOW_OWNS_TICKET',
      },
    );
  }
  if (reopen && from === 'Closed') {
    const limit = (t.timeClosed?.getTime() ?? 0) + env.TICKET_REOPEN_DAYS * 86400_000;
    if (Date.now() > limit) {
      throw new AppError(
        400,
        'REOPEN_WINDOW_EXPIRED',
        `A ticket can be reopened within ${env.TICKET_REOPEN_DAYS} days of closing`,
        {
          time_closed: t.timeClosed?.toISOString() ?? null,
        },
      );
    }
  }
}

/** The status changer's options: what the caller's help desk may change the ticket to, and what a workflow holds back. */
export async function statusOptions(actor: Actor, ref: string | number) {
  const t = await loadTicket(actor, ref);
  return statusChanges(t);
}

/**
 * 004's ESCALATED: an Open ticket becomes In Progress, an In Progress one stays; either way an `ESCALATED`
 * history entry records it. From any other status it is refused, naming the allowed changes.
 */
async function escalateTicket(actor: Actor, t: TicketRow, opts: { note?: string | null; expected_updated_at?: Date | null }) {
  const from = t.status as Status;
  if (from !== 'Open' && from !== 'In Progress') {
    throw new AppError(
      400,
      'INVALID_STATUS_TRANSITION',
      `Only an Open or In Progress ticket can be escalated (it stays In Progress). Allowed from ${from}: ${STATUS_TRANSITIONS[from].join(', ') || 'none'}`,
      { current_status: from, requested_status: 'ESCALATED', allowed_transitions: STATUS_TRANSITIONS[from] },
    );
  }
  if (from === 'Open') checkStatusChange(actor, t, 'In Progress');
  else if (!isTriageStaff(actor)) assertCanWork(actor, t);
  await transaction(async (tx) => {
    if (from === 'Open') {
      await applyStatus(tx, actor, t, 'In Progress', { note: opts.note, expectedUpdatedAt: opts.expected_updated_at });
    } else {
      // the status stays: only the version moves, so a writer holding the old one sees the escalation
      await updateIfStatus(tx, t, { updatedAt: new Date() }, opts.expected_updated_at);
    }
    await history(tx, t.id, actor, 'ESCALATED', { field: 'status', old: from, new: 'In Progress', note: opts.note ?? null });
    await recordAudit(tx, actor, {
      context: 'helpdesk',
      action: 'ticket.escalate',
      entityType: 'ticket',
      entityId: t.ticketNumber,
      oldValues: { status: from },
      newValues: { status: 'In Progress', escalated: true },
    });
  });
  return getTicket(actor, t.id);
}

export async function changeStatus(
  actor: Actor,
  ref: string | number,
  to: Status,
  opts: {
    note?: string | null;
    resolution_notes?: string | null;
    expected_updated_at?: Date | null;
    /** 004's ESCALATED (`to` is In Progress). */
    escalate?: boolean;
  } = {},
) {
  const t = await loadTicket(actor, ref);
  // first: whatever else would be said about the change would be about a ticket the writer has not seen
  assertUnchangedSince(t, opts.expected_updated_at);
  if (opts.escalate) return escalateTicket(actor, t, opts);
  // 004's NEW → OPEN is the approval when the ticket already has what approval needs (priority and department)
  if (t.status === 'New' && to === 'Open' && t.priority && t.department)
    return approveTicket(actor, t.id, {
      priority: t.priority as Priority,
      department: t.department,
      approval_notes: opts.note ?? null,
      expected_updated_at: opts.expected_updated_at,
    });
  checkStatusChange(actor, t, to);
  await transaction((tx) =>
    applyStatus(tx, actor, t, to, {
      note: opts.note,
      resolutionNotes: opts.resolution_notes,
      expectedUpdatedAt: opts.expected_updated_at,
    }),
  );
  return getTicket(actor, t.id);
}
