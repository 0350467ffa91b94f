// Consumers of the workflow engine's messages: owner, assignee and status sync (idempotent).
import { userById } from '@/lib/domain/identity/directory';
import { db, transaction } from '@/lib/server/db';
import { enqueue } from '@/lib/server/jobs/queue';
import { logger } from '@/lib/server/logger';
import { SYSTEM_ACTOR } from '../../actor';
import type { UpdateTicketSlaPayload } from '../../contracts/messages';
import { notify } from '../../contracts/notify';
import { participantChange, TICKET_PARTICIPANT_MESSAGE } from '../../contracts/participants';
import { PermanentJobError } from '../../jobs';
import { NOTIFICATION_TYPES } from '../../notifications/schemas';
import { history, recordAudit } from '../history';
import { canTransition } from '../policy';
import type { Status } from '../schemas';
import { applyStatus } from './status';

/** TTS → HDTS: the owning coordinator. Idempotent (same owner → nothing). */
export async function setTicketOwner(ticketNumber: string, ownerId: number) {
  const t = await db.ticket.findUnique({ where: { ticketNumber } });
  if (!t) throw new PermanentJobError('TICKET_NOT_FOUND', `Ticket ${ticketNumber} not found`);
  if (t.ownerId === ownerId) return;
  // 000's queue error: an owner id that names no user is INVALID_OWNER (logged, nothing written, dead-lettered).
  if (!(await userById(ownerId))) {
    logger.warn('update_ticket_owner: unknown owner', { code: 'INVALID_OWNER', ticket_number: ticketNumber, owner_id: ownerId });
    throw new PermanentJobError('INVALID_OWNER', `Owner ${ownerId} does not exist`);
  }
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
    await recordAudit(tx, SYSTEM_ACTOR, {
      context: 'helpdesk',
      action: 'ticket.owner',
      entityType: 'ticket',
      entityId: ticketNumber,
      oldValues: { owner_id: t.ownerId },
      newValues: { owner_id: ownerId },
    });
  });
}

/**
 * TTS → HDTS: the workflow's SLA becomes the ticket's resolution target (one clock, issue 10). Idempotent; a
 * delivery older than the one applied (`sla_changed_at`) changes nothing. The ticket's pages re-read.
 */
export async function setTicketSla(p: UpdateTicketSlaPayload) {
  await transaction(async (tx) => {
    const changedAt = new Date(p.changed_at);
    const rows = await tx.$queryRaw<
      { id: number; resolution_due_at: Date | null; sla_changed_at: Date | null; workflow_id: number | null }[]
    >`
      SELECT id, resolution_due_at, sla_changed_at, workflow_id FROM helpdesk.tickets WHERE ticket_number = ${p.ticket_number} FOR UPDATE`;
    const t = rows[0];
    if (!t) throw new PermanentJobError('TICKET_NOT_FOUND', `Ticket ${p.ticket_number} not found`);
    // The workflow that took the ticket is kept even from a late delivery (the reports filter by it).
    const workflowId = p.workflow_id && p.workflow_id !== t.workflow_id ? { workflowId: p.workflow_id } : {};
    if (t.sla_changed_at && t.sla_changed_at.getTime() >= changedAt.getTime()) {
      if (workflowId.workflowId) await tx.ticket.update({ where: { id: t.id }, data: workflowId });
      return;
    }
    const due = p.resolution_due_at ? new Date(p.resolution_due_at) : null;
    await tx.ticket.update({
      where: { id: t.id },
      data: {
        resolutionDueAt: due,
        slaStartedAt: new Date(p.started_at),
        slaDueSoonAt: p.due_soon_at ? new Date(p.due_soon_at) : null,
        slaAtRiskAt: p.at_risk_at ? new Date(p.at_risk_at) : null,
        slaChangedAt: changedAt,
        ...workflowId,
      },
    });
    if ((t.resolution_due_at?.getTime() ?? null) !== (due?.getTime() ?? null))
      await history(tx, t.id, SYSTEM_ACTOR, 'UPDATE', {
        field: 'resolution_due_at',
        old: t.resolution_due_at?.toISOString() ?? null,
        new: due?.toISOString() ?? null,
        note: 'Resolution target set by the workflow',
        isPublic: false,
      });
    await recordAudit(tx, SYSTEM_ACTOR, {
      context: 'helpdesk',
      action: 'ticket.sla_target',
      entityType: 'ticket',
      entityId: p.ticket_number,
      oldValues: { resolution_due_at: t.resolution_due_at?.toISOString() ?? null },
      newValues: { resolution_due_at: due?.toISOString() ?? null },
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
      await recordAudit(tx, SYSTEM_ACTOR, {
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
    // the workflow resolves the ticket when its last step is done: the finalize notes are its resolution
    await applyStatus(tx, SYSTEM_ACTOR, t, p.status, {
      note: p.note ?? null,
      resolutionNotes: p.status === 'Resolved' ? (p.note ?? null) : null,
    });
    await tx.ticketSyncEvent.update({ where: { eventId: p.event_id }, data: { applied: true } });
  });
}
