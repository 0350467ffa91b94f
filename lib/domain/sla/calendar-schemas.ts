/**
 * Calendar input (issue 11), shared by the API and the admin form: an IANA time zone, working hours per ISO
 * weekday (several spans a day, none overlapping, each ending after it starts) and holidays (dates within
 * 2000–2100). Every problem is reported on its own field (`hours.2.end`, `holidays.0.date`).
 */
import { z } from 'zod';
import { hoursProblems, isTimeZone } from './business-time';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HHMM_END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const HOLIDAY_YEARS = { min: 2000, max: 2100 } as const;
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const workingHoursInput = z.object({
  day: z.coerce.number().int().min(1, 'Pick a weekday').max(7, 'Pick a weekday'),
  start: z.string().trim().regex(HHMM, 'Use a time like 09:00'),
  end: z.string().trim().regex(HHMM_END, 'Use a time like 17:00 (24:00 for midnight)'),
});

function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export const holidayInput = z.object({
  date: z
    .string()
    .trim()
    .refine(validDate, 'Use a date like 2026-12-25')
    .refine((s) => {
      const y = Number(s.slice(0, 4));
      return y >= HOLIDAY_YEARS.min && y <= HOLIDAY_YEARS.max;
    }, `Holidays must fall between ${HOLIDAY_YEARS.min} and ${HOLIDAY_YEARS.max}`),
  name: z.string().trim().max(100).default(''),
});

const calendarFields = z.object({
  name: z.string().trim().min(1, 'This field is required').max(100),
  description: z.string().trim().max(500).default(''),
  time_zone: z
    .string()
    .trim()
    .min(1, 'This field is required')
    .max(64)
    .refine(isTimeZone, 'Unknown time zone: use an IANA name such as Europe/Berlin or America/New_York'),
  hours: z.array(workingHoursInput).min(1, 'Add at least one span of working hours').max(70),
  holidays: z.array(holidayInput).max(400).default([]),
  /** The help desk's response targets count in this calendar (one calendar at most). */
  for_helpdesk: z.boolean().default(false),
});

function checkCalendar(c: { hours?: z.infer<typeof workingHoursInput>[]; holidays?: { date: string }[] }, ctx: z.RefinementCtx) {
  if (c.hours) {
    for (const p of hoursProblems(c.hours))
      ctx.addIssue({ code: 'custom', path: ['hours', p.index, p.field], message: p.message });
  }
  const seen = new Set<string>();
  c.holidays?.forEach((h, i) => {
    if (seen.has(h.date)) ctx.addIssue({ code: 'custom', path: ['holidays', i, 'date'], message: 'This date is listed twice' });
    seen.add(h.date);
  });
}

export const calendarInput = calendarFields.superRefine(checkCalendar);
export type CalendarInput = z.infer<typeof calendarInput>;

export const calendarIdParam = z.object({ id: z.coerce.number().int().positive() });

/** A calendar as the API answers it. */
export const calendarOutput = z.object({
  calendar_id: z.number().int(),
  name: z.string(),
  description: z.string(),
  time_zone: z.string(),
  hours: z.array(z.object({ day: z.number().int(), start: z.string(), end: z.string() })),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  for_helpdesk: z.boolean(),
  workflows: z.array(z.object({ workflow_id: z.number().int(), name: z.string() })),
  created_at: z.string(),
  updated_at: z.string(),
});
export const calendarListOutput = z.array(calendarOutput);
