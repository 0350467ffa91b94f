/** Inputs and answers of a workflow's versions, their diff, restore and the dry run (shared with the browser). */
import { z } from 'zod';

export const versionParam = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
});

/** A version number, or `draft`: the definition being edited. */
export const versionRef = z.union([z.literal('draft'), z.coerce.number().int().positive()]);
export type VersionRef = z.infer<typeof versionRef>;

export const compareQuery = z.object({ from: versionRef, to: versionRef.default('draft') });

export const deployInput = z.object({
  note: z.string().trim().max(500, 'Keep the note under 500 characters').default(''),
});
export type DeployInput = z.infer<typeof deployInput>;

/** A ticket typed by the admin to see where it would go. */
export const hypotheticalTicket = z.object({
  subject: z.string().trim().max(255).default(''),
  department: z.string().trim().max(64).optional(),
  category: z.string().trim().max(64).optional(),
  sub_category: z.string().trim().max(64).nullish(),
  /** None given: Low, the workflow SLA 001 gives a ticket without priority. */
  priority: z.enum(['Low', 'Medium', 'High', 'Critical']).default('Low'),
});

export const dryRunInput = z.object({
  /** What to try: the draft (default) or a deployed version. */
  version: versionRef.default('draft'),
  /** How many of the latest matching tickets to replay. */
  limit: z.coerce.number().int().min(0).max(50, 'At most 50 tickets').default(10),
  ticket: hypotheticalTicket.optional(),
});
export type DryRunInput = z.infer<typeof dryRunInput>;

const person = z.object({ user_id: z.number().int(), name: z.string() }).nullable();
const fieldChange = z.object({
  field: z.string(),
  from: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  to: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});
const transitionRef = z.object({ from_step: z.string(), to_step: z.string(), name: z.string() });

export const versionListOutput = z.object({
  workflow_id: z.number().int(),
  versions: z.array(
    z.object({
      version_id: z.number().int(),
      version: z.number().int(),
      name: z.string(),
      deployed_at: z.string(),
      deployed_by: person,
      note: z.string(),
      is_current: z.boolean(),
      in_flight_tasks: z.number().int(),
      steps: z.number().int(),
      transitions: z.number().int(),
    }),
  ),
});

export const versionOutput = z.object({
  version_id: z.number().int(),
  version: z.number().int(),
  deployed_at: z.string(),
  deployed_by: person,
  note: z.string(),
  snapshot: z.object({
    workflow_id: z.number().int(),
    name: z.string(),
    department: z.string(),
    category: z.string(),
    sub_category: z.string().nullable(),
    slas: z.record(z.string(), z.number().nullable().optional()),
    steps: z.array(z.object({ id: z.number().int(), name: z.string(), role_id: z.number().int() }).loose()),
    transitions: z.array(
      z.object({ id: z.number().int(), from_step_id: z.number().int(), to_step_id: z.number().int(), name: z.string() }),
    ),
  }),
});

export const versionDiffOutput = z.object({
  workflow_id: z.number().int(),
  from: z.union([z.literal('draft'), z.number().int()]),
  to: z.union([z.literal('draft'), z.number().int()]),
  settings: z.array(fieldChange),
  slas: z.array(z.object({ level: z.string(), from: z.number().nullable(), to: z.number().nullable() })),
  steps: z.object({
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(z.object({ name: z.string(), changes: z.array(fieldChange) })),
  }),
  transitions: z.object({
    added: z.array(transitionRef),
    removed: z.array(transitionRef),
    changed: z.array(z.object({ from_step: z.string(), name: z.string(), changes: z.array(fieldChange) })),
  }),
  roles: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  identical: z.boolean(),
});

const routedTo = z.object({ workflow_id: z.number().int(), name: z.string() }).nullable();

export const dryRunOutput = z.object({
  workflow_id: z.number().int(),
  version: z.union([z.literal('draft'), z.number().int()]),
  problems: z.array(z.string()),
  tickets: z.array(
    z.object({
      ticket_number: z.string().nullable(),
      hypothetical: z.boolean(),
      subject: z.string(),
      department: z.string(),
      category: z.string(),
      sub_category: z.string().nullable(),
      priority: z.string(),
      received_at: z.string().nullable(),
      today: routedTo,
      today_reason: z.string().nullable(),
      after_deploy: routedTo,
      after_deploy_reason: z.string().nullable(),
      routes_here: z.boolean(),
      first_assignee: person,
      first_assignee_reason: z.string().nullable(),
      sla_seconds: z.number().int().nullable(),
      path: z.array(
        z.object({
          step: z.string(),
          role: z.string(),
          sla_seconds: z.number().int().nullable(),
        }),
      ),
    }),
  ),
});
