/**
 * The ticket operations of the help desk (001's /api/tickets, 004's /api/v1, 003's /tickets), CSAT feedback and
 * the service's health: one case each. Tickets are submitted by employee1 and moved through their statuses by the
 * same API calls people make (approve as coordinator1, resolve, close…), so every answer is a real one.
 */
import * as feedbackRoute from '@/app/(api)/hdts/api/csat/feedback/route';
import * as approveRoute from '@/app/(api)/hdts/api/tickets/[id]/approve/route';
import * as attachmentsRoute from '@/app/(api)/hdts/api/tickets/[id]/attachments/route';
import * as closeRoute from '@/app/(api)/hdts/api/tickets/[id]/close/route';
import * as commentsRoute from '@/app/(api)/hdts/api/tickets/[id]/comments/route';
import * as csatRoute from '@/app/(api)/hdts/api/tickets/[id]/csat/route';
import * as historyRoute from '@/app/(api)/hdts/api/tickets/[id]/history/route';
import * as rejectRoute from '@/app/(api)/hdts/api/tickets/[id]/reject/route';
import * as reopenRoute from '@/app/(api)/hdts/api/tickets/[id]/reopen/route';
import * as ticketRoute from '@/app/(api)/hdts/api/tickets/[id]/route';
import * as updateStatusRoute from '@/app/(api)/hdts/api/tickets/[id]/update-status/route';
import * as withdrawRoute from '@/app/(api)/hdts/api/tickets/[id]/withdraw/route';
import * as bulkRoute from '@/app/(api)/hdts/api/tickets/bulk/route';
import * as byNumberRoute from '@/app/(api)/hdts/api/tickets/number/[ticket_number]/route';
import * as ticketsRoute from '@/app/(api)/hdts/api/tickets/route';
import * as v1AttachmentRoute from '@/app/(api)/hdts/api/v1/attachments/[id]/route';
import * as v1CommentRoute from '@/app/(api)/hdts/api/v1/comments/[id]/route';
import * as v1AssignRoute from '@/app/(api)/hdts/api/v1/tickets/[id]/assign/route';
import * as v1AttachmentsRoute from '@/app/(api)/hdts/api/v1/tickets/[id]/attachments/route';
import * as v1CloseRoute from '@/app/(api)/hdts/api/v1/tickets/[id]/close/route';
import * as v1CommentsRoute from '@/app/(api)/hdts/api/v1/tickets/[id]/comments/route';
import * as v1HistoryRoute from '@/app/(api)/hdts/api/v1/tickets/[id]/history/route';
import * as v1ReopenRoute from '@/app/(api)/hdts/api/v1/tickets/[id]/reopen/route';
import * as v1ResolveRoute from '@/app/(api)/hdts/api/v1/tickets/[id]/resolve/route';
import * as v1TicketRoute from '@/app/(api)/hdts/api/v1/tickets/[id]/route';
import * as v1StatusRoute from '@/app/(api)/hdts/api/v1/tickets/[id]/status/route';
import * as v1TicketsRoute from '@/app/(api)/hdts/api/v1/tickets/route';
import * as healthRoute from '@/app/(api)/hdts/health/route';
import * as pushRoute from '@/app/(api)/hdts/tickets/[id]/push_to_workflow/route';
import * as legacyTicketRoute from '@/app/(api)/hdts/tickets/[id]/route';
import * as legacyTicketsRoute from '@/app/(api)/hdts/tickets/route';
import * as commentFilesRoute from '@/app/(api)/messaging/api/comments/[id]/attachments/route';
import { db } from '@/lib/server/db';
import { call, tokenFor } from '../../helpers/api';
import type { ContractCase } from '../../helpers/contract';

/** A 1×1 PNG: an allowed attachment type, recognised by its bytes. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

const ticketBody = (over: Record<string, unknown> = {}) => ({
  subject: `Printer on floor 3 is jammed ${Math.random().toString(36).slice(2, 8)}`,
  description: 'Paper jam every second page',
  category: 'IT Support',
  sub_category: 'Printer/Scanner Setup or Issue',
  ...over,
});

/** Multipart: the ticket's fields (if any) and one PNG in `file`. */
function pngForm(fields: Record<string, string> = {}) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  f.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'screen.png');
  return f;
}

const emp = () => tokenFor('employee1');
const coord = () => tokenFor('coordinator1');
const admin = () => tokenFor('admin');

interface Made {
  id: number;
  ticket_number: string;
  updated_at: string;
}

function expectOk(r: { status: number; body: unknown }, what: string) {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Made & Record<string, unknown>;
}

/** A New ticket of employee1. */
async function newTicket(): Promise<Made> {
  return expectOk(await call(ticketsRoute, 'POST', '/hdts/api/tickets/', { token: await emp(), body: ticketBody() }), 'submit');
}
/** An Open ticket (approved by coordinator1: it went to the workflow engine). */
async function openTicket(): Promise<Made> {
  const t = await newTicket();
  return expectOk(
    await call(approveRoute, 'POST', '/x', {
      token: await coord(),
      params: { id: t.id },
      body: { priority: 'High', department: 'IT Department', approval_notes: 'Printer team' },
    }),
    'approve',
  );
}
async function withStatus(status: 'Resolved' | 'Closed'): Promise<Made> {
  const t = await openTicket();
  const resolved = expectOk(
    await call(updateStatusRoute, 'POST', '/x', {
      token: await coord(),
      params: { id: t.id },
      body: { status: 'Resolved', resolution_notes: 'Cleared the jam' },
    }),
    'resolve',
  );
  if (status === 'Resolved') return resolved;
  return expectOk(await call(closeRoute, 'POST', '/x', { token: await emp(), params: { id: t.id }, body: {} }), 'close');
}
/** employee1's comment on their ticket, mentioning coordinator1. */
async function commentOn(ticketId: number): Promise<number> {
  const c = expectOk(
    await call(commentsRoute, 'POST', '/x', {
      token: await emp(),
      params: { id: ticketId },
      body: { comment: 'Still jammed, @coordinator1 can you look?' },
    }),
    'comment',
  );
  return c.id;
}
/** employee1's PNG on their ticket; the attachment's id. */
async function attachTo(ticketId: number): Promise<number> {
  const r = await call(attachmentsRoute, 'POST', '/x', { token: await emp(), params: { id: ticketId }, rawBody: pngForm() });
  if (r.status !== 201) throw new Error(`upload: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { id: number }[])[0].id;
}

interface Fixture {
  /** An Open ticket with a file, a comment with a file of its own and a history: the detail answers carry every part. */
  rich: Made;
  commentId: number;
  attachmentId: number;
}
let ready: Promise<Fixture> | undefined;
/** Built once, on the first case that needs it (importing the cases for the coverage test builds nothing). */
export const fixture = () => (ready ??= build());

async function build(): Promise<Fixture> {
  const rich = await openTicket();
  const commentId = await commentOn(rich.id);
  // a file on the comment (messaging's API over the same thread): the comment answers list it
  const f = new FormData();
  f.append('file', new Blob(['line 1\nline 2\n'], { type: 'text/plain' }), 'printer.log');
  const r = await call(commentFilesRoute, 'POST', '/x', { token: await emp(), params: { id: commentId }, rawBody: f });
  if (r.status !== 201) throw new Error(`comment file: ${r.status} ${JSON.stringify(r.body)}`);
  const attachmentId = await attachTo(rich.id);
  // a rated ticket, so the feedback list has an item
  const rated = await withStatus('Closed');
  expectOk(
    await call(csatRoute, 'POST', '/x', { token: await emp(), params: { id: rated.id }, body: { rating: 4, feedback: 'Quick' } }),
    'csat',
  );
  return { rich, commentId, attachmentId };
}
const rich = async () => (await fixture()).rich;

/** The ticket detail operations served at three paths: the same endpoint, one case per path. */
export const cases: ContractCase[] = [
  // 001: /api/tickets
  {
    path: '/hdts/api/tickets/',
    method: 'GET',
    route: ticketsRoute,
    valid: async () => {
      await fixture();
      return { token: await admin(), query: { page_size: 100 } };
    },
    invalid: async () => ({ token: await admin(), query: { sort_by: 'colour' } }),
  },
  {
    path: '/hdts/api/tickets/',
    method: 'POST',
    route: ticketsRoute,
    valid: async () => ({ token: await emp(), rawBody: pngForm(ticketBody()) }),
    invalid: async () => ({ token: await emp(), body: ticketBody({ subject: '  ' }) }),
  },
  {
    path: '/hdts/api/tickets/{id}/',
    method: 'GET',
    route: ticketRoute,
    valid: async () => ({ token: await emp(), params: { id: (await rich()).id } }),
    invalid: async () => ({ token: await emp(), params: { id: 'first' } }),
  },
  {
    path: '/hdts/api/tickets/{id}/',
    method: 'PATCH',
    route: ticketRoute,
    valid: async () => ({ token: await emp(), params: { id: (await newTicket()).id }, body: { description: 'Every page now' } }),
    invalid: async () => ({ token: await emp(), params: { id: (await newTicket()).id }, body: { colour: 'red' } }),
  },
  {
    path: '/hdts/api/tickets/{id}/',
    method: 'DELETE',
    route: ticketRoute,
    valid: async () => ({ token: await admin(), params: { id: (await newTicket()).id } }),
    invalid: async () => ({ token: await admin(), params: { id: 999_999_999 } }),
    invalidStatus: 404,
  },
  {
    path: '/hdts/api/tickets/{id}/approve/',
    method: 'POST',
    route: approveRoute,
    valid: async () => ({
      token: await coord(),
      params: { id: (await newTicket()).ticket_number },
      body: { priority: 'P2', department: 'IT Department' },
    }),
    invalid: async () => ({
      token: await coord(),
      params: { id: (await newTicket()).id },
      body: { department: 'IT Department' },
    }),
  },
  {
    path: '/hdts/api/tickets/{id}/attachments/',
    method: 'GET',
    route: attachmentsRoute,
    valid: async () => ({ token: await emp(), params: { id: (await rich()).id } }),
    invalid: async () => ({ token: await emp(), params: { id: 'TX1' } }),
  },
  {
    path: '/hdts/api/tickets/{id}/attachments/',
    method: 'POST',
    route: attachmentsRoute,
    valid: async () => ({ token: await emp(), params: { id: (await newTicket()).id }, rawBody: pngForm() }),
    // a multipart request without a file
    invalid: async () => {
      const f = new FormData();
      f.append('note', 'see attached');
      return { token: await emp(), params: { id: (await newTicket()).id }, rawBody: f };
    },
  },
  {
    path: '/hdts/api/tickets/{id}/close/',
    method: 'POST',
    route: closeRoute,
    valid: async () => ({ token: await emp(), params: { id: (await withStatus('Resolved')).id }, body: { note: 'Works now' } }),
    invalid: async () => ({
      token: await emp(),
      params: { id: (await withStatus('Resolved')).id },
      body: { note: 'x'.repeat(2001) },
    }),
  },
  {
    path: '/hdts/api/tickets/{id}/comments/',
    method: 'GET',
    route: commentsRoute,
    valid: async () => ({ token: await emp(), params: { id: (await rich()).id } }),
    invalid: async () => ({ token: await emp(), params: { id: (await rich()).id }, query: { before: 'newest' } }),
  },
  {
    path: '/hdts/api/tickets/{id}/comments/',
    method: 'POST',
    route: commentsRoute,
    valid: async () => ({
      token: await coord(),
      params: { id: (await rich()).id },
      body: { content: 'Checking with @agent1', is_internal: true },
    }),
    invalid: async () => ({ token: await emp(), params: { id: (await rich()).id }, body: { comment: '   ' } }),
  },
  {
    path: '/hdts/api/tickets/{id}/csat/',
    method: 'POST',
    route: csatRoute,
    valid: async () => ({ token: await emp(), params: { id: (await withStatus('Closed')).id }, body: { rating: 5 } }),
    // a second rating of the same ticket
    invalid: async () => {
      const t = await withStatus('Closed');
      expectOk(await call(csatRoute, 'POST', '/x', { token: await emp(), params: { id: t.id }, body: { rating: 3 } }), 'csat');
      return { token: await emp(), params: { id: t.id }, body: { rating: 4 } };
    },
    invalidStatus: 409,
  },
  {
    path: '/hdts/api/tickets/{id}/history/',
    method: 'GET',
    route: historyRoute,
    valid: async () => ({ token: await coord(), params: { id: (await rich()).ticket_number } }),
    invalid: async () => ({ token: await coord(), params: { id: 'TX-1' } }),
  },
  {
    path: '/hdts/api/tickets/{id}/reject/',
    method: 'POST',
    route: rejectRoute,
    valid: async () => ({
      token: await coord(),
      params: { id: (await newTicket()).id },
      body: { rejection_reason: 'Duplicate of an open ticket' },
    }),
    invalid: async () => ({ token: await coord(), params: { id: (await newTicket()).id }, body: { rejection_reason: '' } }),
  },
  {
    path: '/hdts/api/tickets/{id}/reopen/',
    method: 'POST',
    route: reopenRoute,
    valid: async () => ({
      token: await emp(),
      params: { id: (await withStatus('Closed')).id },
      body: { reason: 'Jammed again' },
    }),
    invalid: async () => ({
      token: await emp(),
      params: { id: (await withStatus('Closed')).id },
      body: { reason: 'x'.repeat(2001) },
    }),
  },
  {
    path: '/hdts/api/tickets/{id}/update-status/',
    method: 'POST',
    route: updateStatusRoute,
    valid: async () => ({
      token: await coord(),
      params: { id: (await openTicket()).id },
      body: { status: 'On Hold', note: 'Waiting for a part' },
    }),
    invalid: async () => ({ token: await coord(), params: { id: (await openTicket()).id }, body: { status: 'Paused' } }),
  },
  {
    path: '/hdts/api/tickets/{id}/withdraw/',
    method: 'POST',
    route: withdrawRoute,
    valid: async () => ({ token: await emp(), params: { id: (await newTicket()).id }, body: { reason: 'Fixed it myself' } }),
    invalid: async () => ({ token: await emp(), params: { id: (await newTicket()).id }, body: {} }),
  },
  {
    path: '/hdts/api/tickets/bulk/',
    method: 'POST',
    route: bulkRoute,
    valid: async () => {
      const [a, b] = [await newTicket(), await newTicket()];
      return {
        token: await coord(),
        body: {
          action: 'approve',
          priority: 'Medium',
          department: 'IT Department',
          // the second one changed since the list was read: refused on its own
          tickets: [
            { ticket_number: a.ticket_number, expected_updated_at: a.updated_at },
            { ticket_number: b.ticket_number, expected_updated_at: '2026-01-01T00:00:00.000Z' },
          ],
        },
      };
    },
    invalid: async () => ({ token: await coord(), body: { action: 'merge', tickets: [] } }),
  },
  {
    path: '/hdts/api/tickets/number/{ticket_number}/',
    method: 'GET',
    route: byNumberRoute,
    valid: async () => ({ token: await coord(), params: { ticket_number: (await rich()).ticket_number } }),
    invalid: async () => ({ token: await coord(), params: { ticket_number: String((await rich()).id) } }),
  },

  // 004: /api/v1
  {
    path: '/hdts/api/v1/attachments/{id}/',
    method: 'GET',
    route: v1AttachmentRoute,
    valid: async () => ({ token: await emp(), params: { id: (await fixture()).attachmentId } }),
    invalid: async () => ({ token: await emp(), params: { id: 999_999_999 } }),
    invalidStatus: 404,
  },
  {
    path: '/hdts/api/v1/attachments/{id}/',
    method: 'DELETE',
    route: v1AttachmentRoute,
    valid: async () => ({ token: await emp(), params: { id: await attachTo((await newTicket()).id) } }),
    invalid: async () => ({ token: await emp(), params: { id: 'screen.png' } }),
  },
  {
    path: '/hdts/api/v1/comments/{id}/',
    method: 'PUT',
    route: v1CommentRoute,
    valid: async () => ({
      token: await emp(),
      params: { id: await commentOn((await rich()).id) },
      body: { content: 'Fixed typo' },
    }),
    invalid: async () => ({ token: await emp(), params: { id: await commentOn((await rich()).id) }, body: { content: '' } }),
  },
  {
    path: '/hdts/api/v1/comments/{id}/',
    method: 'PATCH',
    route: v1CommentRoute,
    valid: async () => ({
      token: await emp(),
      params: { id: await commentOn((await rich()).id) },
      body: { comment: 'Still jammed, @coordinator1 please' },
    }),
    invalid: async () => ({ token: await emp(), params: { id: await commentOn((await rich()).id) }, body: {} }),
  },
  {
    path: '/hdts/api/v1/comments/{id}/',
    method: 'DELETE',
    route: v1CommentRoute,
    valid: async () => ({ token: await emp(), params: { id: await commentOn((await rich()).id) } }),
    invalid: async () => ({ token: await emp(), params: { id: -1 } }),
  },
  {
    path: '/hdts/api/v1/tickets/',
    method: 'GET',
    route: v1TicketsRoute,
    valid: async () => {
      await fixture();
      return { token: await emp(), query: { status: 'open,new', sort_by: 'priority', order: 'asc' } };
    },
    invalid: async () => ({ token: await emp(), query: { status: 'pending' } }),
  },
  {
    path: '/hdts/api/v1/tickets/',
    method: 'POST',
    route: v1TicketsRoute,
    valid: async () => {
      const { subject, ...rest } = ticketBody();
      return { token: await emp(), body: { ...rest, title: subject, priority: 'P3', attachments: [] } };
    },
    invalid: async () => ({ token: await emp(), body: ticketBody({ priority: 'P9' }) }),
  },
  {
    path: '/hdts/api/v1/tickets/{id}/',
    method: 'GET',
    route: v1TicketRoute,
    valid: async () => ({ token: await coord(), params: { id: (await rich()).ticket_number } }),
    invalid: async () => ({ token: await coord(), params: { id: 'TX2026' } }),
  },
  {
    path: '/hdts/api/v1/tickets/{id}/',
    method: 'PUT',
    route: v1TicketRoute,
    valid: async () => ({
      token: await coord(),
      params: { id: (await openTicket()).id },
      body: { priority: 'Critical', department: 'IT Department' },
    }),
    invalid: async () => ({ token: await coord(), params: { id: (await openTicket()).id }, body: { priority: 'P0' } }),
  },
  {
    path: '/hdts/api/v1/tickets/{id}/',
    method: 'PATCH',
    route: v1TicketRoute,
    valid: async () => ({
      token: await emp(),
      params: { id: (await newTicket()).ticket_number },
      body: { title: 'Printer jams' },
    }),
    invalid: async () => ({ token: await emp(), params: { id: (await newTicket()).id }, body: { subject: '' } }),
  },
  {
    path: '/hdts/api/v1/tickets/{id}/',
    method: 'DELETE',
    route: v1TicketRoute,
    valid: async () => ({ token: await admin(), params: { id: (await newTicket()).ticket_number } }),
    invalid: async () => ({ token: await admin(), params: { id: 'all' } }),
  },
  {
    path: '/hdts/api/v1/tickets/{id}/assign/',
    method: 'POST',
    route: v1AssignRoute,
    valid: async () => {
      const agent = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
      return {
        token: await coord(),
        params: { id: (await openTicket()).id },
        body: { assignee_id: agent.id, notes: 'Printers' },
      };
    },
    invalid: async () => ({ token: await coord(), params: { id: (await openTicket()).id }, body: { assignee_id: 'agent1' } }),
  },
  {
    path: '/hdts/api/v1/tickets/{id}/assign/',
    method: 'PUT',
    route: v1AssignRoute,
    valid: async () => {
      const agent = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
      return { token: await coord(), params: { id: (await openTicket()).ticket_number }, body: { assignee_id: agent.id } };
    },
    invalid: async () => ({ token: await coord(), params: { id: (await openTicket()).id }, body: {} }),
  },
  {
    path: '/hdts/api/v1/tickets/{id}/attachments/',
    method: 'GET',
    route: v1AttachmentsRoute,
    valid: async () => ({ token: await coord(), params: { id: (await rich()).ticket_number } }),
    invalid: async () => ({ token: await coord(), params: { id: '1.5' } }),
  },
  {
    path: '/hdts/api/v1/tickets/{id}/attachments/',
    method: 'POST',
    route: v1AttachmentsRoute,
    valid: async () => ({ token: await coord(), params: { id: (await openTicket()).id }, rawBody: pngForm() }),
    invalid: async () => ({ token: await coord(), params: { id: (await openTicket()).id }, rawBody: new FormData() }),
  },
  {
    path: '/hdts/api/v1/tickets/{id}/close/',
    method: 'POST',
    route: v1CloseRoute,
    valid: async () => ({ token: await coord(), params: { id: (await openTicket()).id }, body: { reason: 'Duplicate' } }),
    invalid: async () => ({ token: await coord(), params: { id: (await openTicket()).id }, body: { reason: 'x'.repeat(2001) } }),
  },
  {
    path: '/hdts/api/v1/tickets/{id}/comments/',
    method: 'GET',
    route: v1CommentsRoute,
    valid: async () => ({ token: await coord(), params: { id: (await rich()).ticket_number }, query: { page_size: 100 } }),
    invalid: async () => ({ token: await coord(), params: { id: (await rich()).id }, query: { page_size: 1000 } }),
  },
  {
    path: '/hdts/api/v1/tickets/{id}/comments/',
    method: 'POST',
    route: v1CommentsRoute,
    valid: async () => ({
      token: await emp(),
      params: { id: (await rich()).ticket_number },
      body: { comment: 'Thanks', parent_id: (await fixture()).commentId },
    }),
    invalid: async () => ({ token: await emp(), params: { id: (await rich()).id }, body: { comment: 'x', parent_id: 'first' } }),
  },
  {
    path: '/hdts/api/v1/tickets/{id}/history/',
    method: 'GET',
    route: v1HistoryRoute,
    valid: async () => ({ token: await emp(), params: { id: (await withStatus('Closed')).id } }),
    invalid: async () => ({ token: await emp(), params: { id: '-3' } }),
  },
  {
    path: '/hdts/api/v1/tickets/{id}/reopen/',
    method: 'POST',
    route: v1ReopenRoute,
    valid: async () => ({ token: await coord(), params: { id: (await withStatus('Resolved')).id }, body: { note: 'Not fixed' } }),
    invalid: async () => ({ token: await coord(), params: { id: (await withStatus('Resolved')).id }, body: { note: 42 } }),
  },
  {
    path: '/hdts/api/v1/tickets/{id}/resolve/',
    method: 'POST',
    route: v1ResolveRoute,
    valid: async () => ({
      token: await coord(),
      params: { id: (await openTicket()).id },
      body: { resolution_notes: 'Replaced the roller' },
    }),
    invalid: async () => ({
      token: await coord(),
      params: { id: (await openTicket()).id },
      body: { resolution_notes: 'x'.repeat(5001) },
    }),
  },
  {
    path: '/hdts/api/v1/tickets/{id}/status/',
    method: 'PUT',
    route: v1StatusRoute,
    valid: async () => ({ token: await coord(), params: { id: (await openTicket()).id }, body: { status: 'IN_PROGRESS' } }),
    invalid: async () => ({ token: await coord(), params: { id: (await openTicket()).id }, body: { status: 'DONE' } }),
  },
  {
    path: '/hdts/api/v1/tickets/{id}/status/',
    method: 'PATCH',
    route: v1StatusRoute,
    valid: async () => {
      const t = await openTicket();
      return { token: await coord(), params: { id: t.id }, body: { status: 'PENDING_INFO', expected_updated_at: t.updated_at } };
    },
    invalid: async () => {
      const t = await openTicket();
      return { token: await coord(), params: { id: t.id }, body: { status: 'On Hold', expected_updated_at: 'yesterday' } };
    },
  },

  // the service's health: public; a credential it is given must still be valid
  {
    path: '/hdts/health/',
    method: 'GET',
    route: healthRoute,
    valid: async () => ({}),
    invalid: async () => ({ token: 'not-a-token' }),
    invalidStatus: 401,
  },

  // 003: /tickets
  {
    path: '/hdts/tickets/',
    method: 'GET',
    route: legacyTicketsRoute,
    valid: async () => {
      await fixture();
      return { token: await coord(), query: { status: 'Open', priority: 'high', search: 'Printer' } };
    },
    invalid: async () => ({ token: await coord(), query: { assigned_to: 'agent1' } }),
  },
  {
    path: '/hdts/tickets/',
    method: 'POST',
    route: legacyTicketsRoute,
    valid: async () => {
      const { sub_category, ...rest } = ticketBody();
      return { token: await emp(), body: { ...rest, subcategory: sub_category, priority: 'urgent' } };
    },
    invalid: async () => ({ token: await emp(), body: ticketBody({ employee: { id: 999_999 } }) }),
  },
  {
    path: '/hdts/tickets/{id}/',
    method: 'GET',
    route: legacyTicketRoute,
    valid: async () => ({ token: await emp(), params: { id: (await rich()).ticket_number } }),
    invalid: async () => ({ token: await emp(), params: { id: 999_999_999 } }),
    invalidStatus: 404,
  },
  {
    path: '/hdts/tickets/{id}/',
    method: 'PUT',
    route: legacyTicketRoute,
    valid: async () => ({
      token: await coord(),
      params: { id: (await openTicket()).id },
      body: { assigned_to: (await db.user.findUniqueOrThrow({ where: { username: 'agent1' } })).email },
    }),
    invalid: async () => ({ token: await coord(), params: { id: (await openTicket()).id }, body: { assigned_to: 'agent1' } }),
  },
  {
    path: '/hdts/tickets/{id}/',
    method: 'PATCH',
    route: legacyTicketRoute,
    valid: async () => ({
      token: await emp(),
      params: { id: (await newTicket()).id },
      body: { subcategory: 'Printer/Scanner Setup or Issue', description: 'Jams on duplex' },
    }),
    invalid: async () => ({
      token: await emp(),
      params: { id: (await newTicket()).id },
      body: { description: 'x', expected_updated_at: 'now' },
    }),
  },
  {
    path: '/hdts/tickets/{id}/',
    method: 'DELETE',
    route: legacyTicketRoute,
    valid: async () => ({ token: await admin(), params: { id: (await newTicket()).id } }),
    invalid: async () => ({ token: await admin(), params: { id: '0x10' } }),
  },
  {
    path: '/hdts/tickets/{id}/push_to_workflow/',
    method: 'POST',
    route: pushRoute,
    valid: async () => ({ token: await coord(), params: { id: (await openTicket()).ticket_number } }),
    // a ticket not approved yet has nothing to push
    invalid: async () => ({ token: await coord(), params: { id: (await newTicket()).id } }),
  },

  // CSAT
  {
    path: '/hdts/api/csat/feedback/',
    method: 'GET',
    route: feedbackRoute,
    valid: async () => {
      await fixture();
      return { token: await coord() };
    },
    invalid: async () => ({ token: await coord(), query: { rating: 9 } }),
  },
];
