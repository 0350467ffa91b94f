import { adminReport, adminReportCsv } from '@/lib/domain/reporting/admin';
import { adminReportQuery } from '@/lib/domain/reporting/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary:
      'Admin report for a date range (UTC days, at most 366) with department and priority filters: created vs resolved per day, backlog by age, SLA compliance by priority, workload per agent, escalation and transfer rates, CSAT distribution, routing outcomes. format=csv downloads it.',
    tags: ['reports'],
    query: adminReportQuery,
    handler: async ({ actor, query }) => {
      const report = await adminReport(actor, query);
      if (query.format !== 'csv') return report;
      return new Response(adminReportCsv(report), {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="report-${report.range.from}-${report.range.to}.csv"`,
        },
      });
    },
  }),
});
