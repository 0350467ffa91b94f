import { z } from 'zod';
import { pageOutput, pageQuery } from '../pagination';

/**
 * The notification types, one per event of issue 6. Producers pass one of these as `type`; users can turn
 * the e-mail of each type off in their profile (identity's emailPreferences[type] === false).
 */
export const NOTIFICATION_TYPES = {
  taskAssigned: 'task_assigned',
  taskTransferredIn: 'task_transferred_in',
  taskTransferredOut: 'task_transferred_out',
  taskEscalatedIn: 'task_escalated_in',
  taskEscalatedOut: 'task_escalated_out',
  ticketOwnerAssigned: 'ticket_owner_assigned',
  ticketApproved: 'ticket_approved',
  ticketRejected: 'ticket_rejected',
  ticketResolved: 'ticket_resolved',
  ticketClosed: 'ticket_closed',
  ticketReopened: 'ticket_reopened',
  csatRequested: 'csat_requested',
  commentPublic: 'comment_public',
  commentInternal: 'comment_internal',
  mention: 'mention',
  slaWarning: 'sla_warning',
  slaBreached: 'sla_breached',
} as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[keyof typeof NOTIFICATION_TYPES];

/**
 * The specs' own names for the same events, accepted from services and stored as ours (so e-mail preferences and
 * the bell treat them alike): 002's `task_assignment`, 003's `assignment`.
 */
export const SPEC_TYPE_ALIASES: Record<string, NotificationType> = {
  task_assignment: NOTIFICATION_TYPES.taskAssigned,
  assignment: NOTIFICATION_TYPES.taskAssigned,
};
export const canonicalNotificationType = (type: string): string => SPEC_TYPE_ALIASES[type] ?? type;

/** Labels for the e-mail preferences form. */
export const NOTIFICATION_TYPE_LABELS: Record<NotificationType, string> = {
  task_assigned: 'A task is assigned to me',
  task_transferred_in: 'A task is transferred to me',
  task_transferred_out: 'A task of mine is transferred away',
  task_escalated_in: 'A task is escalated to me',
  task_escalated_out: 'A task of mine is escalated',
  ticket_owner_assigned: 'I become the owner of a ticket',
  ticket_approved: 'My ticket is approved',
  ticket_rejected: 'My ticket is rejected',
  ticket_resolved: 'My ticket is resolved',
  ticket_closed: 'My ticket is closed',
  ticket_reopened: 'A ticket is reopened',
  csat_requested: 'I am asked to rate a closed ticket',
  comment_public: 'A new public comment on my ticket',
  comment_internal: 'A new internal comment on a ticket I work on',
  mention: 'Someone mentions me (@name)',
  sla_warning: 'A task of mine is due soon or at risk (80 %, 90 % of its time used)',
  sla_breached: 'A task I work on or own has breached its SLA',
};

const ticketNumber = z.string().regex(/^TX\d{14}$/, 'Ticket numbers look like TX + date + 6 digits');

export const emailPayload = z.object({ notification_id: z.uuid() });

/** E-mail retries with backoff: 6 attempts over ~10 minutes (20 s, 40 s, 80 s ...). */
export const EMAIL_JOB = {
  name: 'notifications.email',
  schema: emailPayload,
  retry: { limit: 5, delaySeconds: 20, backoff: true },
  expireInSeconds: 60,
} as const;

/** POST /notifications/api/v1/notifications/send/ (002) and POST /notifications/notifications/ (003). */
export const sendNotificationBody = z
  .object({
    user_id: z.number().int().positive().optional(),
    user_ids: z.array(z.number().int().positive()).min(1).max(1000).optional(),
    user_email: z.email().optional(),
    user_name: z.string().max(255).optional(),
    notification_type: z.string().min(1).max(48).optional(),
    type: z.string().min(1).max(48).optional(),
    subject: z.string().min(1).max(255).optional(),
    message: z.string().min(1).max(5000).optional(),
    context_data: z.record(z.string(), z.unknown()).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    ticket_number: ticketNumber.optional(),
    link: z.string().max(500).optional(),
    dedupe_key: z.string().min(1).max(128).optional(),
  })
  .refine((b) => b.user_id || b.user_ids?.length || b.user_email, {
    message: 'Give user_id, user_ids or user_email',
    path: ['user_id'],
  })
  .refine((b) => b.notification_type || b.type, { message: 'This field is required', path: ['type'] });
export type SendNotificationBody = z.infer<typeof sendNotificationBody>;

const boolString = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const inAppListQuery = pageQuery.extend({ is_read: boolString.optional() });
/** Spec 003's `GET /notifications/?user_id=&is_read=`: `user_id`, if given, must be the caller. */
export const notificationListQuery = inAppListQuery.extend({ user_id: z.coerce.number().int().positive().optional() });
export type InAppListQuery = z.infer<typeof inAppListQuery>;
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const notificationIdParam = z.object({ id: z.uuid() });
export const markReadBody = z.object({ is_read: z.boolean().default(true) });

export const deliveryListQuery = pageQuery.extend({ status: z.enum(['sent', 'failed']).optional() });
export type DeliveryListQuery = z.infer<typeof deliveryListQuery>;

export const emailPreferencesBody = z.record(z.string(), z.boolean());

/** What a notification reads as (`notificationDto`); the OpenAPI document and the contract test use it. */
export const notificationOutput = z.object({
  id: z.string(),
  notification_id: z.string().describe("003's name for the id"),
  type: z
    .string()
    .describe(
      `One of ${Object.values(NOTIFICATION_TYPES).join(', ')}, or a type a service sent. 002's task_assignment and 003's assignment are stored as task_assigned.`,
    ),
  subject: z.string(),
  message: z.string(),
  ticket_number: z.string().nullable(),
  link: z.string().nullable(),
  data: z.unknown(),
  is_read: z.boolean(),
  read_at: z.string().nullable(),
  created_at: z.string(),
});
export const notificationListOutput = pageOutput(notificationOutput, { unread_count: z.number().int() });

/** What a service gets back for a new notification (spec 003's receipt, `sendNotificationsReceipt`). */
export const notificationReceiptOutput = z.object({
  notification_id: z.string().nullable().describe('The first new notification; null when every recipient had it already'),
  notification_ids: z.array(z.string()),
  status: z.literal('sent'),
  timestamp: z.string(),
});
/** 002's answer to POST /notifications/api/v1/notifications/send/. */
export const notificationSentOutput = z.object({
  success: z.literal(true),
  message: z.string(),
  notification_ids: z.array(z.string()),
});
/** A notification marked read or unread. */
export const notificationReadOutput = z.object({
  id: z.string(),
  notification_id: z.string(),
  is_read: z.boolean(),
  read_at: z.string().nullable(),
});
export const markAllReadOutput = z.object({ updated: z.number().int(), unread_count: z.number().int() });
/** One e-mail delivery attempt (admins). */
export const emailDeliveryListOutput = pageOutput(
  z.object({
    id: z.string(),
    notification_id: z.string(),
    user_id: z.number().int(),
    recipient: z.string(),
    subject: z.string(),
    status: z.enum(['sent', 'failed']),
    transport: z.enum(['smtp', 'file']),
    attempt: z.number().int(),
    error: z.string().nullable(),
    message_id: z.string().nullable(),
    created_at: z.string(),
  }),
);
