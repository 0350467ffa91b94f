import { z } from 'zod';
import { pageQuery } from '../pagination';

/** Canonical help-desk statuses (shared/spec/README.md); see docs/status-mapping.md for 004's names. */
export const STATUSES = ['New', 'Open', 'In Progress', 'On Hold', 'Resolved', 'Closed', 'Rejected', 'Withdrawn'] as const;
export type Status = (typeof STATUSES)[number];
export const PRIORITIES = ['Low', 'Medium', 'High', 'Critical'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Spellings of the specs: P1–P4 (004), urgent (002/003), any case. */
const PRIORITY_ALIASES: Record<string, Priority> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
  urgent: 'Critical',
  p1: 'Critical',
  p2: 'High',
  p3: 'Medium',
  p4: 'Low',
};
export const priority = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const p = PRIORITY_ALIASES[v.toLowerCase()];
    if (!p) {
      ctx.addIssue({ code: 'custom', message: 'Priority must be Low, Medium, High or Critical (P1–P4 and urgent accepted)' });
      return z.NEVER;
    }
    return p;
  });

/** 004's status names and ours, any case; REOPENED means Open, ESCALATED means In Progress (004 → canonical). */
const STATUS_ALIASES: Record<string, Status> = {
  new: 'New',
  open: 'Open',
  'in progress': 'In Progress',
  in_progress: 'In Progress',
  'on hold': 'On Hold',
  on_hold: 'On Hold',
  pending_info: 'On Hold',
  resolved: 'Resolved',
  closed: 'Closed',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  reopened: 'Open',
  escalated: 'In Progress',
};
export const status = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const s = STATUS_ALIASES[v.toLowerCase()];
    if (!s) {
      ctx.addIssue({ code: 'custom', message: `Status must be one of: ${STATUSES.join(', ')}` });
      return z.NEVER;
    }
    return s;
  });

const text = (max: number) => z.string().trim().min(1, 'This field may not be blank').max(max);

export const ticketCreateInput = z.object({
  subject: text(255),
  description: text(10_000),
  category: text(64),
  sub_category: z
    .string()
    .trim()
    .max(64)
    .nullish()
    .transform((v) => v || null),
  department: z
    .string()
    .trim()
    .max(64)
    .nullish()
    .transform((v) => v || null),
});
export type TicketCreateInput = z.infer<typeof ticketCreateInput>;

/** Spec 004's impact levels (any case; stored upper case). */
export const IMPACT_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
/**
 * Spec 004's facts of an incident: stored on the ticket and answered back (docs/api-contract.md). The
 * environment is free text (004 prints PRODUCTION), kept as sent.
 */
export const ticketFacts = {
  environment: z.string().trim().max(64).nullish(),
  affected_service: z.string().trim().max(255).nullish(),
  impact_level: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(IMPACT_LEVELS, { error: `Impact level must be one of ${IMPACT_LEVELS.join(', ')}` }))
    .nullish(),
  tags: z
    .array(z.string().trim().min(1, 'A tag may not be blank').max(50, 'At most 50 characters a tag'))
    .max(20, 'At most 20 tags')
    .transform((l) => [...new Set(l)])
    .optional(),
};
/**
 * 004's categories are ticket types, not the help desk's catalog: `INCIDENT` (its create example) files the
 * ticket under IT Support. Any other category must be in the catalog (a field error names it otherwise).
 */
const V1_CATEGORIES: Record<string, string> = { incident: 'IT Support' };

/** 004/003 create: `title` is accepted for `subject`; priority may be given (P1–P4 etc.). */
export const v1TicketCreateInput = z
  .object({
    // 004's facts, checked with the other fields below (one answer names every bad field)
    environment: z.unknown().optional(),
    affected_service: z.unknown().optional(),
    impact_level: z.unknown().optional(),
    tags: z.unknown().optional(),
    subject: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    category: z.string().optional(),
    sub_category: z.string().nullish(),
    /** 003's spelling of `sub_category`. */
    subcategory: z.string().nullish(),
    department: z.string().nullish(),
    /** Checked with the other fields below, so one answer names every bad field (003's error example). */
    priority: z.string().optional(),
    /** 003 sends `attachments: []`; files come as multipart parts, so only an empty list is accepted here. */
    attachments: z.array(z.unknown()).max(0, 'Send files as multipart/form-data parts (attachments)').optional(),
  })
  .transform(({ subcategory, attachments: _none, ...v }) => ({
    ...v,
    category: (v.category && V1_CATEGORIES[v.category.trim().toLowerCase()]) ?? v.category,
    subject: v.subject ?? v.title,
    ...(v.sub_category != null || subcategory != null ? { sub_category: v.sub_category ?? subcategory } : {}),
  }))
  .pipe(ticketCreateInput.extend({ priority: priority.optional(), ...ticketFacts }));
export type V1TicketCreateInput = z.infer<typeof v1TicketCreateInput>;

/**
 * The ticket's `updated_at` as the writer loaded it: when given and the ticket changed since, the write is
 * refused (409 CONFLICT) instead of overwriting a change the writer has not seen (collision detection).
 */
export const expectedUpdatedAt = z.iso
  .datetime({ offset: true, message: 'Must be the ticket’s updated_at (ISO 8601)' })
  .nullish()
  .transform((v) => (v ? new Date(v) : null));

export const rejectInput = z.object({ rejection_reason: text(2000), expected_updated_at: expectedUpdatedAt });
export const withdrawInput = z.object({ reason: text(2000), expected_updated_at: expectedUpdatedAt });

export const ticketUpdateInput = z
  .object({
    subject: text(255).optional(),
    title: text(255).optional(),
    description: text(10_000).optional(),
    category: text(64).optional(),
    sub_category: z.string().trim().max(64).nullish(),
    /** 003's spelling of `sub_category`. */
    subcategory: z.string().trim().max(64).nullish(),
    department: text(64).optional(),
    priority: priority.optional(),
    status: status.optional(),
    /** 003: the assignee's e-mail (coordinators and admins; the same as the assign action). */
    assigned_to: z.email('Not an e-mail address').optional(),
    ...ticketFacts,
    /** The `updated_at` the caller read: a ticket changed since then is a 409 instead of an overwrite. */
    expected_updated_at: expectedUpdatedAt,
  })
  .strict()
  .transform(({ title, subcategory, ...v }) => ({
    ...v,
    subject: v.subject ?? title,
    ...(v.sub_category !== undefined || subcategory !== undefined ? { sub_category: v.sub_category ?? subcategory } : {}),
  }));
/** Direct callers (jobs, tests) may leave out the version they read. */
export type TicketUpdateInput = Omit<z.infer<typeof ticketUpdateInput>, 'expected_updated_at'> & {
  expected_updated_at?: Date | null;
};

export const approveInput = z.object({
  priority,
  department: text(64),
  approval_notes: z.string().trim().max(2000).nullish(),
  expected_updated_at: expectedUpdatedAt,
});
/** Direct callers (jobs, tests, the demo) may leave out the version they read. */
export type ApproveInput = Omit<z.infer<typeof approveInput>, 'expected_updated_at'> & { expected_updated_at?: Date | null };

export const statusInput = z.object({
  status,
  note: z.string().trim().max(2000).nullish(),
  resolution_notes: z.string().trim().max(5000).nullish(),
  expected_updated_at: expectedUpdatedAt,
  /** Set for 004's `ESCALATED` (the status itself reads In Progress). */
  escalate: z.boolean().optional(),
});
/** 004's ESCALATED: the ticket stays (or becomes) In Progress and the escalation is recorded (docs/status-mapping.md). */
const isEscalated = (v: unknown) =>
  !!v &&
  typeof v === 'object' &&
  String((v as { status?: unknown }).status ?? '')
    .trim()
    .toLowerCase() === 'escalated';
/** The status endpoints' body: statusInput, with 004's ESCALATED marked as an escalation. */
export const statusChangeInput = z.preprocess((v) => (isEscalated(v) ? { ...(v as object), escalate: true } : v), statusInput);
export type StatusInput = z.infer<typeof statusInput>;
export const resolveInput = z.object({ resolution_notes: z.string().trim().max(5000).nullish() });
export const noteInput = z
  .object({ note: z.string().trim().max(2000).nullish(), reason: z.string().trim().max(2000).nullish() })
  .partial();
/**
 * The assignee: a user id (004's example sends a string; a numeric string is the id) or the user's e-mail.
 * 004's UUIDs name no one here: a field error says what is accepted.
 */
export const assignInput = z.object({
  assignee_id: z.union(
    [
      z.number().int().positive(),
      z
        .string()
        .trim()
        .regex(/^\d{1,9}$/)
        .transform(Number),
      z.email().transform((v) => v.toLowerCase()),
    ],
    { error: 'assignee_id is a user id (an integer) or the user’s e-mail; user ids are not UUIDs here' },
  ),
  notes: z.string().trim().max(2000).nullish(),
});

/** Strictly an integer 1–5: "5", 4.5, true, 0 and 6 are refused. */
export const csatInput = z.object({
  rating: z
    .number({ error: 'Rating must be an integer from 1 to 5' })
    .int('Rating must be an integer from 1 to 5')
    .min(1, 'Rating must be an integer from 1 to 5')
    .max(5, 'Rating must be an integer from 1 to 5'),
  feedback: z.string().trim().max(5000).nullish(),
});
export type CsatInput = z.infer<typeof csatInput>;

/** A comment's text: the API's rule, and the reply boxes' (lib/client forms check it before sending). */
export const commentBody = z.string().trim().min(1, 'Comment may not be blank').max(10_000);

/** 004's comment types: COMMENT is public, INTERNAL / INTERNAL_NOTE the same as `is_internal: true`. */
export const COMMENT_TYPES = ['COMMENT', 'INTERNAL', 'INTERNAL_NOTE'] as const;
export const commentInput = z
  .object({
    comment: z.string().optional(),
    content: z.string().optional(),
    is_internal: z.boolean().optional(),
    comment_type: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .pipe(z.enum(COMMENT_TYPES, { error: `comment_type is one of ${COMMENT_TYPES.join(', ')}` }))
      .optional(),
    /** A reply quotes a top-level comment of the same ticket. */
    parent_id: z.number().int().positive().nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.comment_type && v.is_internal !== undefined && v.is_internal !== (v.comment_type !== 'COMMENT'))
      ctx.addIssue({ code: 'custom', path: ['comment_type'], message: 'comment_type and is_internal disagree' });
  })
  .transform((v) => ({
    body: (v.comment ?? v.content ?? '').trim(),
    is_internal: v.is_internal ?? (!!v.comment_type && v.comment_type !== 'COMMENT'),
    parent_id: v.parent_id ?? null,
  }))
  .pipe(
    z.object({
      body: commentBody,
      is_internal: z.boolean(),
      parent_id: z.number().nullable(),
    }),
  );
export type CommentInput = Omit<z.infer<typeof commentInput>, 'parent_id'> & { parent_id?: number | null };
/** Comments of a ticket: pages oldest first, or (`before` = a comment id) the `page_size` comments just before it. */
export const commentListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(50),
  before: z.coerce.number().int().positive().optional(),
});
export type CommentListQuery = z.infer<typeof commentListQuery>;
export const commentUpdateInput = z
  .object({ comment: z.string().optional(), content: z.string().optional() })
  .transform((v) => ({ body: (v.comment ?? v.content ?? '').trim() }))
  .pipe(z.object({ body: z.string().min(1, 'Comment may not be blank').max(10_000) }));

const many = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined ? undefined : Array.isArray(v) ? v : String(v).split(',').filter(Boolean)),
    z.array(item).optional(),
  );

export const ticketListQuery = pageQuery.extend({
  status: many(status),
  priority: many(priority),
  category: z.string().trim().optional(),
  department: z.string().trim().optional(),
  assignee_id: z.coerce.number().int().positive().optional(),
  /** 003: the assignee's e-mail. */
  assigned_to: z.email('Not an e-mail address').optional(),
  employee_id: z.coerce.number().int().positive().optional(),
  created_after: z.coerce.date().optional(),
  created_before: z.coerce.date().optional(),
  search: z.string().trim().max(200).optional(),
  q: z.string().trim().max(200).optional(),
  /** `active`: not Closed/Rejected/Withdrawn; `records`: the rest. */
  view: z.enum(['active', 'records']).optional(),
  sort_by: z.enum(['created_at', 'updated_at', 'priority', 'status', 'ticket_number', 'subject']).default('created_at'),
  order: z.enum(['asc', 'desc']).default('desc'),
  cursor: z
    .string()
    .max(400)
    .optional()
    .describe(
      "Keyset pagination: the `next_cursor` of the previous page (same filters, sort_by and order). The page continues right after that page's last ticket, at the same cost at any depth, and never skips or repeats a ticket while tickets are created; `page` is ignored. Any list answer carries `next_cursor` (null on the last page).",
    ),
});
export type TicketListQuery = z.infer<typeof ticketListQuery>;

/** A ticket by id or by ticket number (TX…), so every path takes either. */
export const ticketParam = z.object({ id: z.string().regex(/^(\d{1,9}|TX\d{14})$/, 'Not a ticket id or number') });
export const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const numberParam = z.object({ ticket_number: z.string().regex(/^TX\d{14}$/, 'Not a ticket number') });
export const feedbackQuery = pageQuery.extend({
  rating: z.coerce.number().int().min(1).max(5).optional(),
  /** Only tickets owned by this coordinator (the coordinator home's CSAT tile links with the caller's id). */
  owner_id: z.coerce.number().int().positive().optional(),
});

/** Catalog administration (admins): a new department, category (of a department, or none) or sub-category. */
export const CATALOG_KINDS = ['department', 'category', 'sub_category'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];
const catalogName = z
  .string({ error: 'This field is required' })
  .trim()
  .min(1, 'This field is required')
  .max(64, 'At most 64 characters');
/** The name of a new entry, as the admin's add forms check it. */
export const catalogNameInput = z.object({ name: catalogName });
const catalogId = z.number({ error: 'Choose one' }).int().positive().max(2_147_483_647);
export const catalogEntryInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('department'), name: catalogName }),
    z.object({ kind: z.literal('category'), name: catalogName, department_id: catalogId.nullable() }),
    z.object({ kind: z.literal('sub_category'), name: catalogName, category_id: catalogId }),
  ],
  { error: 'kind is one of department, category, sub_category' },
);
export type CatalogEntryInput = z.infer<typeof catalogEntryInput>;
export const catalogEntryParam = z.object({
  kind: z.enum(CATALOG_KINDS, { error: 'kind is one of department, category, sub_category' }),
  id: z.coerce.number().int().positive().max(2_147_483_647),
});
/** Retire (`active: false`: no longer offered to new tickets) or offer again. */
export const catalogEntryUpdateInput = z.object({ active: z.boolean({ error: 'active is true or false' }) });

/** Bulk actions on the coordinators' lists: one action, up to 100 tickets, each with the version the caller saw. */
export const BULK_ACTIONS = ['approve', 'reject', 'assign', 'status'] as const;
export const BULK_MAX = 100;
const bulkTickets = z
  .array(
    z.object({
      ticket_number: z.string().regex(/^TX\d{14}$/, 'Not a ticket number'),
      /** The ticket's `updated_at` as the list showed it: a ticket changed since is refused (CONFLICT). */
      expected_updated_at: z.iso
        .datetime({ offset: true, message: 'Must be the ticket’s updated_at (ISO 8601)' })
        .transform((v) => new Date(v)),
    }),
  )
  .min(1, 'Select at least one ticket')
  .max(BULK_MAX, `At most ${BULK_MAX} tickets at once`)
  .refine((l) => new Set(l.map((t) => t.ticket_number)).size === l.length, 'Each ticket may appear only once');
export const bulkInput = z.discriminatedUnion(
  'action',
  [
    z.object({
      action: z.literal('approve'),
      tickets: bulkTickets,
      priority,
      department: text(64),
      approval_notes: z.string().trim().max(2000).nullish(),
    }),
    z.object({ action: z.literal('reject'), tickets: bulkTickets, rejection_reason: text(2000) }),
    z.object({
      action: z.literal('assign'),
      tickets: bulkTickets,
      assignee_id: z.coerce.number().int().positive(),
      notes: z.string().trim().max(2000).nullish(),
    }),
    z.object({ action: z.literal('status'), tickets: bulkTickets, status, note: z.string().trim().max(2000).nullish() }),
  ],
  { error: `action must be one of ${BULK_ACTIONS.join(', ')}` },
);
export type BulkInput = z.infer<typeof bulkInput>;
/** One ticket's outcome of a bulk action. */
export interface BulkOutcome {
  ticket_number: string;
  ok: boolean;
  status?: string;
  /** A refusal's HTTP status as the single action would have answered (409 stale, 404 not found, 400 invalid). */
  http_status?: number;
  code?: string;
  reason?: string;
}

/** A saved view: a name and the list's URL inside the app (path and query string). */
export const viewInput = z.object({
  name: text(80),
  url: z
    .string()
    .trim()
    .max(1000)
    .regex(/^\/(?![/\\])[^\s]*$/, 'Must be a path inside Switchboard, e.g. /coordinator/tickets?status=New'),
  /** Visible to all staff (admins only). */
  shared: z.boolean().default(false),
});
export type ViewInput = z.infer<typeof viewInput>;
