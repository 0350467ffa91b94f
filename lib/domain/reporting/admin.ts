/** The admin report: one bounded date range, optional department and priority, every figure one aggregate. */
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import type { Actor } from '../actor';
import { assertCanReadAdminReports } from './policy';
import type { AdminReportQuery } from './schemas';

const DAY = 86_400_000;
const TERMINAL = ['Resolved', 'Closed', 'Rejected', 'Withdrawn'];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : null);

export interface AdminReport {
  range: { from: string; to: string };
  filters: { department: string | null; priority: string | null };
  created_vs_resolved: { day: string; created: number; resolved: number }[];
  backlog: { open: number; buckets: { bucket: string; count: number }[] };
  sla_compliance: { priority: string; completed: number; met: number; percent: number | null }[];
  workload: { user_id: number; name: string; open: number; due_soon: number; breached: number }[];
  rates: {
    tasks: number;
    escalated: number;
    transferred: number;
    escalation_percent: number | null;
    transfer_percent: number | null;
  };
  csat: { count: number; average: number | null; distribution: { rating: number; count: number }[] };
  routing: { routed: number; unassigned: number };
}

export function rangeOf(q: AdminReportQuery, now = new Date()): { from: Date; to: Date } {
  if (q.from && q.to) return { from: new Date(`${q.from}T00:00:00Z`), to: new Date(`${q.to}T00:00:00Z`) };
  const to = new Date(`${iso(now)}T00:00:00Z`);
  return { from: new Date(to.getTime() - 29 * DAY), to };
}

export async function adminReport(actor: Actor, q: AdminReportQuery, now = new Date()): Promise<AdminReport> {
  assertCanReadAdminReports(actor);
  const { from, to } = rangeOf(q, now);
  const end = new Date(to.getTime() + DAY);
  const dept = q.department ?? null;
  const prio = q.priority ?? null;
  // Help-desk ticket filters, and the same filters on the workflow's copy of the ticket.
  const t = Prisma.sql`(${dept}::text IS NULL OR t.department = ${dept}) AND (${prio}::text IS NULL OR t.priority = ${prio})`;
  const w = Prisma.sql`(${dept}::text IS NULL OR wt.department = ${dept}) AND (${prio}::text IS NULL OR wt.priority = ${prio})`;
  const [created, resolved, backlog, sla, workload, rates, csat, routing] = await Promise.all([
    db.$queryRaw<{ d: Date; n: bigint }[]>`
      SELECT date_trunc('day', t.created_at AT TIME ZONE 'UTC') AS d, count(*) AS n FROM helpdesk.tickets t
      WHERE t.created_at >= ${from} AND t.created_at < ${end} AND ${t} GROUP BY 1`,
    db.$queryRaw<{ d: Date; n: bigint }[]>`
      SELECT date_trunc('day', t.resolved_at AT TIME ZONE 'UTC') AS d, count(*) AS n FROM helpdesk.tickets t
      WHERE t.resolved_at >= ${from} AND t.resolved_at < ${end} AND ${t} GROUP BY 1`,
    db.$queryRaw<{ bucket: string; n: bigint }[]>`
      SELECT CASE WHEN age < interval '1 day' THEN 'under_1_day' WHEN age < interval '3 days' THEN '1_3_days'
                  WHEN age < interval '7 days' THEN '3_7_days' ELSE 'over_7_days' END AS bucket, count(*) AS n
      FROM (SELECT ${now}::timestamptz - t.created_at AS age FROM helpdesk.tickets t
            WHERE t.status <> ALL(${TERMINAL}::text[]) AND ${t}) x GROUP BY 1`,
    db.$queryRaw<{ priority: string; n: bigint; met: bigint }[]>`
      SELECT wt.priority, count(*) AS n,
             count(*) FILTER (WHERE k.target_resolution IS NULL OR k.completed_at <= k.target_resolution) AS met
      FROM workflow.tasks k JOIN workflow.tickets wt ON wt.id = k.ticket_id
      WHERE k.status IN ('completed', 'closed') AND k.completed_at >= ${from} AND k.completed_at < ${end} AND ${w}
      GROUP BY 1`,
    db.$queryRaw<{ user_id: number; open: bigint; due_soon: bigint; breached: bigint }[]>`
      SELECT i.user_id, count(*) AS open,
             count(*) FILTER (WHERE i.target_resolution > ${now}::timestamptz
                                AND i.target_resolution <= ${now}::timestamptz + interval '1 day') AS due_soon,
             count(*) FILTER (WHERE i.target_resolution <= ${now}::timestamptz) AS breached
      FROM workflow.task_items i JOIN workflow.tasks k ON k.id = i.task_id JOIN workflow.tickets wt ON wt.id = k.ticket_id
      WHERE i.status IN ('new', 'in_progress') AND ${w}
      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 100`,
    db.$queryRaw<{ tasks: bigint; escalated: bigint; transferred: bigint }[]>`
      SELECT count(*) AS tasks,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM workflow.task_items i WHERE i.task_id = k.id AND i.origin = 'Escalation')) AS escalated,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM workflow.task_items i WHERE i.task_id = k.id AND i.origin = 'Transferred')) AS transferred
      FROM workflow.tasks k JOIN workflow.tickets wt ON wt.id = k.ticket_id
      WHERE k.created_at >= ${from} AND k.created_at < ${end} AND ${w}`,
    db.$queryRaw<{ rating: number; n: bigint }[]>`
      SELECT t.csat_rating AS rating, count(*) AS n FROM helpdesk.tickets t
      WHERE t.csat_rating IS NOT NULL AND t.csat_at >= ${from} AND t.csat_at < ${end} AND ${t} GROUP BY 1`,
    db.$queryRaw<{ routing: string; n: bigint }[]>`
      SELECT wt.routing, count(*) AS n FROM workflow.tickets wt
      WHERE wt.received_at >= ${from} AND wt.received_at < ${end} AND ${w} GROUP BY 1`,
  ]);
  const byDay = (rows: { d: Date; n: bigint }[]) => new Map(rows.map((r) => [iso(r.d), Number(r.n)]));
  const c = byDay(created);
  const r = byDay(resolved);
  const days = Math.round((to.getTime() - from.getTime()) / DAY) + 1;
  const series = Array.from({ length: days }, (_, i) => {
    const d = iso(new Date(from.getTime() + i * DAY));
    return { day: d, created: c.get(d) ?? 0, resolved: r.get(d) ?? 0 };
  });
  const buckets = ['under_1_day', '1_3_days', '3_7_days', 'over_7_days'].map((b) => ({
    bucket: b,
    count: Number(backlog.find((x) => x.bucket === b)?.n ?? 0),
  }));
  const names = new Map(
    (
      await db.user.findMany({
        where: { id: { in: workload.map((x) => x.user_id) } },
        select: { id: true, firstName: true, lastName: true, username: true },
      })
    ).map((u) => [u.id, `${u.firstName} ${u.lastName}`.trim() || u.username]),
  );
  const dist = [1, 2, 3, 4, 5].map((rating) => ({ rating, count: Number(csat.find((x) => x.rating === rating)?.n ?? 0) }));
  const csatCount = dist.reduce((a, x) => a + x.count, 0);
  const rt = rates[0];
  const tasks = Number(rt?.tasks ?? 0);
  return {
    range: { from: iso(from), to: iso(to) },
    filters: { department: dept, priority: prio },
    created_vs_resolved: series,
    backlog: { open: buckets.reduce((a, b) => a + b.count, 0), buckets },
    sla_compliance: ['Critical', 'High', 'Medium', 'Low'].map((p) => {
      const row = sla.find((x) => x.priority === p);
      const n = Number(row?.n ?? 0);
      const met = Number(row?.met ?? 0);
      return { priority: p, completed: n, met, percent: pct(met, n) };
    }),
    workload: workload.map((x) => ({
      user_id: x.user_id,
      name: names.get(x.user_id) ?? `User ${x.user_id}`,
      open: Number(x.open),
      due_soon: Number(x.due_soon),
      breached: Number(x.breached),
    })),
    rates: {
      tasks,
      escalated: Number(rt?.escalated ?? 0),
      transferred: Number(rt?.transferred ?? 0),
      escalation_percent: pct(Number(rt?.escalated ?? 0), tasks),
      transfer_percent: pct(Number(rt?.transferred ?? 0), tasks),
    },
    csat: {
      count: csatCount,
      average: csatCount ? Math.round((dist.reduce((a, x) => a + x.rating * x.count, 0) / csatCount) * 10) / 10 : null,
      distribution: dist,
    },
    routing: {
      routed: Number(routing.find((x) => x.routing === 'routed')?.n ?? 0),
      unassigned: Number(routing.find((x) => x.routing === 'unassigned')?.n ?? 0),
    },
  };
}

/** The report as CSV: one section per figure, `section,key,value…` rows. */
export function adminReportCsv(r: AdminReport): string {
  const rows: (string | number | null)[][] = [['section', 'key', 'value', 'value2', 'value3']];
  for (const d of r.created_vs_resolved) rows.push(['created_vs_resolved', d.day, d.created, d.resolved, null]);
  for (const b of r.backlog.buckets) rows.push(['backlog', b.bucket, b.count, null, null]);
  for (const s of r.sla_compliance) rows.push(['sla_compliance', s.priority, s.completed, s.met, s.percent]);
  for (const w of r.workload) rows.push(['workload', w.name, w.open, w.due_soon, w.breached]);
  rows.push(['rates', 'escalated', r.rates.escalated, r.rates.tasks, r.rates.escalation_percent]);
  rows.push(['rates', 'transferred', r.rates.transferred, r.rates.tasks, r.rates.transfer_percent]);
  for (const d of r.csat.distribution) rows.push(['csat', String(d.rating), d.count, null, null]);
  rows.push(['routing', 'routed', r.routing.routed, null, null], ['routing', 'unassigned', r.routing.unassigned, null, null]);
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((row) => row.map(cell).join(',')).join('\n')}\n`;
}
