import { randomInt } from 'node:crypto';
import { afterCommit, db, type Tx, transaction } from '@/lib/server/db';
import { env } from '@/lib/server/env';
import { enqueue } from '@/lib/server/jobs/queue';
import { logger } from '@/lib/server/logger';
import { publish } from '@/lib/server/realtime';
import { type Actor, isHdtsAdmin, SYSTEM_ACTOR } from '../actor';
import { type AuditEntry, writeAudit } from '../audit';
import { MESSAGES, type ProcessTicketPayload, type TicketAttachmentRef } from '../contracts/messages';
import { notify } from '../contracts/notify';
import { participantChange, TICKET_PARTICIPANT_MESSAGE } from '../contracts/participants';
import { AppError, badRequest, conflict, forbidden, notFound, validationFailed } from '../errors';
import { userById, usersByIds } from '../identity/directory';
import { PermanentJobError } from '../jobs';
import { NOTIFICATION_TYPES, type NotificationType } from '../notifications/schemas';
import { removeFiles, type StoredFile } from './files';
import {
  assertAdmin,
  assertCanSee,
  assertCanWork,
  assertRequester,
  assertSubmit,
  assertTriage,
  canSeeInternal,
  canTransition,
  isTriageStaff,
  STATUS_TRANSITIONS,
  WITHDRAWABLE,
} from './policy';
import { attachmentDto, attachmentUrl, commentDto, getTicket, loadTicket } from './queries';
import type { ApproveInput, CommentInput, CsatInput, Priority, Status, TicketCreateInput, TicketUpdateInput } from './schemas';

type TicketRow = Awaited<ReturnType<typeof loadTicket>>;
type HistoryType =
  | 'CREATED'
  | 'STATUS_CHANGE'
  | 'PRIORITY_CHANGE'
  | 'ASSIGNMENT_CHANGE'
  | 'UPDATE'
  | 'COMMENT_ADDED'
  | 'ATTACHMENT_ADDED'
  | 'RESOLVED'
  | 'CLOSED'
  | 'REOPENED'
  | 'ESCALATED'
  | 'SLA_BREACH';

/** The audit row, plus (for ticket changes) a small realtime event after commit; clients re-read. */
async function audit(tx: Tx, actor: Actor | null, entry: AuditEntry) {
  await writeAudit(tx, actor, entry);
  if (entry.entityType === 'ticket') {
    const ticketNumber = String(entry.entityId);
    afterCommit(tx, () =>
      publish(`ticket:${ticketNumber}`, 'ticket_update', {
        type: 'ticket_update',
        source: 'helpdesk',
        ticket_number: ticketNumber,
        action: entry.action,
      }),
    );
  }
}

const RANK: Record<Priority, number> = { Critical: 1, High: 2, Medium: 3, Low: 4 };

/** Response/resolution hours per priority (004's P1–P4 table, TICKET_SLA_HOURS). */
export function slaHours(p: Priority): { response: number; resolution: number } {
  const parts = env.TICKET_SLA_HOURS.split(',').map((x) => x.split('/').map(Number));
  const [response, resolution] = parts[RANK[p] - 1] ?? [24, 168];
  return { response, resolution };
}

export function dueDates(p: Priority, from: Date) {
  const h = slaHours(p);
  return {
    responseDueAt: new Date(from.getTime() + h.response * 3600_000),
    resolutionDueAt: new Date(from.getTime() + h.resolution * 3600_000),
  };
}

export function newTicketNumber(now = new Date()): string {
  const ymd = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `TX${ymd}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

async function history(
  tx: Tx,
  ticketId: number,
  actor: Actor | null,
  type: HistoryType,
  e: { field?: string; old?: string | null; new?: string | null; note?: string | null; isPublic?: boolean } = {},
) {
  await tx.ticketHistory.create({
    data: {
      ticketId,
      type,
      field: e.field ?? null,
      oldValue: e.old ?? null,
      newValue: e.new ?? null,
      note: e.note ?? null,
      actorId: actor && actor.id > 0 ? actor.id : null,
      isPublic: e.isPublic ?? true,
    },
  });
}

/** Tell the requester about their ticket (in-app, live, e-mail), inside the change's transaction. */
async function notifyRequester(
  tx: Tx,
  t: { ticketNumber: string; employeeId: number; subject: string },
  type: NotificationType,
  title: string,
  message: string,
  eventKey: string,
) {
  await notify(tx, {
    user_ids: [t.employeeId],
    type,
    title,
    message,
    ticket_number: t.ticketNumber,
    link: `/employee/tickets/${t.ticketNumber}`,
    dedupe_key: `ticket:${t.ticketNumber}:${type}:${eventKey}`,
  });
}

function invalidTransition(from: Status, to: Status, allowed: Status[] = STATUS_TRANSITIONS[from]) {
  return new AppError(
    400,
    'INVALID_STATUS_TRANSITION',
    `Cannot change status from ${from} to ${to}. Allowed: ${allowed.length ? allowed.join(', ') : 'none'}`,
    { current_status: from, requested_status: to, allowed_transitions: allowed },
  );
}

/** Category, sub-category and department must come from the catalog (001 §2). */
async function checkCatalog(input: { category?: string; sub_category?: string | null; department?: string | null }) {
  const errors: Record<string, string[]> = {};
  let department: string | null = null;
  if (input.category !== undefined) {
    const category = await db.category.findUnique({
      where: { name: input.category },
      include: { subCategories: true, department: true },
    });
    if (!category) errors.category = [`"${input.category}" is not a category`];
    else {
      department = category.department?.name ?? null;
      if (input.sub_category && !category.subCategories.some((s) => s.name === input.sub_category)) {
        errors.sub_category = [`"${input.sub_category}" is not a sub-category of ${category.name}`];
      }
    }
  }
  if (input.department) {
    const d = await db.department.findUnique({ where: { name: input.department } });
    if (!d) errors.department = [`"${input.department}" is not a department`];
  }
  if (Object.keys(errors).length) throw validationFailed(errors);
  return { department };
}

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === 'P2002';

/**
 * Submit a ticket (status New; nothing goes to the workflow engine yet). The number is random;
 * a collision hits the unique index and the whole transaction is retried with a new number.
 */
export async function createTicket(actor: Actor, input: TicketCreateInput & { priority?: Priority }, files: StoredFile[] = []) {
  try {
    assertSubmit(actor);
    const { department } = await checkCatalog(input);
    let id = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        id = await transaction(async (tx) => {
          const now = new Date();
          const t = await tx.ticket.create({
            data: {
              ticketNumber: newTicketNumber(now),
              subject: input.subject,
              description: input.description,
              category: input.category,
              subCategory: input.sub_category ?? null,
              department: input.department ?? department,
              priority: input.priority ?? null,
              priorityRank: input.priority ? RANK[input.priority] : null,
              ...(input.priority ? dueDates(input.priority, now) : {}),
              employeeId: actor.id,
              status: 'New',
            },
          });
          await history(tx, t.id, actor, 'CREATED', { field: 'status', new: 'New' });
          for (const f of files) {
            await tx.ticketAttachment.create({
              data: {
                ticketId: t.id,
                uploaderId: actor.id,
                filename: f.filename,
                storedName: f.storedName,
                mimeType: f.mimeType,
                size: f.size,
                sha256: f.sha256,
              },
            });
            await history(tx, t.id, actor, 'ATTACHMENT_ADDED', { field: 'attachment', new: f.filename });
          }
          await enqueue(
            tx,
            TICKET_PARTICIPANT_MESSAGE,
            participantChange({ ticket_number: t.ticketNumber, user_id: actor.id, role: 'requester' }),
          );
          await audit(tx, actor, {
            context: 'helpdesk',
            action: 'ticket.create',
            entityType: 'ticket',
            entityId: t.ticketNumber,
            newValues: { subject: t.subject, category: t.category },
          });
          return t.id;
        });
        break;
      } catch (e) {
        if (isUniqueViolation(e) && attempt < 8) continue;
        throw e;
      }
    }
    return getTicket(actor, id);
  } catch (e) {
    await removeFiles(files);
    throw e;
  }
}

/** Conditional write: the ticket must still be in the status we validated against. */
async function updateIfStatus(tx: Tx, t: TicketRow, data: Parameters<Tx['ticket']['update']>[0]['data']) {
  const r = await tx.ticket.updateMany({ where: { id: t.id, status: t.status }, data: data as never });
  if (r.count !== 1) throw conflict('The ticket changed meanwhile; reload and try again', 'TICKET_CHANGED');
}

async function employeeOf(t: TicketRow) {
  const u = await userById(t.employeeId);
  return { name: u?.name ?? '', email: u?.email ?? '' };
}

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

/** The ticket's files as the workflow side sees them: links to the help desk's download endpoint. */
async function attachmentRefs(tx: Tx, ticketId: number): Promise<TicketAttachmentRef[]> {
  const files = await tx.ticketAttachment.findMany({ where: { ticketId }, orderBy: { id: 'asc' } });
  return files.map((f) => ({
    id: f.id,
    filename: f.filename,
    url: attachmentUrl(f.id),
    uploaded_at: f.createdAt.toISOString(),
    size: f.size,
    content_type: f.mimeType,
  }));
}

/** Files added to or deleted from a ticket already sent to the workflow engine: send it the new list. */
async function sendAttachmentsToWorkflow(tx: Tx, t: { id: number; ticketNumber: string; approvedAt: Date | null }) {
  if (!t.approvedAt) return;
  await enqueue(tx, MESSAGES.updateTicketAttachments, {
    ticket_number: t.ticketNumber,
    attachments: await attachmentRefs(tx, t.id),
    changed_at: new Date().toISOString(),
  });
}

/** Approve a New ticket: Open, priority and department set, and the ticket sent to the workflow engine. */
export async function approveTicket(actor: Actor, ref: string | number, input: ApproveInput) {
  const t = await loadTicket(actor, ref);
  assertTriage(actor);
  if (t.status !== 'New') throw invalidTransition(t.status as Status, 'Open', t.status === 'New' ? ['Open'] : []);
  await checkCatalog({ department: input.department });
  const employee = await employeeOf(t);
  await transaction(async (tx) => {
    const now = new Date();
    await updateIfStatus(tx, t, {
      status: 'Open',
      priority: input.priority,
      priorityRank: RANK[input.priority],
      department: input.department,
      approvedById: actor.id,
      approvedAt: now,
      approvalNotes: input.approval_notes ?? null,
      ...dueDates(input.priority, now),
    });
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
    await audit(tx, actor, {
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

export async function rejectTicket(actor: Actor, ref: string | number, reason: string) {
  const t = await loadTicket(actor, ref);
  assertTriage(actor);
  if (t.status !== 'New') throw invalidTransition(t.status as Status, 'Rejected', []);
  await transaction(async (tx) => {
    await updateIfStatus(tx, t, { status: 'Rejected', rejectionReason: reason, rejectedById: actor.id, rejectedAt: new Date() });
    await history(tx, t.id, actor, 'STATUS_CHANGE', { field: 'status', old: 'New', new: 'Rejected', note: reason });
    await notifyRequester(
      tx,
      t,
      NOTIFICATION_TYPES.ticketRejected,
      `Ticket ${t.ticketNumber} rejected`,
      `"${t.subject}" was rejected: ${reason}`,
      'rejected',
    );
    await audit(tx, actor, {
      context: 'helpdesk',
      action: 'ticket.reject',
      entityType: 'ticket',
      entityId: t.ticketNumber,
      newValues: { status: 'Rejected', reason },
    });
  });
  return getTicket(actor, t.id);
}

export async function withdrawTicket(actor: Actor, ref: string | number, reason: string) {
  const t = await loadTicket(actor, ref);
  assertRequester(actor, t, 'withdraw this ticket');
  if (!WITHDRAWABLE(t.status as Status)) {
    throw new AppError(400, 'INVALID_STATUS_TRANSITION', `A ${t.status} ticket cannot be withdrawn`, {
      current_status: t.status,
      requested_status: 'Withdrawn',
      allowed_transitions: [],
    });
  }
  await transaction(async (tx) => {
    await updateIfStatus(tx, t, { status: 'Withdrawn', withdrawReason: reason });
    await history(tx, t.id, actor, 'STATUS_CHANGE', { field: 'status', old: t.status, new: 'Withdrawn', note: reason });
    await audit(tx, actor, {
      context: 'helpdesk',
      action: 'ticket.withdraw',
      entityType: 'ticket',
      entityId: t.ticketNumber,
      oldValues: { status: t.status },
      newValues: { status: 'Withdrawn', reason },
    });
    await enqueue(tx, MESSAGES.receiveHdtsTicketStatus, { ticket_number: t.ticketNumber, status: 'Withdrawn', reason });
  });
  return getTicket(actor, t.id);
}

/** Apply a validated status change inside a transaction: close fields, history, and the message to the workflow side. */
async function applyStatus(
  tx: Tx,
  actor: Actor,
  t: TicketRow,
  to: Status,
  opts: { note?: string | null; resolutionNotes?: string | null; extra?: object } = {},
) {
  const from = t.status as Status;
  const now = new Date();
  const reopen = to === 'Open' && (from === 'Resolved' || from === 'Closed');
  const data: Record<string, unknown> = { status: to, ...opts.extra };
  if (to === 'Resolved') Object.assign(data, { resolvedAt: now, resolutionNotes: opts.resolutionNotes ?? t.resolutionNotes });
  if (to === 'Closed') {
    Object.assign(data, {
      timeClosed: now,
      dateCompleted: now,
      resolutionTimeSeconds: Math.round((now.getTime() - t.createdAt.getTime()) / 1000),
    });
  }
  if (reopen) Object.assign(data, { resolvedAt: null, timeClosed: null, dateCompleted: null, resolutionTimeSeconds: null });
  await updateIfStatus(tx, t, data);
  const type: HistoryType = reopen ? 'REOPENED' : to === 'Resolved' ? 'RESOLVED' : to === 'Closed' ? 'CLOSED' : 'STATUS_CHANGE';
  await history(tx, t.id, actor, type, { field: 'status', old: from, new: to, note: opts.note ?? opts.resolutionNotes ?? null });
  await audit(tx, actor, {
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
function checkStatusChange(actor: Actor, t: TicketRow, to: Status) {
  const from = t.status as Status;
  const isRequester = t.employeeId === actor.id;
  const staff = isTriageStaff(actor);
  if (to === 'Withdrawn')
    throw badRequest(
      'Use the withdraw action to withdraw a ticket',
      { allowed_transitions: STATUS_TRANSITIONS[from] },
      'INVALID_STATUS_TRANSITION',
    );
  if (from === 'New' && (to === 'Open' || to === 'Rejected')) {
    throw invalidTransition(from, to, []);
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

export async function changeStatus(
  actor: Actor,
  ref: string | number,
  to: Status,
  opts: { note?: string | null; resolution_notes?: string | null } = {},
) {
  const t = await loadTicket(actor, ref);
  checkStatusChange(actor, t, to);
  await transaction((tx) => applyStatus(tx, actor, t, to, { note: opts.note, resolutionNotes: opts.resolution_notes }));
  return getTicket(actor, t.id);
}

export async function submitCsat(actor: Actor, ref: string | number, input: CsatInput) {
  const t = await loadTicket(actor, ref);
  assertRequester(actor, t, 'rate this ticket');
  if (t.status !== 'Closed') throw badRequest('Only a Closed ticket can be rated', { status: t.status }, 'TICKET_NOT_CLOSED');
  if (t.csatRating !== null) throw conflict('This ticket has already been rated', 'CSAT_ALREADY_SUBMITTED');
  const now = new Date();
  await transaction(async (tx) => {
    const r = await tx.ticket.updateMany({
      where: { id: t.id, status: 'Closed', csatRating: null },
      data: { csatRating: input.rating, csatFeedback: input.feedback ?? null, csatAt: now },
    });
    if (r.count !== 1) throw conflict('This ticket has already been rated', 'CSAT_ALREADY_SUBMITTED');
    await history(tx, t.id, actor, 'UPDATE', { field: 'csat_rating', new: String(input.rating), note: input.feedback ?? null });
    await audit(tx, actor, {
      context: 'helpdesk',
      action: 'ticket.csat',
      entityType: 'ticket',
      entityId: t.ticketNumber,
      newValues: { rating: input.rating },
    });
    if (t.approvedAt) {
      await enqueue(tx, MESSAGES.receiveHdtsTicketStatus, {
        ticket_number: t.ticketNumber,
        status: 'Closed',
        csat_rating: input.rating,
        feedback: input.feedback ?? null,
        date_completed: t.dateCompleted?.toISOString() ?? null,
        time_closed: t.timeClosed?.toISOString() ?? null,
      });
    }
  });
  return {
    ticket_id: t.id,
    ticket_number: t.ticketNumber,
    rating: input.rating,
    feedback: input.feedback ?? null,
    submitted_at: now.toISOString(),
  };
}

/** PATCH: requesters edit their New ticket's text; staff also priority, department and status. */
export async function updateTicket(actor: Actor, ref: string | number, input: TicketUpdateInput) {
  const t = await loadTicket(actor, ref);
  const staff = isTriageStaff(actor);
  if (!staff) {
    const restricted = (['status', 'priority', 'department'] as const).filter((k) => input[k] !== undefined);
    if (restricted.length) throw forbidden(`Employees cannot change ${restricted.join(', ')}`);
    assertRequester(actor, t, 'edit this ticket');
    if (t.status !== 'New')
      throw badRequest('A ticket can only be edited while it is New', { status: t.status }, 'TICKET_NOT_EDITABLE');
  }
  await checkCatalog({
    category: input.category ?? (input.sub_category ? t.category : undefined),
    sub_category: input.sub_category,
    department: input.department,
  });
  if (input.status && input.status !== t.status) checkStatusChange(actor, t, input.status);
  await transaction(async (tx) => {
    const data: Record<string, unknown> = {};
    const changed: [string, string | null, string | null][] = [];
    const set = (field: string, column: string, value: string | null | undefined, old: string | null) => {
      if (value === undefined || value === old) return;
      data[column] = value;
      changed.push([field, old, value]);
    };
    set('subject', 'subject', input.subject, t.subject);
    set('description', 'description', input.description, t.description);
    set('category', 'category', input.category, t.category);
    set(
      'sub_category',
      'subCategory',
      input.sub_category === undefined ? undefined : (input.sub_category ?? null),
      t.subCategory,
    );
    set('department', 'department', input.department, t.department);
    if (input.priority && input.priority !== t.priority) {
      Object.assign(data, {
        priority: input.priority,
        priorityRank: RANK[input.priority],
        ...dueDates(input.priority, t.approvedAt ?? t.createdAt),
      });
      await history(tx, t.id, actor, 'PRIORITY_CHANGE', { field: 'priority', old: t.priority, new: input.priority });
    }
    for (const [field, old, value] of changed) {
      await history(tx, t.id, actor, 'UPDATE', {
        field,
        old: field === 'description' ? null : old,
        new: field === 'description' ? null : value,
      });
    }
    if (Object.keys(data).length) {
      await updateIfStatus(tx, t, data);
      await audit(tx, actor, {
        context: 'helpdesk',
        action: 'ticket.update',
        entityType: 'ticket',
        entityId: t.ticketNumber,
        newValues: data,
      });
    }
    if (input.status && input.status !== t.status) {
      const fresh = await tx.ticket.findUniqueOrThrow({ where: { id: t.id } });
      await applyStatus(tx, actor, fresh, input.status);
    }
  });
  return getTicket(actor, t.id);
}

export async function deleteTicket(actor: Actor, ref: string | number) {
  const t = await loadTicket(actor, ref);
  assertAdmin(actor, 'delete tickets');
  const files = await db.ticketAttachment.findMany({ where: { ticketId: t.id } });
  await transaction(async (tx) => {
    await tx.ticket.delete({ where: { id: t.id } });
    await audit(tx, actor, {
      context: 'helpdesk',
      action: 'ticket.delete',
      entityType: 'ticket',
      entityId: t.ticketNumber,
      oldValues: { subject: t.subject, status: t.status },
    });
  });
  const { attachmentPath } = await import('./storage');
  await removeFiles(files.map((f) => ({ path: attachmentPath(f.storedName) })));
}

export async function assignTicket(actor: Actor, ref: string | number, assigneeId: number, notes?: string | null) {
  const t = await loadTicket(actor, ref);
  assertTriage(actor);
  const user = await userById(assigneeId);
  if (!user?.isActive) throw validationFailed({ assignee_id: ['No active user with this id'] });
  await transaction(async (tx) => {
    await updateIfStatus(tx, t, { assigneeId });
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
    await audit(tx, actor, {
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
    await audit(tx, actor, {
      context: 'helpdesk',
      action: 'ticket.push_to_workflow',
      entityType: 'ticket',
      entityId: t.ticketNumber,
    });
  });
  return { message: `Ticket ${t.ticketNumber} enqueued for workflow push.` };
}

// ---- comments -------------------------------------------------------------------------------

type CommentRow = { id: number; authorId: number; body: string; isInternal: boolean; createdAt: Date; updatedAt: Date };

/**
 * The requester's thread is live: a public comment's change goes after commit to `ticket:{n}` (everyone
 * who may see the ticket) with the comment as the ticket page renders it. Internal notes are never
 * published: the rooms are granted by messaging's participants, which do not match who may read them here.
 */
function publishComment(
  tx: Tx,
  ticketNumber: string,
  c: CommentRow,
  action: 'created' | 'updated' | 'deleted',
  names: Map<number, { name: string }>,
) {
  if (c.isInternal) return;
  afterCommit(tx, () =>
    publish(`ticket:${ticketNumber}`, 'comment_update', {
      type: 'comment_update',
      source: 'helpdesk',
      action,
      comment_id: c.id,
      ticket_id: ticketNumber,
      is_internal: false,
      comment: action === 'deleted' ? null : commentDto(c, names),
    }),
  );
}

export async function addComment(actor: Actor, ref: string | number, input: CommentInput) {
  const t = await loadTicket(actor, ref);
  if (input.is_internal && !canSeeInternal(actor, t)) throw forbidden('Only staff can write internal notes');
  const names = await usersByIds([actor.id]);
  const c = await transaction(async (tx) => {
    const c = await tx.ticketComment.create({
      data: { ticketId: t.id, authorId: actor.id, body: input.body, isInternal: input.is_internal },
    });
    await history(tx, t.id, actor, 'COMMENT_ADDED', { field: 'comment', new: String(c.id), isPublic: !input.is_internal });
    await audit(tx, actor, {
      context: 'helpdesk',
      action: 'comment.create',
      entityType: 'ticket_comment',
      entityId: c.id,
      newValues: { ticket: t.ticketNumber, internal: input.is_internal },
    });
    publishComment(tx, t.ticketNumber, c, 'created', names);
    return c;
  });
  return commentDto(c, names);
}

async function loadComment(actor: Actor, id: number) {
  const c = await db.ticketComment.findUnique({ where: { id }, include: { ticket: true } });
  if (!c) throw notFound('Comment');
  try {
    assertCanSee(actor, c.ticket);
  } catch {
    throw notFound('Comment');
  }
  if (c.isInternal && !canSeeInternal(actor, c.ticket)) throw notFound('Comment');
  return c;
}

export async function updateComment(actor: Actor, id: number, body: string) {
  const c = await loadComment(actor, id);
  if (c.authorId !== actor.id) throw forbidden('Only the author can edit a comment');
  const names = await usersByIds([actor.id]);
  const updated = await transaction(async (tx) => {
    const u = await tx.ticketComment.update({ where: { id }, data: { body } });
    await audit(tx, actor, {
      context: 'helpdesk',
      action: 'comment.update',
      entityType: 'ticket_comment',
      entityId: id,
      oldValues: { body: c.body },
      newValues: { body },
    });
    publishComment(tx, c.ticket.ticketNumber, u, 'updated', names);
    return u;
  });
  return commentDto(updated, names);
}

export async function deleteComment(actor: Actor, id: number) {
  const c = await loadComment(actor, id);
  if (c.authorId !== actor.id && !isHdtsAdmin(actor)) throw forbidden('Only the author or an admin can delete a comment');
  await transaction(async (tx) => {
    await tx.ticketComment.delete({ where: { id } });
    await audit(tx, actor, {
      context: 'helpdesk',
      action: 'comment.delete',
      entityType: 'ticket_comment',
      entityId: id,
      oldValues: { body: c.body },
    });
    publishComment(tx, c.ticket.ticketNumber, c, 'deleted', new Map());
  });
}

// ---- attachments ----------------------------------------------------------------------------

/** Checked before an upload is read, so refused callers never stream files to disk. */
export async function assertCanAttach(actor: Actor, ref: string | number) {
  const t = await loadTicket(actor, ref);
  if (!(t.employeeId === actor.id || isTriageStaff(actor) || t.ownerId === actor.id || t.assigneeId === actor.id)) {
    throw forbidden('You cannot add files to this ticket');
  }
  return t;
}

export async function addAttachments(actor: Actor, ref: string | number, files: StoredFile[]) {
  try {
    const t = await assertCanAttach(actor, ref);
    if (!files.length) throw validationFailed({ file: ['Attach a file'] });
    const rows = await transaction(async (tx) => {
      const out = [];
      for (const f of files) {
        const a = await tx.ticketAttachment.create({
          data: {
            ticketId: t.id,
            uploaderId: actor.id,
            filename: f.filename,
            storedName: f.storedName,
            mimeType: f.mimeType,
            size: f.size,
            sha256: f.sha256,
          },
        });
        await history(tx, t.id, actor, 'ATTACHMENT_ADDED', { field: 'attachment', new: f.filename });
        await audit(tx, actor, {
          context: 'helpdesk',
          action: 'attachment.create',
          entityType: 'ticket_attachment',
          entityId: a.id,
          newValues: { ticket: t.ticketNumber, filename: f.filename, sha256: f.sha256 },
        });
        out.push(a);
      }
      await sendAttachmentsToWorkflow(tx, t);
      return out;
    });
    return rows.map(attachmentDto);
  } catch (e) {
    await removeFiles(files);
    throw e;
  }
}

export async function deleteAttachment(actor: Actor, id: number) {
  const { attachmentForDownload } = await import('./queries');
  const a = await attachmentForDownload(actor, id);
  if (a.uploaderId !== actor.id && !isHdtsAdmin(actor)) throw forbidden('Only the uploader or an admin can delete an attachment');
  await transaction(async (tx) => {
    await tx.ticketAttachment.delete({ where: { id } });
    await audit(tx, actor, {
      context: 'helpdesk',
      action: 'attachment.delete',
      entityType: 'ticket_attachment',
      entityId: id,
      oldValues: { filename: a.filename },
    });
    await sendAttachmentsToWorkflow(tx, a.ticket);
  });
  const { attachmentPath } = await import('./storage');
  await removeFiles([{ path: attachmentPath(a.storedName) }]);
}

// ---- messages from the workflow engine and scheduled work -------------------------------------

/** TTS → HDTS: the owning coordinator. Idempotent (same owner → nothing). */
export async function setTicketOwner(ticketNumber: string, ownerId: number) {
  const t = await db.ticket.findUnique({ where: { ticketNumber } });
  if (!t) throw new PermanentJobError('TICKET_NOT_FOUND', `Ticket ${ticketNumber} not found`);
  if (t.ownerId === ownerId) return;
  await transaction(async (tx) => {
    await tx.ticket.update({ where: { id: t.id }, data: { ownerId } });
    await enqueue(
      tx,
      TICKET_PARTICIPANT_MESSAGE,
      participantChange({ ticket_number: ticketNumber, user_id: ownerId, role: 'owner' }),
    );
    // the previous owner hands the ticket over: they leave its conversation as owner
    if (t.ownerId)
      await enqueue(
        tx,
        TICKET_PARTICIPANT_MESSAGE,
        participantChange({ ticket_number: ticketNumber, user_id: t.ownerId, role: 'owner', remove: true }),
      );
    await notify(tx, {
      user_ids: [ownerId],
      type: NOTIFICATION_TYPES.ticketOwnerAssigned,
      title: `You own ticket ${ticketNumber}`,
      message: `"${t.subject}" is now yours to follow through the workflow.`,
      ticket_number: ticketNumber,
      link: `/coordinator/owned/${ticketNumber}`,
      dedupe_key: `ticket:${ticketNumber}:owner:${ownerId}`,
    });
    await history(tx, t.id, SYSTEM_ACTOR, 'ASSIGNMENT_CHANGE', {
      field: 'ticket_owner',
      old: t.ownerId ? String(t.ownerId) : null,
      new: String(ownerId),
    });
    await audit(tx, SYSTEM_ACTOR, {
      context: 'helpdesk',
      action: 'ticket.owner',
      entityType: 'ticket',
      entityId: ticketNumber,
      oldValues: { owner_id: t.ownerId },
      newValues: { owner_id: ownerId },
    });
  });
}

/** Event ids of applied workflow assignments (in ticket_sync_events): `assignee:<task item id>`. */
const ASSIGNMENT_EVENT = 'assignee:';

/**
 * TTS → HDTS: the agent now working the ticket in the workflow engine becomes its assignee, so the help desk
 * lets them read the ticket and download its files (policy: owner and assignee see the ticket). Each workflow
 * assignment is applied once; deliveries may arrive out of order, so one older than the last applied
 * assignment (lower task item id) is recorded as not applied and changes nothing.
 */
export async function setTicketAssignee(p: { ticket_number: string; assignee_id: number; task_item_id: number }) {
  await transaction(async (tx) => {
    // Serialise the assignments of one ticket, so "is a later one applied?" cannot race.
    const locked = await tx.$queryRaw<
      { id: number }[]
    >`SELECT id FROM helpdesk.tickets WHERE ticket_number = ${p.ticket_number} FOR UPDATE`;
    if (!locked.length) throw new PermanentJobError('TICKET_NOT_FOUND', `Ticket ${p.ticket_number} not found`);
    const eventId = `${ASSIGNMENT_EVENT}${p.task_item_id}`;
    const seen = await tx.ticketSyncEvent.createMany({
      data: [{ eventId, ticketNumber: p.ticket_number, status: 'Assigned', applied: false }],
      skipDuplicates: true,
    });
    if (seen.count === 0) return;
    const applied = await tx.ticketSyncEvent.findMany({
      where: { ticketNumber: p.ticket_number, eventId: { startsWith: ASSIGNMENT_EVENT }, applied: true },
      select: { eventId: true },
    });
    if (applied.some((e) => Number(e.eventId.slice(ASSIGNMENT_EVENT.length)) > p.task_item_id)) {
      logger.info('assignee sync skipped: a later assignment is applied', {
        ticket: p.ticket_number,
        task_item_id: p.task_item_id,
      });
      return;
    }
    const t = await tx.ticket.findUniqueOrThrow({ where: { id: locked[0].id } });
    if (t.assigneeId !== p.assignee_id) {
      await tx.ticket.update({ where: { id: t.id }, data: { assigneeId: p.assignee_id } });
      await history(tx, t.id, SYSTEM_ACTOR, 'ASSIGNMENT_CHANGE', {
        field: 'assignee',
        old: t.assigneeId ? String(t.assigneeId) : null,
        new: String(p.assignee_id),
        note: 'Assigned in the workflow engine',
        isPublic: false,
      });
      await audit(tx, SYSTEM_ACTOR, {
        context: 'helpdesk',
        action: 'ticket.assignee',
        entityType: 'ticket',
        entityId: p.ticket_number,
        oldValues: { assignee_id: t.assigneeId },
        newValues: { assignee_id: p.assignee_id, task_item_id: p.task_item_id },
      });
    }
    await tx.ticketSyncEvent.update({ where: { eventId }, data: { applied: true } });
  });
}

/**
 * TTS → HDTS status sync. Each event id is applied once; a status that is not a valid transition from
 * the current one is recorded as not applied and logged (never retried).
 */
export async function syncStatusFromWorkflow(p: {
  ticket_number: string;
  status: 'Open' | 'In Progress' | 'Resolved';
  event_id: string;
  note?: string | null;
}) {
  await transaction(async (tx) => {
    const t = await tx.ticket.findUnique({ where: { ticketNumber: p.ticket_number } });
    if (!t) throw new PermanentJobError('TICKET_NOT_FOUND', `Ticket ${p.ticket_number} not found`);
    const seen = await tx.ticketSyncEvent.createMany({
      data: [{ eventId: p.event_id, ticketNumber: p.ticket_number, status: p.status, applied: false }],
      skipDuplicates: true,
    });
    if (seen.count === 0) return;
    const from = t.status as Status;
    if (from === p.status) return; // each workflow move re-sends In Progress: nothing to change
    if (!canTransition(from, p.status)) {
      logger.warn('status sync ignored', { ticket: p.ticket_number, from, to: p.status, event: p.event_id });
      return;
    }
    await applyStatus(tx, SYSTEM_ACTOR, t, p.status, { note: p.note ?? null });
    await tx.ticketSyncEvent.update({ where: { eventId: p.event_id }, data: { applied: true } });
  });
}

/** Close tickets Resolved for longer than TICKET_AUTO_CLOSE_HOURS (measured from when they became Resolved). */
export async function autoCloseResolved(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - env.TICKET_AUTO_CLOSE_HOURS * 3600_000);
  const due = await db.ticket.findMany({ where: { status: 'Resolved', resolvedAt: { lte: cutoff } }, take: 500 });
  let closed = 0;
  for (const t of due) {
    try {
      await transaction((tx) =>
        applyStatus(tx, SYSTEM_ACTOR, t, 'Closed', {
          note: `Closed automatically ${env.TICKET_AUTO_CLOSE_HOURS} h after resolution`,
        }),
      );
      closed++;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'TICKET_CHANGED')) throw e;
    }
  }
  return closed;
}

/**
 * Record an SLA_BREACH history entry (once per deadline) for open tickets past their response or resolution
 * due date. Response counts as met once work has started (In Progress or later).
 */
export async function recordSlaBreaches(now = new Date()): Promise<number> {
  const rows = await db.$queryRaw<{ id: number; ticket_number: string; field: string; due: Date }[]>`
    SELECT t.id, t.ticket_number, d.field, d.due
      FROM helpdesk.tickets t
     CROSS JOIN LATERAL (VALUES ('response_due_at', t.response_due_at, t.status = 'Open'),
                                ('resolution_due_at', t.resolution_due_at, t.status IN ('Open', 'In Progress', 'On Hold'))) AS d(field, due, applies)
     WHERE d.applies AND d.due IS NOT NULL AND d.due < ${now}
       AND NOT EXISTS (SELECT 1 FROM helpdesk.ticket_history h WHERE h.ticket_id = t.id AND h.type = 'SLA_BREACH' AND h.field = d.field)
     LIMIT 500`;
  for (const r of rows) {
    await transaction(async (tx) => {
      await history(tx, r.id, SYSTEM_ACTOR, 'SLA_BREACH', {
        field: r.field,
        new: r.due.toISOString(),
        note: r.field === 'response_due_at' ? 'Response SLA missed' : 'Resolution SLA missed',
        isPublic: false,
      });
      await audit(tx, SYSTEM_ACTOR, {
        context: 'helpdesk',
        action: 'ticket.sla_breach',
        entityType: 'ticket',
        entityId: r.ticket_number,
        newValues: { field: r.field },
      });
    });
  }
  return rows.length;
}
