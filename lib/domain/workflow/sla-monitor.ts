/**
 * The SLA monitor (issue 11), run every minute by pg-boss: assignments and tasks whose next threshold
 * (80 %, 90 %, 100 % of their window's business time, lib/domain/workflow/sla-clock.ts) has come. Each threshold fires once per
 * assignment — rows are claimed with FOR UPDATE SKIP LOCKED and their level is raised in the same
 * transaction — so several workers at once never fire one twice. It reads only the rows that are due
 * (the indexed `sla_next_at`), so its cost follows the crossings, not the number of open tickets.
 *
 * At 80 % and 90 % the assignee is told; at 100 % the assignee and the ticket's owner, the breach goes into
 * the assignment's history, and where the step has an escalate-to role the assignment is escalated to its
 * next member (001 §6/§7: same step, same target, origin Escalation). A task (the ticket's resolution
 * target) tells its owner. All in the transaction of the change.
 */
import { activeUsersInRole } from '@/lib/domain/identity/directory';
import { type Tx, transaction } from '@/lib/server/db';
import { SYSTEM_ACTOR } from '../actor';
import { writeAudit } from '../audit';
import { notify } from '../contracts/notify';
import { NOTIFICATION_TYPES } from '../notifications/schemas';
import { escalateLocked, ITEM_INCLUDE } from './actions';
import { publishTaskChange } from './notify';
import { clockFactsOf, levelOfWindow, nextCheck } from './sla-clock';
import { asSnapshot, OPEN_ITEM, OPEN_TASK, stepOf } from './snapshot';

const BATCH = 200;

const WORDS: Record<number, string> = {
  80: 'due soon: 80 % of its time is used',
  90: 'at risk: 90 % of its time is used',
  100: 'breached its SLA',
};

export interface MonitorResult {
  assignments: number;
  tasks: number;
  escalated: number;
}

/** One run of the monitor at `now` (injectable for tests). Returns how many crossings it recorded. */
export async function runSlaMonitor(now = new Date()): Promise<MonitorResult> {
  const out: MonitorResult = { assignments: 0, tasks: 0, escalated: 0 };
  for (;;) {
    const n = await transaction((tx) => assignmentBatch(tx, now, out));
    if (n < BATCH) break;
  }
  for (;;) {
    const n = await transaction((tx) => taskBatch(tx, now, out));
    if (n < BATCH) break;
  }
  return out;
}

async function assignmentBatch(tx: Tx, now: Date, out: MonitorResult): Promise<number> {
  const due = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM "workflow"."task_items"
     WHERE sla_next_at <= ${now}
     ORDER BY sla_next_at
     LIMIT ${BATCH}
       FOR UPDATE SKIP LOCKED`;
  if (!due.length) return 0;
  const items = await tx.taskItem.findMany({ where: { id: { in: due.map((d) => d.id) } }, include: ITEM_INCLUDE });
  // Every claimed row's new level and next check in one statement (the profile of a run showed the time going
  // to round trips, not to computing): before any escalation, which copies the raised level to its new row.
  // the thresholds are instants of business time: the calendars and pauses of the batch's tasks, read once
  const facts = await clockFactsOf(tx, [...new Map(items.map((i) => [i.task.id, i.task])).values()], now);
  const plans = items.map((item) => {
    const f = facts.get(item.taskId) as NonNullable<ReturnType<typeof facts.get>>;
    const open = OPEN_ITEM.includes(item.status) && OPEN_TASK.includes(item.task.status);
    const start = item.slaStartedAt ?? item.assignedOn;
    const level = open ? levelOfWindow(f, start, item.slaSeconds, item.targetResolution, now) : item.slaLevel;
    const raised = Math.max(level, item.slaLevel);
    const next = open ? nextCheck(f, start, item.slaSeconds, item.targetResolution, raised) : null;
    return { item, open, level, raised, next: next?.at ?? null };
  });
  await setLevels(
    tx,
    'task_items',
    plans.map((p) => ({ id: p.item.id, level: p.raised, next: p.next })),
  );
  const history: { taskItemId: number; status: string; origin: string; notes: string; createdAt: Date }[] = [];
  for (const { item, open, level } of plans) {
    if (!open || level <= item.slaLevel) continue;
    out.assignments++;
    const ticketNumber = item.task.ticket.ticketNumber;
    const link = `/agent/tasks/${item.taskId}`;
    history.push({
      taskItemId: item.id,
      status: level >= 100 ? 'breached' : level >= 90 ? 'at_risk' : 'warned',
      origin: 'System',
      notes: `SLA ${level >= 100 ? 'breached' : `${level} % of the time used`} (due ${item.targetResolution?.toISOString()})`,
      createdAt: now,
    });
    const breached = level >= 100;
    await notify(tx, {
      user_ids: [...new Set([item.userId, ...(breached && item.task.ownerId ? [item.task.ownerId] : [])])],
      type: breached ? NOTIFICATION_TYPES.slaBreached : NOTIFICATION_TYPES.slaWarning,
      title: `${ticketNumber}: ${item.stepName} ${WORDS[level]}`,
      message: item.task.ticket.subject,
      ticket_number: ticketNumber,
      link,
      data: { task_id: item.taskId, task_item_id: item.id, sla_level: level },
      dedupe_key: `sla:item:${item.id}:${level}`,
    });
    await writeAudit(tx, SYSTEM_ACTOR, {
      context: 'workflow',
      action: breached ? 'sla_breached' : 'sla_threshold',
      entityType: 'task',
      entityId: item.taskId,
      newValues: { task_item_id: item.id, level },
    });
    if (breached) {
      // the breach precedes the escalation in the history
      await tx.taskItemHistory.createMany({ data: history.splice(0) });
      out.escalated += await escalateOnBreach(tx, item, now);
    }
    publishTaskChange(tx, { ticketNumber, taskId: item.taskId, action: 'sla_changed' });
  }
  if (history.length) await tx.taskItemHistory.createMany({ data: history });
  return due.length;
}

/** The monitor's columns of many rows in one UPDATE (unnest of parallel arrays). */
async function setLevels(tx: Tx, table: 'task_items' | 'tasks', rows: { id: number; level: number; next: Date | null }[]) {
  if (!rows.length) return;
  const ids = rows.map((r) => r.id);
  const levels = rows.map((r) => r.level);
  const nexts = rows.map((r) => r.next?.toISOString() ?? null);
  if (table === 'task_items')
    await tx.$executeRaw`
      UPDATE "workflow"."task_items" t SET sla_level = v.level, sla_next_at = v.next
        FROM unnest(${ids}::int[], ${levels}::smallint[], ${nexts}::timestamptz[]) AS v(id, level, next)
       WHERE t.id = v.id`;
  else
    await tx.$executeRaw`
      UPDATE "workflow"."tasks" t SET sla_level = v.level, sla_next_at = v.next
        FROM unnest(${ids}::int[], ${levels}::smallint[], ${nexts}::timestamptz[]) AS v(id, level, next)
       WHERE t.id = v.id`;
}

/** 001 §6: a breached assignment goes to the step's escalate-to role (round-robin) where the step has one. */
async function escalateOnBreach(tx: Tx, item: Parameters<typeof escalateLocked>[2], now: Date): Promise<number> {
  const step = stepOf(asSnapshot(item.task.version.snapshot), item.stepId);
  if (!step?.escalate_to_role_id) return 0;
  // an escalated assignment keeps the breached window: it is not escalated again
  if (item.origin === 'Escalation') return 0;
  const members = await activeUsersInRole(step.escalate_to_role_id, tx);
  if (!members.length) return 0;
  await escalateLocked(tx, SYSTEM_ACTOR, item, step, members, 'SLA breached: escalated automatically', now);
  return 1;
}

async function taskBatch(tx: Tx, now: Date, out: MonitorResult): Promise<number> {
  const due = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM "workflow"."tasks"
     WHERE sla_next_at <= ${now}
     ORDER BY sla_next_at
     LIMIT ${BATCH}
       FOR UPDATE SKIP LOCKED`;
  if (!due.length) return 0;
  const tasks = await tx.task.findMany({
    where: { id: { in: due.map((d) => d.id) } },
    include: { ticket: true, items: { where: { status: { in: OPEN_ITEM } }, select: { userId: true } } },
  });
  const facts = await clockFactsOf(tx, tasks, now);
  const plans = tasks.map((t) => {
    const f = facts.get(t.id) as NonNullable<ReturnType<typeof facts.get>>;
    const open = OPEN_TASK.includes(t.status);
    const level = open ? levelOfWindow(f, t.startedAt, t.slaSeconds, t.targetResolution, now) : t.slaLevel;
    const raised = Math.max(level, t.slaLevel);
    const next = open ? nextCheck(f, t.startedAt, t.slaSeconds, t.targetResolution, raised) : null;
    return { t, open, level, raised, next: next?.at ?? null };
  });
  await setLevels(
    tx,
    'tasks',
    plans.map((p) => ({ id: p.t.id, level: p.raised, next: p.next })),
  );
  for (const { t, open, level } of plans) {
    if (!open || level <= t.slaLevel || !t.ownerId) continue;
    out.tasks++;
    const breached = level >= 100;
    await notify(tx, {
      user_ids: [t.ownerId],
      type: breached ? NOTIFICATION_TYPES.slaBreached : NOTIFICATION_TYPES.slaWarning,
      title: `${t.ticket.ticketNumber} ${breached ? 'breached its resolution target' : WORDS[level]}`,
      message: t.ticket.subject,
      ticket_number: t.ticket.ticketNumber,
      link: `/coordinator/owned/${t.ticket.ticketNumber}`,
      data: { task_id: t.id, sla_level: level },
      dedupe_key: `sla:task:${t.id}:${level}`,
    });
    publishTaskChange(tx, { ticketNumber: t.ticket.ticketNumber, taskId: t.id, action: 'sla_changed' });
  }
  return due.length;
}
