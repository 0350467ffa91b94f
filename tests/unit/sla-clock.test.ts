import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  levelAt,
  nextThreshold,
  pausedLabel,
  slaState,
  thresholdAt,
  ticketPausedBy,
} from '@/lib/domain/sla/clock';

const start = new Date('2026-03-02T08:00:00Z');
const due = new Date('2026-03-02T18:00:00Z'); // a 10-hour window
const at = (h: number) => new Date(start.getTime() + h * 3600_000);

describe('the one SLA clock', () => {
  it('is on track until the "Due soon" share (75 % by default), never "due soon" from the first minute', () => {
    expect(slaState({ startedAt: start, dueAt: due }, at(0.02)).state).toBe('on_track');
    expect(slaState({ startedAt: start, dueAt: due }, at(7.49)).state).toBe('on_track');
    expect(slaState({ startedAt: start, dueAt: due }, at(7.5)).state).toBe('warning');
  });
  it('takes the installation\'s "Due soon" share', () => {
    expect(slaState({ startedAt: start, dueAt: due, dueSoonPercent: 50 }, at(4.99)).state).toBe('on_track');
    expect(slaState({ startedAt: start, dueAt: due, dueSoonPercent: 50 }, at(5)).state).toBe('warning');
    expect(slaState({ startedAt: start, dueAt: due, dueSoonPercent: 85 }, at(8)).state).toBe('on_track');
  });
  it('is due soon until 90 %, at risk at 90 %, breached at 100 %', () => {
    expect(slaState({ startedAt: start, dueAt: due }, at(8)).state).toBe('warning');
    expect(slaState({ startedAt: start, dueAt: due }, at(9)).state).toBe('at_risk');
    expect(slaState({ startedAt: start, dueAt: due }, at(10)).state).toBe('breached');
    expect(slaState({ startedAt: start, dueAt: due }, at(12))).toMatchObject({ state: 'breached', percent: 120 });
  });
  it('is met when stopped before the due instant, breached when after, and stops moving', () => {
    expect(slaState({ startedAt: start, dueAt: due, stoppedAt: at(9.5) }, at(30))).toEqual({
      state: 'met',
      percent: 95,
      remaining_ms: null,
    });
    expect(slaState({ startedAt: start, dueAt: due, stoppedAt: at(10.5) }, at(30)).state).toBe('breached');
  });
  it('has no state without a target', () => {
    expect(slaState({ startedAt: start, dueAt: null }).state).toBe('none');
  });
  it('accepts ISO strings (API responses in the browser)', () => {
    expect(slaState({ startedAt: start.toISOString(), dueAt: due.toISOString() }, at(9).getTime()).state).toBe('at_risk');
  });
  it('names the threshold instants the monitor waits for', () => {
    expect(thresholdAt(start, due, 80).toISOString()).toBe('2026-03-02T16:00:00.000Z');
    expect(nextThreshold(start, due, 0)).toEqual({ level: 80, at: at(8) });
    expect(nextThreshold(start, due, 80)).toEqual({ level: 90, at: at(9) });
    expect(nextThreshold(start, due, 90)).toEqual({ level: 100, at: due });
    expect(nextThreshold(start, due, 100)).toBeNull();
    expect(nextThreshold(start, null, 0)).toBeNull();
    expect(levelAt(start, due, at(7))).toBe(0);
    expect(levelAt(start, due, at(9.2))).toBe(90);
    expect(levelAt(start, due, at(11))).toBe(100);
  });
  it('formats what is left', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration((4 * 60 + 15) * 60000 + 3000)).toBe('4h 15m 3s');
    expect(formatDuration(-(26 * 60 + 5) * 60000)).toBe('1d 2h');
  });
});

describe('a paused clock', () => {
  it('freezes its state and time left at the pause; a stopped clock is met or breached whatever the pause', () => {
    const startedAt = '2026-12-01T00:00:00Z';
    const dueAt = '2026-12-01T10:00:00Z';
    const pausedAt = '2026-12-01T05:00:00Z';
    const s = slaState({ startedAt, dueAt, pausedAt }, Date.parse('2026-12-02T00:00:00Z'));
    expect(s).toEqual({ state: 'paused', percent: 50, remaining_ms: 5 * 3600_000 });
    expect(slaState({ startedAt, dueAt, pausedAt, stoppedAt: '2026-12-01T06:00:00Z' }).state).toBe('met');
  });
});

describe('the help desk badge while the clock is paused', () => {
  it('reads "Paused — On Hold" while the ticket waits On Hold, nothing once it runs or stopped', () => {
    expect(ticketPausedBy('On Hold', null)).toBe('On Hold');
    expect(pausedLabel('On Hold')).toBe('Paused — On Hold');
    expect(ticketPausedBy('In Progress', null)).toBeNull();
    expect(ticketPausedBy('On Hold', new Date())).toBeNull();
    expect(ticketPausedBy('Waiting', null, ['Waiting'])).toBe('Waiting');
  });
});

describe('the share of business time', () => {
  // Friday 15:00Z start, 8 business hours on 08:00–16:00Z weekdays: 1 h Friday, 7 h Monday (due Mon 15:00Z)
  const cal = { time_zone: 'UTC', hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '16:00' })), holidays: [] };
  const start = '2026-12-04T15:00:00Z';
  const due = '2026-12-07T15:00:00Z';
  const c = {
    startedAt: start,
    dueAt: due,
    dueSoonPercent: 75,
    dueSoonAt: '2026-12-07T13:00:00Z',
    atRiskAt: '2026-12-07T14:12:00Z',
  };

  it('turns at the stored business-time instants, not at wall-clock shares over the weekend', () => {
    // Sunday 22:00Z is 76 % of the wall-clock stretch
    expect(slaState(c, new Date('2026-12-06T22:00:00Z')).state).toBe('on_track');
    expect(slaState(c, new Date('2026-12-07T12:59:59Z')).state).toBe('on_track');
    expect(slaState(c, new Date('2026-12-07T13:00:00Z')).state).toBe('warning');
    expect(slaState(c, new Date('2026-12-07T14:12:00Z')).state).toBe('at_risk');
    expect(slaState(c, new Date(due)).state).toBe('breached');
  });

  it('counts the exact share of business time with the calendar and pauses, or reads it off the instants', () => {
    const business = { calendar: cal, pauses: [] };
    expect(slaState({ ...c, business }, new Date('2026-12-06T22:00:00Z')).percent).toBe(12);
    expect(slaState({ ...c, business }, new Date('2026-12-07T13:24:00Z')).percent).toBe(80);
    // a pause of Monday's first hour: nothing counts in it
    const paused = {
      calendar: cal,
      pauses: [{ from: Date.parse('2026-12-07T08:00:00Z'), to: Date.parse('2026-12-07T09:00:00Z') }],
    };
    const moved = { ...c, dueAt: '2026-12-07T16:00:00Z', business: paused }; // the pause moved the due instant
    expect(slaState(moved, new Date('2026-12-07T09:00:00Z')).percent).toBe(12);
    expect(slaState(moved, new Date('2026-12-07T10:00:00Z')).percent).toBe(25);
    // without the calendar: exact at the instants, in between along them
    expect(slaState(c, new Date('2026-12-07T13:00:00Z')).percent).toBe(75);
    expect(slaState(c, new Date('2026-12-07T14:12:00Z')).percent).toBe(90);
  });
});
