import { adminReport, adminReportCsv } from '@/lib/domain/reporting/admin';
import { adminReportOutput, adminReportQuery } from '@/lib/domain/reporting/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary:
      'Admin report for a date range (UTC days, at most 366) with department, priority and workflow filters: created vs resolved per day, backlog by age, SLA compliance by priority, workflow and step, time per step (median and p90), workload per agent, escalation and transfer rates, CSAT distribution and weekly trend, routing outcomes. format=csv downloads it (section= one figure). An unknown department or workflow is a 400 with field details.',
    tags: ['reports'],
    query: adminReportQuery,
    output: adminReportOutput,
    produces: 'text/csv',
    responses: { 403: 'Not an administrator' },
    handler: async ({ actor, query }) => {
      const report = await adminReport(actor, query);
      if (query.format !== 'csv') return report;
      return new Response(adminReportCsv(report, query.section), {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="report-${query.section ? `${query.section}-` : ''}${report.range.from}-${report.range.to}.csv"`,
        },
      });
    },
  }),
});
