// Help-desk SLA maths: response and resolution targets per priority (004's P1–P4 table, TICKET_SLA_HOURS).
import { env } from '@/lib/server/env';
import type { Priority } from './schemas';

export const PRIORITY_RANK: Record<Priority, number> = { Critical: 1, High: 2, Medium: 3, Low: 4 };

/** Response/resolution hours per priority (004's P1–P4 table, TICKET_SLA_HOURS). */
export function slaHours(p: Priority): { response: number; resolution: number } {
  const parts = env.TICKET_SLA_HOURS.split(',').map((x) => x.split('/').map(Number));
  const [response, resolution] = parts[PRIORITY_RANK[p] - 1] ?? [24, 168];
  return { response, resolution };
}

/**
 * The help desk's own targets, from `from`. They hold until the workflow engine owns the ticket: from then on
 * its SLA is the one resolution target (`setTicketSla`), so `routed` keeps the resolution target untouched.
 */
export function dueDates(p: Priority, from: Date, routed = false) {
  const h = slaHours(p);
  return {
    responseDueAt: new Date(from.getTime() + h.response * 3600_000),
    ...(routed ? {} : { resolutionDueAt: new Date(from.getTime() + h.resolution * 3600_000), slaStartedAt: from }),
  };
}
