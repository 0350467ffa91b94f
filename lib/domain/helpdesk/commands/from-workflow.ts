// Consumers of the workflow engine's messages: owner, assignee and status sync (idempotent).
import { userById } from '@/lib/domain/identity/directory';
import { type Prisma, type Tx, transaction } from '@/lib/server/db';
import { enqueue } from '@/lib/server/jobs/queue';
import { logger } from '@/lib/server/logger';
import { SYSTEM_ACTOR } from '../../actor';
import type { TicketRoutedPayload, UpdateTicketSlaPayload } from '../../contracts/messages';
import { notify } from '../../contracts/notify';
import { participantChange, TICKET_PARTICIPANT_MESSAGE } from '../../contracts/participants';
import { PermanentJobError } from '../../jobs';
import { NOTIFICATION_TYPES } from '../../notifications/schemas';
import { history, recordAudit } from '../history';
import { canTransition } from '../policy';
import type { Status } from '../schemas';
import { applyStatus } from './status';

type SlaDelivery = Omit<UpdateTicketSlaPayload, 'ticket_number'>;

/** The ticket row a workflow delivery changes, read under its row lock (deliveries of one ticket serialise on it). */
interface LockedTicket {
  id: number;
  subject: string;
  owner_id: number | null;
  assignee_id: number | null;
  resolution_due_at: Date | null;
  sla_changed_at: Date | null;
  workflow_id: number | null;
}

async function lockTicket(tx: Tx, ticketNumber: string): Promise<LockedTicket> {
  const [t] = await tx.$queryRaw<LockedTicket[]>`
    SELECT id, subject, owner_id, assignee_id, resolution_due_at, sla_changed_at, workflow_id
    FROM helpdesk.tickets WHERE ticket_number = ${ticketNumber} FOR UPDATE`;
  if (!t) throw new PermanentJobError('TICKET_NOT_FOUND', `Ticket ${ticketNumber} not found`);
  return t;
}

/** What one part of a delivery changes on the ticket row; the caller writes all parts in one UPDATE. */
type TicketChange = Prisma.TicketUncheckedUpdateInput;

/** 000's queue error: an owner id that names no user is INVALID_OWNER (logged, nothing written, dead-lettered). */
async function assertOwnerExists(ticketNumber: string, ownerId: number) {
  if (await userById(ownerId)) return;
  logger.warn('update_ticket_owner: unknown owner', { code: 'INVALID_OWNER', ticket_number: ticketNumber, owner_id: ownerId });
  throw new PermanentJobError('INVALID_OWNER', `Owner ${ownerId} does not exist`);
}

/** A new owning coordinator: they join the conversation and are told, the previous owner leaves it. */
async function changeOwner(tx: Tx, ticketNumber: string, t: LockedTicket, ownerId: number): Promise<TicketChange> {
  if (t.owner_id === ownerId) return {};
  await enqueue(
    tx,
    TICKET_PARTICIPANT_MESSAGE,
    participantChange({ ticket_number: ticketNumber, user_id: ownerId, role: 'owner' }),
  );
  // the previous owner hands the ticket over: they leave its conversation as owner
  if (t.owner_id)
    await enqueue(
      tx,
      TICKET_PARTICIPANT_MESSAGE,
      participantChange({ ticket_number: ticketNumber, user_id: t.owner_id, role: 'owner', remove: true }),
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
    old: t.owner_id ? String(t.owner_id) : null,
    new: String(ownerId),
  });
  await recordAudit(tx, SYSTEM_ACTOR, {
    context: 'helpdesk',
    action: 'ticket.owner',
    entityType: 'ticket',
    entityId: ticketNumber,
    oldValues: { owner_id: t.owner_id },
    newValues: { owner_id: ownerId },
  });
  return { ownerId };
}

/** The workflow's SLA as the ticket's resolution target; a delivery older than the one applied changes nothing. */
async function changeSla(tx: Tx, ticketNumber: string, t: LockedTicket, p: SlaDelivery): Promise<TicketChange> {
  const changedAt = new Date(p.changed_at);
  // The workflow that took the ticket is kept even from a late delivery (the reports filter by it).
  const workflowId = p.workflow_id && p.workflow_id !== t.workflow_id ? { workflowId: p.workflow_id } : {};
  if (t.sla_changed_at && t.sla_changed_at.getTime() >= changedAt.getTime()) return workflowId;
  const due = p.resolution_due_at ? new Date(p.resolution_due_at) : null;
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
    entityId: ticketNumber,
    oldValues: { resolution_due_at: t.resolution_due_at?.toISOString() ?? null },
    newValues: { resolution_due_at: due?.toISOString() ?? null },
  });
  return {
    resolutionDueAt: due,
    slaStartedAt: new Date(p.started_at),
    slaDueSoonAt: p.due_soon_at ? new Date(p.due_soon_at) : null,
    slaAtRiskAt: p.at_risk_at ? new Date(p.at_risk_at) : null,
    slaChangedAt: changedAt,
    ...workflowId,
  };
}

/** Event ids of applied workflow assignments (in ticket_sync_events): `assignee:<task item id>`. */
const ASSIGNMENT_EVENT = 'assignee:';

/**
 * The agent now working the ticket. Each workflow assignment is applied once; deliveries may arrive out of
 * order, so one older than the last applied assignment (lower task item id) is recorded as not applied and
 * changes nothing. The caller holds the ticket's row lock, so "is a later one applied?" cannot race.
 */
async function changeAssignee(
  tx: Tx,
  ticketNumber: string,
  t: LockedTicket,
  p: { assignee_id: number; task_item_id: number },
): Promise<TicketChange> {
  const applied = await tx.ticketSyncEvent.findMany({
    where: { ticketNumber, eventId: { startsWith: ASSIGNMENT_EVENT }, applied: true },
    select: { eventId: true },
  });
  const later = applied.some((e) => Number(e.eventId.slice(ASSIGNMENT_EVENT.length)) > p.task_item_id);
  const seen = await tx.ticketSyncEvent.createMany({
    data: [{ eventId: `${ASSIGNMENT_EVENT}${p.task_item_id}`, ticketNumber, status: 'Assigned', applied: !later }],
    skipDuplicates: true,
  });
  if (seen.count === 0) return {}; // this assignment was delivered before
  if (later) {
    logger.info('assignee sync skipped: a later assignment is applied', { ticket: ticketNumber, task_item_id: p.task_item_id });
    return {};
  }
  if (t.assignee_id === p.assignee_id) return {};
  await history(tx, t.id, SYSTEM_ACTOR, 'ASSIGNMENT_CHANGE', {
    field: 'assignee',
    old: t.assignee_id ? String(t.assignee_id) : null,
    new: String(p.assignee_id),
    note: 'Assigned in the workflow engine',
    isPublic: false,
  });
  await recordAudit(tx, SYSTEM_ACTOR, {
    context: 'helpdesk',
    action: 'ticket.assignee',
    entityType: 'ticket',
    entityId: ticketNumber,
    oldValues: { assignee_id: t.assignee_id },
    newValues: { assignee_id: p.assignee_id, task_item_id: p.task_item_id },
  });
  return { assigneeId: p.assignee_id };
}

/** One transaction per delivery: the row locked once, each part's change written in one UPDATE. */
async function applyToTicket(ticketNumber: string, parts: (tx: Tx, t: LockedTicket) => Promise<TicketChange[]>) {
  await transaction(async (tx) => {
    const t = await lockTicket(tx, ticketNumber);
    const data = Object.assign({}, ...(await parts(tx, t))) as TicketChange;
    if (Object.keys(data).length) await tx.ticket.update({ where: { id: t.id }, data, select: { id: true } });
  });
}

/** TTS → HDTS: the owning coordinator. Idempotent (same owner → nothing). */
export async function setTicketOwner(ticketNumber: string, ownerId: number) {
  await assertOwnerExists(ticketNumber, ownerId);
  await applyToTicket(ticketNumber, async (tx, t) => [await changeOwner(tx, ticketNumber, t, ownerId)]);
}

/**
 * TTS → HDTS: the workflow's SLA becomes the ticket's resolution target (one clock, issue 10). Idempotent; a
 * delivery older than the one applied (`sla_changed_at`) changes nothing. The ticket's pages re-read.
 */
export async function setTicketSla(p: UpdateTicketSlaPayload) {
  await applyToTicket(p.ticket_number, async (tx, t) => [await changeSla(tx, p.ticket_number, t, p)]);
}

/**
 * TTS → HDTS: the agent now working the ticket in the workflow engine becomes its assignee, so the help desk
 * lets them read the ticket and download its files (policy: owner and assignee see the ticket).
 */
export async function setTicketAssignee(p: { ticket_number: string; assignee_id: number; task_item_id: number }) {
  await applyToTicket(p.ticket_number, async (tx, t) => [await changeAssignee(tx, p.ticket_number, t, p)]);
}

/**
 * TTS → HDTS: the workflow engine took the ticket: its SLA clock, first assignee and owner in one delivery and
 * one transaction (the same changes as the three messages above, which carry the later ones).
 */
export async function applyTicketRouted(p: TicketRoutedPayload) {
  if (p.owner_id) await assertOwnerExists(p.ticket_number, p.owner_id);
  await applyToTicket(p.ticket_number, async (tx, t) => [
    await changeSla(tx, p.ticket_number, t, p.sla),
    await changeAssignee(tx, p.ticket_number, t, p.assignee),
    p.owner_id ? await changeOwner(tx, p.ticket_number, t, p.owner_id) : {},
  ]);
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
