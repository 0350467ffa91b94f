import { z } from 'zod';

/** GET /tts/reports/coordinator-home/: how many weeks of CSAT to chart (this week included). */
export const coordinatorHomeQuery = z.object({
  weeks: z.coerce.number().int().min(1).max(52).default(12),
});
export type CoordinatorHomeQuery = z.infer<typeof coordinatorHomeQuery>;

const DAY = 86_400_000;
export const MAX_RANGE_DAYS = 366;
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-01')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'Not a date');

/** The figures of the admin report, as named in its CSV. */
export const REPORT_SECTIONS = [
  'created_vs_resolved',
  'backlog',
  'sla_compliance',
  'sla_by_workflow',
  'sla_by_step',
  'time_per_step',
  'workload',
  'rates',
  'csat',
  'csat_trend',
  'routing',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** GET /tts/reports/admin/: a bounded date range (UTC days, both included) and optional filters. */
export const adminReportQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    department: z.string().trim().min(1).max(64).optional(),
    priority: z.enum(['Critical', 'High', 'Medium', 'Low']).optional(),
    workflow_id: z.coerce.number().int().positive().optional(),
    format: z.enum(['json', 'csv']).default('json'),
    /** With format=csv: only this figure's rows. */
    section: z.enum(REPORT_SECTIONS).optional(),
  })
  .superRefine((q, ctx) => {
    if (!!q.from !== !!q.to)
      ctx.addIssue({ code: 'custom', path: [q.from ? 'to' : 'from'], message: 'Give both ends of the range' });
    if (q.from && q.to) {
      const span = (Date.parse(q.to) - Date.parse(q.from)) / DAY;
      if (span < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end is before the start' });
      else if (span >= MAX_RANGE_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${MAX_RANGE_DAYS} days` });
    }
  });
export type AdminReportQuery = z.infer<typeof adminReportQuery>;

/** The reference's operational thresholds. */
export const THRESHOLDS = {
  workloadHigh: 10,
  workloadCritical: 15,
  slaWarning: 80,
  slaCritical: 60,
  escalationRate: 15,
  transferRate: 20,
  backlogWarning: 20,
  backlogCritical: 50,
  staleDays: 7,
} as const;
