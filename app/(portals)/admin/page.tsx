import type { Metadata } from 'next';
import { CreatedResolvedChart, CsatDistributionChart } from '@/components/dashboards/charts';
import { StatTile, type Tone } from '@/components/dashboards/stat-tile';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { catalog } from '@/lib/domain/helpdesk/queries';
import { adminReport } from '@/lib/domain/reporting/admin';
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

export default async function AdminHome({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePortal('admin');
  const sp = await searchParams;
  const raw = {
    from: sp.from || undefined,
    to: sp.to || undefined,
    department: sp.department || undefined,
    priority: sp.priority || undefined,
  };
  const parsed = adminReportQuery.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  const [report, c] = await Promise.all([
    adminReport(actor, parsed.success ? parsed.data : adminReportQuery.parse({})),
    catalog(),
  ]);
  const csv = new URLSearchParams({ ...report.range, format: 'csv' });
  if (report.filters.department) csv.set('department', report.filters.department);
  if (report.filters.priority) csv.set('priority', report.filters.priority);
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
        <button type="submit" className="h-9 rounded-md border border-slate-300 px-3 text-sm dark:border-slate-700">
          Apply
        </button>
      </form>
      {problems.length ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {problems.join(' · ')}. Showing the last 30 days instead.
        </p>
      ) : null}
      <section aria-labelledby="at-a-glance">
        <h2 id="at-a-glance" className="mb-2 text-lg font-semibold">
          At a glance
        </h2>
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
        <h2 id="created-resolved" className="mb-2 text-lg font-semibold">
          Created and resolved per day
        </h2>
        <CreatedResolvedChart days={report.created_vs_resolved} />
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="backlog-age">
          <h2 id="backlog-age" className="mb-2 text-lg font-semibold">
            Backlog by age
          </h2>
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
          <h2 id="sla-priority" className="mb-2 text-lg font-semibold">
            SLA compliance by priority
          </h2>
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
        <section aria-labelledby="workload">
          <h2 id="workload" className="mb-2 text-lg font-semibold">
            Workload per agent
          </h2>
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
          <h2 id="routing" className="mb-2 text-lg font-semibold">
            Routing outcomes
          </h2>
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
        aria-labelledby="csat-dist"
        className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="csat-dist" className="mb-2 text-lg font-semibold">
          CSAT: {report.csat.count} rating{report.csat.count === 1 ? '' : 's'}
          {report.csat.average === null ? '' : `, average ${report.csat.average} of 5`}
        </h2>
        <CsatDistributionChart distribution={report.csat.distribution} />
      </section>
    </div>
  );
}
