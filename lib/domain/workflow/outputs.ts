/**
 * Output schemas of the workflow (TTS) endpoints beside the task answers in ./schemas.ts: workflows, roles,
 * transitions, actions, assignments, logs, audit and unassigned tickets. The OpenAPI document is generated from
 * them (every object closed) and tests/integration/contract/c-tts.cases.ts validates real answers against it.
 */
import { z } from 'zod';
import { PAUSABLE_STATUSES, taskItemLogOutput, taskOutput } from './schemas';

const iso = z.string().describe('ISO 8601 date-time');
const id = z.number().int();
/** An assignment's own SLA clock (the fields of a task's `step_sla`). */
const stepSlaOutput = taskOutput.shape.step_sla.unwrap();

const roleRef = z.object({ role_id: id, name: z.string().nullable() });
const stepRef = z.object({ step_id: id, name: z.string().nullable() });
const slaText = z.string().nullable();

/** A workflow definition (002/003 shapes) with its steps and transitions. */
export const workflowOutput = z.object({
  workflow_id: id,
  name: z.string(),
  description: z.string(),
  department: z.string(),
  category: z.string(),
  sub_category: z.string().nullable(),
  subcategory: z.string().nullable().describe("003's spelling of sub_category"),
  status: z.enum(['draft', 'deployed', 'paused']),
  is_published: z.boolean().describe('True while deployed'),
  version: id.nullable().describe('The current deployed version (null: never deployed)'),
  low_sla: slaText.describe('Display form, e.g. "5 days"; null: none'),
  medium_sla: slaText,
  high_sla: slaText,
  urgent_sla: slaText,
  sla: z
    .object({ low: slaText, medium: slaText, high: slaText, urgent: slaText })
    .describe("003's form: ISO 8601 durations per priority"),
  calendar_id: id.nullable().describe('The business-hours calendar its SLAs count in (null: 24×7)'),
  pause_statuses: z.array(z.enum(PAUSABLE_STATUSES)),
  steps: z.array(
    z.object({
      step_id: id,
      name: z.string(),
      description: z.string(),
      instruction: z.string(),
      order: id,
      weight: id,
      role_id: id,
      role: roleRef,
      role_name: z.string().nullable().describe("002's step role as a string"),
      escalate_to_role_id: id.nullable(),
      escalate_to: roleRef.nullable(),
      is_start: z.boolean(),
      is_end: z.boolean(),
    }),
  ),
  transitions: z.array(z.object({ transition_id: id, name: z.string(), from_step: stepRef, to_step: stepRef })),
  created_at: iso,
  updated_at: iso,
});
/** A created, updated or restored workflow. */
export const workflowSavedOutput = workflowOutput.extend({ message: z.string() });

export const deployOutput = z.object({
  workflow_id: id,
  status: z.literal('deployed'),
  version: id.describe('The version this deploy froze'),
  message: z.string(),
});
export const pauseOutput = z.object({ workflow_id: id, status: z.literal('paused'), message: z.string() });

export const transitionOutput = z.object({
  transition_id: id,
  workflow_id: id,
  from_step: stepRef,
  to_step: stepRef,
  action: z.object({ action_id: id.describe('The transition id'), name: z.string() }),
});

/** TTS roles a step may use (GET /tts/roles/). */
export const assignableRolesOutput = z.array(z.object({ role_id: id, name: z.string(), active_members: id }));
export const workflowRoleOutput = z.object({
  role_id: id,
  name: z.string(),
  description: z.string(),
  is_active: z.boolean(),
  message: z.string(),
});

const person = z.object({ user_id: id, user_full_name: z.string() });

/** POST /tts/transitions/: the assignment is resolved; the next step's assignment, if any. */
export const transitionOutcomeOutput = z.object({
  status: z.literal('success'),
  task_item_id: id,
  task_id: id,
  new_status: z.literal('resolved'),
  task_status: z.enum(['in_progress', 'completed']),
  next_step: z.string().nullable(),
  next_step_id: id.nullable(),
  next_assignee: z.string().nullable(),
  next_assignee_id: id.nullable(),
  next_task_item_id: id.nullable(),
  transition: z.string().describe('The transition name, or "finalize"'),
  acted_at: iso,
  message: z.string(),
});

/** POST /tts/tasks/{id}/action/ (003 §4). */
export const taskActionOutput = z.object({
  status: z.enum(['completed', 'transitioned']),
  message: z.string(),
  task_id: id,
  next_step: z
    .object({ step_id: id, name: z.string(), assigned_to: z.string().nullable(), task_item_id: id.nullable() })
    .nullable(),
  action_log: z.object({
    action_log_id: id.describe('The assignment acted on'),
    action: z.string(),
    user: z.string().describe("The actor's e-mail"),
    comment: z.string(),
    timestamp: iso,
  }),
});

export const availableActionsOutput = z.object({
  task_id: id,
  task_item_id: id.nullable().describe("The caller's open assignment (null: none)"),
  current_step: z.string().nullable(),
  can_act: z.boolean(),
  available_actions: z.array(
    z.object({
      action_id: z.union([id, z.string()]).describe('A transition id, or finalize / escalate / transfer'),
      name: z.string(),
      description: z.string(),
      kind: z.enum(['transition', 'finalize', 'escalate', 'transfer']),
      to_step: z.string().optional(),
    }),
  ),
});

/** GET /tts/tasks/detail/{task_item_id}/: an assignment with its step, clock and task. */
export const taskItemDetailOutput = taskItemLogOutput.extend({
  step: z
    .object({ step_id: id, name: z.string(), instruction: z.string(), description: z.string(), is_end: z.boolean() })
    .nullable(),
  step_sla: stepSlaOutput,
  is_actionable: z.boolean(),
  task: taskOutput,
});

/** GET /tts/tasks/my-tasks/: the caller's assignments, each with its task. */
export const myTaskOutput = taskOutput.extend({
  task_item_id: id,
  task_item_status: z.string(),
  step_name: z.string(),
  origin: z.string(),
  assigned_on: iso,
  is_actionable: z.boolean(),
  step_sla: stepSlaOutput,
});

export const escalateOutput = z.object({
  status: z.literal('success'),
  task_id: id,
  task_item_id: id,
  new_task_item_id: id,
  escalated_to: person.extend({ role: z.string().nullable() }),
  message: z.string(),
});

export const transferOutput = z.object({
  status: z.literal('success'),
  task_id: id,
  task_item_id: id,
  new_task_item_id: id,
  transferred_to: person,
  message: z.string(),
});

export const ownerEscalateOutput = z.object({
  status: z.literal('success'),
  ticket_number: z.string(),
  old_owner: z.string(),
  new_owner: z.string(),
  new_owner_id: id,
  escalated_at: iso,
  message: z.string(),
});

export const ownerTransferOutput = z.object({
  status: z.literal('success'),
  ticket_number: z.string(),
  old_owner: z.string().nullable(),
  new_owner: z.string(),
  new_owner_id: id,
  transferred_by: z.string(),
  transferred_at: iso,
});

/** GET /tts/tasks/logs/ (000 §4). */
export const taskLogsOutput = z.object({
  task_id: id,
  ticket_id: z.string(),
  ticket_number: z.string(),
  workflow_id: id,
  workflow_name: z.string(),
  version: id,
  logs: z.array(taskItemLogOutput),
});

const edge = z.object({ id, source: id, target: id, name: z.string() });
/** A task's version with its progress, or (for workflow_id) the current definition. */
export const visualizationOutput = z.union([
  z.object({
    workflow_id: id,
    workflow_name: z.string(),
    version: id,
    task_id: id,
    task_status: z.enum(['pending', 'in_progress', 'completed', 'closed']),
    nodes: z.array(
      z.object({
        id,
        name: z.string(),
        role: z.string(),
        is_start: z.boolean(),
        is_end: z.boolean(),
        state: z.enum(['current', 'done', 'pending']),
      }),
    ),
    edges: z.array(edge),
  }),
  z.object({
    workflow_id: id,
    workflow_name: z.string(),
    version: z.null(),
    nodes: z.array(
      z.object({
        id,
        name: z.string(),
        role: z.null(),
        role_id: id,
        is_start: z.boolean(),
        is_end: z.boolean(),
        state: z.literal('pending'),
      }),
    ),
    edges: z.array(edge),
  }),
]);

export const auditEntryOutput = z.object({
  id,
  timestamp: iso,
  user: z.string().describe("The actor's e-mail, or system"),
  user_id: id.nullable(),
  action: z.string(),
  context: z.string(),
  entity_type: z.string(),
  task_id: z.string().nullable(),
  entity_id: z.string(),
  details: z.object({
    field: z.string().nullable().describe("002: the entry's changed field (status first), null when none alone"),
    old_value: z.unknown(),
    new_value: z.unknown(),
    old_values: z.unknown(),
    new_values: z.unknown(),
  }),
  ip_address: z.string().nullable(),
});

export const unassignedTicketOutput = z.object({
  ticket_number: z.string(),
  subject: z.string(),
  department: z.string(),
  category: z.string(),
  sub_category: z.string().nullable(),
  priority: z.string(),
  reason_code: z.string().nullable(),
  reason: z.string().nullable(),
  needs: z.enum(['workflow', 'owner']).describe('workflow: no workflow took it; owner: no coordinator could own it'),
  received_at: iso,
});

export const manualAssignOutput = z.object({
  status: z.literal('success'),
  ticket_number: z.string(),
  workflow_id: id,
  task_id: id,
  message: z.string(),
});
