// Help-desk SLA maths: response and resolution targets per priority (004's P1–P4 table, TICKET_SLA_HOURS).
import { env } from '@/lib/server/env';
import { addBusinessTime, type BusinessCalendar, shareInstant } from '../sla/business-time';
import { SLA_THRESHOLDS } from '../sla/clock';
import { SLA_DUE_SOON_PERCENT } from '../sla/settings';
import type { Priority } from './schemas';

export const PRIORITY_RANK: Record<Priority, number> = { Critical: 1, High: 2, Medium: 3, Low: 4 };

/** Response/resolution hours per priority (004's P1–P4 table, TICKET_SLA_HOURS). */
export function slaHours(p: Priority): { response: number; resolution: number } {
  const parts = env.TICKET_SLA_HOURS.split(',').map((x) => x.split('/').map(Number));
  const [response, resolution] = parts[PRIORITY_RANK[p] - 1] ?? [24, 168];
  return { response, resolution };
}

/**
 * The help desk's own targets, from `from`, in business hours of the help desk's calendar (issue 11; null =
 * 24×7). They hold until the workflow engine owns the ticket: from then on its SLA is the one resolution target
 * (`setTicketSla`), so `routed` keeps the resolution target untouched.
 */
export function dueDates(p: Priority, from: Date, routed = false, calendar: BusinessCalendar | null = null) {
  const h = slaHours(p);
  return {
    responseDueAt: addBusinessTime(calendar, from, h.response * 3600),
    ...(routed
      ? {}
      : {
          resolutionDueAt: addBusinessTime(calendar, from, h.resolution * 3600),
          slaStartedAt: from,
          // the instants the badges turn at, in the calendar's business time (lib/domain/sla/clock.ts)
          slaDueSoonAt: shareInstant(calendar, from, h.resolution * 3600, SLA_DUE_SOON_PERCENT),
          slaAtRiskAt: shareInstant(calendar, from, h.resolution * 3600, SLA_THRESHOLDS.at_risk),
        }),
  };
}
