/** The admin report: one bounded date range, optional department and priority, every figure one aggregate. */

import { DEPARTMENTS } from '@/lib/domain/helpdesk/catalog';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import type { Actor } from '../actor';
import { validationFailed } from '../errors';
import { assertCanReadAdminReports } from './policy';
import { weekStart } from './queries';
import type { AdminReportQuery, ReportSection } from './schemas';

const DAY = 86_400_000;
/** Literal, not a parameter: the planner must see it to use the open-tickets partial index (report_indexes). */
const TERMINAL_SQL = Prisma.raw(`('Resolved', 'Closed', 'Rejected', 'Withdrawn')`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : null);

export interface AdminReport {
  range: { from: string; to: string };
  filters: { department: string | null; priority: string | null; workflow_id: number | null };
  created_vs_resolved: { day: string; created: number; resolved: number }[];
  backlog: { open: number; buckets: { bucket: string; count: number }[] };
  sla_compliance: { priority: string; completed: number; met: number; percent: number | null }[];
  sla_by_workflow: { workflow_id: number; workflow: string; completed: number; met: number; percent: number | null }[];
  sla_by_step: StepFigure<{ completed: number; met: number; percent: number | null }>[];
  /** Seconds from the step's clock start (its first assignment) to the assignment that finished it. */
  time_per_step: StepFigure<{ completed: number; median_seconds: number; p90_seconds: number }>[];
  workload: { user_id: number; name: string; open: number; due_soon: number; breached: number }[];
  rates: {
    tasks: number;
    escalated: number;
    transferred: number;
    escalation_percent: number | null;
    transfer_percent: number | null;
  };
  csat: { count: number; average: number | null; distribution: { rating: number; count: number }[] };
  /** Ratings per week (Monday, UTC) that overlaps the range. */
  csat_trend: { week_start: string; count: number; average: number | null }[];
  routing: { routed: number; unassigned: number };
}

type StepFigure<T> = { workflow_id: number; workflow: string; step_id: number; step: string } & T;

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
  const wf = q.workflow_id ?? null;
  const [workflows, stepList, knownDept] = await Promise.all([
    db.workflow.findMany({ select: { id: true, name: true } }),
    db.workflowStep.findMany({ select: { id: true, workflowId: true } }),
    // the help desk's catalog: its table, or the built-in list while the table is empty (as catalog() offers it)
    dept
      ? db.department
          .findUnique({ where: { name: dept }, select: { id: true } })
          .then(async (d) => !!d || ((DEPARTMENTS as readonly string[]).includes(dept) && (await db.department.count()) === 0))
      : true,
  ]);
  const workflowOfStep = new Map(stepList.map((x) => [x.id, x.workflowId]));
  // A filter value outside the catalog is a mistake, not an empty report (a retired department stays known).
  const problems: Record<string, string[]> = {};
  if (wf && !workflows.some((x) => x.id === wf)) problems['query.workflow_id'] = ['No such workflow'];
  if (dept && !knownDept) problems['query.department'] = ['No such department'];
  if (Object.keys(problems).length) throw validationFailed(problems);
  // Help-desk ticket filters, and the same filters on the workflow's copy of the ticket. A workflow filter keeps
  // the tickets that workflow took: the help desk's copy of that id (migration ticket_workflow_id, index on it).
  const w = Prisma.sql`(${dept}::text IS NULL OR wt.department = ${dept}) AND (${prio}::text IS NULL OR wt.priority = ${prio})
    AND (${wf}::int IS NULL OR EXISTS (SELECT 1 FROM workflow.tasks kw WHERE kw.ticket_id = wt.id AND kw.workflow_id = ${wf}))`;
  const t = wf
    ? Prisma.sql`(${dept}::text IS NULL OR t.department = ${dept}) AND (${prio}::text IS NULL OR t.priority = ${prio})
        AND t.workflow_id = ${wf}`
    : Prisma.sql`(${dept}::text IS NULL OR t.department = ${dept}) AND (${prio}::text IS NULL OR t.priority = ${prio})`;
  // Created / resolved / CSAT come from the daily rollup (migrations ticket_daily_rollup, ticket_daily_workflow).
  const rf = Prisma.sql`(${dept}::text IS NULL OR r.department = ${dept}) AND (${prio}::text IS NULL OR r.priority = ${prio})
    AND (${wf}::int IS NULL OR r.workflow_id = ${wf})`;
  // Task figures join the ticket copy only when a ticket filter needs it, and filter the workflow on the task.
  const wtJoin = dept || prio ? Prisma.sql`JOIN workflow.tickets wt ON wt.id = k.ticket_id` : Prisma.empty;
  const k = Prisma.sql`${wf ? Prisma.sql`k.workflow_id = ${wf}` : Prisma.sql`true`}
    ${dept ? Prisma.sql`AND wt.department = ${dept}` : Prisma.empty} ${prio ? Prisma.sql`AND wt.priority = ${prio}` : Prisma.empty}`;
  const [created, resolved, backlog, sla, workload, rates, csat, routing, steps, trend] = await Promise.all([
    db.$queryRaw<{ d: Date; n: bigint }[]>`
      SELECT r.day AS d, sum(r.created) AS n FROM helpdesk.ticket_daily r
      WHERE r.day >= ${from}::date AND r.day < ${end}::date AND ${rf} GROUP BY 1`,
    db.$queryRaw<{ d: Date; n: bigint }[]>`
      SELECT r.day AS d, sum(r.resolved) AS n FROM helpdesk.ticket_daily r
      WHERE r.day >= ${from}::date AND r.day < ${end}::date AND ${rf} GROUP BY 1`,
    // Open tickets by age: comparisons with three instants, no per-row interval arithmetic.
    db.$queryRaw<{ d1: bigint; d3: bigint; d7: bigint; total: bigint }[]>`
      SELECT count(*) FILTER (WHERE t.created_at > ${new Date(now.getTime() - DAY)}::timestamptz) AS d1,
             count(*) FILTER (WHERE t.created_at > ${new Date(now.getTime() - 3 * DAY)}::timestamptz) AS d3,
             count(*) FILTER (WHERE t.created_at > ${new Date(now.getTime() - 7 * DAY)}::timestamptz) AS d7, count(*) AS total
      FROM helpdesk.tickets t WHERE t.status NOT IN ${TERMINAL_SQL} AND ${t}`,
    // Finished tasks once, by priority and workflow, from the daily task rollup (migration task_daily_rollup):
    // both SLA tables add these rows up.
    db.$queryRaw<{ priority: string; workflow_id: number; n: bigint; met: bigint }[]>`
      SELECT d.priority, d.workflow_id, sum(d.completed) AS n, sum(d.met) AS met
      FROM workflow.task_daily d
      WHERE d.day >= ${from}::date AND d.day < ${end}::date AND (${wf}::int IS NULL OR d.workflow_id = ${wf})
        AND (${dept}::text IS NULL OR d.department = ${dept}) AND (${prio}::text IS NULL OR d.priority = ${prio})
      GROUP BY 1, 2 HAVING sum(d.completed) <> 0`,
    db.$queryRaw<{ user_id: number; open: bigint; due_soon: bigint; breached: bigint }[]>`
      SELECT i.user_id, count(*) AS open,
             count(*) FILTER (WHERE i.target_resolution > ${now}::timestamptz
                                AND i.target_resolution <= ${now}::timestamptz + interval '1 day') AS due_soon,
             count(*) FILTER (WHERE i.target_resolution <= ${now}::timestamptz) AS breached
      FROM workflow.task_items i ${wf || dept || prio ? Prisma.sql`JOIN workflow.tasks k ON k.id = i.task_id ${wtJoin}` : Prisma.empty}
      WHERE i.status IN ('new', 'in_progress') AND ${wf || dept || prio ? k : Prisma.sql`true`}
      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 100`,
    // Tasks of the range counted on their index, hand-overs (few, a partial index holds them) joined to their task.
    db.$queryRaw<{ tasks: bigint; escalated: bigint; transferred: bigint }[]>`
      SELECT (SELECT count(*) FROM workflow.tasks k ${wtJoin}
               WHERE k.created_at >= ${from} AND k.created_at < ${end} AND ${k}) AS tasks,
             count(*) FILTER (WHERE h.escalated) AS escalated, count(*) FILTER (WHERE h.transferred) AS transferred
      FROM (SELECT i.task_id, bool_or(i.origin = 'Escalation') AS escalated, bool_or(i.origin = 'Transferred') AS transferred
            FROM workflow.task_items i WHERE i.origin IN ('Escalation', 'Transferred') GROUP BY 1) h
      JOIN workflow.tasks k ON k.id = h.task_id ${wtJoin}
      WHERE k.created_at >= ${from} AND k.created_at < ${end} AND ${k}`,
    db.$queryRaw<{ rating: number; n: bigint }[]>`
      SELECT x.rating, x.n FROM (
        SELECT sum(csat_1) AS c1, sum(csat_2) AS c2, sum(csat_3) AS c3, sum(csat_4) AS c4, sum(csat_5) AS c5
        FROM helpdesk.ticket_daily r WHERE r.day >= ${from}::date AND r.day < ${end}::date AND ${rf}) s,
      LATERAL (VALUES (1, s.c1), (2, s.c2), (3, s.c3), (4, s.c4), (5, s.c5)) x(rating, n) WHERE x.n > 0`,
    db.$queryRaw<{ routing: string; n: bigint }[]>`
      SELECT wt.routing, count(*) AS n FROM workflow.tickets wt
      WHERE wt.received_at >= ${from} AND wt.received_at < ${end} AND ${w} GROUP BY 1`,
    // Steps finished in the range: the assignment that acted on the step (resolved), timed from the step's clock.
    // The percentiles sort every row of the range (a year: about 180,000): in memory, not in temporary files.
    db
      .$transaction([
        db.$executeRaw`SET LOCAL work_mem = '32MB'`,
        db.$queryRaw<{ step_id: number; step: string; n: bigint; met: bigint; p50: number; p90: number }[]>`
      SELECT i.step_id, max(i.step_name) AS step, count(*) AS n,
             count(*) FILTER (WHERE i.target_resolution IS NULL OR i.acted_on <= i.target_resolution) AS met,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i.acted_on - coalesce(i.sla_started_at, i.assigned_on))) AS p50,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM i.acted_on - coalesce(i.sla_started_at, i.assigned_on))) AS p90
      FROM workflow.task_items i ${dept || prio ? Prisma.sql`JOIN workflow.tasks k ON k.id = i.task_id ${wtJoin}` : Prisma.empty}
      WHERE i.status = 'resolved' AND i.acted_on >= ${from} AND i.acted_on < ${end}
        AND ${wf ? Prisma.sql`i.step_id IN (SELECT id FROM workflow.workflow_steps WHERE workflow_id = ${wf})` : Prisma.sql`true`}
        ${dept ? Prisma.sql`AND wt.department = ${dept}` : Prisma.empty} ${prio ? Prisma.sql`AND wt.priority = ${prio}` : Prisma.empty}
      GROUP BY 1`,
      ])
      .then(([, rows]) => rows),
    db.$queryRaw<{ week: Date; n: bigint; total: bigint }[]>`
      SELECT date_trunc('week', r.day)::date AS week, sum(csat_1 + csat_2 + csat_3 + csat_4 + csat_5) AS n,
             sum(csat_1 + 2 * csat_2 + 3 * csat_3 + 4 * csat_4 + 5 * csat_5) AS total
      FROM helpdesk.ticket_daily r WHERE r.day >= ${from}::date AND r.day < ${end}::date AND ${rf} GROUP BY 1`,
  ]);
  const wfName = new Map(workflows.map((x) => [x.id, x.name]));
  const byWorkflow = new Map<number, { workflow_id: number; n: number; met: number }>();
  for (const x of sla) {
    const w = byWorkflow.get(x.workflow_id) ?? { workflow_id: x.workflow_id, n: 0, met: 0 };
    w.n += Number(x.n);
    w.met += Number(x.met);
    byWorkflow.set(x.workflow_id, w);
  }
  const slaWf = [...byWorkflow.values()];
  const stepRows = steps
    .map((x) => ({ ...x, workflow_id: workflowOfStep.get(x.step_id) ?? 0 }))
    .sort((a, b) => (wfName.get(a.workflow_id) ?? '').localeCompare(wfName.get(b.workflow_id) ?? '') || a.step_id - b.step_id);
  const stepOf = (x: (typeof stepRows)[number]) => ({
    workflow_id: x.workflow_id,
    workflow: wfName.get(x.workflow_id) ?? `Workflow ${x.workflow_id}`,
    step_id: x.step_id,
    step: x.step,
  });
  const trendBy = new Map(trend.map((x) => [x.week.getTime(), x]));
  const weeks: AdminReport['csat_trend'] = [];
  for (let wk = weekStart(from).getTime(); wk < end.getTime(); wk += 7 * DAY) {
    const x = trendBy.get(wk);
    const n = x ? Number(x.n) : 0;
    weeks.push({
      week_start: new Date(wk).toISOString(),
      count: n,
      average: x && n ? Math.round((Number(x.total) / n) * 10) / 10 : null,
    });
  }
  const byDay = (rows: { d: Date; n: bigint }[]) => new Map(rows.map((r) => [iso(r.d), Number(r.n)]));
  const c = byDay(created);
  const r = byDay(resolved);
  const days = Math.round((to.getTime() - from.getTime()) / DAY) + 1;
  const series = Array.from({ length: days }, (_, i) => {
    const d = iso(new Date(from.getTime() + i * DAY));
    return { day: d, created: c.get(d) ?? 0, resolved: r.get(d) ?? 0 };
  });
  const ages = backlog[0];
  const [d1, d3, d7, total] = [ages?.d1, ages?.d3, ages?.d7, ages?.total].map((n) => Number(n ?? 0));
  const buckets = [
    { bucket: 'under_1_day', count: d1 },
    { bucket: '1_3_days', count: d3 - d1 },
    { bucket: '3_7_days', count: d7 - d3 },
    { bucket: 'over_7_days', count: total - d7 },
  ];
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
    filters: { department: dept, priority: prio, workflow_id: wf },
    created_vs_resolved: series,
    backlog: { open: buckets.reduce((a, b) => a + b.count, 0), buckets },
    sla_compliance: ['Critical', 'High', 'Medium', 'Low'].map((p) => {
      const rows = sla.filter((x) => x.priority === p);
      const n = rows.reduce((a, x) => a + Number(x.n), 0);
      const met = rows.reduce((a, x) => a + Number(x.met), 0);
      return { priority: p, completed: n, met, percent: pct(met, n) };
    }),
    sla_by_workflow: slaWf
      .map((x) => ({
        workflow_id: x.workflow_id,
        workflow: wfName.get(x.workflow_id) ?? `Workflow ${x.workflow_id}`,
        completed: Number(x.n),
        met: Number(x.met),
        percent: pct(Number(x.met), Number(x.n)),
      }))
      .sort((a, b) => a.workflow.localeCompare(b.workflow)),
    sla_by_step: stepRows.map((x) => ({
      ...stepOf(x),
      completed: Number(x.n),
      met: Number(x.met),
      percent: pct(Number(x.met), Number(x.n)),
    })),
    time_per_step: stepRows.map((x) => ({
      ...stepOf(x),
      completed: Number(x.n),
      median_seconds: Math.round(Number(x.p50)),
      p90_seconds: Math.round(Number(x.p90)),
    })),
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
    csat_trend: weeks,
    routing: {
      routed: Number(routing.find((x) => x.routing === 'routed')?.n ?? 0),
      unassigned: Number(routing.find((x) => x.routing === 'unassigned')?.n ?? 0),
    },
  };
}

/**
 * The report as CSV: one section per figure, `section,key,value…` rows; `section` keeps one figure's rows. Step rows
 * are keyed `workflow / step`; times are seconds.
 */
export function adminReportCsv(r: AdminReport, section?: ReportSection): string {
  const all: (string | number | null)[][] = [];
  for (const d of r.created_vs_resolved) all.push(['created_vs_resolved', d.day, d.created, d.resolved, null]);
  for (const b of r.backlog.buckets) all.push(['backlog', b.bucket, b.count, null, null]);
  for (const s of r.sla_compliance) all.push(['sla_compliance', s.priority, s.completed, s.met, s.percent]);
  for (const s of r.sla_by_workflow) all.push(['sla_by_workflow', s.workflow, s.completed, s.met, s.percent]);
  for (const s of r.sla_by_step) all.push(['sla_by_step', `${s.workflow} / ${s.step}`, s.completed, s.met, s.percent]);
  for (const s of r.time_per_step)
    all.push(['time_per_step', `${s.workflow} / ${s.step}`, s.completed, s.median_seconds, s.p90_seconds]);
  for (const w of r.workload) all.push(['workload', w.name, w.open, w.due_soon, w.breached]);
  all.push(['rates', 'escalated', r.rates.escalated, r.rates.tasks, r.rates.escalation_percent]);
  all.push(['rates', 'transferred', r.rates.transferred, r.rates.tasks, r.rates.transfer_percent]);
  for (const d of r.csat.distribution) all.push(['csat', String(d.rating), d.count, null, null]);
  for (const d of r.csat_trend) all.push(['csat_trend', d.week_start.slice(0, 10), d.count, d.average, null]);
  all.push(['routing', 'routed', r.routing.routed, null, null], ['routing', 'unassigned', r.routing.unassigned, null, null]);
  const rows = [['section', 'key', 'value', 'value2', 'value3'], ...all.filter((x) => !section || x[0] === section)];
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((row) => row.map(cell).join(',')).join('\n')}\n`;
}

/** What the report's filters offer beside the help-desk catalog: the workflows. */
export async function reportFilterOptions(actor: Actor) {
  assertCanReadAdminReports(actor);
  return { workflows: await db.workflow.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }) };
}
