/**
 * Business-hours calendars (issue 11): workflow admins create, edit and delete them; staff read them (the
 * workflow form picks one). A workflow's SLAs count in its calendar; the default (none) is 24×7. Editing a
 * calendar moves the due instants of every open task running on it at once (recomputeTaskClock).
 */
import { db, type Tx, transaction } from '@/lib/server/db';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { conflict, notFound } from '../errors';
import type { CalendarInput } from '../sla/calendar-schemas';
import { assertCanManageWorkflows, assertStaff } from './policy';
import { recomputeTaskClock } from './sla-clock';
import { OPEN_TASK } from './snapshot';

type CalendarRow = NonNullable<Awaited<ReturnType<typeof db.slaCalendar.findUnique>>>;

export function calendarDto(c: CalendarRow, workflows: { workflow_id: number; name: string }[] = []) {
  return {
    calendar_id: c.id,
    name: c.name,
    description: c.description,
    time_zone: c.timeZone,
    hours: c.hours as { day: number; start: string; end: string }[],
    holidays: c.holidays as { date: string; name: string }[],
    for_helpdesk: c.forHelpdesk,
    workflows,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}
export type CalendarDto = ReturnType<typeof calendarDto>;

const duplicate = (name: string) =>
  conflict(`A calendar named "${name}" already exists`, 'DUPLICATE_RESOURCE', { name: ['This name is taken'] });

async function usedBy(ids: number[]) {
  const rows = await db.workflow.findMany({
    where: { calendarId: { in: ids } },
    select: { id: true, name: true, calendarId: true },
    orderBy: { name: 'asc' },
  });
  const out = new Map<number, { workflow_id: number; name: string }[]>();
  for (const r of rows) {
    const list = out.get(r.calendarId as number) ?? [];
    list.push({ workflow_id: r.id, name: r.name });
    out.set(r.calendarId as number, list);
  }
  return out;
}

/** Every calendar, with the workflows that use it. */
export async function listCalendars(actor: Actor) {
  assertStaff(actor);
  const rows = await db.slaCalendar.findMany({ orderBy: { name: 'asc' } });
  const uses = await usedBy(rows.map((r) => r.id));
  return rows.map((r) => calendarDto(r, uses.get(r.id)));
}

export async function getCalendar(actor: Actor, id: number) {
  assertStaff(actor);
  const row = await db.slaCalendar.findUnique({ where: { id } });
  if (!row) throw notFound('Calendar', 'CALENDAR_NOT_FOUND');
  return calendarDto(row, (await usedBy([id])).get(id));
}

function rowData(input: CalendarInput) {
  return {
    name: input.name,
    description: input.description,
    timeZone: input.time_zone,
    hours: [...input.hours].sort((a, b) => a.day - b.day || a.start.localeCompare(b.start)),
    holidays: [...input.holidays].sort((a, b) => a.date.localeCompare(b.date)),
    forHelpdesk: input.for_helpdesk,
  };
}

/** One calendar at most is the help desk's: choosing another releases the previous one. */
async function releaseHelpdesk(tx: Tx, keep: number) {
  await tx.slaCalendar.updateMany({ where: { forHelpdesk: true, id: { not: keep } }, data: { forHelpdesk: false } });
}

export async function createCalendar(actor: Actor, input: CalendarInput) {
  assertCanManageWorkflows(actor);
  return transaction(async (tx) => {
    if (await tx.slaCalendar.findFirst({ where: { name: { equals: input.name, mode: 'insensitive' } } }))
      throw duplicate(input.name);
    const row = await tx.slaCalendar.create({ data: rowData(input) });
    if (row.forHelpdesk) await releaseHelpdesk(tx, row.id);
    await writeAudit(tx, actor, {
      context: 'workflow',
      action: 'calendar_created',
      entityType: 'calendar',
      entityId: row.id,
      newValues: { name: row.name, time_zone: row.timeZone },
    });
    return { ...calendarDto(row), message: `Calendar ${row.name} created` };
  });
}

/**
 * Replace a calendar. The open tasks running on it get their due instants recomputed in the same transaction,
 * so every page and API shows the moved targets together with the change.
 */
export async function updateCalendar(actor: Actor, id: number, input: CalendarInput, now = new Date()) {
  assertCanManageWorkflows(actor);
  return transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "workflow"."calendars" WHERE id = ${id} FOR UPDATE`;
    if (!locked) throw notFound('Calendar', 'CALENDAR_NOT_FOUND');
    const before = await tx.slaCalendar.findUniqueOrThrow({ where: { id } });
    if (await tx.slaCalendar.findFirst({ where: { id: { not: id }, name: { equals: input.name, mode: 'insensitive' } } }))
      throw duplicate(input.name);
    const row = await tx.slaCalendar.update({ where: { id }, data: rowData(input) });
    if (row.forHelpdesk) await releaseHelpdesk(tx, row.id);
    const tasks = await tx.task.findMany({ where: { calendarId: id, status: { in: OPEN_TASK } }, select: { id: true } });
    let moved = 0;
    for (const t of tasks) if (await recomputeTaskClock(tx, t.id, now)) moved++;
    await writeAudit(tx, actor, {
      context: 'workflow',
      action: 'calendar_updated',
      entityType: 'calendar',
      entityId: id,
      oldValues: { name: before.name, time_zone: before.timeZone, hours: before.hours, holidays: before.holidays },
      newValues: { name: row.name, time_zone: row.timeZone, hours: row.hours, holidays: row.holidays, moved_tasks: moved },
    });
    return {
      ...calendarDto(row),
      moved_tasks: moved,
      message: moved
        ? `Calendar ${row.name} saved; ${moved} open ticket${moved === 1 ? '' : 's'} got a new due time`
        : `Calendar ${row.name} saved`,
    };
  });
}

/** A calendar in use (by a workflow, or by an open task's clock) cannot be deleted. */
export async function deleteCalendar(actor: Actor, id: number) {
  assertCanManageWorkflows(actor);
  await transaction(async (tx) => {
    const row = await tx.slaCalendar.findUnique({ where: { id } });
    if (!row) throw notFound('Calendar', 'CALENDAR_NOT_FOUND');
    const workflows = await tx.workflow.findMany({ where: { calendarId: id }, select: { name: true } });
    const open = await tx.task.count({ where: { calendarId: id, status: { in: OPEN_TASK } } });
    if (workflows.length || open)
      throw conflict(
        workflows.length
          ? `${row.name} is used by ${workflows.map((w) => w.name).join(', ')}; choose another calendar there first`
          : `${open} open ticket${open === 1 ? '' : 's'} still run on ${row.name}`,
        'CALENDAR_IN_USE',
        { workflows: workflows.map((w) => w.name), open_tasks: open },
      );
    await tx.slaCalendar.delete({ where: { id } });
    await writeAudit(tx, actor, {
      context: 'workflow',
      action: 'calendar_deleted',
      entityType: 'calendar',
      entityId: id,
      oldValues: { name: row.name },
    });
  });
}
