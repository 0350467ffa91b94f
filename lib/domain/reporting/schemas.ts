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

// Output schemas of the report endpoints (the OpenAPI document is generated from them; the contract test checks
// real answers against it). They mirror CoordinatorHome (./queries.ts) and AdminReport (./admin.ts).
const int = z.number().int();
const percent = z.number().nullable().describe('Percent, one decimal; null when nothing was counted');
const average = z.number().nullable().describe('Average rating, one decimal; null without ratings');
const weekCount = z.object({ week_start: z.string(), count: int, average });

export const coordinatorHomeOutput = z.object({
  generated_at: z.string(),
  week_start: z.string().describe('Monday 00:00 UTC of this week'),
  owned_by_sla: z.object({ on_track: int, at_risk: int, breached: int }),
  owned_open: int,
  triage: z.object({ count: int, oldest_created_at: z.string().nullable(), oldest_ticket_number: z.string().nullable() }),
  resolved_this_week: int,
  csat: z.object({ average, count: int, weeks: z.array(weekCount) }),
});

const stepFigure = { workflow_id: int, workflow: z.string(), step_id: int, step: z.string() };
const compliance = { completed: int, met: int, percent };

export const adminReportOutput = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  filters: z.object({ department: z.string().nullable(), priority: z.string().nullable(), workflow_id: int.nullable() }),
  created_vs_resolved: z.array(z.object({ day: z.string(), created: int, resolved: int })),
  backlog: z.object({ open: int, buckets: z.array(z.object({ bucket: z.string(), count: int })) }),
  sla_compliance: z.array(z.object({ priority: z.string(), ...compliance })),
  sla_by_workflow: z.array(z.object({ workflow_id: int, workflow: z.string(), ...compliance })),
  sla_by_step: z.array(z.object({ ...stepFigure, ...compliance })),
  time_per_step: z.array(z.object({ ...stepFigure, completed: int, median_seconds: int, p90_seconds: int })),
  workload: z.array(z.object({ user_id: int, name: z.string(), open: int, due_soon: int, breached: int })),
  rates: z.object({
    tasks: int,
    escalated: int,
    transferred: int,
    escalation_percent: percent,
    transfer_percent: percent,
  }),
  csat: z.object({ count: int, average, distribution: z.array(z.object({ rating: int, count: int })) }),
  csat_trend: z.array(weekCount),
  routing: z.object({ routed: int, unassigned: int }),
});
