/**
 * The admins' list of every task: filters by status, workflow, current step, assignee, SLA state and text, answered
 * by one indexed SQL filter (the SLA state is the one clock's rule, `slaStateSql`, which Prisma's where cannot
 * express), then the page's tasks read in that order. Also what the list's filter and row-action controls offer.
 */
import { activeUsersInRole, activeUsersOfSystem, userById } from '@/lib/domain/identity/directory';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import type { Actor } from '../actor';
import { validationFailed } from '../errors';
import { Page } from '../pagination';
import { slaStateSql } from '../reporting/sla-state';
import { assertSeesAll, canTransfer } from './policy';
import type { AllTasksQuery } from './schemas';
import { OPEN_ITEM, OPEN_TASK } from './snapshot';
import { taskDtosInOrder } from './task-queries';

const STATUS: Record<string, string[]> = {
  active: OPEN_TASK,
  pending: ['pending'],
  in_progress: ['in_progress'],
  completed: ['completed'],
  closed: ['closed'],
};

/** Unknown ids in a filter are bad input (a 400 naming the field), not an empty list. */
async function assertKnownFilters(q: AllTasksQuery) {
  const fields: Record<string, string[]> = {};
  const [workflow, step, user] = await Promise.all([
    q.workflow_id ? db.workflow.findUnique({ where: { id: q.workflow_id }, select: { id: true } }) : null,
    q.step_id ? db.workflowStep.findUnique({ where: { id: q.step_id }, select: { workflowId: true } }) : null,
    (q.assigned_user ?? q.user_id) ? userById((q.assigned_user ?? q.user_id) as number) : null,
  ]);
  if (q.workflow_id && !workflow) fields['query.workflow_id'] = ['No such workflow'];
  if (q.step_id && !step) fields['query.step_id'] = ['No such step'];
  else if (q.step_id && q.workflow_id && workflow && step && step.workflowId !== q.workflow_id)
    fields['query.step_id'] = ['This step belongs to another workflow'];
  if ((q.assigned_user ?? q.user_id) && !user)
    fields[q.assigned_user ? 'query.assigned_user' : 'query.user_id'] = ['No such user'];
  if (Object.keys(fields).length) throw validationFailed(fields);
}

function whereOf(q: AllTasksQuery, now: Date): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const statuses = q.status ? (STATUS[q.status] ?? [q.status]) : null;
  if (statuses) parts.push(Prisma.sql`t.status = ANY(${statuses}::text[])`);
  if (q.tab === 'active') parts.push(Prisma.sql`t.status = ANY(${OPEN_TASK}::text[])`);
  if (q.tab === 'inactive') parts.push(Prisma.sql`t.status <> ALL(${OPEN_TASK}::text[])`);
  if (q.priority) parts.push(Prisma.sql`lower(wt.priority) = ${q.priority}`);
  if (q.workflow_id) parts.push(Prisma.sql`t.workflow_id = ${q.workflow_id}`);
  if (q.step_id) parts.push(Prisma.sql`t.current_step_id = ${q.step_id}`);
  if (q.ticket_number) parts.push(Prisma.sql`wt.ticket_number = ${q.ticket_number}`);
  const assignee = q.assigned_user ?? q.user_id;
  if (assignee)
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM workflow.task_items i
      WHERE i.task_id = t.id AND i.user_id = ${assignee} AND i.status = ANY(${OPEN_ITEM}::text[]))`);
  // The SLA state is a state of open work: a finished task is neither at risk nor breached any more.
  if (q.sla) parts.push(Prisma.sql`t.status = ANY(${OPEN_TASK}::text[]) AND ${slaStateSql('t', now)} = ${q.sla}`);
  if (q.search) {
    const like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(Prisma.sql`(wt.ticket_number ILIKE ${like} OR wt.subject ILIKE ${like} OR wt.description ILIKE ${like})`);
  }
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, ' AND ')}` : Prisma.empty;
}

/** GET /tts/tasks/all-tasks/: every task (admins), soonest due first. */
export async function allTasks(actor: Actor, q: AllTasksQuery, now = new Date()) {
  assertSeesAll(actor);
  await assertKnownFilters(q);
  const where = whereOf(q, now);
  const from = Prisma.sql`FROM workflow.tasks t JOIN workflow.tickets wt ON wt.id = t.ticket_id ${where}`;
  const [count, ids] = await Promise.all([
    db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n ${from}`,
    db.$queryRaw<{ id: number }[]>`SELECT t.id ${from}
      ORDER BY t.target_resolution ASC NULLS LAST, t.id DESC
      LIMIT ${q.page_size} OFFSET ${(q.page - 1) * q.page_size}`,
  ]);
  return new Page(
    Number(count[0]?.n ?? 0),
    await taskDtosInOrder(
      ids.map((r) => r.id),
      now,
    ),
    q.page,
    q.page_size,
  );
}

/** What the list's filters offer: workflows, their steps and the people who can hold workflow work. */
export async function allTasksFilterOptions(actor: Actor) {
  assertSeesAll(actor);
  const [workflows, steps, people] = await Promise.all([
    db.workflow.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db.workflowStep.findMany({
      select: { id: true, name: true, workflowId: true },
      orderBy: [{ workflowId: 'asc' }, { order: 'asc' }],
    }),
    activeUsersOfSystem('tts'),
  ]);
  const names = new Map(workflows.map((w) => [w.id, w.name]));
  return {
    workflows,
    steps: steps.map((s) => ({
      id: s.id,
      name: s.name,
      workflow_id: s.workflowId,
      workflow_name: names.get(s.workflowId) ?? '',
    })),
    assignees: people.map((u) => ({ id: u.id, name: u.name })),
  };
}

/**
 * Row actions of the list: who each open assignment can be transferred to (active holders of the step's role but
 * the current assignee) and whether the caller may take it over. Empty for callers who may not transfer.
 */
export async function rowTransferOptions(
  actor: Actor,
  rows: { task_item_id: number | null; assigned_user: number | null; current_step_detail: { role_id: number } | null }[],
) {
  if (!canTransfer(actor)) return { canTransfer: false, targets: {} as Record<number, { id: number; name: string }[]> };
  const roles = [
    ...new Set(rows.flatMap((r) => (r.task_item_id && r.current_step_detail ? [r.current_step_detail.role_id] : []))),
  ];
  const members = new Map(await Promise.all(roles.map(async (id) => [id, await activeUsersInRole(id)] as const)));
  const targets: Record<number, { id: number; name: string }[]> = {};
  for (const r of rows) {
    if (!r.task_item_id || !r.current_step_detail) continue;
    targets[r.task_item_id] = (members.get(r.current_step_detail.role_id) ?? [])
      .filter((u) => u.id !== r.assigned_user)
      .map((u) => ({ id: u.id, name: u.name }));
  }
  return { canTransfer: true, targets };
}
