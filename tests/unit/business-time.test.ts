/** Business-time arithmetic (lib/domain/sla/business-time.ts): weekends, holidays, DST, pauses, 24×7. */
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  type BusinessCalendar,
  businessMsBetween,
  hoursProblems,
  isTimeZone,
  offHoursBetween,
  zonedInstant,
} from '@/lib/domain/sla/business-time';

const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((day) => ({ day, start, end }));
const berlin: BusinessCalendar = { time_zone: 'Europe/Berlin', hours: weekdays('09:00', '17:00'), holidays: [] };
const H = 3600;
const iso = (d: Date) => d.toISOString();

describe('business time', () => {
  it('24×7 (no calendar) is wall-clock time', () => {
    const start = new Date('2026-12-04T16:00:00Z');
    expect(iso(addBusinessTime(null, start, 10 * H))).toBe('2026-12-05T02:00:00.000Z');
    expect(businessMsBetween(null, start, new Date('2026-12-05T02:00:00Z'))).toBe(10 * H * 1000);
  });

  it('skips the night and the weekend', () => {
    // Friday 4 Dec 2026 16:00 Berlin (15:00Z) + 4 business hours: 1 h on Friday, 3 h on Monday → Monday 12:00 Berlin
    const start = new Date('2026-12-04T15:00:00Z');
    const due = addBusinessTime(berlin, start, 4 * H);
    expect(iso(due)).toBe('2026-12-07T11:00:00.000Z');
    expect(businessMsBetween(berlin, start, due)).toBe(4 * H * 1000);
    // started on a Saturday: the clock starts Monday 09:00
    expect(iso(addBusinessTime(berlin, new Date('2026-12-05T10:00:00Z'), H))).toBe('2026-12-07T09:00:00.000Z');
  });

  it('skips a holiday', () => {
    const cal = { ...berlin, holidays: ['2026-12-24', '2026-12-25'] };
    // Wednesday 23 Dec 16:00 Berlin + 2 h: 1 h Wednesday, Thursday and Friday are holidays, 1 h Monday 28th
    const due = addBusinessTime(cal, new Date('2026-12-23T15:00:00Z'), 2 * H);
    expect(iso(due)).toBe('2026-12-28T09:00:00.000Z');
  });

  it('keeps working hours in local time across a DST change', () => {
    // Berlin moves to summer time on Sunday 29 March 2026: Friday 17:00 is 16:00Z, Monday 09:00 is 07:00Z
    const due = addBusinessTime(berlin, new Date('2026-03-27T15:00:00Z'), 2 * H);
    expect(iso(due)).toBe('2026-03-30T08:00:00.000Z');
    // a 24-hour wall-clock day with a DST change: New York falls back on 1 Nov 2026 (25 hours long)
    const ny: BusinessCalendar = {
      time_zone: 'America/New_York',
      hours: [7].map((day) => ({ day, start: '00:00', end: '24:00' })),
      holidays: [],
    };
    const sunday = zonedInstant('America/New_York', 2026, 11, 1, 0);
    expect(businessMsBetween(ny, new Date(sunday), new Date(sunday + 30 * H * 1000))).toBe(25 * H * 1000);
  });

  it('does not count paused time', () => {
    const start = new Date('2026-12-07T08:00:00Z'); // Monday 09:00 Berlin
    const pause = { from: Date.parse('2026-12-07T09:00:00Z'), to: Date.parse('2026-12-07T11:00:00Z') };
    expect(iso(addBusinessTime(berlin, start, 4 * H, [pause]))).toBe('2026-12-07T14:00:00.000Z');
    expect(businessMsBetween(berlin, start, new Date('2026-12-07T14:00:00Z'), [pause])).toBe(4 * H * 1000);
    expect(iso(addBusinessTime(null, start, 4 * H, [pause]))).toBe('2026-12-07T14:00:00.000Z');
  });

  it('lists the hours outside working time', () => {
    const off = offHoursBetween(berlin, new Date('2026-12-04T15:00:00Z'), new Date('2026-12-07T10:00:00Z'));
    expect(off).toEqual([{ from: Date.parse('2026-12-04T16:00:00Z'), to: Date.parse('2026-12-07T08:00:00Z') }]);
    expect(offHoursBetween(null, new Date(0), new Date(1000))).toEqual([]);
  });

  it('split days and validation', () => {
    const split: BusinessCalendar = {
      time_zone: 'UTC',
      hours: [
        { day: 1, start: '09:00', end: '12:00' },
        { day: 1, start: '13:00', end: '17:00' },
      ],
      holidays: [],
    };
    expect(iso(addBusinessTime(split, new Date('2026-12-07T11:00:00Z'), 2 * H))).toBe('2026-12-07T14:00:00.000Z');
    expect(hoursProblems(split.hours)).toEqual([]);
    expect(hoursProblems([{ day: 1, start: '10:00', end: '09:00' }])[0]).toMatchObject({ index: 0, field: 'end' });
    expect(hoursProblems([...split.hours, { day: 1, start: '11:00', end: '14:00' }])).toHaveLength(2);
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe("the help desk's response target", () => {
  it('counts in the help desk calendar when one is chosen, around the clock otherwise', async () => {
    const { dueDates, slaHours } = await import('@/lib/domain/helpdesk/sla');
    const from = new Date('2026-12-04T15:00:00Z'); // Friday 16:00 Berlin
    const { response } = slaHours('High');
    expect(dueDates('High', from).responseDueAt.getTime()).toBe(from.getTime() + response * 3600_000);
    expect(dueDates('High', from, false, berlin).responseDueAt.toISOString()).toBe(
      addBusinessTime(berlin, from, response * 3600).toISOString(),
    );
    expect(dueDates('High', from, false, berlin).responseDueAt.getUTCDay()).not.toBe(6); // never on a Saturday
  });
});
