import type { Metadata } from 'next';
import { CreatedResolvedChart, CsatDistributionChart, TimePerStepChart } from '@/components/dashboards/charts';
import { CsatTrend } from '@/components/dashboards/csat-trend';
import { hours } from '@/components/dashboards/format';
import { StatTile, type Tone } from '@/components/dashboards/stat-tile';
import { FilterProblem } from '@/components/ui/filter-problem';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { AppError } from '@/lib/domain/errors';
import { catalog } from '@/lib/domain/helpdesk/queries';
import { adminReport, reportFilterOptions } from '@/lib/domain/reporting/admin';
import { adminReportQuery, THRESHOLDS } from '@/lib/domain/reporting/schemas';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Reports' };

const PRIORITIES = ['Critical', 'High', 'Medium', 'Low'];
const BUCKET_LABEL: Record<string, string> = {
  under_1_day: 'Under a day',
  '1_3_days': '1–3 days',
  '3_7_days': '3–7 days',
  over_7_days: `Over ${THRESHOLDS.staleDays} days (stale)`,
};
const field = 'h-9 rounded-md border border-slate-300 px-2 text-sm dark:border-slate-700 dark:bg-slate-900';

function Flag({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  if (tone === 'neutral' || tone === 'good') return <>{children}</>;
  return (
    <span
      className={
        tone === 'critical' ? 'font-semibold text-red-700 dark:text-red-400' : 'font-semibold text-amber-700 dark:text-amber-400'
      }
    >
      {children} <span className="text-xs">({tone === 'critical' ? 'critical' : 'warning'})</span>
    </span>
  );
}

/** A figure's heading with the CSV of just that figure beside it. */
function Head({ id, csv, children }: { id: string; csv: string; children: React.ReactNode }) {
  return (
    <div className="mb-2 flex items-baseline justify-between gap-2">
      <h2 id={id} className="text-lg font-semibold">
        {children}
      </h2>
      <a href={csv} download className="text-xs text-slate-600 underline dark:text-slate-400">
        CSV<span className="sr-only"> of this figure</span>
      </a>
    </div>
  );
}

function ComplianceTable({
  label,
  rows,
  tone,
  empty,
}: {
  label: string;
  rows: { key: number; name: string; completed: number; met: number; percent: number | null }[];
  tone: (p: number | null) => Tone;
  empty: string;
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <Table>
      <THead>
        <tr>
          <TH>{label}</TH>
          <TH>Finished</TH>
          <TH>On time</TH>
          <TH>Compliance</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.key}>
            <TD>{r.name}</TD>
            <TD className="tabular-nums">{r.completed}</TD>
            <TD className="tabular-nums">{r.met}</TD>
            <TD className="tabular-nums">
              <Flag tone={tone(r.percent)}>{r.percent === null ? '—' : `${r.percent} %`}</Flag>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

export default async function AdminHome({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePortal('admin');
  const sp = await searchParams;
  const raw = {
    from: sp.from || undefined,
    to: sp.to || undefined,
    department: sp.department || undefined,
    priority: sp.priority || undefined,
    workflow_id: sp.workflow_id || undefined,
  };
  const parsed = adminReportQuery.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  const fallback = adminReportQuery.parse({});
  const [report, c, options] = await Promise.all([
    adminReport(actor, parsed.success ? parsed.data : fallback).catch((e) => {
      // An unknown department or workflow: say so and show the unfiltered last 30 days.
      if (!(e instanceof AppError) || e.status !== 400) throw e;
      problems.push(...Object.values((e.details ?? {}) as Record<string, string[]>).flat());
      return adminReport(actor, fallback);
    }),
    catalog(),
    reportFilterOptions(actor),
  ]);
  const csv = new URLSearchParams({ ...report.range, format: 'csv' });
  if (report.filters.department) csv.set('department', report.filters.department);
  if (report.filters.priority) csv.set('priority', report.filters.priority);
  if (report.filters.workflow_id) csv.set('workflow_id', String(report.filters.workflow_id));
  const csvOf = (section: string) => `/tts/reports/admin/?${csv.toString()}&section=${section}`;
  const workflowName = options.workflows.find((w) => w.id === report.filters.workflow_id)?.name;
  const backlogTone: Tone =
    report.backlog.open >= THRESHOLDS.backlogCritical
      ? 'critical'
      : report.backlog.open >= THRESHOLDS.backlogWarning
        ? 'warning'
        : 'neutral';
  const slaAll = report.sla_compliance.reduce((a, s) => ({ n: a.n + s.completed, met: a.met + s.met }), { n: 0, met: 0 });
  const slaPct = slaAll.n ? Math.round((slaAll.met / slaAll.n) * 1000) / 10 : null;
  const slaTone = (p: number | null): Tone =>
    p === null ? 'neutral' : p < THRESHOLDS.slaCritical ? 'critical' : p < THRESHOLDS.slaWarning ? 'warning' : 'good';
  const esc = report.rates.escalation_percent;
  const tr = report.rates.transfer_percent;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Reports</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {report.range.from} to {report.range.to} (UTC)
            {report.filters.department ? ` · ${report.filters.department}` : ''}
            {report.filters.priority ? ` · ${report.filters.priority}` : ''}
            {workflowName ? ` · ${workflowName}` : ''}
          </p>
        </div>
        <a
          href={`/tts/reports/admin/?${csv.toString()}`}
          download
          className="h-9 rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700"
        >
          Download CSV
        </a>
      </div>
      <form action="/admin" className="flex flex-wrap items-end gap-2" aria-label="Date range and filters">
        <div>
          <label htmlFor="from" className="block text-xs text-slate-500">
            From
          </label>
          <input id="from" name="from" type="date" defaultValue={report.range.from} className={field} />
        </div>
        <div>
          <label htmlFor="to" className="block text-xs text-slate-500">
            To
          </label>
          <input id="to" name="to" type="date" defaultValue={report.range.to} className={field} />
        </div>
        <div>
          <label htmlFor="department" className="block text-xs text-slate-500">
            Department
          </label>
          <select id="department" name="department" defaultValue={report.filters.department ?? ''} className={field}>
            <option value="">Any</option>
            {c.departments.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="priority" className="block text-xs text-slate-500">
            Priority
          </label>
          <select id="priority" name="priority" defaultValue={report.filters.priority ?? ''} className={field}>
            <option value="">Any</option>
            {PRIORITIES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="workflow_id" className="block text-xs text-slate-500">
            Workflow
          </label>
          <select id="workflow_id" name="workflow_id" defaultValue={report.filters.workflow_id ?? ''} className={field}>
            <option value="">Any</option>
            {options.workflows.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="h-9 rounded-md border border-slate-300 px-3 text-sm dark:border-slate-700">
          Apply
        </button>
      </form>
      {problems.length ? <FilterProblem>{problems.join(' · ')}. Showing the last 30 days instead.</FilterProblem> : null}
      <section aria-labelledby="at-a-glance">
        <Head id="at-a-glance" csv={csvOf('rates')}>
          At a glance
        </Head>
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <StatTile
            label="Open backlog"
            value={report.backlog.open}
            hint={`Warning at ${THRESHOLDS.backlogWarning}, critical at ${THRESHOLDS.backlogCritical}`}
            href="/coordinator/tickets?view=active"
            tone={backlogTone}
          />
          <StatTile
            label="SLA met"
            value={slaPct === null ? '—' : `${slaPct} %`}
            hint={`${slaAll.met} of ${slaAll.n} completed on time; warning under ${THRESHOLDS.slaWarning} %`}
            href="/admin/workflows"
            tone={slaTone(slaPct)}
          />
          <StatTile
            label="Escalation rate"
            value={esc === null ? '—' : `${esc} %`}
            hint={`${report.rates.escalated} of ${report.rates.tasks} tasks; over ${THRESHOLDS.escalationRate} % is high`}
            href="/admin/workflows"
            tone={esc !== null && esc > THRESHOLDS.escalationRate ? 'warning' : 'neutral'}
          />
          <StatTile
            label="Transfer rate"
            value={tr === null ? '—' : `${tr} %`}
            hint={`${report.rates.transferred} of ${report.rates.tasks} tasks; over ${THRESHOLDS.transferRate} % is high`}
            href="/admin/workflows"
            tone={tr !== null && tr > THRESHOLDS.transferRate ? 'warning' : 'neutral'}
          />
        </ul>
      </section>
      <section
        aria-labelledby="created-resolved"
        className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <Head id="created-resolved" csv={csvOf('created_vs_resolved')}>
          Created and resolved per day
        </Head>
        <CreatedResolvedChart days={report.created_vs_resolved} />
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="backlog-age">
          <Head id="backlog-age" csv={csvOf('backlog')}>
            Backlog by age
          </Head>
          <Table>
            <THead>
              <tr>
                <TH>Waiting</TH>
                <TH>Open tickets</TH>
              </tr>
            </THead>
            <TBody>
              {report.backlog.buckets.map((b) => (
                <TR key={b.bucket}>
                  <TD>{BUCKET_LABEL[b.bucket]}</TD>
                  <TD className="tabular-nums">
                    <Flag tone={b.bucket === 'over_7_days' && b.count > 0 ? 'warning' : 'neutral'}>{b.count}</Flag>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </section>
        <section aria-labelledby="sla-priority">
          <Head id="sla-priority" csv={csvOf('sla_compliance')}>
            SLA compliance by priority
          </Head>
          <Table>
            <THead>
              <tr>
                <TH>Priority</TH>
                <TH>Completed</TH>
                <TH>On time</TH>
                <TH>Compliance</TH>
              </tr>
            </THead>
            <TBody>
              {report.sla_compliance.map((s) => (
                <TR key={s.priority}>
                  <TD>{s.priority}</TD>
                  <TD className="tabular-nums">{s.completed}</TD>
                  <TD className="tabular-nums">{s.met}</TD>
                  <TD className="tabular-nums">
                    <Flag tone={slaTone(s.percent)}>{s.percent === null ? '—' : `${s.percent} %`}</Flag>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </section>
        <section aria-labelledby="sla-workflow">
          <Head id="sla-workflow" csv={csvOf('sla_by_workflow')}>
            SLA compliance by workflow
          </Head>
          <ComplianceTable
            label="Workflow"
            rows={report.sla_by_workflow.map((x) => ({ key: x.workflow_id, name: x.workflow, ...x }))}
            tone={slaTone}
            empty="No task finished in this range."
          />
        </section>
        <section aria-labelledby="sla-step">
          <Head id="sla-step" csv={csvOf('sla_by_step')}>
            SLA compliance by step
          </Head>
          <ComplianceTable
            label="Step"
            rows={report.sla_by_step.map((x) => ({ key: x.step_id, name: `${x.workflow} · ${x.step}`, ...x }))}
            tone={slaTone}
            empty="No step finished in this range."
          />
        </section>
        <section aria-labelledby="workload">
          <Head id="workload" csv={csvOf('workload')}>
            Workload per agent
          </Head>
          {report.workload.length === 0 ? (
            <p className="text-sm text-slate-500">Nobody has open work.</p>
          ) : (
            <Table>
              <THead>
                <tr>
                  <TH>Agent</TH>
                  <TH>Open</TH>
                  <TH>Due within a day</TH>
                  <TH>Breached</TH>
                </tr>
              </THead>
              <TBody>
                {report.workload.map((w) => (
                  <TR key={w.user_id}>
                    <TD>{w.name}</TD>
                    <TD className="tabular-nums">
                      <Flag
                        tone={
                          w.open >= THRESHOLDS.workloadCritical
                            ? 'critical'
                            : w.open >= THRESHOLDS.workloadHigh
                              ? 'warning'
                              : 'neutral'
                        }
                      >
                        {w.open}
                      </Flag>
                    </TD>
                    <TD className="tabular-nums">{w.due_soon}</TD>
                    <TD className="tabular-nums">{w.breached}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </section>
        <section aria-labelledby="routing">
          <Head id="routing" csv={csvOf('routing')}>
            Routing outcomes
          </Head>
          <Table>
            <THead>
              <tr>
                <TH>Outcome</TH>
                <TH>Tickets</TH>
              </tr>
            </THead>
            <TBody>
              <TR>
                <TD>Routed to a workflow</TD>
                <TD className="tabular-nums">{report.routing.routed}</TD>
              </TR>
              <TR>
                <TD>No workflow matched (unassigned)</TD>
                <TD className="tabular-nums">
                  <Flag tone={report.routing.unassigned ? 'warning' : 'neutral'}>{report.routing.unassigned}</Flag>
                </TD>
              </TR>
            </TBody>
          </Table>
        </section>
      </div>
      <section
        aria-labelledby="time-step"
        className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <Head id="time-step" csv={csvOf('time_per_step')}>
          Time spent per step
        </Head>
        {report.time_per_step.length === 0 ? (
          <p className="text-sm text-slate-500">No step finished in this range.</p>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
              From the step&apos;s start to the person who finished it; the slowest step takes a median of{' '}
              {Math.max(...report.time_per_step.map((x) => hours(x.median_seconds)))} hours.
            </p>
            <TimePerStepChart steps={report.time_per_step} />
          </>
        )}
      </section>
      <section
        aria-labelledby="csat-trend"
        className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <Head id="csat-trend" csv={csvOf('csat_trend')}>
          CSAT per week
        </Head>
        <CsatTrend weeks={report.csat_trend} />
      </section>
      <section
        aria-labelledby="csat-dist"
        className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <Head id="csat-dist" csv={csvOf('csat')}>
          CSAT: {report.csat.count} rating{report.csat.count === 1 ? '' : 's'}
          {report.csat.average === null ? '' : `, average ${report.csat.average} of 5`}
        </Head>
        <CsatDistributionChart distribution={report.csat.distribution} />
      </section>
    </div>
  );
}
