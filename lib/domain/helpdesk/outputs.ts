// Output schemas: what the ticket endpoints answer (lib/domain/helpdesk/queries.ts and commands/ build these shapes).
// The OpenAPI document is generated from them and the contract test validates real answers against that document
// (tests/integration/contract/c-tickets.cases.ts), so every field the handlers return is named here.
import { z } from 'zod';
import { pageOutput } from '../pagination';
import { IMPACT_LEVELS, PRIORITIES, STATUSES } from './schemas';

const iso = z.string().describe('ISO 8601 date-time');
const int = () => z.number().int();
/**
 * One of `values`, or null. (`z.enum().nullable()` documents OpenAPI 3.0's `nullable` beside an `enum` without null,
 * which refuses null; the union documents null as a value of its own.)
 */
const enumOrNull = <const T extends readonly [string, ...string[]]>(values: T) => z.union([z.enum(values), z.null()]);

/** A ticket as lists show it (`ticketSummaries`): 000 §3's fields with 003's and 004's spellings beside them. */
export const ticketSummaryOutput = z.object({
  id: int(),
  ticket_number: z.string(),
  ticket_id: z.string().describe("003's name for the ticket number"),
  subject: z.string(),
  description: z.string(),
  category: z.string(),
  sub_category: z.string().nullable(),
  subcategory: z.string().nullable().describe("003's spelling of sub_category"),
  department: z.string().nullable().describe('Null until a coordinator approves a ticket submitted without one'),
  priority: enumOrNull(PRIORITIES).describe('Null until a coordinator approves the ticket'),
  environment: z.string().nullable().describe("004's environment (free text, e.g. PRODUCTION)"),
  affected_service: z.string().nullable().describe("004's affected service"),
  impact_level: enumOrNull(IMPACT_LEVELS).describe("004's impact level"),
  tags: z.array(z.string()).describe("004's tags (empty when none)"),
  status: z.enum(STATUSES),
  employee: z.object({
    id: int(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    department: z.string().nullable(),
  }),
  ticket_owner_id: int().nullable(),
  ticket_owner_name: z.string().nullable(),
  assignee_id: int().nullable(),
  assignee_name: z.string().nullable(),
  assigned_to: z.string().nullable().describe("003: the assignee's e-mail"),
  approved_by: z.object({ id: int(), name: z.string().nullable() }).nullable(),
  approved_at: iso.nullable(),
  approval_notes: z.string().nullable().describe('Staff notes: null for the requester'),
  rejection_reason: z.string().nullable(),
  rejected_at: iso.nullable(),
  withdraw_reason: z.string().nullable(),
  resolution_notes: z.string().nullable(),
  resolved_at: iso.nullable(),
  response_due_at: iso.nullable(),
  sla_status: enumOrNull(['on_track', 'warning', 'at_risk', 'breached', 'met', 'paused']).describe(
    'The one SLA clock (lib/domain/sla/clock.ts); null without a target',
  ),
  sla_percent: z.number().describe("Elapsed share of the resolution window's business time, in percent"),
  sla_started_at: iso.nullable(),
  sla_stopped_at: iso.nullable(),
  sla_due_soon_at: iso.nullable(),
  sla_at_risk_at: iso.nullable(),
  sla_paused_by: z.string().nullable().describe('The status pausing the clock ("On Hold"), null while it runs or once stopped'),
  sla_outcome: enumOrNull(['met', 'breached']),
  sla_outcome_at: iso.nullable(),
  resolution_due_at: iso.nullable(),
  created_at: iso,
  submit_date: iso,
  updated_at: iso,
  time_closed: iso.nullable(),
  date_completed: iso.nullable(),
  resolution_time: int().nullable().describe('Seconds from submission to resolution'),
  csat_rating: int().nullable(),
  csat_feedback: z.string().nullable(),
});

/** A file of a ticket (`attachmentDto`). */
export const ticketAttachmentOutput = z.object({
  id: int(),
  filename: z.string(),
  url: z.string().describe('The download path (GET /hdts/api/v1/attachments/{id}/)'),
  mime_type: z.string(),
  size: int(),
  sha256: z.string(),
  uploaded_by: int(),
  uploaded_at: iso,
});

/** A comment of the ticket's one thread (`commentDto`). */
export const ticketCommentOutput = z.object({
  id: int(),
  user_id: int(),
  user_name: z.string().nullable(),
  comment: z.string().describe('Empty once unsent'),
  mentions: z.record(z.string(), z.string()).describe('The mentioned people: login → name'),
  is_internal: z.boolean(),
  parent_id: int().nullable(),
  is_unsent: z.boolean(),
  edited_at: iso.nullable(),
  attachments: z.array(z.object({ id: int(), filename: z.string(), mime_type: z.string(), size: int(), url: z.string() })),
  created_at: iso,
  updated_at: iso,
});

/** A comment added or edited through the ticket APIs: beside ours, 004's `content` and `comment_type`. */
export const ticketCommentWriteOutput = ticketCommentOutput.extend({
  content: z.string().describe("004's name for the text"),
  comment_type: z.enum(['COMMENT', 'INTERNAL_NOTE']).describe("004's comment type"),
});

/** One ticket (`ticketDetail`): the summary, its files and the newest comments the caller may read. */
export const ticketDetailOutput = ticketSummaryOutput.extend({
  attachments: z.array(ticketAttachmentOutput),
  comments: z.array(ticketCommentOutput).describe('The newest comments (at most 50), oldest first'),
  comments_count: int().describe('All the comments the caller may read'),
});

export const ticketListOutput = pageOutput(ticketSummaryOutput, {
  next_cursor: z.string().nullable().describe('Keyset pagination: pass as `cursor` for the next page; null on the last'),
  count_estimated: z.boolean().optional().describe("Present (true) when `count` is PostgreSQL's estimate"),
});
export const commentListOutput = pageOutput(ticketCommentOutput);
export const attachmentListOutput = z.array(ticketAttachmentOutput);

export const ticketHistoryOutput = z.object({
  ticket_number: z.string(),
  results: z.array(
    z.object({
      id: int(),
      type: z.string(),
      field: z.string().nullable(),
      old_value: z.string().nullable(),
      new_value: z.string().nullable(),
      old_value_name: z.string().nullable().describe('The name beside a user id (owner and assignee changes)'),
      new_value_name: z.string().nullable(),
      user_name: z.string().describe('"System" for the help desk itself'),
      summary: z.string().describe('The entry in people\'s words ("Approved by Casey Reyes")'),
      note: z.string().nullable(),
      is_public: z.boolean(),
      user_id: int().nullable(),
      created_at: iso,
    }),
  ),
});

export const csatOutput = z.object({
  ticket_id: int(),
  ticket_number: z.string(),
  rating: int(),
  feedback: z.string().nullable(),
  submitted_at: iso,
});

export const feedbackListOutput = pageOutput(
  z.object({
    ticket_id: int(),
    ticket_number: z.string(),
    subject: z.string(),
    rating: int().describe('1–5 (only rated tickets are listed)'),
    feedback: z.string().nullable(),
    employee: z.object({ id: int(), name: z.string().nullable() }),
    submitted_at: iso.nullable(),
  }),
  {
    buckets: z.record(z.string(), int()).describe('Ratings 1–5 → how many'),
    average: z.number().nullable(),
    total: int(),
  },
);

export const bulkOutput = z.object({
  action: z.enum(['approve', 'reject', 'assign', 'status']),
  succeeded: int(),
  refused: int(),
  results: z.array(
    z.object({
      ticket_number: z.string(),
      ok: z.boolean(),
      status: z.string().optional().describe("The ticket's status after the action (ok)"),
      http_status: int().optional().describe('A refusal: the status the single action would have answered'),
      code: z.string().optional(),
      reason: z.string().optional(),
    }),
  ),
});

export const messageOutput = z.object({ message: z.string() });
