// A task's or step's SLA as responses carry it. Server-only: it reads the installation's "Due soon" setting, while
// ./sla.ts (durations, levels) is shared with the browser's forms.
import { type BusinessFacts, type SlaState, slaState } from '../sla/clock';
import { SLA_DUE_SOON_PERCENT } from '../sla/settings';
import { formatRemaining } from './sla';

export interface SlaView {
  target_resolution: string | null;
  sla_breach_at: string | null;
  time_remaining: string | null;
  is_breached: boolean;
  /** When this clock's window began (the share of it elapsed gives the state). */
  sla_started_at: string | null;
  /** The one clock's state (lib/domain/sla/clock.ts): none, on_track, warning, at_risk, breached, met. */
  sla_state: SlaState;
  /** Percent of the window elapsed (at completion for a finished clock). */
  sla_percent: number;
  /** When the elapsed share of business time reaches "Due soon" and "At risk" (90 %); null = wall-clock share. */
  sla_due_soon_at: string | null;
  sla_at_risk_at: string | null;
  /** When the clock stopped (the work was completed); null while it runs. */
  sla_stopped_at: string | null;
  /** Since when the clock is paused (the ticket waits in a pausing status); null while it runs. */
  sla_paused_at: string | null;
}

/**
 * The SLA fields of 000 §2 plus the clock's state. A task is breached when it is still open after its target,
 * or was completed after it. `sla_breach_at` is the moment the SLA is breached (the target).
 */
export function slaView(
  startedAt: Date | null,
  target: Date | null,
  completedAt: Date | null,
  now: Date = new Date(),
  pausedAt: Date | null = null,
  /** The window's stored business-time instants (slaDueSoonAt, slaAtRiskAt): the state turns where the monitor's does. */
  shares: { slaDueSoonAt: Date | null; slaAtRiskAt: Date | null } | null = null,
  /** The task's calendar and pauses: `sla_percent` is then the exact share of business time. */
  business: BusinessFacts | null = null,
): SlaView {
  const dueSoonAt = shares?.slaDueSoonAt ?? null;
  const atRiskAt = shares?.slaAtRiskAt ?? null;
  const c = slaState(
    {
      startedAt,
      dueAt: target,
      stoppedAt: completedAt,
      pausedAt,
      dueSoonPercent: SLA_DUE_SOON_PERCENT,
      dueSoonAt,
      atRiskAt,
      business,
    },
    now,
  );
  const paused = completedAt ? null : (pausedAt?.toISOString() ?? null);
  if (!target)
    return {
      target_resolution: null,
      sla_breach_at: null,
      time_remaining: null,
      is_breached: false,
      sla_started_at: startedAt?.toISOString() ?? null,
      sla_state: 'none',
      sla_percent: 0,
      sla_due_soon_at: null,
      sla_at_risk_at: null,
      sla_stopped_at: completedAt?.toISOString() ?? null,
      sla_paused_at: paused,
    };
  const iso = target.toISOString();
  return {
    target_resolution: iso,
    sla_breach_at: iso,
    time_remaining: completedAt ? null : formatRemaining(target.getTime() - (pausedAt ?? now).getTime()),
    is_breached: c.state === 'breached',
    sla_started_at: startedAt?.toISOString() ?? null,
    sla_state: c.state,
    sla_percent: c.percent,
    sla_due_soon_at: dueSoonAt?.toISOString() ?? null,
    sla_at_risk_at: atRiskAt?.toISOString() ?? null,
    sla_stopped_at: completedAt?.toISOString() ?? null,
    sla_paused_at: paused,
  };
}
