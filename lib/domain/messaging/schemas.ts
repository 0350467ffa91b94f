import { z } from 'zod';
import { PARTICIPANT_ROLES } from '../contracts/participants';
import { pageQuery } from '../pagination';

export const ticketNumber = z.string().regex(/^TX\d{14}$/, 'Ticket numbers look like TX + date + 6 digits');
const text = z.string().trim().min(1, 'This field may not be blank').max(10_000);
/** 002 names a ticket by its integer id (`"ticket_id": 123`); the help desk by its number (TX…): either works. */
const ticketRef = z.union([ticketNumber, z.coerce.number().int().positive().max(2_147_483_647)], {
  error: 'A ticket number (TX + date + 6 digits) or a ticket id',
});

export const commentCreateBody = z.object({
  /** The ticket number (TX…) or its integer id (spec 002's ticket_id); answers carry the number. */
  ticket_id: ticketRef,
  text,
  parent_id: z.number().int().positive().nullable().optional(),
  is_internal: z.boolean().default(false),
});
export type CommentCreateInput = z.infer<typeof commentCreateBody>;

export const commentListQuery = pageQuery.extend({
  ticket_id: ticketRef,
  /** `public` or `internal` narrows the list (internal needs staff access; others always get public only). */
  visibility: z.enum(['all', 'public', 'internal']).default('all'),
  page_size: z.coerce.number().int().min(1).max(100).default(50),
});
export type CommentListQuery = z.infer<typeof commentListQuery>;

export const commentIdParam = z.object({ id: z.coerce.number().int().positive() });
export const commentUpdateBody = z.object({ text });
export const rateBody = z.object({
  rating: z.enum(['thumbs_up', 'thumbs_down', 'up', 'down']).transform((v) => (v === 'thumbs_up' || v === 'up' ? 'up' : 'down')),
});

export const attachmentParams = z.object({
  id: z.coerce.number().int().positive(),
  attachment_id: z.coerce.number().int().positive(),
});

export const ticketParam = z.object({ ticket_id: ticketNumber });
export const messageParams = z.object({ ticket_id: ticketNumber, message_id: z.coerce.number().int().positive() });
export const messageBody = z.object({ text });
export const messageListQuery = pageQuery.extend({ page_size: z.coerce.number().int().min(1).max(100).default(100) });

/** `agent`: a workflow assignment; `assignee`: the help desk's own assignment (each leaves on its own). */
/** Services (X-API-Key) may record participants directly, with the job's rules. */
export const participantBody = z.object({
  user_id: z.number().int().positive(),
  role: z.enum(PARTICIPANT_ROLES),
  remove: z.boolean().optional(),
});

/** @mention suggestions: `q` matches name or username; `internal` keeps only who may read an internal note. */
export const mentionQuery = z.object({
  q: z.string().trim().max(50).optional(),
  internal: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});
export type MentionQuery = z.infer<typeof mentionQuery>;
