/** Tickets entering the workflow engine: matching, task creation, manual assignment, HDTS status. */
import { activeUsersInRole, activeUsersWithRole } from '@/lib/domain/identity/directory';
import { db, type Tx, transaction } from '@/lib/server/db';
import { enqueue } from '@/lib/server/jobs/queue';
import { logger } from '@/lib/server/logger';
import { type Actor, SYSTEM_ACTOR } from '../actor';
import { writeAudit } from '../audit';
import {
  type HdtsTicketStatusPayload,
  hdtsTicketStatusPayload,
  MESSAGES,
  type ProcessTicketPayload,
  processTicketPayload,
  type UpdateTicketAttachmentsPayload,
} from '../contracts/messages';
import { NOTIFY_MESSAGE } from '../contracts/notify';
import { conflict, notFound } from '../errors';
import { PermanentJobError } from '../jobs';
import { loadCalendar } from '../sla/calendar-store';
import { notifyAssignee, publishTaskChange } from './notify';
import { assertCanManageWorkflows } from './policy';
import { nextMember, nextMembers } from './roundrobin';
import { slaSecondsFor, stepSlaSeconds } from './sla';
import { type ClockFacts, clockFacts, newItemClock, windowColumns } from './sla-clock';
import { loadVersion, OPEN_ITEM, OPEN_TASK, startStepOf, weightsOf } from './snapshot';

export const COORDINATOR_POOL = 'owner:hdts:Ticket Coordinator';
export const rolePool = (roleId: number) => `role:${roleId}`;

type MatchedWorkflow = { id: number; name: string; currentVersionId: number | null; calendarId: number | null };
type Match = { workflow: MatchedWorkflow } | { code: 'WORKFLOW_NOT_FOUND' | 'AMBIGUOUS_WORKFLOW'; reason: string };
export type RoutingTicket = { department: string; category: string; subCategory: string | null };
export type RoutingCandidate = MatchedWorkflow & { department: string; category: string; subCategory: string | null };

/**
 * The rule that picks a workflow among deployed ones (pure; the dry run calls it with a hypothetical set):
 * same department and category (case-insensitive); an exact sub-category match wins over a workflow without
 * sub-category; two candidates at the same level are a configuration error.
 */
export function pickWorkflow(all: RoutingCandidate[], t: RoutingTicket): Match {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const candidates = all
    .filter((w) => same(w.department, t.department) && same(w.category, t.category))
    .sort((a, b) => a.id - b.id);
  const sub = t.subCategory?.trim().toLowerCase() || null;
  const exact = sub ? candidates.filter((w) => w.subCategory?.trim().toLowerCase() === sub) : [];
  const generic = candidates.filter((w) => !w.subCategory?.trim());
  const where = `${t.department} / ${t.category}${t.subCategory ? ` / ${t.subCategory}` : ''}`;
  for (const level of [exact, generic]) {
    if (level.length === 1) {
      const { id, name, currentVersionId, calendarId } = level[0];
      return { workflow: { id, name, currentVersionId, calendarId } };
    }
    if (level.length > 1) {
      return {
        code: 'AMBIGUOUS_WORKFLOW',
        reason: `Configuration error: workflows ${level.map((w) => `#${w.id} "${w.name}"`).join(', ')} all match ${where}; pause all but one`,
      };
    }
  }
  return { code: 'WORKFLOW_NOT_FOUND', reason: `No deployed workflow matches ${where}` };
}

/** Deployed workflows that could take tickets of a department and category. */
export async function deployedCandidates(tx: Tx, t: { department: string; category: string }): Promise<RoutingCandidate[]> {
  return tx.workflow.findMany({
    where: {
      status: 'deployed',
      currentVersionId: { not: null },
      department: { equals: t.department, mode: 'insensitive' },
      category: { equals: t.category, mode: 'insensitive' },
    },
    select: {
      id: true,
      name: true,
      department: true,
      category: true,
      subCategory: true,
      currentVersionId: true,
      calendarId: true,
    },
    orderBy: { id: 'asc' },
  });
}

/** The deployed workflow that takes a ticket now (see `pickWorkflow`). */
export async function matchWorkflow(tx: Tx, t: RoutingTicket): Promise<Match> {
  return pickWorkflow(await deployedCandidates(tx, t), t);
}

type StartResult = { taskId: number } | { code: 'NO_ACTIVE_MEMBER' | 'WORKFLOW_NOT_FOUND'; reason: string };
type RoutedTicket = { id: number; ticketNumber: string; subject: string; priority: string };

/**
 * Create the task of a ticket on the workflow's current version: owner = next Ticket Coordinator,
 * first assignee = next active member of the start step's role. Writes nothing when that role is empty.
 * The caller marks the ticket routed.
 */
async function startTask(
  tx: Tx,
  actor: Actor,
  ticket: RoutedTicket,
  wf: MatchedWorkflow,
  now = new Date(),
): Promise<StartResult> {
  const version = wf.currentVersionId ? await loadVersion(tx, wf.currentVersionId) : null;
  if (!version) return { code: 'WORKFLOW_NOT_FOUND', reason: `Workflow #${wf.id} has no deployed version` };
  const snap = version.snapshot;
  const start = startStepOf(snap);
  if (!start) return { code: 'WORKFLOW_NOT_FOUND', reason: `Workflow #${wf.id} has no start step` };
  const members = await activeUsersInRole(start.role_id, tx);
  const coordinators = await activeUsersWithRole('hdts', 'Ticket Coordinator', tx);
  if (!members.length) {
    return {
      code: 'NO_ACTIVE_MEMBER',
      reason: `Role "${start.role_name}" of start step "${start.name}" in workflow "${wf.name}" has no active member`,
    };
  }
  const [assignee, owner] = (await nextMembers(tx, [
    { key: rolePool(start.role_id), members },
    { key: COORDINATOR_POOL, members: coordinators },
  ])) as [(typeof members)[number], (typeof coordinators)[number] | null];
  const sla = slaSecondsFor(snap.slas, ticket.priority);
  // a new clock: the workflow's calendar (24×7 without one), no pauses yet
  const facts: ClockFacts = { calendar: await loadCalendar(tx, wf.calendarId), pauses: [], paused: false };
  const taskWindow = windowColumns(facts, now, sla);
  const task = await tx.task.create({
    data: {
      ticketId: ticket.id,
      workflowId: wf.id,
      versionId: version.id,
      currentStepId: start.id,
      status: 'pending',
      ownerId: owner?.id ?? null,
      slaSeconds: sla,
      calendarId: wf.calendarId,
      ...taskWindow,
      slaLevel: 0,
      startedAt: now,
    },
    select: { id: true },
  });
  const firstItem = await tx.taskItem.create({
    data: {
      taskId: task.id,
      userId: assignee.id,
      roleId: start.role_id,
      stepId: start.id,
      stepName: start.name,
      origin: 'System',
      assignedOn: now,
      ...newItemClock(facts, now, stepSlaSeconds(sla, start.weight, weightsOf(snap))),
    },
    select: { id: true },
  });
  await tx.taskItemHistory.create({
    data: { taskItemId: firstItem.id, status: 'new', origin: 'System', notes: 'Task assigned', createdAt: now },
    select: { id: true },
  });
  await notifyAssignee(tx, {
    userId: assignee.id,
    taskItemId: firstItem.id,
    taskId: task.id,
    ticketNumber: ticket.ticketNumber,
    subject: ticket.subject,
    stepName: start.name,
    origin: 'System',
    sentWithRouting: true,
  });
  // One delivery tells the help desk everything routing decided. One clock per ticket: the workflow's target
  // becomes the help desk's resolution target.
  await enqueue(tx, MESSAGES.ticketRouted, {
    ticket_number: ticket.ticketNumber,
    sla: {
      started_at: now.toISOString(),
      resolution_due_at: taskWindow.targetResolution?.toISOString() ?? null,
      due_soon_at: taskWindow.slaDueSoonAt?.toISOString() ?? null,
      at_risk_at: taskWindow.slaAtRiskAt?.toISOString() ?? null,
      changed_at: now.toISOString(),
      workflow_id: wf.id,
    },
    assignee: { assignee_id: assignee.id, task_item_id: firstItem.id },
    owner_id: owner?.id ?? null,
  });
  if (!owner) await flagWithoutOwner(tx, ticket);
  await writeAudit(tx, actor, {
    context: 'workflow',
    action: 'task_created',
    entityType: 'task',
    entityId: task.id,
    newValues: {
      ticket_number: ticket.ticketNumber,
      workflow_id: wf.id,
      version: version.version,
      assignee_id: assignee.id,
      owner_id: owner?.id ?? null,
    },
  });
  return { taskId: task.id };
}

export const NO_ACTIVE_COORDINATOR = 'NO_ACTIVE_COORDINATOR';

/**
 * No active Ticket Coordinator could own the ticket: the work goes on (the task has its assignee), but the ticket
 * joins the admins' attention list and the admins of both systems are told, until someone is made its owner.
 */
async function flagWithoutOwner(tx: Tx, ticket: RoutedTicket) {
  const reason = 'No active Ticket Coordinator could own this ticket; give it an owner';
  await tx.workflowTicket.update({
    where: { id: ticket.id },
    data: { unassignedCode: NO_ACTIVE_COORDINATOR, unassignedReason: reason },
  });
  const admins = [...(await activeUsersWithRole('tts', 'Admin', tx)), ...(await activeUsersWithRole('hdts', 'Admin', tx))];
  const ids = [...new Set(admins.map((a) => a.id))];
  if (ids.length) {
    await enqueue(tx, NOTIFY_MESSAGE, {
      user_ids: ids,
      type: 'workflow_unassigned',
      title: `Ticket ${ticket.ticketNumber} has no owner`,
      message: reason,
      ticket_number: ticket.ticketNumber,
      link: '/admin/workflows/unassigned',
      dedupe_key: `workflow-no-owner:${ticket.ticketNumber}`,
    });
  }
  logger.warn('process_ticket: ticket has no owner', { code: NO_ACTIVE_COORDINATOR, ticket_number: ticket.ticketNumber });
}

export type ProcessOutcome =
  | { outcome: 'routed'; taskId: number }
  | { outcome: 'duplicate' }
  | { outcome: 'unassigned'; code: string; reason: string };

/** The tts.process_ticket consumer: idempotent per ticket number (DUPLICATE_TICKET changes nothing). */
export async function processTicket(raw: ProcessTicketPayload | unknown, now = new Date()): Promise<ProcessOutcome> {
  const parsed = processTicketPayload.safeParse(raw);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    logger.error('process_ticket: invalid payload', { error: msg });
    throw new PermanentJobError('INVALID_PAYLOAD', `Invalid payload: ${msg}`);
  }
  const p = parsed.data;
  return transaction(async (tx) => {
    // One delivery wins per ticket number: the insert's unique key serialises concurrent duplicates.
    const inserted = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "workflow"."tickets" ("ticket_number", "subject", "description", "department", "category", "sub_category", "priority",
        "employee_id", "employee_name", "employee_email", "hdts_status", "ticket_created_at", "payload", "routing", "updated_at")
      VALUES (${p.ticket_number}, ${p.subject}, ${p.description}, ${p.department}, ${p.category}, ${p.sub_category?.trim() || null}, ${p.priority},
        ${p.employee_id}, ${p.employee_name}, ${p.employee_email}, ${p.status}, ${new Date(p.created_at)}, ${JSON.stringify(p)}::jsonb, 'routed', now())
      ON CONFLICT ("ticket_number") DO NOTHING
      RETURNING "id"`;
    if (!inserted.length) {
      logger.info('process_ticket: duplicate delivery skipped', { code: 'DUPLICATE_TICKET', ticket_number: p.ticket_number });
      return { outcome: 'duplicate' } as const;
    }
    const ticketId = inserted[0].id;
    await writeAudit(tx, SYSTEM_ACTOR, {
      context: 'workflow',
      action: 'ticket_received',
      entityType: 'ticket',
      entityId: p.ticket_number,
      newValues: { department: p.department, category: p.category, sub_category: p.sub_category ?? null, priority: p.priority },
    });
    const match = await matchWorkflow(tx, {
      department: p.department,
      category: p.category,
      subCategory: p.sub_category ?? null,
    });
    // The row was inserted as routed; it is marked unassigned below when no task could be started.
    const routed = { id: ticketId, ticketNumber: p.ticket_number, subject: p.subject, priority: p.priority };
    const result = 'workflow' in match ? await startTask(tx, SYSTEM_ACTOR, routed, match.workflow, now) : match;
    if ('taskId' in result) return { outcome: 'routed', taskId: result.taskId } as const;
    await tx.workflowTicket.update({
      where: { id: ticketId },
      data: { routing: 'unassigned', unassignedCode: result.code, unassignedReason: result.reason },
    });
    const log = result.code === 'AMBIGUOUS_WORKFLOW' ? logger.error : logger.warn;
    log('process_ticket: ticket left unassigned', { code: result.code, ticket_number: p.ticket_number, reason: result.reason });
    // Reported to the workflow admins, who can fix the configuration or assign a workflow by hand.
    const admins = await activeUsersWithRole('tts', 'Admin', tx);
    if (admins.length) {
      await enqueue(tx, NOTIFY_MESSAGE, {
        user_ids: admins.map((a) => a.id),
        type: 'workflow_unassigned',
        title:
          result.code === 'AMBIGUOUS_WORKFLOW'
            ? `Workflow configuration error: ${p.ticket_number}`
            : `Ticket ${p.ticket_number} needs a workflow`,
        message: result.reason,
        ticket_number: p.ticket_number,
        link: '/admin/workflows/unassigned',
        dedupe_key: `workflow-unassigned:${p.ticket_number}`,
      });
    }
    await writeAudit(tx, SYSTEM_ACTOR, {
      context: 'workflow',
      action: 'ticket_unassigned',
      entityType: 'ticket',
      entityId: p.ticket_number,
      newValues: { code: result.code, reason: result.reason },
    });
    return { outcome: 'unassigned', code: result.code, reason: result.reason } as const;
  });
}

/** An admin routes an unassigned ticket to a deployed workflow: the same task creation as automatic routing. */
export async function assignWorkflowManually(actor: Actor, ticketNumber: string, workflowId: number) {
  assertCanManageWorkflows(actor);
  const ticket = await db.workflowTicket.findUnique({ where: { ticketNumber } });
  if (!ticket) throw notFound('Ticket', 'TICKET_NOT_FOUND');
  const wf = await db.workflow.findUnique({
    where: { id: workflowId },
    select: { id: true, name: true, status: true, currentVersionId: true, calendarId: true },
  });
  if (!wf) throw notFound('Workflow', 'WORKFLOW_NOT_FOUND');
  if (wf.status !== 'deployed') throw conflict('Only a deployed workflow can receive tickets', 'WORKFLOW_NOT_DEPLOYED');
  return transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { routing: string }[]
    >`SELECT routing FROM "workflow"."tickets" WHERE id = ${ticket.id} FOR UPDATE`;
    if (locked[0]?.routing !== 'unassigned') throw conflict('The ticket is already in a workflow', 'ALREADY_ROUTED');
    const result = await startTask(tx, actor, ticket, wf);
    if (!('taskId' in result)) throw conflict(result.reason, result.code);
    await tx.workflowTicket.update({
      where: { id: ticket.id },
      data: { routing: 'routed', unassignedCode: null, unassignedReason: null },
    });
    await writeAudit(tx, actor, {
      context: 'workflow',
      action: 'ticket_assigned_manually',
      entityType: 'ticket',
      entityId: ticketNumber,
      newValues: { workflow_id: workflowId, task_id: result.taskId },
    });
    return {
      status: 'success',
      ticket_number: ticketNumber,
      workflow_id: workflowId,
      task_id: result.taskId,
      message: 'Ticket assigned to the workflow',
    };
  });
}

/** tts.receive_hdts_ticket_status: Withdrawn/Rejected close; Closed stores CSAT and times; Reopened reopens. */
type WorkflowTicketRow = NonNullable<Awaited<ReturnType<typeof db.workflowTicket.findUnique>>>;
type TaskRow = Awaited<ReturnType<Tx['task']['findFirst']>>;

/** Withdrawn or Rejected in the help desk: the task and its open assignments close. */
async function closeForHdts(tx: Tx, ticket: WorkflowTicketRow, task: TaskRow, p: HdtsTicketStatusPayload) {
  await tx.workflowTicket.update({
    where: { id: ticket.id },
    data: {
      hdtsStatus: p.status,
      dateCompleted: p.date_completed ? new Date(p.date_completed) : ticket.dateCompleted,
      timeClosed: p.time_closed ? new Date(p.time_closed) : ticket.timeClosed,
    },
  });
  if (!task || !OPEN_TASK.includes(task.status)) return;
  const now = new Date();
  const open = await tx.taskItem.findMany({ where: { taskId: task.id, status: { in: OPEN_ITEM } } });
  for (const item of open) {
    await tx.taskItem.update({
      where: { id: item.id },
      data: {
        status: 'closed',
        actedOn: now,
        history: {
          create: {
            status: 'closed',
            origin: 'System',
            notes: `Ticket ${p.status.toLowerCase()} in the help desk${p.reason ? `: ${p.reason}` : ''}`,
          },
        },
      },
    });
  }
  await tx.task.update({ where: { id: task.id }, data: { status: 'closed', completedAt: now } });
}

/**
 * Closed in the help desk: the workflow's copy keeps the CSAT and completion times, and the status unless
 * tts.update_sla_status already brought a later one (a reopen right after the close), so it never goes stale.
 */
async function recordHdtsClosed(tx: Tx, ticket: WorkflowTicketRow, p: HdtsTicketStatusPayload) {
  // read under the row lock the caller holds: the payload as the last status delivery left it
  const { payload } = await tx.workflowTicket.findUniqueOrThrow({ where: { id: ticket.id }, select: { payload: true } });
  const stored = (payload ?? {}) as Record<string, unknown>;
  const later =
    typeof stored.sla_status_changed_at === 'string' &&
    !!p.time_closed &&
    Date.parse(stored.sla_status_changed_at) > Date.parse(p.time_closed);
  await tx.workflowTicket.update({
    where: { id: ticket.id },
    data: {
      ...(later ? {} : { hdtsStatus: 'Closed' }),
      csatRating: p.csat_rating ?? ticket.csatRating,
      feedback: p.feedback ?? ticket.feedback,
      dateCompleted: p.date_completed ? new Date(p.date_completed) : ticket.dateCompleted,
      timeClosed: p.time_closed ? new Date(p.time_closed) : ticket.timeClosed,
    },
  });
}

/**
 * Reopened in the help desk: a completed task starts again at its first step with the role's next member. The
 * copy's status (Open, then In Progress) comes with tts.update_sla_status; "Reopened" is not a help-desk status.
 */
async function reopenForHdts(tx: Tx, ticket: WorkflowTicketRow, task: TaskRow, p: HdtsTicketStatusPayload) {
  if (task?.status !== 'completed') return;
  const version = await loadVersion(tx, task.versionId);
  if (!version) throw new Error(`Task ${task.id} refers to a missing version`);
  const snap = version.snapshot;
  const start = startStepOf(snap);
  const members = start ? await activeUsersInRole(start.role_id, tx) : [];
  const assignee = start ? await nextMember(tx, rolePool(start.role_id), members) : null;
  if (!start || !assignee) return;
  const now = new Date();
  await tx.task.update({
    where: { id: task.id },
    data: { status: 'in_progress', completedAt: null, currentStepId: start.id, slaOutcome: null, slaOutcomeAt: null },
  });
  const item = await tx.taskItem.create({
    data: {
      taskId: task.id,
      userId: assignee.id,
      roleId: start.role_id,
      stepId: start.id,
      stepName: start.name,
      origin: 'System',
      assignedOn: now,
      ...newItemClock(await clockFacts(tx, task, now), now, stepSlaSeconds(task.slaSeconds, start.weight, weightsOf(snap))),
      history: { create: { status: 'new', origin: 'System', notes: `Ticket reopened${p.reason ? `: ${p.reason}` : ''}` } },
    },
    select: { id: true },
  });
  // Like any new assignment: the agent is told, joins the conversation, and the help desk records them.
  await notifyAssignee(tx, {
    userId: assignee.id,
    taskItemId: item.id,
    taskId: task.id,
    ticketNumber: ticket.ticketNumber,
    subject: ticket.subject,
    stepName: start.name,
    origin: 'System',
  });
}

/**
 * tts.update_ticket_attachments: the ticket's files changed in the help desk after approval. The newest list
 * wins (an older delivery arriving late changes nothing); the staff pages of the ticket re-read.
 */
export async function updateTicketAttachments(p: UpdateTicketAttachmentsPayload) {
  await transaction(async (tx) => {
    const [ticket] = await tx.$queryRaw<{ id: number; payload: Record<string, unknown> | null }[]>`
      SELECT id, payload FROM "workflow"."tickets" WHERE ticket_number = ${p.ticket_number} FOR UPDATE`;
    // retried, not dead-lettered at once: the ticket's tts.process_ticket may still be on its way
    if (!ticket) throw new Error(`Ticket ${p.ticket_number} has not reached the workflow engine yet`);
    const stored = ticket.payload ?? {};
    const previous =
      typeof stored.attachments_changed_at === 'string' ? Date.parse(stored.attachments_changed_at) : Number.NEGATIVE_INFINITY;
    if (previous > Date.parse(p.changed_at)) return;
    await tx.workflowTicket.update({
      where: { id: ticket.id },
      data: { payload: { ...stored, attachments: p.attachments, attachments_changed_at: p.changed_at } },
    });
    const task = await tx.task.findFirst({ where: { ticketId: ticket.id }, orderBy: { id: 'desc' }, select: { id: true } });
    if (task) publishTaskChange(tx, { ticketNumber: p.ticket_number, taskId: task.id, action: 'attachments_updated' });
  });
}

export async function receiveHdtsTicketStatus(raw: HdtsTicketStatusPayload | unknown) {
  const parsed = hdtsTicketStatusPayload.safeParse(raw);
  if (!parsed.success)
    throw new PermanentJobError('INVALID_STATUS', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const p = parsed.data;
  const ticket = await db.workflowTicket.findUnique({ where: { ticketNumber: p.ticket_number } });
  if (!ticket) {
    logger.warn('receive_hdts_ticket_status: unknown ticket', { code: 'TICKET_NOT_FOUND', ticket_number: p.ticket_number });
    throw new PermanentJobError('TICKET_NOT_FOUND', `No workflow ticket ${p.ticket_number}`);
  }
  await transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "workflow"."tickets" WHERE id = ${ticket.id} FOR UPDATE`;
    const task = await tx.task.findFirst({ where: { ticketId: ticket.id }, orderBy: { id: 'desc' } });
    if (p.status === 'Withdrawn' || p.status === 'Rejected') await closeForHdts(tx, ticket, task, p);
    else if (p.status === 'Closed') await recordHdtsClosed(tx, ticket, p);
    else if (p.status === 'Reopened') await reopenForHdts(tx, ticket, task, p);
    await writeAudit(tx, SYSTEM_ACTOR, {
      context: 'workflow',
      action: `hdts_status_${p.status.toLowerCase()}`,
      entityType: 'ticket',
      entityId: p.ticket_number,
      newValues: { status: p.status, csat_rating: p.csat_rating ?? null },
    });
  });
}
