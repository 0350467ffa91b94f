/** Reads of tasks, assignments, logs, visualization, audit and unassigned tickets. Reading never writes. */

import { z } from 'zod';
import { type DirectoryUser, usersByIds } from '@/lib/domain/identity/directory';
import { db, type Prisma } from '@/lib/server/db';
import type { Actor } from '../actor';
import { type TicketAttachmentRef, ticketAttachmentRef } from '../contracts/messages';
import { notFound } from '../errors';
import { Page, skipTake } from '../pagination';
import { ownedTaskIdsInSlaState } from '../reporting/sla-state';
import type { BusinessCalendar } from '../sla/business-time';
import { businessCalendarOf } from '../sla/calendar-store';
import type { BusinessFacts } from '../sla/clock';
import {
  assertCanListMine,
  assertCanListOwned,
  assertCanManageWorkflows,
  assertSeesAll,
  assertStaff,
  canSeeTask,
  seesAllTasks,
} from './policy';
import type { AuditQuery, LogsQuery, OwnedTicketsQuery, TaskListQuery } from './schemas';
import { slaView } from './sla-view';
import { asSnapshot, OPEN_ITEM, OPEN_TASK, stepOf } from './snapshot';

const taskInclude = {
  ticket: true,
  version: true,
  items: { orderBy: { id: 'asc' }, include: { history: { orderBy: { id: 'asc' } } } },
  pauses: { orderBy: { startedAt: 'asc' } },
} satisfies Prisma.TaskInclude;
type TaskRow = Prisma.TaskGetPayload<{ include: typeof taskInclude }>;
type Calendars = Map<number, BusinessCalendar>;

/** The calendars the tasks' clocks run on, by id (one query for a page of tasks). */
async function calendarsOf(tasks: { calendarId: number | null }[]): Promise<Calendars> {
  const ids = [...new Set(tasks.map((t) => t.calendarId).filter((id): id is number => id != null))];
  if (!ids.length) return new Map();
  const rows = await db.slaCalendar.findMany({ where: { id: { in: ids } } });
  return new Map(rows.map((c) => [c.id, businessCalendarOf(c)]));
}

/** What a task's share of business time is counted on: its calendar (null = 24×7) and its pauses. */
function businessOf(t: TaskRow, calendars: Calendars): BusinessFacts {
  return {
    calendar: t.calendarId == null ? null : (calendars.get(t.calendarId) ?? null),
    pauses: t.pauses.map((p) => ({ from: p.startedAt.getTime(), to: p.endedAt?.getTime() ?? null })),
  };
}

const TASK_STATUS_LABEL: Record<string, string> = {
  pending: 'pending',
  in_progress: 'in_progress',
  completed: 'completed',
  closed: 'closed',
};

async function namesFor(tasks: TaskRow[]): Promise<Map<number, DirectoryUser>> {
  return usersByIds(tasks.flatMap((t) => [t.ownerId ?? 0, ...t.items.map((i) => i.userId)]));
}

export function taskDto(t: TaskRow, users: Map<number, DirectoryUser>, calendars: Calendars, now = new Date()) {
  const business = businessOf(t, calendars);
  const snap = asSnapshot(t.version.snapshot);
  const step = stepOf(snap, t.currentStepId);
  const open = t.items.filter((i) => OPEN_ITEM.includes(i.status));
  const current = open.at(-1) ?? null;
  const sla = slaView(
    t.startedAt,
    t.targetResolution,
    t.status === 'completed' || t.status === 'closed' ? (t.completedAt ?? now) : null,
    now,
    t.slaPausedAt,
    t,
    business,
  );
  const stepSla = current
    ? slaView(current.slaStartedAt ?? current.assignedOn, current.targetResolution, null, now, t.slaPausedAt, current, business)
    : null;
  return {
    task_id: t.id,
    ticket_number: t.ticket.ticketNumber,
    ticket_id: t.ticket.ticketNumber,
    ticket_subject: t.ticket.subject,
    ticket_description: t.ticket.description,
    title: t.ticket.subject,
    status: TASK_STATUS_LABEL[t.status] ?? t.status,
    priority: t.ticket.priority,
    category: t.ticket.category,
    sub_category: t.ticket.subCategory,
    department: t.ticket.department,
    employee: { id: t.ticket.employeeId, name: t.ticket.employeeName, email: t.ticket.employeeEmail },
    hdts_status: t.ticket.hdtsStatus,
    workflow_id: t.workflowId,
    workflow_name: snap.name,
    version: t.version.version,
    current_step: step?.name ?? null,
    current_step_id: step?.id ?? null,
    current_step_role: step?.role_name ?? null,
    instruction: step?.instruction ?? '',
    task_item_id: current?.id ?? null,
    assigned_to: current ? (users.get(current.userId)?.name ?? null) : null,
    assigned_user: current?.userId ?? null,
    owner_id: t.ownerId,
    owner_name: t.ownerId ? (users.get(t.ownerId)?.name ?? null) : null,
    is_escalated: !!t.ownerEscalatedAt || t.items.some((i) => i.status === 'escalated'),
    is_transferred: t.ownerTransferred || t.items.some((i) => i.status === 'reassigned'),
    // 001 §7: who holds the task now, in the role of its step, and how far they are
    current_owner: current
      ? {
          user_id: current.userId,
          user_full_name: users.get(current.userId)?.name ?? null,
          role: step?.role_name ?? null,
          status: current.status,
        }
      : null,
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
    started_at: t.startedAt.toISOString(),
    completed_at: t.completedAt?.toISOString() ?? null,
    ...sla,
    sla_outcome: t.slaOutcome as 'met' | 'breached' | null,
    sla_outcome_at: t.slaOutcomeAt?.toISOString() ?? null,
    sla_deadline: sla.target_resolution,
    step_sla: stepSla,
    csat_rating: t.ticket.csatRating,
    // 002/003's nested shapes beside the flat fields above (issue 16; docs/api-contract.md).
    ...nestedShapes(t, step, current ? (users.get(current.userId) ?? null) : null, current?.userId ?? null, sla.is_breached),
  };
}

/** 002's task detail objects: `workflow`, `ticket`, `assignee` (002's `assigned_user` object), `current_step_detail`. */
function nestedShapes(
  t: TaskRow,
  step: ReturnType<typeof stepOf>,
  assignee: DirectoryUser | null,
  assigneeId: number | null,
  breached: boolean,
) {
  return {
    external_ticket_id: t.ticket.ticketNumber,
    is_sla_breached: breached,
    workflow: { workflow_id: t.workflowId, name: asSnapshot(t.version.snapshot).name, version: t.version.version },
    ticket: {
      ticket_number: t.ticket.ticketNumber,
      ticket_id: t.ticket.ticketNumber,
      subject: t.ticket.subject,
      priority: t.ticket.priority,
      status: t.ticket.hdtsStatus,
      department: t.ticket.department,
      category: t.ticket.category,
      sub_category: t.ticket.subCategory,
    },
    assignee: assigneeId
      ? { id: assigneeId, username: assignee?.username ?? null, email: assignee?.email ?? null, name: assignee?.name ?? null }
      : null,
    current_step_detail: step ? { step_id: step.id, name: step.name, role: step.role_name, role_id: step.role_id } : null,
  };
}

function priorityWhere(p: string | undefined): Prisma.TaskWhereInput {
  if (!p) return {};
  return { ticket: { priority: { equals: p, mode: 'insensitive' } } };
}

function searchWhere(s: string | undefined): Prisma.TaskWhereInput {
  if (!s) return {};
  return {
    ticket: {
      OR: [
        { subject: { contains: s, mode: 'insensitive' } },
        { description: { contains: s, mode: 'insensitive' } },
        { ticketNumber: { contains: s, mode: 'insensitive' } },
      ],
    },
  };
}

function statusWhere(status: string | undefined, tab: string | undefined): Prisma.TaskWhereInput {
  const out: Prisma.TaskWhereInput[] = [];
  if (tab === 'active') out.push({ status: { in: OPEN_TASK } });
  if (tab === 'inactive') out.push({ status: { notIn: OPEN_TASK } });
  if (status === 'active') out.push({ status: { in: OPEN_TASK } });
  else if (status === 'resolved' || status === 'completed') out.push({ status: 'completed' });
  else if (status) out.push({ status });
  return out.length ? { AND: out } : {};
}

async function pageOf(where: Prisma.TaskWhereInput, q: { page: number; page_size: number }) {
  const [count, rows] = await Promise.all([
    db.task.count({ where }),
    db.task.findMany({
      where,
      include: taskInclude,
      orderBy: [{ targetResolution: { sort: 'asc', nulls: 'last' } }, { id: 'desc' }],
      ...skipTake(q),
    }),
  ]);
  const [users, calendars] = await Promise.all([namesFor(rows), calendarsOf(rows)]);
  const now = new Date();
  return new Page(
    count,
    rows.map((r) => taskDto(r, users, calendars, now)),
    q.page,
    q.page_size,
  );
}

/** 000 §2: tasks owned by the calling Ticket Coordinator. */
export async function ownedTickets(actor: Actor, q: OwnedTicketsQuery) {
  assertCanListOwned(actor);
  const now = new Date();
  // the one clock's thresholds (lib/domain/reporting/sla-state.ts → lib/domain/sla/clock.ts); `due_soon` is the
  // older name of at_risk (80 % of the window used, not yet due)
  const slaState = q.sla === 'due_soon' ? 'at_risk' : q.sla;
  const slaWhere: Prisma.TaskWhereInput = slaState ? { id: { in: await ownedTaskIdsInSlaState(actor.id, slaState, now) } } : {};
  return pageOf(
    {
      AND: [
        { ownerId: actor.id },
        statusWhere(q.status, q.tab),
        priorityWhere(q.priority),
        searchWhere(q.search),
        q.category ? { ticket: { category: { equals: q.category, mode: 'insensitive' } } } : {},
        slaWhere,
        q.completed_after ? { completedAt: { gte: q.completed_after } } : {},
      ],
    },
    q,
  );
}

/** Assignments of the caller (open ones on the active tab), each with its task. */
export async function myTasks(actor: Actor, q: TaskListQuery) {
  assertCanListMine(actor);
  const itemWhere: Prisma.TaskItemWhereInput = {
    userId: actor.id,
    ...(q.tab === 'inactive'
      ? { status: { notIn: OPEN_ITEM } }
      : q.tab === 'active' || q.status === 'active'
        ? { status: { in: OPEN_ITEM } }
        : {}),
    task: {
      AND: [
        priorityWhere(q.priority),
        searchWhere(q.search),
        q.workflow_id ? { workflowId: q.workflow_id } : {},
        q.status && q.status !== 'active' ? { status: q.status } : {},
      ],
    },
  };
  const [count, items] = await Promise.all([
    db.taskItem.count({ where: itemWhere }),
    db.taskItem.findMany({
      where: itemWhere,
      orderBy: [{ targetResolution: { sort: 'asc', nulls: 'last' } }, { id: 'desc' }],
      ...skipTake(q),
      select: {
        id: true,
        taskId: true,
        status: true,
        stepName: true,
        origin: true,
        assignedOn: true,
        actedOn: true,
        targetResolution: true,
        slaStartedAt: true,
        slaDueSoonAt: true,
        slaAtRiskAt: true,
      },
    }),
  ]);
  const tasks = await db.task.findMany({ where: { id: { in: [...new Set(items.map((i) => i.taskId))] } }, include: taskInclude });
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const [users, calendars] = await Promise.all([namesFor(tasks), calendarsOf(tasks)]);
  const now = new Date();
  return new Page(
    count,
    items.map((i) => {
      const row = byId.get(i.taskId) as TaskRow;
      const t = taskDto(row, users, calendars, now);
      return {
        ...t,
        task_item_id: i.id,
        task_item_status: i.status,
        step_name: i.stepName,
        origin: i.origin,
        assigned_on: i.assignedOn.toISOString(),
        is_actionable: OPEN_ITEM.includes(i.status) && OPEN_TASK.includes(byId.get(i.taskId)?.status ?? ''),
        step_sla: slaView(
          i.slaStartedAt ?? i.assignedOn,
          i.targetResolution,
          OPEN_ITEM.includes(i.status) ? null : (i.actedOn ?? now),
          now,
          null,
          i,
          businessOf(row, calendars),
        ),
      };
    }),
    q.page,
    q.page_size,
  );
}

/** Task answers for ids already chosen and ordered elsewhere (the admin list filters in SQL), in that order. */
export async function taskDtosInOrder(ids: number[], now = new Date()) {
  if (!ids.length) return [];
  const rows = await db.task.findMany({ where: { id: { in: ids } }, include: taskInclude });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const [users, calendars] = await Promise.all([namesFor(rows), calendarsOf(rows)]);
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [taskDto(r, users, calendars, now)] : [];
  });
}

/** 002/003 list; admins see all, others the tasks they own or were assigned on. */
export async function listTasks(actor: Actor, q: TaskListQuery) {
  assertStaff(actor);
  const assigned = q.assigned_user ?? q.user_id;
  return pageOf(
    {
      AND: [
        seesAllTasks(actor) ? {} : { OR: [{ ownerId: actor.id }, { items: { some: { userId: actor.id } } }] },
        statusWhere(q.status, q.tab),
        priorityWhere(q.priority),
        searchWhere(q.search),
        q.workflow_id ? { workflowId: q.workflow_id } : {},
        q.ticket_number ? { ticket: { ticketNumber: q.ticket_number } } : {},
        assigned ? { items: { some: { userId: assigned, status: { in: OPEN_ITEM } } } } : {},
      ],
    },
    q,
  );
}

async function visibleTask(actor: Actor, where: Prisma.TaskWhereInput) {
  const t = await db.task.findFirst({ where, include: taskInclude, orderBy: { id: 'desc' } });
  if (!t || !canSeeTask(actor, t)) throw notFound('Task', 'TASK_NOT_FOUND');
  return t;
}

function itemLog(i: TaskRow['items'][number], users: Map<number, DirectoryUser>, roleName: string | null) {
  return {
    task_item_id: i.id,
    user_id: i.userId,
    user_full_name: users.get(i.userId)?.name ?? null,
    role: roleName,
    role_id: i.roleId,
    status: i.status,
    origin: i.origin,
    notes: i.notes,
    assigned_on: i.assignedOn.toISOString(),
    acted_on: i.actedOn?.toISOString() ?? null,
    target_resolution: i.targetResolution?.toISOString() ?? null,
    sla_outcome: i.slaOutcome as 'met' | 'breached' | null,
    assigned_on_step_id: i.stepId,
    assigned_on_step_name: i.stepName,
    transferred_to: i.transferredTo,
    transferred_by: i.transferredBy,
    task_history: i.history.map((h) => ({
      task_item_history_id: h.id,
      status: h.status,
      origin: h.origin,
      notes: h.notes,
      created_at: h.createdAt.toISOString(),
    })),
  };
}

function roleNameOf(t: TaskRow, roleId: number): string | null {
  const snap = asSnapshot(t.version.snapshot);
  const s = snap.steps.find((x) => x.role_id === roleId) ?? null;
  if (s) return s.role_name;
  const e = snap.steps.find((x) => x.escalate_to_role_id === roleId);
  return e?.escalate_to_role_name ?? null;
}

/**
 * The ticket's files as the help desk sent them in tts.process_ticket (its `payload`); none for messages
 * without attachments. Each `url` is the help desk's download endpoint, which authorizes the download.
 */
export function ticketAttachments(ticket: { payload: Prisma.JsonValue }): TicketAttachmentRef[] {
  const list = (ticket.payload as { attachments?: unknown } | null)?.attachments;
  const parsed = z.array(ticketAttachmentRef).safeParse(list ?? []);
  return parsed.success ? parsed.data : [];
}

/** One task with its ticket's attachments and every assignment's log (task page, owned ticket page, API). */
export async function getTask(actor: Actor, id: number, now = new Date()) {
  assertStaff(actor);
  const t = await visibleTask(actor, { id });
  const [users, calendars] = await Promise.all([namesFor([t]), calendarsOf([t])]);
  return {
    ...taskDto(t, users, calendars, now),
    attachments: ticketAttachments(t.ticket),
    history: t.items.map((i) => itemLog(i, users, roleNameOf(t, i.roleId))),
  };
}

export async function taskItemDetail(actor: Actor, taskItemId: number) {
  assertStaff(actor);
  const t = await visibleTask(actor, { items: { some: { id: taskItemId } } });
  const [users, calendars] = await Promise.all([namesFor([t]), calendarsOf([t])]);
  const now = new Date();
  const item = t.items.find((i) => i.id === taskItemId) as TaskRow['items'][number];
  const snap = asSnapshot(t.version.snapshot);
  const step = stepOf(snap, item.stepId);
  return {
    ...itemLog(item, users, roleNameOf(t, item.roleId)),
    step: step
      ? { step_id: step.id, name: step.name, instruction: step.instruction, description: step.description, is_end: step.is_end }
      : null,
    step_sla: slaView(
      item.slaStartedAt ?? item.assignedOn,
      item.targetResolution,
      OPEN_ITEM.includes(item.status) ? null : (item.actedOn ?? now),
      now,
      null,
      item,
      businessOf(t, calendars),
    ),
    is_actionable: OPEN_ITEM.includes(item.status) && OPEN_TASK.includes(t.status),
    task: taskDto(t, users, calendars, now),
  };
}

/** 000 §4: every assignment of the ticket's task in order, each with its history. */
export async function taskLogs(actor: Actor, q: LogsQuery) {
  const number = q.ticket_number ?? q.ticket_id;
  const t = await visibleTask(actor, q.task_id ? { id: q.task_id } : { ticket: { ticketNumber: number } });
  const users = await namesFor([t]);
  return {
    task_id: t.id,
    ticket_id: t.ticket.ticketNumber,
    ticket_number: t.ticket.ticketNumber,
    workflow_id: t.workflowId,
    workflow_name: asSnapshot(t.version.snapshot).name,
    version: t.version.version,
    logs: t.items.map((i) => itemLog(i, users, roleNameOf(t, i.roleId))),
  };
}

/** Nodes and edges of a workflow (its current definition) or of a task's version with progress. */
export async function workflowVisualization(actor: Actor, q: { workflow_id?: number; task_id?: number; ticket_number?: string }) {
  assertStaff(actor);
  if (q.task_id || q.ticket_number) {
    const t = await visibleTask(actor, q.task_id ? { id: q.task_id } : { ticket: { ticketNumber: q.ticket_number } });
    const snap = asSnapshot(t.version.snapshot);
    const visited = new Set(t.items.map((i) => i.stepId));
    return {
      workflow_id: t.workflowId,
      workflow_name: snap.name,
      version: t.version.version,
      task_id: t.id,
      task_status: t.status,
      nodes: snap.steps.map((s) => ({
        id: s.id,
        name: s.name,
        role: s.role_name,
        is_start: s.is_start,
        is_end: s.is_end,
        state:
          s.id === t.currentStepId && OPEN_TASK.includes(t.status)
            ? 'current'
            : t.status === 'completed' && s.id === t.currentStepId
              ? 'done'
              : visited.has(s.id)
                ? 'done'
                : 'pending',
      })),
      edges: snap.transitions.map((e) => ({ id: e.id, source: e.from_step_id, target: e.to_step_id, name: e.name })),
    };
  }
  const w = await db.workflow.findUnique({
    where: { id: q.workflow_id },
    include: { steps: { orderBy: { order: 'asc' } }, transitions: true },
  });
  if (!w) throw notFound('Workflow', 'WORKFLOW_NOT_FOUND');
  return {
    workflow_id: w.id,
    workflow_name: w.name,
    version: null,
    nodes: w.steps.map((s) => ({
      id: s.id,
      name: s.name,
      role: null,
      role_id: s.roleId,
      is_start: s.isStart,
      is_end: s.isEnd,
      state: 'pending',
    })),
    edges: w.transitions.map((e) => ({ id: e.id, source: e.fromStepId, target: e.toStepId, name: e.name })),
  };
}

/** 002 audit: the workflow context's audit rows (admins). */
export async function workflowAudit(actor: Actor, q: AuditQuery) {
  assertSeesAll(actor);
  const where: Prisma.AuditLogWhereInput = {
    context: q.context,
    ...(q.task_id ? { entityType: 'task', entityId: q.task_id } : {}),
    ...(q.entity_type && !q.task_id ? { entityType: q.entity_type } : {}),
    ...(q.entity_id && !q.task_id ? { entityId: q.entity_id } : {}),
    ...(q.user_id ? { actorId: q.user_id } : {}),
    ...(q.actor ? { actorEmail: { contains: q.actor, mode: 'insensitive' } } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.start_date || q.end_date
      ? { at: { ...(q.start_date ? { gte: q.start_date } : {}), ...(q.end_date ? { lte: q.end_date } : {}) } }
      : {}),
  };
  const [count, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: { id: 'desc' }, ...skipTake(q) }),
  ]);
  return new Page(
    count,
    rows.map((r) => ({
      id: Number(r.id),
      timestamp: r.at.toISOString(),
      user: r.actorEmail ?? 'system',
      user_id: r.actorId,
      action: r.action,
      context: r.context,
      entity_type: r.entityType,
      task_id: r.entityType === 'task' ? r.entityId : null,
      entity_id: r.entityId,
      details: { ...changedField(r.oldValues, r.newValues), old_values: r.oldValues, new_values: r.newValues },
      ip_address: r.ip,
    })),
    q.page,
    q.page_size,
  );
}

/**
 * 002's audit details name one change, `{field, old_value, new_value}`: the entry's first field whose value
 * changed (`status` first), or its only new value; null when the entry changed no single field.
 */
export function changedField(oldValues: unknown, newValues: unknown) {
  const o = oldValues && typeof oldValues === 'object' ? (oldValues as Record<string, unknown>) : {};
  const n = newValues && typeof newValues === 'object' ? (newValues as Record<string, unknown>) : {};
  const keys = Object.keys(n).sort((a, b) => (a === 'status' ? -1 : b === 'status' ? 1 : 0));
  const field = keys.find((k) => k in o && JSON.stringify(o[k]) !== JSON.stringify(n[k])) ?? (keys.length === 1 ? keys[0] : null);
  return { field, old_value: field ? (o[field] ?? null) : null, new_value: field ? (n[field] ?? null) : null };
}

/** Tickets no workflow took, with the reason (admins). */
export async function unassignedTickets(actor: Actor, q: { page: number; page_size: number; search?: string }) {
  assertCanManageWorkflows(actor);
  // Tickets no workflow took, and routed tickets no coordinator could own (see flagWithoutOwner).
  const where: Prisma.WorkflowTicketWhereInput = {
    AND: [{ OR: [{ routing: 'unassigned' }, { unassignedCode: 'NO_ACTIVE_COORDINATOR' }] }],
    ...(q.search
      ? {
          OR: [
            { ticketNumber: { contains: q.search, mode: 'insensitive' } },
            { subject: { contains: q.search, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
  const [count, rows] = await Promise.all([
    db.workflowTicket.count({ where }),
    db.workflowTicket.findMany({ where, orderBy: { id: 'asc' }, ...skipTake(q) }),
  ]);
  return new Page(
    count,
    rows.map((t) => ({
      ticket_number: t.ticketNumber,
      subject: t.subject,
      department: t.department,
      category: t.category,
      sub_category: t.subCategory,
      priority: t.priority,
      reason_code: t.unassignedCode,
      reason: t.unassignedReason,
      needs: t.routing === 'unassigned' ? ('workflow' as const) : ('owner' as const),
      received_at: t.receivedAt.toISOString(),
    })),
    q.page,
    q.page_size,
  );
}

/** The caller's newest task on a ticket (for links that name only the ticket, like notification e-mails), or null. */
export async function myTaskIdForTicket(actor: Actor, ticketNumber: string): Promise<number | null> {
  const item = await db.taskItem.findFirst({
    where: { userId: actor.id, task: { ticket: { ticketNumber } } },
    orderBy: { id: 'desc' },
    select: { taskId: true },
  });
  return item?.taskId ?? null;
}
