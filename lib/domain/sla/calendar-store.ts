/**
 * Reading calendars for the clock (issue 11): a stored calendar row as the business-time module's calendar.
 * `null` (no calendar) is the default 24×7 calendar.
 */
import type { Tx } from '@/lib/server/db';
import type { BusinessCalendar, WorkingHours } from './business-time';

export interface CalendarRow {
  id: number;
  timeZone: string;
  hours: unknown;
  holidays: unknown;
}

/** The business-time calendar of a stored row. */
export function businessCalendarOf(row: CalendarRow): BusinessCalendar {
  return {
    time_zone: row.timeZone,
    hours: (row.hours as WorkingHours[]) ?? [],
    holidays: ((row.holidays as { date: string }[]) ?? []).map((h) => h.date),
  };
}

/** The calendar with this id (null id or a deleted calendar → 24×7). */
export async function loadCalendar(tx: Tx, id: number | null | undefined): Promise<BusinessCalendar | null> {
  if (id == null) return null;
  const row = await tx.slaCalendar.findUnique({ where: { id } });
  return row ? businessCalendarOf(row) : null;
}

/** The help desk's calendar (its response targets count in it), or null for 24×7. */
export async function helpdeskCalendar(tx: Tx): Promise<BusinessCalendar | null> {
  const row = await tx.slaCalendar.findFirst({ where: { forHelpdesk: true }, orderBy: { id: 'asc' } });
  return row ? businessCalendarOf(row) : null;
}
