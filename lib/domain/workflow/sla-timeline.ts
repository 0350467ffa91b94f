/**
 * The SLA clock explained (issue 11): what happened to a ticket's resolution clock, from the facts — when it
 * started, each pause (why, from, to), the stretches outside business hours, the warnings, the breach, the
 * escalations, and whether it was met. Staff see the steps; the requester sees the same clock in people's
 * words with no internal names (no steps, no people, no thresholds).
 */
import { db } from '@/lib/server/db';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { type BusinessCalendar, businessMsBetween, offHoursBetween } from '../sla/business-time';
import { businessCalendarOf } from '../sla/calendar-store';
import { type SlaState, slaState } from '../sla/clock';
import { SLA_DUE_SOON_PERCENT } from '../sla/settings';
import { assertStaff, slaTimelineAudience } from './policy';

export type SlaEventKind = 'started' | 'paused' | 'outside_hours' | 'warned' | 'at_risk' | 'breached' | 'escalated' | 'met';

export interface SlaEvent {
  kind: SlaEventKind;
  at: string;
  /** End of a span (pause, outside business hours); null while a pause lasts. */
  until?: string | null;
  /** In words: why the clock paused, which step was warned. */
  text: string;
}

export interface SlaTimeline {
  ticket_number: string;
  /** Staff read the steps; the requester reads the same clock in people's words. */
  audience: 'staff' | 'requester';
  started_at: string;
  due_at: string | null;
  stopped_at: string | null;
  paused_since: string | null;
  /** The clock's state now (lib/domain/sla/clock.ts), the one every response carries. */
  sla_state: SlaState;
  /** Recorded on completion: met (completed by the due instant) or breached; null while the clock runs. */
  sla_outcome: 'met' | 'breached' | null;
  /** The calendar the clock counts in (null = around the clock), so the browser ticks in business time. */
  calendar: (BusinessCalendar & { name: string }) | null;
  /** The paused spans, for the browser's ticking (epoch ms). */
  pauses: { from: number; to: number | null }[];
  /** Business time left at `now` (negative: overdue by wall-clock time); null without an SLA or once stopped. */
  remaining_business_ms: number | null;
  events: SlaEvent[];
}

/** How many outside-business-hours spans a timeline lists (the latest ones): a long ticket has many nights. */
const OFF_HOURS_SHOWN = 10;

const TASK_INCLUDE = {
  pauses: { orderBy: { startedAt: 'asc' } },
  items: { include: { history: { orderBy: { id: 'asc' } } }, orderBy: { id: 'asc' } },
  ticket: { select: { ticketNumber: true, employeeId: true } },
} as const;

type TimelineTask = NonNullable<Awaited<ReturnType<typeof loadTask>>>;

function loadTask(where: { id: number } | { ticket: { ticketNumber: string } }) {
  return db.task.findFirst({ where, include: TASK_INCLUDE, orderBy: { id: 'desc' } });
}

const PAUSE_WORDS: Record<string, string> = {
  'On Hold': 'waiting for a reply from you',
  Open: 'waiting to be picked up',
  'In Progress': 'paused by the team',
};

async function build(t: TimelineTask, audience: 'staff' | 'requester', now: Date): Promise<SlaTimeline> {
  const row = t.calendarId ? await db.slaCalendar.findUnique({ where: { id: t.calendarId } }) : null;
  const calendar = row ? { ...businessCalendarOf(row), name: row.name } : null;
  const staff = audience === 'staff';
  const pauses = t.pauses.map((p) => ({ from: p.startedAt.getTime(), to: p.endedAt?.getTime() ?? null }));
  const closed = pauses.map((p) => ({ from: p.from, to: p.to ?? now.getTime() }));
  const stop = t.completedAt ?? now;
  const events: SlaEvent[] = [
    { kind: 'started', at: t.startedAt.toISOString(), text: staff ? 'SLA clock started' : 'We started working on your request' },
  ];
  for (const p of t.pauses)
    events.push({
      kind: 'paused',
      at: p.startedAt.toISOString(),
      until: p.endedAt?.toISOString() ?? null,
      text: staff ? `Paused: the ticket was ${p.reason}` : `Paused: ${PAUSE_WORDS[p.reason] ?? 'on hold'}`,
    });
  for (const s of offHoursBetween(calendar, t.startedAt, stop).slice(-OFF_HOURS_SHOWN))
    events.push({
      kind: 'outside_hours',
      at: new Date(s.from).toISOString(),
      until: new Date(s.to).toISOString(),
      text: staff ? `Outside business hours (${calendar?.name})` : 'Outside office hours: the clock does not run',
    });
  for (const item of t.items) {
    for (const h of item.history) {
      const at = h.createdAt.toISOString();
      if (h.status === 'warned' || h.status === 'at_risk') {
        if (staff)
          events.push({
            kind: h.status,
            at,
            text: `${item.stepName}: ${h.status === 'warned' ? '80 %' : '90 %'} of the time used`,
          });
      } else if (h.status === 'breached') {
        events.push({ kind: 'breached', at, text: staff ? `${item.stepName}: SLA breached` : 'Past the time we aimed for' });
      } else if (h.status === 'escalated') {
        events.push({
          kind: 'escalated',
          at,
          text: staff ? `${item.stepName}: escalated (${h.notes ?? 'no reason given'})` : 'Passed on to a specialist',
        });
      }
    }
  }
  if (t.completedAt && t.targetResolution) {
    const met = t.completedAt.getTime() <= t.targetResolution.getTime();
    events.push({
      kind: met ? 'met' : 'breached',
      at: t.completedAt.toISOString(),
      text: met
        ? staff
          ? 'Completed within the SLA'
          : 'Resolved in time'
        : staff
          ? 'Completed after the SLA'
          : 'Resolved later than we aimed for',
    });
  }
  events.sort((a, b) => a.at.localeCompare(b.at));
  const due = t.targetResolution;
  let remaining: number | null = null;
  if (due && !t.completedAt) {
    const from = t.slaPausedAt ?? now;
    remaining = from.getTime() < due.getTime() ? businessMsBetween(calendar, from, due, closed) : due.getTime() - from.getTime();
  }
  return {
    ticket_number: t.ticket.ticketNumber,
    audience,
    started_at: t.startedAt.toISOString(),
    due_at: due?.toISOString() ?? null,
    stopped_at: t.completedAt?.toISOString() ?? null,
    paused_since: t.slaPausedAt?.toISOString() ?? null,
    sla_state: slaState(
      {
        startedAt: t.startedAt,
        dueAt: due,
        stoppedAt: t.completedAt,
        pausedAt: t.slaPausedAt,
        dueSoonPercent: SLA_DUE_SOON_PERCENT,
        dueSoonAt: t.slaDueSoonAt,
        atRiskAt: t.slaAtRiskAt,
      },
      now,
    ).state,
    sla_outcome: (t.slaOutcome as 'met' | 'breached' | null) ?? outcomeOf(t),
    calendar,
    pauses,
    remaining_business_ms: remaining,
    events,
  };
}

/** Met or breached, once the clock stopped (completion against the then frozen due instant). */
function outcomeOf(t: { completedAt: Date | null; targetResolution: Date | null }): 'met' | 'breached' | null {
  if (!t.completedAt || !t.targetResolution) return null;
  return t.completedAt.getTime() <= t.targetResolution.getTime() ? 'met' : 'breached';
}

/** The staff timeline of a task (staff who may see the task; GET /tts/tasks/{id}/sla-timeline/). */
export async function taskSlaTimeline(actor: Actor, taskId: number, now = new Date()): Promise<SlaTimeline> {
  assertStaff(actor);
  const t = await loadTask({ id: taskId });
  if (!t || slaTimelineAudience(actor, t) !== 'staff') throw notFound('Task', 'TASK_NOT_FOUND');
  return build(t, 'staff', now);
}

/**
 * The timeline of a ticket's clock (GET /hdts/api/tickets/{number}/sla-timeline/): staff who may see its task
 * read the staff timeline, the requester reads theirs; 404 for anyone else and until the workflow has it.
 */
export async function ticketSlaTimeline(actor: Actor, ticketNumber: string, now = new Date()): Promise<SlaTimeline> {
  const t = await loadTask({ ticket: { ticketNumber } });
  const audience = t ? slaTimelineAudience(actor, t) : null;
  if (!t || !audience) throw notFound('SLA timeline', 'TICKET_NOT_FOUND');
  return build(t, audience, now);
}

/**
 * The requester's timeline of their ticket (null until the workflow has it); staff who may see the task get
 * the same people's-language view (what the requester sees).
 */
export async function requesterSlaTimeline(actor: Actor, ticketNumber: string, now = new Date()): Promise<SlaTimeline | null> {
  const t = await loadTask({ ticket: { ticketNumber } });
  if (!t || !slaTimelineAudience(actor, t)) return null;
  return build(t, 'requester', now);
}
