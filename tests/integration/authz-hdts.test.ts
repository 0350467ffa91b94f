/**
 * Authorization matrix of the help desk: every /hdts route × every role → expected status.
 * The ticket under test belongs to `employee` (employee1); `otherEmployee` must not even see it (404).
 * Refused calls leave the help-desk tables and the audit log unchanged (checked by runMatrix).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, vi } from 'vitest';

vi.hoisted(() => {
  process.env.ATTACHMENT_DIR = require('node:fs').mkdtempSync(
    require('node:path').join(require('node:os').tmpdir(), 'sb-authz-'),
  );
});

import * as cannedOneRoute from '@/app/(api)/hdts/api/canned-responses/[id]/route';
import * as cannedRoute from '@/app/(api)/hdts/api/canned-responses/route';
import * as catalogEntryRoute from '@/app/(api)/hdts/api/catalog/entries/[kind]/[id]/route';
import * as catalogEntriesRoute from '@/app/(api)/hdts/api/catalog/entries/route';
import * as catalogRoute from '@/app/(api)/hdts/api/catalog/route';
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
import * as viewRoute from '@/app/(api)/hdts/api/views/[id]/route';
import * as viewsRoute from '@/app/(api)/hdts/api/views/route';
import * as pushRoute from '@/app/(api)/hdts/tickets/[id]/push_to_workflow/route';
import * as legacyTicketRoute from '@/app/(api)/hdts/tickets/[id]/route';
import * as legacyTicketsRoute from '@/app/(api)/hdts/tickets/route';
import * as mentionableRoute from '@/app/(api)/messaging/api/tickets/[ticket_id]/mentionable/route';
import type { Actor } from '@/lib/domain/actor';
import { addComment } from '@/lib/domain/helpdesk/commands/comments';
import { createTicket } from '@/lib/domain/helpdesk/commands/create';
import { changeStatus } from '@/lib/domain/helpdesk/commands/status';
import { approveTicket } from '@/lib/domain/helpdesk/commands/triage';
import { attachmentPath } from '@/lib/domain/helpdesk/storage';
import { loadActor } from '@/lib/domain/identity/queries';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import type { CallOptions } from '../helpers/api';
import { HDTS_TABLES } from '../helpers/hdts';
import { type MatrixRow, type RoleName, runMatrix } from '../helpers/matrix';

type Stage = 'New' | 'Open' | 'Resolved' | 'Closed';
const actors: Record<string, Actor> = {};

beforeAll(async () => {
  await startJobs({ workers: false });
  for (const u of ['employee1', 'coordinator1']) {
    const user = await db.user.findUniqueOrThrow({ where: { username: u } });
    actors[u] = (await loadActor(user.id)) as Actor;
  }
});
afterAll(async () => {
  await stopJobs();
  fs.rmSync(process.env.ATTACHMENT_DIR as string, { recursive: true, force: true });
});

/** A fresh ticket of employee1 at the given stage, with one public comment by them and one attachment. */
async function ticket(stage: Stage) {
  const emp = actors.employee1;
  const coord = actors.coordinator1;
  const storedName = randomUUID();
  fs.mkdirSync(path.dirname(attachmentPath(storedName)), { recursive: true });
  fs.writeFileSync(attachmentPath(storedName), 'hello');
  const t = await createTicket(
    emp,
    { subject: 'Matrix', description: 'Matrix ticket', category: 'IT Support', sub_category: null, department: null },
    [
      {
        filename: 'a.txt',
        storedName,
        path: attachmentPath(storedName),
        size: 5,
        sha256: 'a'.repeat(64),
        mimeType: 'text/plain',
      },
    ],
  );
  const c = await addComment(emp, t.id, { body: 'hello', is_internal: false });
  if (stage !== 'New') await approveTicket(coord, t.id, { priority: 'Medium', department: 'IT Department' });
  if (stage === 'Resolved' || stage === 'Closed') await changeStatus(coord, t.id, 'Resolved');
  if (stage === 'Closed') await changeStatus(coord, t.id, 'Closed');
  return { id: t.id, number: t.ticket_number, commentId: c.id, attachmentId: t.attachments[0].id };
}

const SIGNED_IN = { anonymous: 401, otherwise: 200 } as const;
/** Saved views: help-desk staff only. */
const STAFF_VIEWS = { anonymous: 401, employee: 403, otherEmployee: 403, otherwise: 200 } as const;
const SUBMIT = { anonymous: 401, agent: 403, otherwise: 201 } as const;
/** Readable by the requester and staff; invisible (404) to others. */
const VISIBLE = { anonymous: 401, otherEmployee: 404, agent: 404, otherwise: 200 } as const;
/** Staff actions on employee1's ticket: the requester is refused (403), others do not see it (404). */
const TRIAGE = { anonymous: 401, employee: 403, otherEmployee: 404, agent: 404, otherwise: 200 } as const;
/** Requester-only actions. */
const REQUESTER = { anonymous: 401, employee: 200, otherEmployee: 404, agent: 404, otherwise: 403 } as const;
/** Catalog administration: HDTS admins only. */
const CATALOG_ADMIN = { anonymous: 401, admin: 200, otherwise: 403 } as const;
const CATALOG_TABLES = ['helpdesk.departments', 'helpdesk.categories', 'helpdesk.sub_categories', 'audit.audit_log'];
const ADMIN_DELETE = { anonymous: 401, admin: 204, employee: 403, coordinator: 403, otherwise: 404 } as const;

const txt = () => {
  const f = new FormData();
  f.append('file', new Blob(['some text']), 'note.txt');
  return f;
};
const create = { subject: 'New', description: 'desc', category: 'Others' };

function onTicket(stage: Stage, extra: (t: Awaited<ReturnType<typeof ticket>>, role: RoleName) => CallOptions = () => ({})) {
  return async (role: RoleName): Promise<CallOptions> => {
    const t = await ticket(stage);
    return { params: { id: t.id, ticket_number: t.number }, ...extra(t, role) };
  };
}
const withBody = (stage: Stage, body: unknown) => onTicket(stage, () => ({ body }));

const rows: MatrixRow[] = [
  { name: '/hdts/api/catalog/', route: catalogRoute, method: 'GET', path: '/hdts/api/catalog/', expect: SIGNED_IN },
  {
    name: '/hdts/api/catalog/entries/',
    route: catalogEntriesRoute,
    method: 'GET',
    path: '/x',
    expect: CATALOG_ADMIN,
  },
  {
    name: '/hdts/api/catalog/entries/',
    route: catalogEntriesRoute,
    method: 'POST',
    path: '/x',
    options: () => ({ body: { kind: 'department', name: `Matrix ${randomUUID().slice(0, 8)}` } }),
    expect: { ...CATALOG_ADMIN, admin: 201 },
    tables: CATALOG_TABLES,
  },
  {
    name: '/hdts/api/catalog/entries/{kind}/{id}/',
    route: catalogEntryRoute,
    method: 'PATCH',
    path: '/x',
    options: async () => {
      const d = await db.department.create({ data: { name: `Matrix ${randomUUID().slice(0, 8)}` } });
      return { params: { kind: 'department', id: d.id }, body: { active: false } };
    },
    expect: CATALOG_ADMIN,
    tables: CATALOG_TABLES,
  },
  { name: '/hdts/api/tickets/', route: ticketsRoute, method: 'GET', path: '/hdts/api/tickets/', expect: SIGNED_IN },
  {
    name: '/hdts/api/tickets/',
    route: ticketsRoute,
    method: 'POST',
    path: '/hdts/api/tickets/',
    options: { body: { ...create, category: 'IT Support' } },
    expect: SUBMIT,
  },
  { name: '/hdts/api/tickets/{id}/', route: ticketRoute, method: 'GET', path: '/x', options: onTicket('New'), expect: VISIBLE },
  {
    name: '/hdts/api/tickets/{id}/',
    route: ticketRoute,
    method: 'PATCH',
    path: '/x',
    options: withBody('New', { subject: 'Edited' }),
    expect: VISIBLE,
  },
  {
    name: '/hdts/api/tickets/{id}/',
    route: ticketRoute,
    method: 'DELETE',
    path: '/x',
    options: onTicket('New'),
    expect: ADMIN_DELETE,
  },
  {
    name: '/hdts/api/tickets/number/{n}/',
    route: byNumberRoute,
    method: 'GET',
    path: '/x',
    options: onTicket('New'),
    expect: VISIBLE,
  },
  {
    name: '/hdts/api/tickets/{id}/approve/',
    route: approveRoute,
    method: 'POST',
    path: '/x',
    options: withBody('New', { priority: 'Low', department: 'IT Department' }),
    expect: TRIAGE,
  },
  {
    name: '/hdts/api/tickets/bulk/',
    route: bulkRoute,
    method: 'POST',
    path: '/hdts/api/tickets/bulk/',
    options: async () => {
      const t = await ticket('New');
      const row = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
      return {
        body: {
          action: 'reject',
          rejection_reason: 'Duplicate',
          tickets: [{ ticket_number: t.number, expected_updated_at: row.updatedAt.toISOString() }],
        },
      };
    },
    expect: { anonymous: 401, otherwise: 403, coordinator: 200, admin: 200 },
  },
  {
    name: '/hdts/api/tickets/{id}/reject/',
    route: rejectRoute,
    method: 'POST',
    path: '/x',
    options: withBody('New', { rejection_reason: 'No' }),
    expect: TRIAGE,
  },
  {
    name: '/hdts/api/tickets/{id}/update-status/',
    route: updateStatusRoute,
    method: 'POST',
    path: '/x',
    options: withBody('Open', { status: 'In Progress' }),
    expect: TRIAGE,
  },
  {
    name: '/hdts/api/tickets/{id}/csat/',
    route: csatRoute,
    method: 'POST',
    path: '/x',
    options: withBody('Closed', { rating: 5 }),
    expect: { ...REQUESTER, employee: 201 },
  },
  {
    name: '/hdts/api/tickets/{id}/comments/',
    route: commentsRoute,
    method: 'GET',
    path: '/x',
    options: onTicket('New'),
    expect: VISIBLE,
  },
  {
    name: '/hdts/api/tickets/{id}/comments/',
    route: commentsRoute,
    method: 'POST',
    path: '/x',
    options: withBody('New', { comment: 'Hi' }),
    expect: { ...VISIBLE, otherwise: 201 },
  },
  {
    name: '/hdts/api/tickets/{id}/withdraw/',
    route: withdrawRoute,
    method: 'POST',
    path: '/x',
    options: withBody('New', { reason: 'Not needed' }),
    expect: REQUESTER,
  },
  {
    name: '/hdts/api/tickets/{id}/history/',
    route: historyRoute,
    method: 'GET',
    path: '/x',
    options: onTicket('New'),
    expect: VISIBLE,
  },
  {
    name: '/hdts/api/tickets/{id}/attachments/',
    route: attachmentsRoute,
    method: 'GET',
    path: '/x',
    options: onTicket('New'),
    expect: VISIBLE,
  },
  {
    name: '/hdts/api/tickets/{id}/attachments/',
    route: attachmentsRoute,
    method: 'POST',
    path: '/x',
    options: onTicket('New', () => ({ rawBody: txt() })),
    expect: { ...VISIBLE, otherwise: 201 },
  },
  {
    name: '/hdts/api/tickets/{id}/close/',
    route: closeRoute,
    method: 'POST',
    path: '/x',
    options: withBody('Resolved', {}),
    expect: VISIBLE,
  },
  {
    name: '/hdts/api/tickets/{id}/reopen/',
    route: reopenRoute,
    method: 'POST',
    path: '/x',
    options: withBody('Closed', { reason: 'Again' }),
    expect: VISIBLE,
  },
  {
    name: '/hdts/api/csat/feedback/',
    route: feedbackRoute,
    method: 'GET',
    path: '/x',
    expect: { anonymous: 401, coordinator: 200, admin: 200, otherwise: 403 },
  },
  { name: '/hdts/api/v1/tickets', route: v1TicketsRoute, method: 'GET', path: '/x', expect: SIGNED_IN },
  {
    name: '/hdts/api/v1/tickets',
    route: v1TicketsRoute,
    method: 'POST',
    path: '/x',
    options: { body: { ...create, priority: 'P2' } },
    expect: SUBMIT,
  },
  {
    name: '/hdts/api/v1/tickets/{id}',
    route: v1TicketRoute,
    method: 'GET',
    path: '/x',
    options: onTicket('New'),
    expect: VISIBLE,
  },
  {
    name: '/hdts/api/v1/tickets/{id}',
    route: v1TicketRoute,
    method: 'PUT',
    path: '/x',
    options: withBody('New', { title: 'Edited' }),
    expect: VISIBLE,
  },
  {
    name: '/hdts/api/v1/tickets/{id}',
    route: v1TicketRoute,
    method: 'PATCH',
    path: '/x',
    options: withBody('New', { description: 'Edited' }),
    expect: VISIBLE,
  },
  {
    name: '/hdts/api/v1/tickets/{id}',
    route: v1TicketRoute,
    method: 'DELETE',
    path: '/x',
    options: onTicket('New'),
    expect: ADMIN_DELETE,
  },
  {
    name: '/hdts/api/v1/tickets/{id}/assign',
    route: v1AssignRoute,
    method: 'PUT',
    path: '/x',
    options: onTicket('Open', () => ({ body: { assignee_id: 1 } })),
    expect: TRIAGE,
  },
  {
    name: '/hdts/api/v1/tickets/{id}/status',
    route: v1StatusRoute,
    method: 'PATCH',
    path: '/x',
    options: withBody('Open', { status: 'IN_PROGRESS' }),
    expect: TRIAGE,
  },
  {
    name: '/hdts/api/v1/tickets/{id}/resolve',
    route: v1ResolveRoute,
    method: 'POST',
    path: '/x',
    options: withBody('Open', { resolution_notes: 'Fixed' }),
    expect: TRIAGE,
  },
  {
    name: '/hdts/api/v1/tickets/{id}/close',
    route: v1CloseRoute,
    method: 'POST',
    path: '/x',
    options: withBody('Resolved', {}),
    expect: VISIBLE,
  },
  {
    name: '/hdts/api/v1/tickets/{id}/reopen',
    route: v1ReopenRoute,
    method: 'POST',
    path: '/x',
    options: withBody('Resolved', {}),
    expect: VISIBLE,
  },
  {
    name: '/hdts/api/v1/tickets/{id}/history',
    route: v1HistoryRoute,
    method: 'GET',
    path: '/x',
    options: onTicket('New'),
    expect: VISIBLE,
  },
  {
    name: '/hdts/api/v1/tickets/{id}/comments',
    route: v1CommentsRoute,
    method: 'GET',
    path: '/x',
    options: onTicket('New'),
    expect: VISIBLE,
  },
  {
    name: '/hdts/api/v1/tickets/{id}/comments',
    route: v1CommentsRoute,
    method: 'POST',
    path: '/x',
    options: withBody('New', { content: 'Hi' }),
    expect: { ...VISIBLE, otherwise: 201 },
  },
  {
    name: '/hdts/api/v1/comments/{id}',
    route: v1CommentRoute,
    method: 'PUT',
    path: '/x',
    options: onTicket('New', (t) => ({ params: { id: t.commentId }, body: { content: 'Edited' } })),
    expect: REQUESTER,
  },
  {
    name: '/hdts/api/v1/comments/{id}',
    route: v1CommentRoute,
    method: 'DELETE',
    path: '/x',
    options: onTicket('New', (t) => ({ params: { id: t.commentId } })),
    expect: { ...REQUESTER, employee: 204, admin: 204 },
  },
  {
    name: '/hdts/api/v1/tickets/{id}/attachments',
    route: v1AttachmentsRoute,
    method: 'GET',
    path: '/x',
    options: onTicket('New'),
    expect: VISIBLE,
  },
  {
    name: '/hdts/api/v1/tickets/{id}/attachments',
    route: v1AttachmentsRoute,
    method: 'POST',
    path: '/x',
    options: onTicket('New', () => ({ rawBody: txt() })),
    expect: { ...VISIBLE, otherwise: 201 },
  },
  {
    name: '/hdts/api/v1/attachments/{id}',
    route: v1AttachmentRoute,
    method: 'GET',
    path: '/x',
    options: onTicket('New', (t) => ({ params: { id: t.attachmentId } })),
    expect: VISIBLE,
  },
  {
    name: '/hdts/api/v1/attachments/{id}',
    route: v1AttachmentRoute,
    method: 'DELETE',
    path: '/x',
    options: onTicket('New', (t) => ({ params: { id: t.attachmentId } })),
    expect: { ...REQUESTER, employee: 204, admin: 204 },
  },
  { name: '/hdts/tickets/', route: legacyTicketsRoute, method: 'GET', path: '/x', expect: SIGNED_IN },
  {
    name: '/hdts/tickets/',
    route: legacyTicketsRoute,
    method: 'POST',
    path: '/x',
    options: { body: { ...create, priority: 'urgent' } },
    expect: SUBMIT,
  },
  { name: '/hdts/tickets/{id}/', route: legacyTicketRoute, method: 'GET', path: '/x', options: onTicket('New'), expect: VISIBLE },
  {
    name: '/hdts/tickets/{id}/',
    route: legacyTicketRoute,
    method: 'PUT',
    path: '/x',
    options: withBody('New', { subject: 'Edited' }),
    expect: VISIBLE,
  },
  {
    name: '/hdts/tickets/{id}/',
    route: legacyTicketRoute,
    method: 'DELETE',
    path: '/x',
    options: onTicket('New'),
    expect: ADMIN_DELETE,
  },
  {
    name: '/hdts/tickets/{id}/push_to_workflow/',
    route: pushRoute,
    method: 'POST',
    path: '/x',
    options: onTicket('Open'),
    expect: { ...TRIAGE, otherwise: 202 },
  },
  { name: '/hdts/api/views/', route: viewsRoute, method: 'GET', path: '/hdts/api/views/', expect: STAFF_VIEWS },
  {
    name: '/hdts/api/views/',
    route: viewsRoute,
    method: 'POST',
    path: '/hdts/api/views/',
    options: { body: { name: 'Matrix view', url: '/coordinator/tickets?status=New' } },
    expect: { ...STAFF_VIEWS, coordinator: 201, agent: 201, admin: 201 },
  },
  {
    // coordinator1's private view: only they delete it; other staff do not even see it
    name: '/hdts/api/views/{id}/',
    route: viewRoute,
    method: 'DELETE',
    path: '/x',
    options: async () => {
      const owner = await db.user.findUniqueOrThrow({ where: { username: 'coordinator1' } });
      const v = await db.savedView.create({ data: { ownerId: owner.id, name: 'Matrix private', url: '/coordinator/tickets' } });
      return { params: { id: v.id } };
    },
    expect: { anonymous: 401, employee: 403, otherEmployee: 403, agent: 404, admin: 404, coordinator: 204, otherwise: 404 },
  },
].map((r) => ({ ...r, tables: HDTS_TABLES }) as MatrixRow);

/** Saved replies: staff only; a personal one is its owner's (others 404), a shared one admins change. */
const STAFF_REPLIES = { anonymous: 401, employee: 403, otherEmployee: 403, otherwise: 200 } as const;
const OWNER_ONLY = { ...STAFF_REPLIES, agent: 404, admin: 404 } as const;
const ADMINS_ONLY = { ...STAFF_REPLIES, coordinator: 403, agent: 403 } as const;
async function cannedOf(username: string, shared: boolean) {
  const owner = await db.user.findUniqueOrThrow({ where: { username } });
  const r = await db.cannedResponse.create({
    data: { ownerId: owner.id, title: 'Matrix reply', body: 'Hi {{requester.name}}', shared },
  });
  return { params: { id: r.id } };
}
const cannedRows: MatrixRow[] = [
  { name: '/hdts/api/canned-responses/', route: cannedRoute, method: 'GET', path: '/x', expect: STAFF_REPLIES },
  {
    name: '/hdts/api/canned-responses/ (personal)',
    route: cannedRoute,
    method: 'POST',
    path: '/x',
    options: { body: { title: 'Matrix personal', body: 'Hello {{requester.first_name}}' } },
    expect: { ...STAFF_REPLIES, otherwise: 201 },
  },
  {
    name: '/hdts/api/canned-responses/ (shared)',
    route: cannedRoute,
    method: 'POST',
    path: '/x',
    options: { body: { title: 'Matrix shared', body: 'Hello', shared: true } },
    expect: { ...ADMINS_ONLY, otherwise: 201 },
  },
  {
    name: '/hdts/api/canned-responses/{id}/ (coordinator1’s personal)',
    route: cannedOneRoute,
    method: 'GET',
    path: '/x',
    options: () => cannedOf('coordinator1', false),
    expect: OWNER_ONLY,
  },
  {
    name: '/hdts/api/canned-responses/{id}/ (shared)',
    route: cannedOneRoute,
    method: 'GET',
    path: '/x',
    options: () => cannedOf('admin', true),
    expect: STAFF_REPLIES,
  },
  {
    name: '/hdts/api/canned-responses/{id}/ (coordinator1’s personal)',
    route: cannedOneRoute,
    method: 'PATCH',
    path: '/x',
    options: async () => ({ ...(await cannedOf('coordinator1', false)), body: { title: 'Renamed' } }),
    expect: OWNER_ONLY,
  },
  {
    name: '/hdts/api/canned-responses/{id}/ (shared)',
    route: cannedOneRoute,
    method: 'PATCH',
    path: '/x',
    options: async () => ({ ...(await cannedOf('admin', true)), body: { title: 'Renamed' } }),
    expect: ADMINS_ONLY,
  },
  {
    name: '/hdts/api/canned-responses/{id}/ (coordinator1’s personal)',
    route: cannedOneRoute,
    method: 'DELETE',
    path: '/x',
    options: () => cannedOf('coordinator1', false),
    expect: { ...OWNER_ONLY, coordinator: 204 },
  },
  {
    name: '/hdts/api/canned-responses/{id}/ (shared)',
    route: cannedOneRoute,
    method: 'DELETE',
    path: '/x',
    options: () => cannedOf('admin', true),
    expect: { ...ADMINS_ONLY, admin: 204 },
  },
].map((r) => ({ ...r, tables: ['messaging.canned_responses', 'audit.audit_log'] }) as MatrixRow);

/** @mention suggestions: whoever may read the ticket's thread. */
cannedRows.push({
  name: '/messaging/api/tickets/{ticket_id}/mentionable/',
  route: mentionableRoute,
  method: 'GET',
  path: '/x',
  options: onTicket('Open', (t) => ({ params: { ticket_id: t.number }, query: { q: 'a' } })),
  expect: VISIBLE,
  tables: HDTS_TABLES,
});

describe('hdts authorization matrix', () => {
  runMatrix(rows);
  runMatrix(cannedRows);
});
