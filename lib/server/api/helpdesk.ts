import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { z } from 'zod';
import type { Actor } from '@/lib/domain/actor';
import { AppError, validationFailed } from '@/lib/domain/errors';
import { ALLOWED_MEDIA_TYPES } from '@/lib/domain/helpdesk/attachment-rules';
import { addAttachments, deleteAttachment, loadTicketToAttach } from '@/lib/domain/helpdesk/commands/attachments';
import { addComment, deleteComment, updateComment } from '@/lib/domain/helpdesk/commands/comments';
import { createTicket } from '@/lib/domain/helpdesk/commands/create';
import { deleteTicket, updateTicket } from '@/lib/domain/helpdesk/commands/edit';
import { changeStatus } from '@/lib/domain/helpdesk/commands/status';
import { assignTicket } from '@/lib/domain/helpdesk/commands/triage';
import { removeFiles } from '@/lib/domain/helpdesk/files';
import {
  attachmentListOutput,
  commentListOutput,
  ticketCommentWriteOutput,
  ticketDetailOutput,
  ticketHistoryOutput,
  ticketListOutput,
} from '@/lib/domain/helpdesk/outputs';
import { assertSubmit, assertTriage } from '@/lib/domain/helpdesk/policy';
import {
  attachmentForDownload,
  getTicket,
  listAttachments,
  listComments,
  listTickets,
  ticketHistory,
} from '@/lib/domain/helpdesk/queries';
import {
  assignInput,
  commentInput,
  commentListQuery,
  commentUpdateInput,
  idParam,
  noteInput,
  resolveInput,
  statusChangeInput,
  ticketCreateInput,
  ticketListQuery,
  ticketParam,
  ticketUpdateInput,
  v1TicketCreateInput,
} from '@/lib/domain/helpdesk/schemas';
import { attachmentPath } from '@/lib/domain/helpdesk/storage';
import { usersByEmails } from '@/lib/domain/identity/directory';
import { Page } from '@/lib/domain/pagination';
import { readTextLimited } from '../body';
import { env } from '../env';
import { endpoint, fieldErrors, unsafeValues } from '../http';
import { isMultipart, readMultipart } from '../uploads';

/** Endpoints served at more than one path (001's /api/tickets, 004's /api/v1/tickets, 003's /tickets). */
const TAGS = ['tickets'];
/** The refusals the ticket endpoints share (policy.ts: an invisible ticket is a 404, a visible one not to change a 403). */
const NOT_FOUND = { 404: 'No such ticket, or not visible to the caller' };
const REFUSED = { ...NOT_FOUND, 403: 'The caller may see the ticket but not do this' };
const STALE = { 409: 'The ticket changed since `expected_updated_at`: reload, then try again' };
/** A download answers with the file's own type: one of the types an upload may have. */

async function readJsonBody(req: Request): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (type && !/json/i.test(type))
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON, or multipart/form-data with files');
  const text = await readTextLimited(req, env.REQUEST_BODY_MAX_BYTES);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(400, 'INVALID_JSON', 'Request body is not valid JSON');
  }
}

/**
 * 003's create names the requester in `employee`: the requester is always the signed-in caller, so an `employee`
 * naming someone else is refused (never silently replaced).
 */
function notTheCaller(actor: Actor, value: unknown): AppError | null {
  const e = (value as { employee?: unknown } | null)?.employee;
  if (e === undefined || e === null) return null;
  const emp = e as { id?: unknown; email?: unknown };
  const other =
    typeof e !== 'object' ||
    (emp.id !== undefined && Number(emp.id) !== actor.id) ||
    (typeof emp.email === 'string' && emp.email.toLowerCase() !== actor.email.toLowerCase());
  return other ? validationFailed({ employee: ['The requester is the signed-in caller; submit as that user'] }) : null;
}

/** Ticket submission: JSON, or multipart with the same fields plus files (`attachments`/`file`). */
async function submit<S extends z.ZodType>(actor: Actor, req: Request, schema: S) {
  // Who may submit is known before a byte of the body is read.
  assertSubmit(actor);
  const check = (value: unknown) => {
    const who = notTheCaller(actor, value);
    if (who) return who;
    const parsed = schema.safeParse(value);
    if (!parsed.success) return validationFailed(fieldErrors(parsed.error));
    const bad = unsafeValues(parsed.data);
    return Object.keys(bad).length ? validationFailed(bad) : parsed.data;
  };
  if (isMultipart(req)) {
    const { fields, files } = await readMultipart(req);
    const input = check(fields);
    if (input instanceof AppError) {
      await removeFiles(files);
      throw input;
    }
    return createTicket(actor, input as never, files);
  }
  const input = check(await readJsonBody(req));
  if (input instanceof AppError) throw input;
  return createTicket(actor, input as never);
}

/** A comment answer with 004's names beside ours: `content` (the text) and `comment_type`. */
function as004Comment<C extends { comment: string; is_internal: boolean }>(c: C) {
  return { ...c, content: c.comment, comment_type: c.is_internal ? ('INTERNAL_NOTE' as const) : ('COMMENT' as const) };
}

export const listTicketsEndpoint = endpoint({
  summary:
    'List tickets the caller may see (filters: status, priority repeatable; category, department, assignee_id, created_after/before; search; sort_by, order)',
  tags: TAGS,
  rateLimit: 'ticketRead',
  query: ticketListQuery,
  output: ticketListOutput,
  handler: async ({ actor, query }) => {
    // 003's `assigned_to` (an e-mail) is the assignee filter by another name; no such user matches no ticket.
    if (!query.assigned_to) return listTickets(actor, query);
    const [user] = await usersByEmails([query.assigned_to]);
    if (!user) return new Page(0, [], query.page, query.page_size);
    return listTickets(actor, { ...query, assignee_id: user.id });
  },
});

export const createTicketEndpoint = endpoint({
  summary: 'Submit a ticket (JSON, or multipart/form-data with files); status New',
  tags: TAGS,
  rateLimit: 'ticketCreate',
  body: ticketCreateInput,
  bodyType: 'multipart',
  responses: {
    403: 'Only help-desk users can submit tickets',
    413: 'A file is over the size limit',
    415: 'A file type is not allowed',
  },
  output: ticketDetailOutput,
  handler: ({ actor, req }) => submit(actor, req, ticketCreateInput),
});

export const createTicketV1Endpoint = endpoint({
  summary: 'Create a ticket (004/003: title or subject; priority P1–P4, urgent or Low…Critical)',
  tags: TAGS,
  rateLimit: 'ticketCreate',
  body: v1TicketCreateInput,
  bodyType: 'multipart',
  output: ticketDetailOutput,
  responses: { 403: 'Only help-desk users can submit tickets' },
  handler: ({ actor, req }) => submit(actor, req, v1TicketCreateInput),
});

export const getTicketEndpoint = endpoint({
  summary: 'A ticket by id or number, with attachments and the comments the caller may see',
  tags: TAGS,
  rateLimit: 'ticketRead',
  params: ticketParam,
  output: ticketDetailOutput,
  responses: NOT_FOUND,
  handler: ({ actor, params }) => getTicket(actor, params.id),
});

export const updateTicketEndpoint = endpoint({
  summary: 'Update a ticket (requesters: text of a New ticket; staff: also priority, department, status)',
  tags: TAGS,
  params: ticketParam,
  body: ticketUpdateInput,
  output: ticketDetailOutput,
  responses: { ...REFUSED, ...STALE },
  handler: async ({ actor, params, body }) => {
    const { assigned_to, ...fields } = body;
    if (!assigned_to) return updateTicket(actor, params.id, fields);
    // 003's `assigned_to`: the assign action by e-mail (its own checks: coordinators and admins, an active user),
    // run first so a refused assignment changes nothing; then the other fields, if any.
    const [user] = await usersByEmails([assigned_to]);
    if (!user) throw validationFailed({ assigned_to: ['No active user with this e-mail'] });
    const assigned = await assignTicket(actor, params.id, user.id);
    return Object.values(fields).some((v) => v !== undefined) ? updateTicket(actor, params.id, fields) : assigned;
  },
});

export const deleteTicketEndpoint = endpoint({
  summary: 'Delete a ticket (admins)',
  tags: TAGS,
  params: ticketParam,
  status: 204,
  responses: { ...NOT_FOUND, 403: 'Only admins can delete tickets' },
  handler: ({ actor, params }) => deleteTicket(actor, params.id),
});

export const statusEndpoint = endpoint({
  summary: 'Change the status (transitions of docs/status-mapping.md; 400 lists the allowed ones)',
  tags: TAGS,
  params: ticketParam,
  body: statusChangeInput,
  status: 200,
  output: ticketDetailOutput,
  responses: { ...REFUSED, ...STALE },
  handler: ({ actor, params, body }) => changeStatus(actor, params.id, body.status, body),
});

export const resolveEndpoint = endpoint({
  summary: 'Mark a ticket Resolved',
  tags: TAGS,
  params: ticketParam,
  body: resolveInput,
  status: 200,
  output: ticketDetailOutput,
  responses: { ...REFUSED },
  handler: ({ actor, params, body }) => changeStatus(actor, params.id, 'Resolved', body),
});

export const closeEndpoint = endpoint({
  summary: 'Close a ticket (the requester may close a Resolved ticket)',
  tags: TAGS,
  params: ticketParam,
  body: noteInput,
  status: 200,
  output: ticketDetailOutput,
  responses: { ...REFUSED },
  handler: ({ actor, params, body }) => changeStatus(actor, params.id, 'Closed', { note: body.note ?? body.reason }),
});

export const reopenEndpoint = endpoint({
  summary: 'Reopen a Resolved or Closed ticket (within TICKET_REOPEN_DAYS of closing) — back to Open',
  tags: TAGS,
  params: ticketParam,
  body: noteInput,
  status: 200,
  output: ticketDetailOutput,
  responses: { ...REFUSED },
  handler: ({ actor, params, body }) => changeStatus(actor, params.id, 'Open', { note: body.reason ?? body.note }),
});

export const assignEndpoint = endpoint({
  summary: 'Assign a ticket to a user by id or e-mail (coordinators and admins)',
  tags: TAGS,
  params: ticketParam,
  body: assignInput,
  output: ticketDetailOutput,
  responses: { ...REFUSED },
  handler: async ({ actor, params, body }) => {
    if (typeof body.assignee_id === 'number') return assignTicket(actor, params.id, body.assignee_id, body.notes);
    assertTriage(actor); // who may assign is known before an e-mail is looked up
    const [user] = await usersByEmails([body.assignee_id]);
    if (!user) throw validationFailed({ assignee_id: ['No active user with this e-mail'] });
    return assignTicket(actor, params.id, user.id, body.notes);
  },
});

export const historyEndpoint = endpoint({
  summary: 'Ticket history (004 entry types with old/new values; internal entries for staff only)',
  description:
    'Each entry also carries `summary`, the entry in people\'s words ("Approved by Casey Reyes"). The requester reads public entries only, with only the notes meant for them (rejection, withdrawal and resolution reasons, their own words); approval notes and the workflow engine\'s notes are for staff.',
  tags: TAGS,
  params: ticketParam,
  output: ticketHistoryOutput,
  responses: { ...NOT_FOUND },
  handler: ({ actor, params }) => ticketHistory(actor, params.id),
});

export const listCommentsEndpoint = endpoint({
  summary: 'Comments of a ticket, oldest first (internal ones for staff only); `before=<comment id>` pages back from the newest',
  tags: TAGS,
  params: ticketParam,
  query: commentListQuery,
  output: commentListOutput,
  responses: { ...NOT_FOUND },
  handler: ({ actor, params, query }) => listComments(actor, params.id, query),
});

export const addCommentEndpoint = endpoint({
  summary:
    "Add a comment (`comment` or `content`; `is_internal` or 004's `comment_type` for staff); answers carry `content` and `comment_type` too",
  tags: TAGS,
  params: ticketParam,
  body: commentInput,
  output: ticketCommentWriteOutput,
  responses: { ...REFUSED },
  handler: async ({ actor, params, body }) => as004Comment(await addComment(actor, params.id, body)),
});

export const updateCommentEndpoint = endpoint({
  summary: 'Edit a comment (author)',
  tags: TAGS,
  params: idParam,
  body: commentUpdateInput,
  output: ticketCommentWriteOutput,
  responses: { 404: 'No such comment, or not visible to the caller', 403: 'Only its author can edit a comment' },
  handler: async ({ actor, params, body }) => as004Comment(await updateComment(actor, params.id, body.body)),
});

export const deleteCommentEndpoint = endpoint({
  summary: 'Delete a comment (author or admin)',
  tags: TAGS,
  params: idParam,
  status: 204,
  responses: { 404: 'No such comment, or not visible to the caller', 403: 'Only its author or an admin can delete a comment' },
  handler: ({ actor, params }) => deleteComment(actor, params.id),
});

export const listAttachmentsEndpoint = endpoint({
  summary: 'Attachments of a ticket',
  tags: TAGS,
  params: ticketParam,
  output: attachmentListOutput,
  responses: { ...NOT_FOUND },
  handler: ({ actor, params }) => listAttachments(actor, params.id),
});

export const uploadAttachmentEndpoint = endpoint({
  summary: 'Upload files (multipart field `file`; 004 types checked by content; size limit ATTACHMENT_MAX_BYTES)',
  tags: TAGS,
  params: ticketParam,
  bodyType: 'multipart',
  responses: { ...REFUSED, 413: 'Over the size limit', 415: 'Type not allowed' },
  output: attachmentListOutput,
  handler: async ({ actor, params, req }) => {
    await loadTicketToAttach(actor, params.id);
    const { files } = await readMultipart(req);
    return addAttachments(actor, params.id, files);
  },
});

export const downloadAttachmentEndpoint = endpoint({
  summary: 'Download an attachment with its original file name',
  tags: TAGS,
  params: idParam,
  produces: ALLOWED_MEDIA_TYPES,
  responses: { 404: 'No such attachment (or not visible), or its file is missing' },
  handler: async ({ actor, params }) => {
    const a = await attachmentForDownload(actor, params.id);
    const file = attachmentPath(a.storedName);
    if (!fs.existsSync(file)) throw new AppError(404, 'NOT_FOUND', 'Attachment file is missing');
    const ascii = a.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return new Response(Readable.toWeb(fs.createReadStream(file)) as ReadableStream, {
      headers: {
        'Content-Type': a.mimeType,
        'Content-Length': String(a.size),
        'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      },
    });
  },
});

export const deleteAttachmentEndpoint = endpoint({
  summary: 'Delete an attachment (uploader or admin)',
  tags: TAGS,
  params: idParam,
  status: 204,
  responses: {
    404: 'No such attachment, or not visible to the caller',
    403: 'Only the uploader or an admin can delete an attachment',
  },
  handler: ({ actor, params }) => deleteAttachment(actor, params.id),
});
