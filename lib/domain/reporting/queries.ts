/** Read-only figures for the dashboards. Every figure is one indexed aggregate; nothing here writes. */
import { db } from '@/lib/server/db';
import type { Actor } from '../actor';
import { assertCanReadCoordinatorHome } from './policy';
import type { CoordinatorHomeQuery } from './schemas';
import { SLA_STATES, type SlaState, slaStateSql } from './sla-state';

const DAY = 86_400_000;

/** Monday 00:00 UTC of the week that holds `d`. */
export function weekStart(d: Date): Date {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
}

export interface CoordinatorHome {
  generated_at: string;
  week_start: string;
  owned_by_sla: Record<SlaState, number>;
  owned_open: number;
  triage: { count: number; oldest_created_at: string | null; oldest_ticket_number: string | null };
  resolved_this_week: number;
  csat: {
    average: number | null;
    count: number;
    weeks: { week_start: string; average: number | null; count: number }[];
  };
}

/** The coordinator's home: owned open tickets by SLA state, triage queue, resolved this week, CSAT per week. */
export async function coordinatorHome(actor: Actor, q: CoordinatorHomeQuery, now = new Date()): Promise<CoordinatorHome> {
  assertCanReadCoordinatorHome(actor);
  const thisWeek = weekStart(now);
  const from = new Date(thisWeek.getTime() - (q.weeks - 1) * 7 * DAY);
  const [sla, triage, resolved, csat] = await Promise.all([
    db.$queryRaw<{ state: SlaState; n: bigint }[]>`
      SELECT ${slaStateSql('t', now)} AS state, count(*) AS n
      FROM workflow.tasks t
      WHERE t.owner_id = ${actor.id} AND t.status IN ('pending', 'in_progress')
      GROUP BY 1`,
    db.$queryRaw<{ n: bigint; oldest: Date | null; number: string | null }[]>`
      SELECT (SELECT count(*) FROM helpdesk.tickets WHERE status = 'New') AS n,
             o.created_at AS oldest, o.ticket_number AS number
      FROM (SELECT 1) one
      LEFT JOIN LATERAL (SELECT created_at, ticket_number FROM helpdesk.tickets WHERE status = 'New'
                         ORDER BY created_at, id LIMIT 1) o ON true`,
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM workflow.tasks
      WHERE owner_id = ${actor.id} AND status = 'completed' AND completed_at >= ${thisWeek}::timestamptz`,
    db.$queryRaw<{ week: Date; n: bigint; total: bigint }[]>`
      SELECT date_trunc('week', csat_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS week,
             count(*) AS n, sum(csat_rating) AS total
      FROM helpdesk.tickets
      WHERE owner_id = ${actor.id} AND csat_rating IS NOT NULL AND csat_at >= ${from}::timestamptz
      GROUP BY 1`,
  ]);
  const owned = Object.fromEntries(SLA_STATES.map((s) => [s, 0])) as Record<SlaState, number>;
  for (const r of sla) owned[r.state] = Number(r.n);
  const byWeek = new Map(csat.map((r) => [r.week.getTime(), r]));
  const weeks = Array.from({ length: q.weeks }, (_, i) => {
    const w = new Date(from.getTime() + i * 7 * DAY);
    const r = byWeek.get(w.getTime());
    const count = r ? Number(r.n) : 0;
    return { week_start: w.toISOString(), count, average: r && count ? round1(Number(r.total) / count) : null };
  });
  const count = weeks.reduce((a, w) => a + w.count, 0);
  const total = csat.reduce((a, r) => a + Number(r.total), 0);
  return {
    generated_at: now.toISOString(),
    week_start: thisWeek.toISOString(),
    owned_by_sla: owned,
    owned_open: SLA_STATES.reduce((a, s) => a + owned[s], 0),
    triage: {
      count: Number(triage[0]?.n ?? 0),
      oldest_created_at: triage[0]?.oldest ? triage[0].oldest.toISOString() : null,
      oldest_ticket_number: triage[0]?.number ?? null,
    },
    resolved_this_week: Number(resolved[0]?.n ?? 0),
    csat: { average: count ? round1(total / count) : null, count, weeks },
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
