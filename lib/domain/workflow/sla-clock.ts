/**
 * The SLA clock as facts (issue 11). A task's clock runs on its calendar (business hours; null = 24×7) and
 * stops during its pauses (rows of `sla_pauses`: the ticket was in one of the workflow's pausing statuses).
 * Each window — the task's resolution target and each assignment's step target — holds a number of business
 * seconds from its start; its due instant is computed from those facts, never guessed, and recomputed when
 * they change (a pause ends, the calendar is edited). The recomputed instants go to every reader at once: the
 * task and assignment columns (workflow pages, lists, dashboards, the monitor's `sla_next_at`) and the help
 * desk's resolution target (hdts.update_ticket_sla).
 */
import type { Tx } from '@/lib/server/db';
import { enqueue } from '@/lib/server/jobs/queue';
import { MESSAGES } from '../contracts/messages';
import { addBusinessTime, type BusinessCalendar, type Span, shareInstant } from '../sla/business-time';
import { businessCalendarOf, loadCalendar } from '../sla/calendar-store';
import { levelAt, nextThreshold, SLA_LEVELS, SLA_THRESHOLDS } from '../sla/clock';
import { SLA_DUE_SOON_PERCENT } from '../sla/settings';
import { publishTaskChange } from './notify';
import { OPEN_ITEM, OPEN_TASK } from './snapshot';

export interface ClockFacts {
  calendar: BusinessCalendar | null;
  /** Paused spans; a pause still running is closed at the instant the facts were read. */
  pauses: Span[];
  paused: boolean;
}

/** The facts of a task's clock at `now`. */
export async function clockFacts(tx: Tx, task: { id: number; calendarId: number | null; slaPausedAt: Date | null }, now: Date) {
  const [calendar, rows] = await Promise.all([
    loadCalendar(tx, task.calendarId),
    tx.slaPause.findMany({ where: { taskId: task.id }, orderBy: { startedAt: 'asc' } }),
  ]);
  const pauses = rows.map((p) => ({ from: p.startedAt.getTime(), to: (p.endedAt ?? now).getTime() }));
  return { calendar, pauses, paused: task.slaPausedAt != null } satisfies ClockFacts;
}

/** The facts of many tasks' clocks at `now` in two queries (the monitor's batch). */
export async function clockFactsOf(
  tx: Tx,
  tasks: { id: number; calendarId: number | null; slaPausedAt: Date | null }[],
  now: Date,
): Promise<Map<number, ClockFacts>> {
  const calendarIds = [...new Set(tasks.map((t) => t.calendarId).filter((id): id is number => id != null))];
  const [calendars, rows] = await Promise.all([
    calendarIds.length ? tx.slaCalendar.findMany({ where: { id: { in: calendarIds } } }) : [],
    tx.slaPause.findMany({ where: { taskId: { in: tasks.map((t) => t.id) } }, orderBy: { startedAt: 'asc' } }),
  ]);
  const byId = new Map(calendars.map((c) => [c.id, businessCalendarOf(c)]));
  const out = new Map<number, ClockFacts>();
  for (const t of tasks)
    out.set(t.id, {
      calendar: t.calendarId == null ? null : (byId.get(t.calendarId) ?? null),
      pauses: [],
      paused: t.slaPausedAt != null,
    });
  for (const p of rows) out.get(p.taskId)?.pauses.push({ from: p.startedAt.getTime(), to: (p.endedAt ?? now).getTime() });
  return out;
}

/** The due instant of a window of `seconds` business seconds from `start` (null without an SLA). */
export function dueOf(facts: ClockFacts, start: Date, seconds: number | null): Date | null {
  return seconds == null ? null : addBusinessTime(facts.calendar, start, seconds, facts.pauses);
}

/**
 * The instant at which `percent` of a window's business time has run: 80 % of a 10-hour window on office hours
 * is the end of its eighth working hour, not 80 % of the wall-clock stretch to the due instant (which would
 * count the nights and the weekend). 100 % is the due instant itself.
 */
export function thresholdInstant(facts: ClockFacts, start: Date, seconds: number, percent: number): Date {
  return shareInstant(facts.calendar, start, seconds, percent, facts.pauses);
}

/**
 * The instants the views' states turn at, from the same rule as the monitor's thresholds: "Due soon" (the
 * installation's SLA_DUE_SOON_PERCENT) and "At risk" (90 %) of the window's business time. Null without an SLA
 * or without business seconds (the views then fall back to the wall-clock share).
 */
export function shareColumns(facts: ClockFacts, start: Date, seconds: number | null, target: Date | null) {
  if (seconds == null || !target) return { slaDueSoonAt: null, slaAtRiskAt: null };
  return {
    slaDueSoonAt: thresholdInstant(facts, start, seconds, SLA_DUE_SOON_PERCENT),
    slaAtRiskAt: thresholdInstant(facts, start, seconds, SLA_THRESHOLDS.at_risk),
  };
}

/**
 * The next threshold still to fire after `level` and its instant in business time (null when all have fired,
 * without an SLA, or while the clock is paused: nothing can cross a threshold then). A window without its
 * business seconds (assignments from before the calendars) keeps its wall-clock shares.
 */
export function nextCheck(
  facts: ClockFacts,
  start: Date,
  seconds: number | null,
  target: Date | null,
  level: number,
): { level: number; at: Date } | null {
  if (facts.paused || !target) return null;
  if (seconds == null) return nextThreshold(start, target, level);
  const next = SLA_LEVELS.find((l) => l > level);
  return next ? { level: next, at: next >= 100 ? target : thresholdInstant(facts, start, seconds, next) } : null;
}

/** The highest threshold (0, 80, 90, 100) whose business-time instant has come at `now`. */
export function levelOfWindow(facts: ClockFacts, start: Date, seconds: number | null, target: Date | null, now: Date): number {
  if (!target) return 0;
  if (seconds == null) return levelAt(start, target, now);
  let level = 0;
  for (const l of SLA_LEVELS) {
    const at = l >= 100 ? target : thresholdInstant(facts, start, seconds, l);
    if (now.getTime() >= at.getTime()) level = l;
  }
  return level;
}

/**
 * The clock columns of a window starting at `start` with `seconds` business seconds: its due instant and the
 * monitor's next check, the next threshold's business-time instant (none while the clock is paused).
 */
export function windowColumns(facts: ClockFacts, start: Date, seconds: number | null, level = 0) {
  const target = dueOf(facts, start, seconds);
  return {
    targetResolution: target,
    slaNextAt: nextCheck(facts, start, seconds, target, level)?.at ?? null,
    ...shareColumns(facts, start, seconds, target),
  };
}

type WindowColumns = ReturnType<typeof windowColumns>;
const CLOCK_COLUMNS = ['targetResolution', 'slaNextAt', 'slaDueSoonAt', 'slaAtRiskAt'] as const;

/** Whether recomputed clock columns differ from the stored ones. */
function changed(cols: WindowColumns, row: Record<(typeof CLOCK_COLUMNS)[number], Date | null>): boolean {
  return CLOCK_COLUMNS.some((k) => (cols[k]?.getTime() ?? null) !== (row[k]?.getTime() ?? null));
}

/** A new assignment's clock: its window starts at `now` with `seconds` business seconds. */
export function newItemClock(facts: ClockFacts, now: Date, seconds: number | null) {
  return { ...windowColumns(facts, now, seconds), slaSeconds: seconds, slaStartedAt: now, slaLevel: 0 };
}

/**
 * Recompute the due instants of a task and its open assignments from the facts at `now`, write them where they
 * changed, and tell the help desk and the task's pages. Returns whether the task's own due instant moved.
 */
export async function recomputeTaskClock(tx: Tx, taskId: number, now: Date): Promise<boolean> {
  const task = await tx.task.findUnique({
    where: { id: taskId },
    include: { ticket: { select: { ticketNumber: true } }, items: { where: { status: { in: OPEN_ITEM } } } },
  });
  if (!task || !OPEN_TASK.includes(task.status)) return false;
  const facts = await clockFacts(tx, task, now);
  const cols = windowColumns(facts, task.startedAt, task.slaSeconds, task.slaLevel);
  const moved = (cols.targetResolution?.getTime() ?? null) !== (task.targetResolution?.getTime() ?? null);
  if (moved || changed(cols, task)) await tx.task.update({ where: { id: task.id }, data: cols });
  for (const item of task.items) {
    const start = item.slaStartedAt ?? item.assignedOn;
    if (item.slaSeconds == null) continue;
    const c = windowColumns(facts, start, item.slaSeconds, item.slaLevel);
    if (changed(c, item)) await tx.taskItem.update({ where: { id: item.id }, data: c });
  }
  if (moved)
    await enqueue(tx, MESSAGES.updateTicketSla, {
      ticket_number: task.ticket.ticketNumber,
      started_at: task.startedAt.toISOString(),
      resolution_due_at: cols.targetResolution?.toISOString() ?? null,
      due_soon_at: cols.slaDueSoonAt?.toISOString() ?? null,
      at_risk_at: cols.slaAtRiskAt?.toISOString() ?? null,
      changed_at: now.toISOString(),
    });
  publishTaskChange(tx, { ticketNumber: task.ticket.ticketNumber, taskId: task.id, action: 'sla_changed' });
  return moved;
}
