import { z } from 'zod';
import { DEFAULT_RETRY } from '../jobs';

/**
 * The messages that cross between contexts (spec 000), shared by producer and consumer so both
 * validate the same payload. A producer enqueues with `enqueue(tx, MESSAGES.x, payload)`; the consumer
 * registers `defineJob({ ...MESSAGES.x, handler })`. Names keep spec 000's task names.
 */
const isoDate = z.string().datetime({ offset: true });

/**
 * A file of the ticket as the workflow side sees it (000 §3 attachment shape plus size and type). `url` is the
 * help desk's download endpoint (`/hdts/api/v1/attachments/{id}/`); the help desk authorizes each download.
 */
export const ticketAttachmentRef = z.object({
  id: z.number().int().positive(),
  filename: z.string().min(1),
  url: z.string().min(1),
  uploaded_at: isoDate,
  size: z.number().int().nonnegative().optional(),
  content_type: z.string().optional(),
});

/** HDTS → TTS: an approved ticket enters the workflow engine (000 §HDTS→TTS 1). */
export const processTicketPayload = z.object({
  ticket_number: z.string().regex(/^TX\d{14}$/),
  subject: z.string().min(1),
  description: z.string(),
  category: z.string().min(1),
  sub_category: z.string().nullable().optional(),
  department: z.string().min(1),
  priority: z.enum(['Low', 'Medium', 'High', 'Critical']),
  employee_id: z.number().int(),
  employee_name: z.string(),
  employee_email: z.string(),
  status: z.string(),
  created_at: isoDate,
  /** The ticket's files when it was sent (optional: messages without it stay valid). */
  attachments: z.array(ticketAttachmentRef).optional(),
});

/** HDTS → TTS: Closed (with CSAT), Withdrawn, Reopened (000 §HDTS→TTS 5). */
export const hdtsTicketStatusPayload = z.object({
  ticket_number: z.string().regex(/^TX\d{14}$/),
  status: z.enum(['Closed', 'Withdrawn', 'Reopened', 'Rejected']),
  csat_rating: z.number().int().min(1).max(5).nullable().optional(),
  feedback: z.string().nullable().optional(),
  date_completed: isoDate.nullable().optional(),
  time_closed: isoDate.nullable().optional(),
  reason: z.string().nullable().optional(),
});

/**
 * HDTS → TTS: the files of an approved ticket changed (added or deleted after approval). The whole list as of
 * `changed_at`; the workflow keeps the newest list whatever order deliveries arrive in.
 */
export const updateTicketAttachmentsPayload = z.object({
  ticket_number: z.string().regex(/^TX\d{14}$/),
  attachments: z.array(ticketAttachmentRef),
  changed_at: isoDate,
});

/** TTS → HDTS: the owning Ticket Coordinator (000 §TTS→HDTS 1). */
export const updateTicketOwnerPayload = z.object({
  ticket_number: z.string().regex(/^TX\d{14}$/),
  owner_id: z.number().int().positive(),
});

/**
 * TTS → HDTS: the agent now working the ticket (a new assignment: first step, next step, escalation, transfer).
 * The help desk records them as the ticket's assignee, so they may read it and download its files.
 */
export const updateTicketAssigneePayload = z.object({
  ticket_number: z.string().regex(/^TX\d{14}$/),
  assignee_id: z.number().int().positive(),
  /** The workflow assignment (task item) id: idempotency key, and a later assignment has a higher id. */
  task_item_id: z.number().int().positive(),
});

/**
 * TTS → HDTS: the ticket's one SLA clock (issue 10). Once the workflow engine owns a ticket, its SLA (priority ×
 * workflow) is the ticket's resolution target: the help desk stores this instant and shows it everywhere.
 * `resolution_due_at` null = the workflow has no SLA for this priority. Newest `changed_at` wins.
 */
export const updateTicketSlaPayload = z.object({
  ticket_number: z.string().regex(/^TX\d{14}$/),
  started_at: isoDate,
  resolution_due_at: isoDate.nullable(),
  /** The business-time instants at which the clock reads "Due soon" and "At risk" (absent from older senders). */
  due_soon_at: isoDate.nullable().optional(),
  at_risk_at: isoDate.nullable().optional(),
  changed_at: isoDate,
  /** The workflow that took the ticket (sent when it routes it): the admin report filters the help desk by it. */
  workflow_id: z.number().int().positive().optional(),
});

/**
 * TTS → HDTS: the workflow engine took the ticket (routing, or an admin's manual assignment): its SLA clock, first
 * assignee and owning coordinator (null when no coordinator is active) in one delivery, which the help desk applies
 * in one transaction. Later changes of each travel alone (update_ticket_sla, _assignee, _owner).
 */
export const ticketRoutedPayload = z.object({
  ticket_number: z.string().regex(/^TX\d{14}$/),
  sla: updateTicketSlaPayload.omit({ ticket_number: true }),
  assignee: updateTicketAssigneePayload.omit({ ticket_number: true }),
  owner_id: z.number().int().positive().nullable(),
});

/**
 * HDTS → TTS: the ticket's help-desk status changed (issue 11). The workflow pauses the SLA clock while the
 * status is one of the workflow's pausing statuses (On Hold by default) and resumes it otherwise. Deliveries
 * may arrive out of order: one older than the last applied (`changed_at`) changes nothing.
 */
export const slaStatusPayload = z.object({
  ticket_number: z.string().regex(/^TX\d{14}$/),
  status: z.string().min(1).max(32),
  changed_at: isoDate,
  /** Why, in people's words ("The requester replied"). */
  note: z.string().nullable().optional(),
});

/** TTS → HDTS: status sync of 001 §5 (In Progress when work starts or moves, Resolved when finalized). */
export const syncTicketStatusPayload = z.object({
  ticket_number: z.string().regex(/^TX\d{14}$/),
  status: z.enum(['Open', 'In Progress', 'Resolved']),
  /** Idempotency key: the workflow event that caused this sync (e.g. task item id + action). */
  event_id: z.string().min(1),
  occurred_at: isoDate,
  note: z.string().nullable().optional(),
});

export const MESSAGES = {
  processTicket: { name: 'tts.process_ticket', schema: processTicketPayload, retry: DEFAULT_RETRY },
  receiveHdtsTicketStatus: { name: 'tts.receive_hdts_ticket_status', schema: hdtsTicketStatusPayload, retry: DEFAULT_RETRY },
  updateTicketAttachments: {
    name: 'tts.update_ticket_attachments',
    schema: updateTicketAttachmentsPayload,
    retry: DEFAULT_RETRY,
  },
  updateSlaStatus: { name: 'tts.update_sla_status', schema: slaStatusPayload, retry: DEFAULT_RETRY },
  updateTicketOwner: { name: 'hdts.update_ticket_owner', schema: updateTicketOwnerPayload, retry: DEFAULT_RETRY },
  updateTicketAssignee: { name: 'hdts.update_ticket_assignee', schema: updateTicketAssigneePayload, retry: DEFAULT_RETRY },
  syncTicketStatus: { name: 'hdts.sync_ticket_status', schema: syncTicketStatusPayload, retry: DEFAULT_RETRY },
  updateTicketSla: { name: 'hdts.update_ticket_sla', schema: updateTicketSlaPayload, retry: DEFAULT_RETRY },
  ticketRouted: { name: 'hdts.ticket_routed', schema: ticketRoutedPayload, retry: DEFAULT_RETRY },
} as const;

export type ProcessTicketPayload = z.infer<typeof processTicketPayload>;
export type HdtsTicketStatusPayload = z.infer<typeof hdtsTicketStatusPayload>;
export type UpdateTicketAttachmentsPayload = z.infer<typeof updateTicketAttachmentsPayload>;
export type UpdateTicketOwnerPayload = z.infer<typeof updateTicketOwnerPayload>;
export type UpdateTicketAssigneePayload = z.infer<typeof updateTicketAssigneePayload>;
export type TicketAttachmentRef = z.infer<typeof ticketAttachmentRef>;
export type UpdateTicketSlaPayload = z.infer<typeof updateTicketSlaPayload>;
export type TicketRoutedPayload = z.infer<typeof ticketRoutedPayload>;
export type SyncTicketStatusPayload = z.infer<typeof syncTicketStatusPayload>;
export type SlaStatusPayload = z.infer<typeof slaStatusPayload>;
