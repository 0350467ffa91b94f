'use client';

import { useEffect, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { useWriteInstant } from '@/components/ui/time';
import {
  type BusinessFacts,
  formatDuration,
  pausedLabel,
  SLA_STATE_LABEL,
  type SlaState,
  slaState,
} from '@/lib/domain/sla/clock';

const TONE: Record<SlaState, 'neutral' | 'success' | 'warning' | 'danger'> = {
  none: 'neutral',
  on_track: 'success',
  warning: 'warning',
  at_risk: 'danger',
  breached: 'danger',
  met: 'success',
  paused: 'neutral',
};

export interface SlaClockProps {
  startedAt: string | null;
  dueAt: string | null;
  stoppedAt?: string | null;
  pausedAt?: string | null;
  /** The server's clock when the page was rendered: the first paint matches, then the countdown ticks. */
  at: number;
  /** The installation's "Due soon" share (lib/domain/sla/settings.ts), handed over by the server. */
  dueSoonPercent: number;
  /** The business-time instants of "Due soon" and "At risk" (the API's sla_due_soon_at / sla_at_risk_at). */
  dueSoonAt?: string | null;
  atRiskAt?: string | null;
  /** The clock's calendar and pauses (pages that have them): the bar shows the exact share of business time. */
  business?: BusinessFacts | null;
  /** The help-desk status pausing the clock ("On Hold"): the badge reads "Paused — On Hold". */
  pausedBy?: string | null;
}

/** The current time, ticking every second from `at` (the server's render time) once the page is live. */
export function useClock(at: number): number {
  const [now, setNow] = useState(at);
  useEffect(() => {
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return now;
}

/** "4h 15m left", "Overdue by 2h 5m", "Met", "No SLA" — the words of one clock at `now`. */
export function slaWords(c: Omit<SlaClockProps, 'at'>, now: number) {
  const s = slaState(c, now);
  if (c.pausedBy) return { ...s, state: 'paused' as const, label: pausedLabel(c.pausedBy), rest: '' };
  const rest =
    s.remaining_ms == null
      ? ''
      : s.remaining_ms > 0
        ? `${formatDuration(s.remaining_ms)} left`
        : `overdue by ${formatDuration(s.remaining_ms)}`;
  return { ...s, label: SLA_STATE_LABEL[s.state], rest };
}

/**
 * The one SLA countdown (help desk, workflow, lists): the state in words from the clock's thresholds and
 * the time left, moving live. Colour only reinforces the words.
 */
export function SlaCountdown({ testId, ...props }: SlaClockProps & { testId?: string }) {
  const now = useClock(props.at);
  const w = slaWords(props, now);
  const write = useWriteInstant();
  const due = props.dueAt ? write(props.dueAt) : undefined;
  return (
    <Badge tone={TONE[w.state]} data-sla-state={w.state} data-testid={testId} title={due ? `Due ${due}` : undefined}>
      {w.label}
      {w.rest ? <span data-testid="sla-remaining"> · {w.rest}</span> : null}
    </Badge>
  );
}

/** Elapsed share of the window as a bar that moves with the clock, the countdown and the due instant. */
export function SlaProgress(props: SlaClockProps & { label: string; dueText: React.ReactNode }) {
  const now = useClock(props.at);
  const w = slaWords(props, now);
  if (w.state === 'none') return <p className="text-sm text-slate-500">{props.label}: no SLA configured</p>;
  const pct = Math.min(100, w.percent);
  const bar =
    w.state === 'breached' || w.state === 'at_risk' ? 'bg-red-600' : w.state === 'warning' ? 'bg-amber-500' : 'bg-green-600';
  return (
    <div data-testid="sla-progress">
      <div className="flex items-center justify-between text-sm">
        <span className="font-medium">{props.label}</span>
        <SlaCountdown
          startedAt={props.startedAt}
          dueAt={props.dueAt}
          stoppedAt={props.stoppedAt}
          pausedAt={props.pausedAt}
          dueSoonAt={props.dueSoonAt}
          atRiskAt={props.atRiskAt}
          business={props.business}
          at={props.at}
          dueSoonPercent={props.dueSoonPercent}
        />
      </div>
      <div
        className="mt-1 h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
        role="progressbar"
        aria-label={`${props.label}: ${w.percent}% of the time used`}
        aria-valuenow={pct}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div className={`h-full ${bar}`} style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-500" data-testid="sla-due">
        Due {props.dueText}
      </p>
    </div>
  );
}
