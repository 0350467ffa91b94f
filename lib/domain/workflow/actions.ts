/** Acting on tasks: transitions (and finalizing), escalation, transfer, ticket ownership. */
import { activeUsersInRole, activeUsersWithRole, userById, usersByIds } from '@/lib/domain/identity/directory';
import { db, type Tx, transaction } from '@/lib/server/db';
import { enqueue } from '@/lib/server/jobs/queue';
import { type Actor, isTtsAdmin } from '../actor';
import { writeAudit } from '../audit';
import { MESSAGES } from '../contracts/messages';
import { AppError, badRequest, conflict, notFound } from '../errors';
import { outcomeColumns } from '../sla/clock';
import { notifyAssignee, publishTaskChange, releaseAssignee } from './notify';
import {
  assertCanActOnItem,
  assertCanTransfer,
  assertCanTransferOwnership,
  assertOwnsTicket,
  canActOnItem,
  canSeeTask,
  canTransfer,
  canTransferOwnership,
} from './policy';
import { nextMember } from './roundrobin';
import { rolePool } from './routing';
import type {
  EscalateInput,
  OwnerEscalateInput,
  OwnerTransferInput,
  TaskActionInput,
  TransferInput,
  TransitionActionInput,
} from './schemas';
import { inheritedClock, stepSlaSeconds } from './sla';
import { clockFacts, newItemClock } from './sla-clock';
import { asSnapshot, OPEN_ITEM, OPEN_TASK, outgoingOf, type SnapStep, stepOf, type VersionSnapshot, weightsOf } from './snapshot';

const ADMIN_POOL = 'owner:hdts:Admin';

async function loadItem(actor: Actor, taskItemId: number) {
  const item = await db.taskItem.findUnique({
    where: { id: taskItemId },
    include: ITEM_INCLUDE,
  });
  if (!item || !canSeeTask(actor, item.task)) throw notFound('Task item', 'TASK_NOT_FOUND');
  return item;
}
export type LoadedItem = Awaited<ReturnType<typeof loadItem>>;

/** The include of an assignment as the actions load it. */
export const ITEM_INCLUDE = {
  task: { include: { version: true, ticket: true, items: { select: { userId: true } } } },
} as const;

/** Re-read an assignment's status under a row lock: two concurrent actions cannot both act. */
async function lockItem(tx: Tx, id: number): Promise<string> {
  const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "workflow"."task_items" WHERE id = ${id} FOR UPDATE`;
  return rows[0]?.status ?? 'missing';
}

/** The SLA clock of an assignment as of now (read under its lock: the monitor may have moved it). */
async function clockOf(tx: Tx, id: number) {
  return tx.taskItem.findUniqueOrThrow({
    where: { id },
    select: {
      assignedOn: true,
      slaStartedAt: true,
      slaLevel: true,
      slaNextAt: true,
      slaSeconds: true,
      slaDueSoonAt: true,
      slaAtRiskAt: true,
    },
  });
}

function assertActionable(item: LoadedItem) {
  if (!OPEN_TASK.includes(item.task.status))
    throw conflict('The task is already completed or closed', 'ALREADY_COMPLETED', { task_status: item.task.status });
  if (!OPEN_ITEM.includes(item.status))
    throw conflict(`This assignment is already ${item.status}`, 'ALREADY_COMPLETED', { task_item_status: item.status });
}

function stepFor(snap: VersionSnapshot, item: { stepId: number }): SnapStep {
  const step = stepOf(snap, item.stepId);
  if (!step) throw new AppError(500, 'INTERNAL_ERROR', 'The task refers to a step missing from its workflow version');
  return step;
}

export interface TransitionOutcome {
  status: 'success';
  task_item_id: number;
  task_id: number;
  new_status: 'resolved';
  task_status: string;
  next_step: string | null;
  next_step_id: number | null;
  next_assignee: string | null;
  next_assignee_id: number | null;
  next_task_item_id: number | null;
  transition: string;
  acted_at: string;
  message: string;
}

type Transition = VersionSnapshot['transitions'][number];

/** A validated transition: where the assignment goes and who may take the next step. */
interface TransitionPlan {
  snap: VersionSnapshot;
  step: SnapStep;
  transition: Transition | null;
  next: SnapStep | null;
  members: { id: number; name: string }[];
}

/** Every check of a transition, before anything is written: the transition exists here, the next role has members. */
async function planTransition(actor: Actor, item: LoadedItem, input: TransitionActionInput): Promise<TransitionPlan> {
  assertCanActOnItem(actor, item);
  assertActionable(item);
  const snap = asSnapshot(item.task.version.snapshot);
  const step = stepFor(snap, item);
  const outgoing = outgoingOf(snap, step.id);
  const invalid = (attempted: string) =>
    new AppError(400, 'INVALID_TRANSITION', 'This transition is not available for the current step', {
      current_step: step.name,
      attempted_transition: attempted,
      available_transitions: [...outgoing.map((t) => t.name), ...(step.is_end ? ['finalize'] : [])],
    });
  const transition = input.transition_id ? (outgoing.find((t) => t.id === input.transition_id) ?? null) : null;
  if (input.transition_id && !transition) {
    const named = snap.transitions.find((t) => t.id === input.transition_id);
    // 003: a transition that does not exist is a 404; one of another step is not available here (400).
    if (!named) throw notFound('Transition', 'TRANSITION_NOT_FOUND');
    throw invalid(named.name);
  }
  if (!transition && !step.is_end) throw invalid('finalize');
  const next = transition ? stepOf(snap, transition.to_step_id) : null;
  let members: { id: number; name: string }[] = [];
  if (next) {
    members = await activeUsersInRole(next.role_id);
    if (!members.length)
      throw conflict(`Role "${next.role_name}" of step "${next.name}" has no active member`, 'NO_ACTIVE_MEMBER', {
        next_step: next.name,
      });
    if (input.next_assignee_id && !members.some((m) => m.id === input.next_assignee_id)) {
      throw badRequest(
        `User ${input.next_assignee_id} is not an active member of role "${next.role_name}"`,
        { next_assignee_id: ["Not an active member of the next step's role"] },
        'INVALID_ASSIGNEE',
      );
    }
  }
  return { snap, step, transition, next, members };
}

/**
 * Execute a transition (or finalize at an end step when none is given). Every check runs before the
 * first write; the caller's assignment is resolved and the next step's role gets its next member.
 */
export async function performTransition(actor: Actor, input: TransitionActionInput): Promise<TransitionOutcome> {
  const item = await loadItem(actor, input.task_item_id);
  const plan = await planTransition(actor, item, input);
  return transaction(async (tx) => {
    if (!OPEN_ITEM.includes(await lockItem(tx, item.id)))
      throw conflict('This assignment has already been acted on', 'ALREADY_COMPLETED');
    const now = new Date();
    await tx.taskItem.update({
      where: { id: item.id },
      data: {
        status: 'resolved',
        notes: input.notes,
        actedOn: now,
        ...outcomeColumns(now, item.targetResolution),
        transitionId: plan.transition?.id ?? null,
        history: { create: { status: 'resolved', origin: 'User Action', notes: input.notes, actorId: actor.id, createdAt: now } },
      },
    });
    return plan.next && plan.transition
      ? advanceTask(tx, actor, item, { ...plan, next: plan.next, transition: plan.transition }, input, now)
      : finalizeTask(tx, actor, item, plan.step, input, now);
  });
}

/** The end step was resolved: the task completes and the help desk hears the ticket is resolved. */
async function finalizeTask(
  tx: Tx,
  actor: Actor,
  item: LoadedItem,
  step: SnapStep,
  input: TransitionActionInput,
  now: Date,
): Promise<TransitionOutcome> {
  const ticketNumber = item.task.ticket.ticketNumber;
  await tx.task.update({
    where: { id: item.taskId },
    data: { status: 'completed', completedAt: now, ...outcomeColumns(now, item.task.targetResolution) },
  });
  await enqueue(tx, MESSAGES.syncTicketStatus, {
    ticket_number: ticketNumber,
    status: 'Resolved',
    event_id: `taskitem:${item.id}:finalize`,
    occurred_at: now.toISOString(),
    note: input.notes,
  });
  await writeAudit(tx, actor, {
    context: 'workflow',
    action: 'task_finalized',
    entityType: 'task',
    entityId: item.taskId,
    newValues: { task_item_id: item.id, step: step.name, notes: input.notes },
  });
  publishTaskChange(tx, { ticketNumber, taskId: item.taskId, action: 'task_finalized' });
  return {
    status: 'success',
    task_item_id: item.id,
    task_id: item.taskId,
    new_status: 'resolved',
    task_status: 'completed',
    next_step: null,
    next_step_id: null,
    next_assignee: null,
    next_assignee_id: null,
    next_task_item_id: null,
    transition: 'finalize',
    acted_at: now.toISOString(),
    message: 'Task completed: the ticket is resolved',
  };
}

/** The task moves to the next step: its role's next member (or the chosen one) gets a new assignment. */
async function advanceTask(
  tx: Tx,
  actor: Actor,
  item: LoadedItem,
  plan: TransitionPlan & { next: SnapStep; transition: Transition },
  input: TransitionActionInput,
  now: Date,
): Promise<TransitionOutcome> {
  const { snap, step, transition, next, members } = plan;
  const ticketNumber = item.task.ticket.ticketNumber;
  const assignee = input.next_assignee_id
    ? (members.find((m) => m.id === input.next_assignee_id) as { id: number; name: string })
    : ((await nextMember(tx, rolePool(next.role_id), members)) as { id: number; name: string });
  const created = await tx.taskItem.create({
    data: {
      taskId: item.taskId,
      userId: assignee.id,
      roleId: next.role_id,
      stepId: next.id,
      stepName: next.name,
      origin: 'System',
      assignedOn: now,
      ...newItemClock(
        await clockFacts(tx, item.task, now),
        now,
        stepSlaSeconds(item.task.slaSeconds, next.weight, weightsOf(snap)),
      ),
      history: {
        create: {
          status: 'new',
          origin: 'System',
          notes: `Assigned after "${transition.name}" from ${step.name}`,
          createdAt: now,
        },
      },
    },
  });
  await tx.task.update({ where: { id: item.taskId }, data: { status: 'in_progress', currentStepId: next.id } });
  await notifyAssignee(tx, {
    userId: assignee.id,
    taskItemId: created.id,
    taskId: item.taskId,
    ticketNumber,
    subject: item.task.ticket.subject,
    stepName: next.name,
    origin: 'System',
  });
  await enqueue(tx, MESSAGES.syncTicketStatus, {
    ticket_number: ticketNumber,
    status: 'In Progress',
    event_id: `taskitem:${item.id}:transition:${transition.id}`,
    occurred_at: now.toISOString(),
    note: `${step.name} → ${next.name}`,
  });
  await writeAudit(tx, actor, {
    context: 'workflow',
    action: 'task_transition',
    entityType: 'task',
    entityId: item.taskId,
    oldValues: { step: step.name, task_item_id: item.id },
    newValues: { step: next.name, transition: transition.name, assignee_id: assignee.id, task_item_id: created.id },
  });
  publishTaskChange(tx, { ticketNumber, taskId: item.taskId, action: 'task_transition' });
  return {
    status: 'success',
    task_item_id: item.id,
    task_id: item.taskId,
    new_status: 'resolved',
    task_status: 'in_progress',
    next_step: next.name,
    next_step_id: next.id,
    next_assignee: assignee.name,
    next_assignee_id: assignee.id,
    next_task_item_id: created.id,
    transition: transition.name,
    acted_at: now.toISOString(),
    message: 'Transition completed successfully',
  };
}

/** 003 §4: act on a task by id; the caller's open assignment on it (or the given one) is the one acted on. */
export async function performTaskAction(actor: Actor, taskId: number, input: TaskActionInput) {
  const task = await db.task.findUnique({ where: { id: taskId }, include: { items: { orderBy: { id: 'asc' } } } });
  if (!task || !canSeeTask(actor, task)) throw notFound('Task', 'TASK_NOT_FOUND');
  const open = task.items.filter((i) => OPEN_ITEM.includes(i.status));
  const item = input.task_item_id
    ? task.items.find((i) => i.id === input.task_item_id)
    : (open.find((i) => i.userId === actor.id) ?? (isTtsAdmin(actor) ? open[0] : undefined) ?? open[0] ?? task.items.at(-1));
  if (!item) throw notFound('Task item', 'TASK_NOT_FOUND');
  const notes = (input.comment ?? input.notes ?? '').trim();
  const r = await performTransition(actor, {
    task_item_id: item.id,
    transition_id: input.action_id === 'finalize' ? null : input.action_id,
    notes,
    next_assignee_id: input.next_assignee_id ?? null,
  });
  return {
    status: r.task_status === 'completed' ? 'completed' : 'transitioned',
    message: r.task_status === 'completed' ? 'Task completed' : 'Task moved to next step',
    task_id: taskId,
    next_step: r.next_step_id
      ? { step_id: r.next_step_id, name: r.next_step, assigned_to: r.next_assignee, task_item_id: r.next_task_item_id }
      : null,
    action_log: { action_log_id: item.id, action: r.transition, user: actor.email, comment: notes, timestamp: r.acted_at },
  };
}

/** Actions the caller may take on a task now (empty once their assignment is no longer actionable). */
export async function availableActions(actor: Actor, taskId: number) {
  const task = await db.task.findUnique({ where: { id: taskId }, include: { version: true, items: { orderBy: { id: 'asc' } } } });
  if (!task || !canSeeTask(actor, task)) throw notFound('Task', 'TASK_NOT_FOUND');
  const snap = asSnapshot(task.version.snapshot);
  const step = stepOf(snap, task.currentStepId);
  const open = task.items.filter((i) => OPEN_ITEM.includes(i.status));
  const mine = open.find((i) => i.userId === actor.id) ?? (isTtsAdmin(actor) ? open[0] : undefined);
  const actionable = !!mine && !!step && OPEN_TASK.includes(task.status) && canActOnItem(actor, mine);
  const actions: { action_id: number | string; name: string; description: string; kind: string; to_step?: string }[] = [];
  if (actionable && step) {
    for (const t of outgoingOf(snap, step.id)) {
      const to = stepOf(snap, t.to_step_id);
      actions.push({
        action_id: t.id,
        name: t.name,
        description: `Move to ${to?.name ?? 'next step'}`,
        kind: 'transition',
        to_step: to?.name,
      });
    }
    if (step.is_end)
      actions.push({
        action_id: 'finalize',
        name: 'Finalize',
        description: 'Complete the task and resolve the ticket',
        kind: 'finalize',
      });
    if (step.escalate_to_role_id)
      actions.push({
        action_id: 'escalate',
        name: 'Escalate',
        description: `Escalate to ${step.escalate_to_role_name}`,
        kind: 'escalate',
      });
    if (isTtsAdmin(actor))
      actions.push({ action_id: 'transfer', name: 'Transfer', description: 'Transfer to another user', kind: 'transfer' });
  }
  return {
    task_id: task.id,
    task_item_id: mine?.id ?? null,
    current_step: step?.name ?? null,
    can_act: actionable,
    available_actions: actions,
  };
}

/** 001 §7: the assignment becomes escalated; the step's escalate-to role's next member gets a new one. */
export async function escalateTask(actor: Actor, input: EscalateInput) {
  const item = await loadItem(actor, input.task_item_id);
  assertCanActOnItem(actor, item);
  if (item.status === 'escalated') throw conflict('This assignment has already been escalated', 'ALREADY_ESCALATED');
  assertActionable(item);
  const snap = asSnapshot(item.task.version.snapshot);
  const step = stepFor(snap, item);
  if (!step.escalate_to_role_id) throw badRequest(`Step "${step.name}" has no escalation role`, {}, 'NO_ESCALATION_ROLE');
  const members = await activeUsersInRole(step.escalate_to_role_id);
  if (!members.length) throw conflict(`Escalation role "${step.escalate_to_role_name}" has no active member`, 'NO_ACTIVE_MEMBER');
  return transaction(async (tx) => {
    const status = await lockItem(tx, item.id);
    if (status === 'escalated') throw conflict('This assignment has already been escalated', 'ALREADY_ESCALATED');
    if (!OPEN_ITEM.includes(status)) throw conflict(`This assignment is already ${status}`, 'ALREADY_COMPLETED');
    return escalateLocked(tx, actor, item, step, members, input.reason, new Date());
  });
}

/**
 * The escalation itself, inside the caller's transaction with the assignment locked and open: a manual
 * escalation and the SLA monitor's automatic one on breach (same step, same target, origin Escalation).
 */
export async function escalateLocked(
  tx: Tx,
  actor: Actor,
  item: LoadedItem,
  step: SnapStep,
  members: { id: number; name: string }[],
  reason: string,
  now: Date,
) {
  const input = { reason };
  await tx.taskItem.update({
    where: { id: item.id },
    data: {
      status: 'escalated',
      notes: input.reason,
      actedOn: now,
      history: {
        create: { status: 'escalated', origin: 'Escalation', notes: input.reason, actorId: actor.id, createdAt: now },
      },
    },
  });
  const to = (await nextMember(tx, rolePool(step.escalate_to_role_id as number), members)) as (typeof members)[number];
  const created = await tx.taskItem.create({
    data: {
      taskId: item.taskId,
      userId: to.id,
      roleId: step.escalate_to_role_id as number,
      stepId: step.id,
      stepName: step.name,
      origin: 'Escalation',
      assignedOn: now,
      targetResolution: item.targetResolution,
      ...inheritedClock(await clockOf(tx, item.id)),
      history: { create: { status: 'new', origin: 'Escalation', notes: `Escalated: ${input.reason}`, createdAt: now } },
    },
  });
  await notifyAssignee(tx, {
    userId: to.id,
    taskItemId: created.id,
    taskId: item.taskId,
    ticketNumber: item.task.ticket.ticketNumber,
    subject: item.task.ticket.subject,
    stepName: step.name,
    origin: 'Escalation',
    previousUserId: item.userId,
  });
  await releaseAssignee(tx, { ticketNumber: item.task.ticket.ticketNumber, userId: item.userId });
  await writeAudit(tx, actor, {
    context: 'workflow',
    action: 'task_escalated',
    entityType: 'task',
    entityId: item.taskId,
    newValues: { from_task_item_id: item.id, task_item_id: created.id, to_user_id: to.id, reason: input.reason },
  });
  publishTaskChange(tx, { ticketNumber: item.task.ticket.ticketNumber, taskId: item.taskId, action: 'task_escalated' });
  return {
    status: 'success',
    task_id: item.taskId,
    task_item_id: item.id,
    new_task_item_id: created.id,
    escalated_to: { user_id: to.id, user_full_name: to.name, role: step.escalate_to_role_name },
    message: 'Task escalated successfully',
  };
}

/** 001 §7: admins move an open assignment to another active user (origin Transferred, same deadline). */
/** Who the caller could transfer an assignment to: the role's other active members (none if they may not transfer). */
export async function transferCandidates(actor: Actor, item: { role_id: number; user_id: number } | undefined) {
  if (!item || !canTransfer(actor)) return [];
  const members = await activeUsersInRole(item.role_id);
  return members.filter((u) => u.id !== item.user_id).map((u) => ({ id: u.id, name: u.name }));
}

export async function transferTask(actor: Actor, input: TransferInput) {
  assertCanTransfer(actor);
  const item = await loadItem(actor, input.task_item_id);
  if (!OPEN_ITEM.includes(item.status))
    throw conflict(`An assignment that is ${item.status} cannot be transferred`, 'NOT_TRANSFERABLE');
  if (!OPEN_TASK.includes(item.task.status)) throw conflict('The task is already completed or closed', 'ALREADY_COMPLETED');
  const target = await userById(input.user_id);
  if (!target) throw notFound('User', 'USER_NOT_FOUND');
  if (!target.isActive)
    throw badRequest('The target user must be an active user', { user_id: ['Choose an active user'] }, 'INVALID_USER');
  if (target.id === item.userId)
    throw badRequest('The assignment already belongs to this user', { user_id: ['Choose a different user'] }, 'INVALID_TRANSFER');
  return transaction(async (tx) => {
    const status = await lockItem(tx, item.id);
    if (!OPEN_ITEM.includes(status)) throw conflict(`An assignment that is ${status} cannot be transferred`, 'NOT_TRANSFERABLE');
    const now = new Date();
    await tx.taskItem.update({
      where: { id: item.id },
      data: {
        status: 'reassigned',
        notes: input.notes,
        actedOn: now,
        transferredTo: target.id,
        transferredBy: actor.id,
        history: {
          create: { status: 'reassigned', origin: 'Transferred', notes: input.notes, actorId: actor.id, createdAt: now },
        },
      },
    });
    const created = await tx.taskItem.create({
      data: {
        taskId: item.taskId,
        userId: target.id,
        roleId: item.roleId,
        stepId: item.stepId,
        stepName: item.stepName,
        origin: 'Transferred',
        assignedOn: now,
        targetResolution: item.targetResolution,
        ...inheritedClock(await clockOf(tx, item.id)),
        transferredBy: actor.id,
        history: {
          create: {
            status: 'new',
            origin: 'Transferred',
            notes: `Transferred: ${input.notes}`,
            actorId: actor.id,
            createdAt: now,
          },
        },
      },
    });
    await notifyAssignee(tx, {
      userId: target.id,
      taskItemId: created.id,
      taskId: item.taskId,
      ticketNumber: item.task.ticket.ticketNumber,
      subject: item.task.ticket.subject,
      stepName: item.stepName,
      origin: 'Transferred',
      previousUserId: item.userId,
    });
    await releaseAssignee(tx, { ticketNumber: item.task.ticket.ticketNumber, userId: item.userId });
    await writeAudit(tx, actor, {
      context: 'workflow',
      action: 'task_transferred',
      entityType: 'task',
      entityId: item.taskId,
      oldValues: { task_item_id: item.id, user_id: item.userId },
      newValues: { from_task_item_id: item.id, task_item_id: created.id, to_user_id: target.id, notes: input.notes },
    });
    publishTaskChange(tx, { ticketNumber: item.task.ticket.ticketNumber, taskId: item.taskId, action: 'task_transferred' });
    return {
      status: 'success',
      task_id: item.taskId,
      task_item_id: item.id,
      new_task_item_id: created.id,
      transferred_to: { user_id: target.id, user_full_name: target.name },
      message: 'Task transferred successfully',
    };
  });
}

async function latestTaskOf(ticketNumber: string) {
  const ticket = await db.workflowTicket.findUnique({ where: { ticketNumber } });
  const task = ticket ? await db.task.findFirst({ where: { ticketId: ticket.id }, orderBy: { id: 'desc' } }) : null;
  if (!ticket || !task) throw notFound('Ticket', 'TICKET_NOT_FOUND');
  return { ticket, task };
}

/** 000 §TTS→HDTS 3: the owning coordinator hands the ticket to the next HDTS admin. */
export async function escalateOwnership(actor: Actor, input: OwnerEscalateInput) {
  const { task } = await latestTaskOf(input.ticket_number);
  assertOwnsTicket(actor, task);
  if (task.ownerEscalatedAt) throw conflict('The ticket has already been escalated', 'ALREADY_ESCALATED');
  const admins = (await activeUsersWithRole('hdts', 'Admin')).filter((u) => u.id !== actor.id);
  if (!admins.length) throw conflict('No active help-desk admin can take the ticket', 'NO_ACTIVE_MEMBER');
  const oldOwner = await userById(actor.id);
  return transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { owner_escalated_at: Date | null; owner_id: number | null }[]
    >`SELECT owner_escalated_at, owner_id FROM "workflow"."tasks" WHERE id = ${task.id} FOR UPDATE`;
    if (rows[0]?.owner_escalated_at) throw conflict('The ticket has already been escalated', 'ALREADY_ESCALATED');
    if (rows[0]?.owner_id !== actor.id) throw conflict('The ticket owner changed meanwhile', 'CONFLICT');
    const admin = (await nextMember(tx, ADMIN_POOL, admins)) as (typeof admins)[number];
    const now = new Date();
    await tx.task.update({ where: { id: task.id }, data: { ownerId: admin.id, ownerEscalatedAt: now } });
    await enqueue(tx, MESSAGES.updateTicketOwner, { ticket_number: input.ticket_number, owner_id: admin.id });
    await writeAudit(tx, actor, {
      context: 'workflow',
      action: 'ticket_owner_escalated',
      entityType: 'task',
      entityId: task.id,
      oldValues: { owner_id: actor.id },
      newValues: { owner_id: admin.id, reason: input.reason, urgency: input.urgency ?? null },
    });
    publishTaskChange(tx, { ticketNumber: input.ticket_number, taskId: task.id, action: 'ticket_owner_escalated' });
    return {
      status: 'success',
      ticket_number: input.ticket_number,
      old_owner: oldOwner?.name ?? actor.name,
      new_owner: admin.name,
      new_owner_id: admin.id,
      escalated_at: now.toISOString(),
      message: 'Ticket escalated successfully',
    };
  });
}

/** 000 §TTS→HDTS 4: HDTS or TTS admins give the ticket to another coordinator. */
/** What the caller may do about a ticket's ownership, and to whom they could transfer it. */
export async function ownershipOptions(actor: Actor, t: { owner_id: number | null; is_escalated: boolean }) {
  const canTransfer = canTransferOwnership(actor);
  const coordinators = canTransfer
    ? (await activeUsersWithRole('hdts', 'Ticket Coordinator'))
        .filter((u) => u.id !== t.owner_id)
        .map((u) => ({ id: u.id, name: u.name }))
    : [];
  return { canEscalate: t.owner_id === actor.id && !t.is_escalated, canTransfer, coordinators };
}

export async function transferOwnership(actor: Actor, input: OwnerTransferInput) {
  assertCanTransferOwnership(actor);
  const { task } = await latestTaskOf(input.ticket_number);
  const target = await userById(input.new_owner_id);
  if (!target) throw notFound('User', 'USER_NOT_FOUND');
  if (!target.isActive)
    throw badRequest('The new owner must be an active user', { new_owner_id: ['Choose an active user'] }, 'INVALID_USER');
  if (target.id === task.ownerId)
    throw badRequest(
      'The ticket is already owned by this user',
      { new_owner_id: ['Choose a different owner'] },
      'INVALID_TRANSFER',
    );
  const eligible = [
    ...(await activeUsersWithRole('hdts', 'Ticket Coordinator')),
    ...(await activeUsersWithRole('hdts', 'Admin')),
  ];
  if (!eligible.some((u) => u.id === target.id)) {
    throw badRequest(
      'The new owner must be a Ticket Coordinator or help-desk admin',
      { new_owner_id: ['Not a Ticket Coordinator'] },
      'INVALID_TRANSFER',
    );
  }
  const names = await usersByIds([task.ownerId ?? 0]);
  return transaction(async (tx) => {
    const now = new Date();
    const locked = await tx.$queryRaw<
      { owner_id: number | null }[]
    >`SELECT owner_id FROM "workflow"."tasks" WHERE id = ${task.id} FOR UPDATE`;
    if (input.expected_owner_id !== undefined && (locked[0]?.owner_id ?? null) !== input.expected_owner_id)
      throw conflict('This ticket changed since you opened it. Reload to see the change, then try again.', 'CONFLICT', {
        owner_id: locked[0]?.owner_id ?? null,
      });
    await tx.task.update({ where: { id: task.id }, data: { ownerId: target.id, ownerTransferred: true } });
    // An owner at last: the ticket leaves the admins' attention list.
    await tx.workflowTicket.updateMany({
      where: { id: task.ticketId, unassignedCode: 'NO_ACTIVE_COORDINATOR' },
      data: { unassignedCode: null, unassignedReason: null },
    });
    await enqueue(tx, MESSAGES.updateTicketOwner, { ticket_number: input.ticket_number, owner_id: target.id });
    await writeAudit(tx, actor, {
      context: 'workflow',
      action: 'ticket_owner_transferred',
      entityType: 'task',
      entityId: task.id,
      oldValues: { owner_id: task.ownerId },
      newValues: { owner_id: target.id, reason: input.reason ?? null },
    });
    publishTaskChange(tx, { ticketNumber: input.ticket_number, taskId: task.id, action: 'ticket_owner_transferred' });
    return {
      status: 'success',
      ticket_number: input.ticket_number,
      old_owner: task.ownerId ? (names.get(task.ownerId)?.name ?? null) : null,
      new_owner: target.name,
      new_owner_id: target.id,
      transferred_by: actor.name,
      transferred_at: now.toISOString(),
    };
  });
}
