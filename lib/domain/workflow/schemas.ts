import { z } from 'zod';
import { ticketAttachmentRef } from '../contracts/messages';
import { pageQuery } from '../pagination';
import { parseDuration } from './sla';

const DURATION_HINT = 'Use an ISO 8601 duration such as PT8H or P2D, or a form like "8 hours"';

/** An SLA: ISO 8601 (`P2D`, `PT8H`) or display form (`2 days`); output in seconds, null = none. */
const duration = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    if (v === null || v.trim() === '') return null;
    const s = parseDuration(v);
    if (s == null || s <= 0) {
      ctx.addIssue({ code: 'custom', message: DURATION_HINT });
      return z.NEVER;
    }
    return s;
  });

export const stepInput = z.object({
  name: z.string().trim().min(1, 'This field is required').max(150),
  description: z.string().trim().max(2000).default(''),
  instruction: z.string().trim().max(4000).default(''),
  role_id: z.coerce.number().int().positive('Choose a role'),
  escalate_to_role_id: z.coerce.number().int().positive().nullish(),
  order: z.coerce.number().int().min(0).optional(),
  weight: z.coerce.number().int().min(1, 'Weight must be at least 1').max(1000).default(1),
  is_start: z.boolean().default(false),
  is_end: z.boolean().default(false),
});
export type StepInput = z.infer<typeof stepInput>;

/** Transitions name their steps by step name (unique within a workflow). */
export const transitionInput = z.object({
  from_step: z.string().trim().min(1, 'This field is required'),
  to_step: z.string().trim().min(1, 'This field is required'),
  name: z.string().trim().min(1, 'This field is required').max(64),
});
export type TransitionInput = z.infer<typeof transitionInput>;

/** Help-desk statuses of a routed, unfinished ticket: the ones a workflow may pause its SLA clock in. */
export const PAUSABLE_STATUSES = ['On Hold', 'Open', 'In Progress'] as const;

const workflowFields = {
  name: z.string().trim().min(1, 'This field is required').max(150),
  description: z.string().trim().max(2000).optional(),
  department: z.string().trim().min(1, 'This field is required').max(64),
  category: z.string().trim().min(1, 'This field is required').max(64),
  sub_category: z.string().trim().max(64).nullish(),
  /** 003 spells it `subcategory`. */
  subcategory: z.string().trim().max(64).nullish(),
  low_sla: duration,
  medium_sla: duration,
  high_sla: duration,
  urgent_sla: duration,
  /** 003's form: `sla: { low, medium, high, urgent }`. */
  sla: z.object({ low: duration, medium: duration, high: duration, urgent: duration }).optional(),
  steps: z.array(stepInput).max(50).optional(),
  transitions: z.array(transitionInput).max(200).optional(),
  /** The business-hours calendar its SLAs count in; null = 24×7 (issue 11). */
  calendar_id: z.preprocess((v) => (v === '' ? null : v), z.coerce.number().int().positive('Choose a calendar').nullish()),
  /** Help-desk statuses during which its SLA clocks stop (default On Hold). */
  pause_statuses: z.array(z.enum(PAUSABLE_STATUSES, 'Choose help-desk statuses a ticket can wait in')).max(3).optional(),
};

export const workflowCreateInput = z.object(workflowFields);
export type WorkflowCreateInput = z.infer<typeof workflowCreateInput>;
export const workflowUpdateInput = z.object(workflowFields).partial();
export type WorkflowUpdateInput = z.infer<typeof workflowUpdateInput>;
/** The SLA clock of a workflow (issue 11): its calendar and the statuses that pause it. */
export const workflowClockInput = z.object({
  calendar_id: workflowFields.calendar_id,
  pause_statuses: z.array(z.enum(PAUSABLE_STATUSES, 'Choose help-desk statuses a ticket can wait in')).max(3),
});

const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');

export const workflowListQuery = pageQuery.extend({
  status: z.enum(['draft', 'deployed', 'paused']).optional(),
  category: z.string().trim().optional(),
  department: z.string().trim().optional(),
  is_published: bool.optional(),
  search: z.string().trim().optional(),
});
export type WorkflowListQuery = z.infer<typeof workflowListQuery>;

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const taskItemParam = z.object({ task_item_id: z.coerce.number().int().positive() });
export const ticketNumberParam = z.object({ ticket_number: z.string().regex(/^TX\d{14}$/, 'Not a ticket number') });
/** A help-desk ticket path (`/hdts/api/tickets/{id}/…`) where only the ticket number can reach the workflow. */
export const ticketRefParam = z.object({ id: z.string().regex(/^TX\d{14}$/, 'Not a ticket number') });

export const transitionsQuery = pageQuery.extend({ workflow_id: z.coerce.number().int().positive() });

const notes = z.string().trim().min(1, 'Notes are required').max(5000);

/** 000 §TTS→HDTS 2. Without `transition_id` at an end step the action finalizes the task. */
export const transitionActionInput = z.object({
  task_item_id: z.coerce.number().int().positive(),
  transition_id: z.coerce.number().int().positive().nullish(),
  notes,
  next_assignee_id: z.coerce.number().int().positive().nullish(),
});
export type TransitionActionInput = z.infer<typeof transitionActionInput>;

/** 003 §4: `action_id` is a transition id or "finalize"; `comment` (or `notes`) is required. */
export const taskActionInput = z
  .object({
    action_id: z.union([z.coerce.number().int().positive(), z.literal('finalize')]),
    comment: z.string().trim().max(5000).optional(),
    notes: z.string().trim().max(5000).optional(),
    task_item_id: z.coerce.number().int().positive().optional(),
    next_assignee_id: z.coerce.number().int().positive().nullish(),
  })
  .refine((v) => (v.comment ?? v.notes ?? '').length > 0, { message: 'Notes are required', path: ['comment'] });
export type TaskActionInput = z.infer<typeof taskActionInput>;

export const escalateInput = z.object({
  task_item_id: z.coerce.number().int().positive(),
  reason: z.string().trim().min(1, 'A reason is required').max(5000),
});
export type EscalateInput = z.infer<typeof escalateInput>;

export const transferInput = z.object({
  task_item_id: z.coerce.number().int().positive(),
  user_id: z.coerce.number().int().positive(),
  notes: z.string().trim().min(1, 'Notes are required').max(5000),
});
export type TransferInput = z.infer<typeof transferInput>;

export const ownerEscalateInput = z.object({
  ticket_number: z.string().regex(/^TX\d{14}$/, 'Not a ticket number'),
  reason: z.string().trim().min(1, 'A reason is required').max(5000),
  urgency: z.string().trim().max(16).optional(),
});
export type OwnerEscalateInput = z.infer<typeof ownerEscalateInput>;

export const ownerTransferInput = z.object({
  ticket_number: z.string().regex(/^TX\d{14}$/, 'Not a ticket number'),
  new_owner_id: z.coerce.number().int().positive(),
  reason: z.string().trim().max(5000).optional(),
  /**
   * The owner as the caller saw it (null: no owner). When given and the owner changed since, the transfer is
   * refused (409 CONFLICT) instead of overwriting a transfer the caller has not seen.
   */
  expected_owner_id: z.number().int().positive().nullable().optional(),
});
export type OwnerTransferInput = z.infer<typeof ownerTransferInput>;

export const manualAssignInput = z.object({ workflow_id: z.coerce.number().int().positive() });

const priorityFilter = z
  .string()
  .trim()
  .transform((p) => p.toLowerCase())
  .pipe(z.enum(['low', 'medium', 'high', 'urgent', 'critical']))
  .transform((p) => (p === 'urgent' ? 'critical' : p));

export const ownedTicketsQuery = pageQuery.extend({
  status: z.enum(['active', 'pending', 'in_progress', 'resolved', 'completed', 'closed']).optional(),
  tab: z.enum(['active', 'inactive']).optional(),
  priority: priorityFilter.optional(),
  search: z.string().trim().max(200).optional(),
  category: z.string().trim().optional(),
  sla: z.enum(['breached', 'at_risk', 'on_track', 'due_soon']).optional(),
  /** Tasks completed at or after this instant (the coordinator home's "resolved this week"). */
  completed_after: z.coerce.date().optional(),
});
export type OwnedTicketsQuery = z.infer<typeof ownedTicketsQuery>;

export const taskListQuery = pageQuery.extend({
  status: z.enum(['pending', 'in_progress', 'completed', 'closed', 'active']).optional(),
  assigned_user: z.coerce.number().int().positive().optional(),
  user_id: z.coerce.number().int().positive().optional(),
  priority: priorityFilter.optional(),
  workflow_id: z.coerce.number().int().positive().optional(),
  ticket_number: z.string().trim().optional(),
  search: z.string().trim().max(200).optional(),
  tab: z.enum(['active', 'inactive']).optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuery>;

/** GET /tts/tasks/all-tasks/ (admins): the list's filters plus the current step and the SLA state of open tasks. */
export const allTasksQuery = taskListQuery.extend({
  step_id: z.coerce.number().int().positive().optional(),
  sla: z.enum(['on_track', 'at_risk', 'breached']).optional(),
});
export type AllTasksQuery = z.infer<typeof allTasksQuery>;

export const logsQuery = z
  .object({
    ticket_number: z.string().trim().optional(),
    ticket_id: z.string().trim().optional(),
    task_id: z.coerce.number().int().positive().optional(),
  })
  .refine((v) => v.ticket_number || v.ticket_id || v.task_id, {
    message: 'Give ticket_number, ticket_id or task_id',
    path: ['ticket_number'],
  });
export type LogsQuery = z.infer<typeof logsQuery>;

export const visualizationQuery = z
  .object({
    workflow_id: z.coerce.number().int().positive().optional(),
    task_id: z.coerce.number().int().positive().optional(),
    ticket_number: z.string().trim().optional(),
  })
  .refine((v) => v.workflow_id || v.task_id || v.ticket_number, {
    message: 'Give workflow_id, task_id or ticket_number',
    path: ['workflow_id'],
  });

export const AUDIT_CONTEXTS = ['workflow', 'identity', 'helpdesk', 'messaging', 'notifications', 'knowledge'] as const;

/**
 * 002's audit filters, plus the context (default `workflow`, 002's scope), the entity and the actor's e-mail. A date
 * range must not end before it starts.
 */
export const auditQuery = pageQuery
  .extend({
    task_id: z.string().trim().max(64).optional(),
    user_id: z.coerce.number().int().positive().optional(),
    actor: z.string().trim().min(1).max(254).optional(),
    context: z.enum(AUDIT_CONTEXTS).default('workflow'),
    entity_type: z.string().trim().min(1).max(64).optional(),
    entity_id: z.string().trim().min(1).max(64).optional(),
    action: z.string().trim().max(64).optional(),
    start_date: z.coerce.date().optional(),
    end_date: z.coerce.date().optional(),
  })
  .refine((q) => !q.start_date || !q.end_date || q.end_date >= q.start_date, {
    message: 'The end is before the start',
    path: ['end_date'],
  });
export type AuditQuery = z.infer<typeof auditQuery>;

export const unassignedQuery = pageQuery.extend({ search: z.string().trim().optional() });

const ticketNumber = z
  .string()
  .trim()
  .regex(/^TX\d{14}$/, 'Not a ticket number');
const takenFromTicket = 'Taken from the help-desk ticket: change it there';

/**
 * 002 `POST /tasks/`: a task is a workflow running on a help-desk ticket, so it names the ticket (`ticket_number`,
 * or 002's `external_ticket_id` / 003's `ticket_id`). `title` and `priority` belong to the ticket and are refused
 * with a field error (never silently dropped).
 */
export const taskCreateInput = z
  .object({
    workflow_id: z.coerce.number().int().positive(),
    ticket_number: ticketNumber.optional(),
    external_ticket_id: ticketNumber.optional(),
    ticket_id: ticketNumber.optional(),
    title: z.unknown().optional(),
    description: z.unknown().optional(),
    priority: z.unknown().optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.ticket_number && !v.external_ticket_id && !v.ticket_id)
      ctx.addIssue({
        code: 'custom',
        path: ['ticket_number'],
        message: 'Name the help-desk ticket the task runs on (ticket_number, external_ticket_id or ticket_id)',
      });
    for (const f of ['title', 'description', 'priority'] as const)
      if (v[f] !== undefined) ctx.addIssue({ code: 'custom', path: [f], message: takenFromTicket });
  })
  .transform((v) => ({
    workflow_id: v.workflow_id,
    ticket_number: (v.ticket_number ?? v.external_ticket_id ?? v.ticket_id) as string,
  }));
export type TaskCreateInput = z.infer<typeof taskCreateInput>;

/**
 * 002 `PATCH /tasks/{id}/`: `status: "completed"` with `notes` finishes the task at its last step (the same as the
 * `finalize` action). A task moves through its other steps by transitions (`POST /tts/tasks/{id}/action/`), so no
 * other status can be set here; those values are refused with a field error naming the way.
 */
export const taskUpdateInput = z
  .object({
    status: z.enum(['completed'], {
      message: 'Only "completed" can be set here (at the last step); other steps move by POST /tts/tasks/{id}/action/',
    }),
    notes: z.string().trim().max(5000).optional(),
    comment: z.string().trim().max(5000).optional(),
  })
  .refine((v) => (v.notes ?? v.comment ?? '').length > 0, { message: 'Notes are required', path: ['notes'] });
export type TaskUpdateInput = z.infer<typeof taskUpdateInput>;

// Output schemas: what the task endpoints answer. The OpenAPI document is generated from them and the contract
// test validates real answers against that document (tests/integration/contract-responses.test.ts).
const iso = z.string().describe('ISO 8601 date-time');
const slaFields = {
  target_resolution: iso.nullable(),
  sla_breach_at: iso.nullable(),
  time_remaining: z.string().nullable(),
  is_breached: z.boolean(),
  sla_started_at: iso.nullable().describe("When this clock's window began"),
  sla_state: z
    .enum(['none', 'on_track', 'warning', 'at_risk', 'breached', 'met', 'paused'])
    .describe(
      'The one SLA clock: warning ("Due soon") from SLA_DUE_SOON_PERCENT (75 % by default), at_risk from 90 %, breached at 100 % of the window; met if stopped in time; paused while the ticket waits in a pausing status',
    ),
  sla_percent: z
    .number()
    .describe("Percent of the window's business time elapsed (calendar and pauses; the monitor's 80 / 90 / 100 % rule)"),
  sla_due_soon_at: iso.nullable().describe('When the state turns "Due soon" (that share of the business time has run)'),
  sla_at_risk_at: iso.nullable().describe('When the state turns "At risk" (90 % of the business time has run)'),
  sla_stopped_at: iso.nullable().describe('When the clock stopped (the work was completed)'),
  sla_paused_at: iso.nullable().describe('Since when the clock is paused (null while it runs)'),
};
const personRef = z.object({ id: z.number().int(), name: z.string().nullable(), email: z.string().nullable() });

export const taskOutput = z.object({
  task_id: z.number().int(),
  ticket_number: z.string(),
  ticket_id: z.string().describe('The ticket number (TX…)'),
  ticket_subject: z.string(),
  ticket_description: z.string(),
  title: z.string(),
  status: z.enum(['pending', 'in_progress', 'completed', 'closed']),
  priority: z.string(),
  category: z.string(),
  sub_category: z.string().nullable(),
  department: z.string(),
  employee: personRef,
  hdts_status: z.string(),
  workflow_id: z.number().int(),
  workflow_name: z.string(),
  version: z.number().int(),
  current_step: z.string().nullable().describe('Name of the current step (its id: current_step_id)'),
  current_step_id: z.number().int().nullable(),
  current_step_role: z.string().nullable(),
  instruction: z.string(),
  task_item_id: z.number().int().nullable(),
  assigned_to: z.string().nullable().describe("Current assignee's name"),
  assigned_user: z.number().int().nullable().describe("Current assignee's user id (002's list)"),
  owner_id: z.number().int().nullable(),
  owner_name: z.string().nullable(),
  is_escalated: z.boolean(),
  is_transferred: z.boolean(),
  current_owner: z
    .object({
      user_id: z.number().int(),
      user_full_name: z.string().nullable(),
      role: z.string().nullable(),
      status: z.string(),
    })
    .nullable()
    .describe("001 §7: the current assignment's holder, the step's role and the assignment's status"),
  created_at: iso,
  updated_at: iso,
  started_at: iso,
  completed_at: iso.nullable(),
  ...slaFields,
  sla_outcome: z
    .string()
    .nullable()
    .describe('Recorded when the task completes: met (by its target) or breached; null while open or closed unresolved'),
  sla_outcome_at: iso.nullable(),
  sla_deadline: iso.nullable(),
  step_sla: z.object(slaFields).nullable(),
  csat_rating: z.number().int().nullable(),
  external_ticket_id: z.string(),
  is_sla_breached: z.boolean(),
  workflow: z.object({ workflow_id: z.number().int(), name: z.string(), version: z.number().int() }),
  ticket: z.object({
    ticket_number: z.string(),
    ticket_id: z.string().describe("003's name for the ticket number"),
    subject: z.string(),
    priority: z.string(),
    status: z.string(),
    department: z.string(),
    category: z.string(),
    sub_category: z.string().nullable(),
  }),
  assignee: z
    .object({ id: z.number().int(), username: z.string().nullable(), email: z.string().nullable(), name: z.string().nullable() })
    .nullable()
    .describe("002's assigned_user object"),
  current_step_detail: z
    .object({ step_id: z.number().int(), name: z.string(), role: z.string(), role_id: z.number().int() })
    .nullable()
    .describe("002's current_step object"),
});

const historyEntry = z.object({
  task_item_history_id: z.number().int(),
  status: z.string(),
  origin: z.string(),
  notes: z.string().nullable(),
  created_at: iso,
});
export const taskItemLogOutput = z.object({
  task_item_id: z.number().int(),
  user_id: z.number().int(),
  user_full_name: z.string().nullable(),
  role: z.string().nullable(),
  role_id: z.number().int(),
  status: z.string(),
  origin: z.string(),
  notes: z.string().nullable(),
  assigned_on: iso,
  acted_on: iso.nullable(),
  target_resolution: iso.nullable(),
  sla_outcome: z.string().nullable().describe('Recorded when the assignment is resolved: met or breached'),
  assigned_on_step_id: z.number().int(),
  assigned_on_step_name: z.string(),
  transferred_to: z.number().int().nullable(),
  transferred_by: z.number().int().nullable(),
  task_history: z.array(historyEntry),
});
export const taskDetailOutput = taskOutput.extend({
  attachments: z.array(ticketAttachmentRef),
  history: z.array(taskItemLogOutput),
});
export const taskCreateOutput = z.object({
  task_id: z.number().int(),
  workflow_id: z.number().int(),
  ticket_number: z.string(),
  external_ticket_id: z.string(),
  status: z.literal('pending'),
  message: z.string(),
});
export const taskUpdateOutput = z.object({ task_id: z.number().int(), status: z.string(), message: z.string() });

/** A workflow role (TTS): a pool of people a step assigns to. */
export const workflowRoleCreateInput = z.object({
  name: z.string().trim().min(1, 'This field is required').max(100, 'At most 100 characters'),
  description: z.string().trim().max(500, 'At most 500 characters').default(''),
});
export type WorkflowRoleCreateInput = z.infer<typeof workflowRoleCreateInput>;
/** Rename, describe, deactivate (`is_active: false`) or reactivate a workflow role. */
export const workflowRoleUpdateInput = z
  .object({
    name: z.string().trim().min(1, 'This field is required').max(100, 'At most 100 characters'),
    description: z.string().trim().max(500, 'At most 500 characters'),
    is_active: z.boolean(),
  })
  .partial()
  .strict();
export type WorkflowRoleUpdateInput = z.infer<typeof workflowRoleUpdateInput>;
export const roleIdParam = z.object({ role_id: z.coerce.number().int().positive() });
/** The person to add to a workflow role (the members dialog; the API is identity's role assignment). */
export const workflowRoleMemberInput = z.object({
  user_id: z.coerce.number({ error: 'Choose a person' }).int().positive('Choose a person'),
});

/** The SLA timeline of a ticket's clock (issue 11, lib/domain/workflow/sla-timeline.ts). */
export const slaTimelineOutput = z.object({
  ticket_number: z.string(),
  audience: z.enum(['staff', 'requester']),
  started_at: z.string(),
  due_at: z.string().nullable(),
  stopped_at: z.string().nullable(),
  paused_since: z.string().nullable(),
  sla_state: z.string(),
  sla_outcome: z.string().nullable().describe('met or breached once the clock stopped; null while it runs'),
  calendar: z
    .object({
      name: z.string(),
      time_zone: z.string(),
      hours: z.array(z.object({ day: z.number().int(), start: z.string(), end: z.string() })),
      holidays: z.array(z.string()),
    })
    .nullable(),
  pauses: z.array(z.object({ from: z.number(), to: z.number().nullable() })),
  remaining_business_ms: z.number().nullable(),
  events: z.array(
    z.object({
      kind: z.enum(['started', 'paused', 'outside_hours', 'warned', 'at_risk', 'breached', 'escalated', 'met']),
      at: z.string(),
      until: z.string().nullable().optional(),
      text: z.string(),
    }),
  ),
});
