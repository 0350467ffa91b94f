'use client';

import { Time, useWriteInstant } from '@/components/ui/time';
import { businessMsBetween } from '@/lib/domain/sla/business-time';
import { formatDuration } from '@/lib/domain/sla/clock';
import type { SlaEvent, SlaTimeline as Timeline } from '@/lib/domain/workflow/sla-timeline';
import { useClock } from './sla-countdown';

const DOT: Record<SlaEvent['kind'], string> = {
  started: 'bg-slate-400',
  paused: 'bg-sky-500',
  outside_hours: 'bg-slate-300 dark:bg-slate-600',
  warned: 'bg-amber-500',
  at_risk: 'bg-orange-600',
  breached: 'bg-red-600',
  escalated: 'bg-purple-600',
  met: 'bg-green-600',
};

/** Business time left at `now`: frozen while paused, counting only working hours; negative once overdue. */
function remainingAt(t: Timeline, now: number): number | null {
  if (!t.due_at || t.stopped_at) return null;
  if (t.paused_since) return t.remaining_business_ms;
  const due = Date.parse(t.due_at);
  if (now >= due) return due - now;
  const pauses = t.pauses.map((p) => ({ from: p.from, to: p.to ?? now }));
  return businessMsBetween(t.calendar, new Date(now), new Date(due), pauses);
}

/**
 * The SLA timeline: what happened to the clock (started, paused and why, outside business hours, warned,
 * breached, escalated, met) and the business time left, ticking while the clock runs.
 */
export function SlaTimeline({
  timeline: t,
  at,
  audience = 'staff',
  title = 'SLA timeline',
}: {
  timeline: Timeline;
  at: number;
  audience?: 'staff' | 'requester';
  title?: string;
}) {
  const now = useClock(at);
  const when = useWriteInstant();
  const left = remainingAt(t, now);
  const staff = audience === 'staff';
  const status =
    t.stopped_at != null
      ? staff
        ? `The clock has stopped: ${t.sla_outcome === 'met' ? 'SLA met' : t.sla_outcome === 'breached' ? 'SLA breached' : 'the work is done'}.`
        : t.sla_outcome === 'met'
          ? 'Done, in time.'
          : 'Done.'
      : !t.due_at
        ? staff
          ? 'No SLA for this ticket.'
          : 'No target time for this request.'
        : t.paused_since
          ? `Paused since ${when(t.paused_since)} · ${formatDuration(left ?? 0)} ${staff ? 'of business time left' : 'left'} when it resumes`
          : left != null && left < 0
            ? `Overdue by ${formatDuration(left)}`
            : `${formatDuration(left ?? 0)} ${staff ? 'of business time left' : 'left'} · due ${when(t.due_at)}`;
  return (
    <section
      aria-labelledby="sla-timeline-title"
      data-testid="sla-timeline"
      className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="sla-timeline-title" className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm font-medium" data-testid="sla-timeline-remaining" aria-live="off">
        {status}
      </p>
      <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
        {t.calendar
          ? `${staff ? `Counts in ${t.calendar.name}` : 'Counts during office hours only'} (${t.calendar.time_zone}).`
          : staff
            ? 'Counts around the clock, every day.'
            : 'Counts around the clock.'}
      </p>
      <ol className="mt-3 space-y-2 border-l border-slate-200 pl-4 text-sm dark:border-slate-800">
        {t.events.map((e, i) => (
          <li key={`${e.kind}-${e.at}-${i}`} className="relative" data-sla-event={e.kind}>
            <span className={`absolute -left-[1.34rem] top-1.5 h-2.5 w-2.5 rounded-full ${DOT[e.kind]}`} aria-hidden />
            <span className="font-medium">{e.text}</span>
            <span className="block text-xs text-slate-500 dark:text-slate-400">
              <Time value={e.at} />
              {e.until !== undefined ? (
                <>
                  {' – '}
                  {e.until ? <Time value={e.until} /> : 'now'}
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
