/**
 * The one SLA clock (issues 10 and 11). Every page, API, list, job and dashboard derives a ticket's or an
 * assignment's SLA state from these functions, so they all agree. Pure: no database, no clock unless given,
 * safe in the browser (the live countdown uses it too).
 *
 * A clock has a start (when the target began to run), a due instant (the target) and, once the work is done,
 * a stop. Its state comes from the elapsed share of the window only:
 *   on_track < due soon (75 % by default) ≤ warning < 90 % ≤ at_risk < 100 % ≤ breached;
 *   stopped before the due instant → met.
 * The share is of business time (calendar and pauses): the server stores the instants at which "Due soon" and
 * 90 % of the window's business time have run (`dueSoonAt`, `atRiskAt`, computed like the monitor's 80 / 90 / 100 %
 * instants, lib/domain/workflow/sla-clock.ts) and every view compares the clock with them, so a badge turns at
 * the moment the monitor's threshold fires. Without them (no calendar data) the wall-clock share is used, which is
 * the same on 24×7 without pauses.
 * "Due soon" is a setting (SLA_DUE_SOON_PERCENT, lib/domain/sla/settings.ts) the server hands to every view; the
 * monitor's notifications fire at the fixed 80 / 90 / 100 % levels below (issue 11's warning, at risk, breach).
 */
import { type BusinessCalendar, businessMsBetween, type Span } from './business-time';

/** What the share of business time is counted on: the clock's calendar (null = 24×7) and its paused spans. */
export interface BusinessFacts {
  calendar: BusinessCalendar | null;
  /** Epoch-millisecond spans; a pause still running has `to` null (it runs until the instant asked about). */
  pauses: { from: number; to: number | null }[];
}

/** "Due soon" from this share of the window unless the installation sets another (SLA_DUE_SOON_PERCENT). */
export const DEFAULT_DUE_SOON_PERCENT = 75;
export const SLA_THRESHOLDS = { at_risk: 90, breached: 100 } as const;
/** The thresholds the monitor acts on, in order (percent of the window elapsed). */
export const SLA_LEVELS = [80, 90, 100] as const;
export type SlaLevelPercent = (typeof SLA_LEVELS)[number];

export type SlaState = 'none' | 'on_track' | 'warning' | 'at_risk' | 'breached' | 'met' | 'paused';

export interface SlaClockInput {
  /** When the target started to run (routing for the ticket, assignment for a step). */
  startedAt: Date | string | null;
  /** The due instant; null = no SLA. */
  dueAt: Date | string | null;
  /** When the work ended (resolved, completed, acted on); null while it runs. */
  stoppedAt?: Date | string | null;
  /** Since when the clock is paused (the ticket waits in a pausing status); its state and time left freeze. */
  pausedAt?: Date | string | null;
  /** The share of the window (percent) from which the clock reads "Due soon"; the installation's setting. */
  dueSoonPercent?: number;
  /** The business-time instant at which `dueSoonPercent` of the window has run (stored with the due instant). */
  dueSoonAt?: Date | string | null;
  /** The business-time instant at which 90 % of the window has run (the monitor's "at risk"). */
  atRiskAt?: Date | string | null;
  /** The calendar and pauses: the percent is then the exact share of business time (else read off the instants). */
  business?: BusinessFacts | null;
}

export interface SlaSnapshot {
  state: SlaState;
  /** Elapsed share of the window in percent (0 when unknown), capped at 999. */
  percent: number;
  /** Milliseconds left until the due instant (negative once overdue); null without an SLA or when stopped. */
  remaining_ms: number | null;
}

const ms = (d: Date | string | null | undefined): number | null =>
  d == null ? null : typeof d === 'string' ? Date.parse(d) : d.getTime();

/** The state of one clock at `now`: the one function every view and the dashboards use. */
export function slaState(c: SlaClockInput, now: Date | number = Date.now()): SlaSnapshot {
  const due = ms(c.dueAt);
  if (due == null || Number.isNaN(due)) return { state: 'none', percent: 0, remaining_ms: null };
  const stop = ms(c.stoppedAt);
  const paused = stop == null ? ms(c.pausedAt) : null;
  const at = stop ?? paused ?? (typeof now === 'number' ? now : now.getTime());
  const start = ms(c.startedAt) ?? due;
  const soonPercent = c.dueSoonPercent ?? DEFAULT_DUE_SOON_PERCENT;
  const soon = ms(c.dueSoonAt);
  const risk = ms(c.atRiskAt);
  const business = soon != null && risk != null && !Number.isNaN(soon) && !Number.isNaN(risk);
  const percent = c.business
    ? sharePercent(c.business, start, due, at)
    : business
      ? businessPercent(start, soon, risk, due, at, soonPercent)
      : wallPercent(start, due, at);
  if (stop != null) return { state: stop <= due ? 'met' : 'breached', percent, remaining_ms: null };
  if (paused != null) return { state: 'paused', percent, remaining_ms: due - at };
  const state: SlaState =
    at >= due
      ? 'breached'
      : business
        ? at >= risk
          ? 'at_risk'
          : at >= soon
            ? 'warning'
            : 'on_track'
        : percent >= SLA_THRESHOLDS.at_risk
          ? 'at_risk'
          : percent >= soonPercent
            ? 'warning'
            : 'on_track';
  return { state, percent, remaining_ms: due - at };
}

const cap = (p: number) => Math.min(999, Math.max(0, Math.floor(p)));

/** The wall-clock share of start → due at `at`, in percent. */
function wallPercent(start: number, due: number, at: number): number {
  return cap(((at - start) / Math.max(1, due - start)) * 100);
}

/**
 * The elapsed share of business time at `at`: business milliseconds from the start to `at` over those from the
 * start to the due instant, on the clock's calendar without its pauses. The one rule of "percent of the window
 * used" (the monitor's 80 / 90 / 100 % instants are where this share reaches them, lib/domain/sla/business-time.ts
 * `shareInstant`); 24×7 without pauses it is the wall-clock share.
 */
export function sharePercent(facts: BusinessFacts, start: number, due: number, at: number): number {
  const pauses: Span[] = facts.pauses.map((p) => ({ from: p.from, to: p.to ?? Math.max(at, p.from) }));
  const total = businessMsBetween(facts.calendar, new Date(start), new Date(due), pauses);
  if (total <= 0) return at >= due ? 100 : 0;
  return cap((businessMsBetween(facts.calendar, new Date(start), new Date(at), pauses) / total) * 100);
}

/**
 * Without the calendar at hand (lists in the browser): the elapsed share read off the window's business-time instants: exactly `soonPercent`
 * at `soon`, 90 at `risk`, 100 at `due` (the instants the states and the monitor turn at), linear in between;
 * past the due instant it grows with the wall-clock overrun of the whole window.
 */
function businessPercent(start: number, soon: number, risk: number, due: number, at: number, soonPercent: number): number {
  const knots: [number, number][] = [
    [start, 0],
    [soon, soonPercent],
    [risk, SLA_THRESHOLDS.at_risk],
    [due, 100],
  ];
  if (at >= due) return cap(100 + ((at - due) / Math.max(1, due - start)) * 100);
  if (at <= start) return 0;
  for (let i = 1; i < knots.length; i++) {
    const [t1, p1] = knots[i];
    if (at < t1) {
      const [t0, p0] = knots[i - 1];
      return cap(p0 + ((at - t0) / Math.max(1, t1 - t0)) * (p1 - p0));
    }
  }
  return 100;
}

/** Compliance (issue 11): a finished clock met its target when it stopped by the due instant. */
export type SlaOutcome = 'met' | 'breached';

/** The outcome recorded when work completes at `stoppedAt` (null without an SLA). */
export function slaOutcome(stoppedAt: Date, dueAt: Date | null): SlaOutcome | null {
  if (!dueAt) return null;
  return stoppedAt.getTime() <= dueAt.getTime() ? 'met' : 'breached';
}

/** The outcome columns of a clock stopping at `stoppedAt` (both null without an SLA). */
export function outcomeColumns(stoppedAt: Date, dueAt: Date | null) {
  const outcome = slaOutcome(stoppedAt, dueAt);
  return { slaOutcome: outcome, slaOutcomeAt: outcome ? stoppedAt : null };
}

/** The instant at which `percent` of the window has elapsed (100 → the due instant itself). */
export function thresholdAt(startedAt: Date, dueAt: Date, percent: number): Date {
  if (percent >= 100) return new Date(dueAt.getTime());
  const start = startedAt.getTime();
  return new Date(start + Math.ceil(((dueAt.getTime() - start) * percent) / 100));
}

/**
 * The next threshold still to fire after `level` (0 = none fired yet): the level and its instant, or null
 * when every threshold has fired or there is no SLA. The monitor keeps this instant in an indexed column.
 */
export function nextThreshold(
  startedAt: Date | null,
  dueAt: Date | null,
  level: number,
): { level: SlaLevelPercent; at: Date } | null {
  if (!dueAt) return null;
  const next = SLA_LEVELS.find((l) => l > level);
  if (!next) return null;
  return { level: next, at: thresholdAt(startedAt ?? dueAt, dueAt, next) };
}

/** The highest threshold already passed at `now` (0, 80, 90 or 100). */
export function levelAt(startedAt: Date | null, dueAt: Date | null, now: Date): number {
  if (!dueAt) return 0;
  let level = 0;
  for (const l of SLA_LEVELS) if (now.getTime() >= thresholdAt(startedAt ?? dueAt, dueAt, l).getTime()) level = l;
  return level;
}

/** "2d 3h", "4h 15m 3s", "45m 12s", "30s" (seconds within the last day, so the countdown moves); absolute. */
export function formatDuration(msLeft: number): string {
  const abs = Math.abs(msLeft);
  const totalSeconds = Math.floor(abs / 1000);
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  const d = Math.floor(totalMinutes / 1440);
  const h = Math.floor((totalMinutes % 1440) / 60);
  const m = totalMinutes % 60;
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${m}m ${totalSeconds % 60}s`;
  return `${m}m ${totalSeconds % 60}s`;
}

/** The state in people's words, for badges and notifications (colour only reinforces it). */
export const SLA_STATE_LABEL: Record<SlaState, string> = {
  none: 'No SLA',
  on_track: 'On track',
  warning: 'Due soon',
  at_risk: 'At risk',
  breached: 'SLA breached',
  met: 'SLA met',
  paused: 'Paused',
};

/** Help-desk statuses that pause a ticket's clock unless its workflow names others (issue 11). */
export const TICKET_PAUSE_STATUSES = ['On Hold'];

/**
 * The status pausing a ticket's clock right now ("On Hold"), or null while it runs or once it stopped. The
 * help desk's badge then reads "Paused — On Hold" without a time left: the due instant moves when work resumes.
 */
export function ticketPausedBy(status: string, stoppedAt: Date | string | null, pauseStatuses = TICKET_PAUSE_STATUSES) {
  return stoppedAt == null && pauseStatuses.includes(status) ? status : null;
}

/** The badge's words for a clock paused by `status`. */
export const pausedLabel = (status: string) => `${SLA_STATE_LABEL.paused} — ${status}`;
