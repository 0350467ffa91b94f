/**
 * Spec conformance, document 004 (Ticket Management Service): the HTTP request examples the document prints
 * (Usage Examples and the endpoint tables), replayed through the real route handlers against the real database,
 * adjusted only for the URL prefix (shared/spec/README.md: `/hdts`; 004's ticket service is a second API over
 * the help-desk tickets) and ids (integer user ids for 004's UUIDs). 004 prints few response bodies; where it
 * does the fields are checked, elsewhere the status code and the effect the example names.
 *
 * | example (004 section)                                                          | test                          |
 * | ------------------------------------------------------------------------------ | ----------------------------- |
 * | Listing Tickets with Filters `GET /api/v1/tickets?status=OPEN&status=IN_PROGRESS&priority=P1&priority=P2&sort_by=priority&order=asc` | "listing with filters" |
 * | API Endpoints: Tickets `GET`/`PATCH`/`PUT` `/api/v1/tickets/{id}`              | "ticket lifecycle"            |
 * | Adding a Comment `POST /api/v1/tickets/{id}/comments` {content, comment_type, is_internal} | "comments"        |
 * | API Endpoints: Comments `GET /api/v1/tickets/{id}/comments`, `PUT`/`DELETE /api/v1/comments/{id}` | "comments" |
 * | Uploading an Attachment `POST /api/v1/tickets/{id}/attachments` (multipart `file`) | "attachments"             |
 * | API Endpoints: Attachments `GET /api/v1/tickets/{id}/attachments`, `GET`/`DELETE /api/v1/attachments/{id}` | "attachments" |
 * | Assigning a Ticket `PUT /api/v1/tickets/{id}/assign` {assignee_id, notes}      | "ticket lifecycle"            |
 * | API Endpoints: Ticket Actions `PATCH /api/v1/tickets/{id}/status`              | "ticket lifecycle"            |
 * | Resolving a Ticket `POST /api/v1/tickets/{id}/resolve` {resolution_notes}      | "ticket lifecycle"            |
 * | API Endpoints: Ticket Actions `POST .../close`, `POST .../reopen`, `GET .../history` | "ticket lifecycle"      |
 * | API Endpoints: Tickets `DELETE /api/v1/tickets/{id}` (admin only)              | "delete"                      |
 *
 * Not replayed here because they diverge today and issue 16's fidelity lane is fixing them: Creating a Ticket
 * (category `INCIDENT` is not in the catalog; `environment`, `affected_service`, `impact_level`, `tags`), the
 * Health Check's printed shape, and the Valid Status Transitions list (NEW → OPEN/IN_PROGRESS/CLOSED,
 * ESCALATED). Tickets below are created with 004's `title` and `P1` priority in the catalog's category.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as approveRoute from '@/app/(api)/hdts/api/tickets/[id]/approve/route';
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
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, tokenFor } from '../helpers/api';

const isoDate = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);

beforeAll(async () => {
  await startJobs({ workers: false });
});
afterAll(async () => {
  await stopJobs();
});

/** 004's ticket (title, P1) in the catalog's category, approved so it has left New. */
async function ticket(title = 'Production database is down') {
  const emp = await tokenFor('employee1');
  const created = await call(v1TicketsRoute, 'POST', '/hdts/api/v1/tickets', {
    token: emp,
    body: {
      title,
      description: 'The production PostgreSQL database is not responding. All services are affected.',
      category: 'IT Support',
      priority: 'P1',
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as number;
  const approved = await call(approveRoute, 'POST', `/hdts/api/tickets/${id}/approve/`, {
    token: await tokenFor('coordinator1'),
    params: { id },
    body: { priority: 'Critical', department: 'IT Department' },
  });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return { id, number: created.body.ticket_number as string, emp };
}

describe('004 tickets', () => {
  it('listing with filters: GET /hdts/api/v1/tickets?status=OPEN&status=IN_PROGRESS&priority=P1&priority=P2&sort_by=priority&order=asc', async () => {
    const a = await ticket('Outage A');
    const b = await ticket('Outage B');
    const coord = await tokenFor('coordinator1');
    await call(v1TicketRoute, 'PATCH', `/hdts/api/v1/tickets/${b.id}`, {
      token: coord,
      params: { id: b.id },
      body: { priority: 'P2' },
    });
    const query = { status: ['OPEN', 'IN_PROGRESS'], priority: ['P1', 'P2'], sort_by: 'priority', order: 'asc' };
    const res = await call(v1TicketsRoute, 'GET', '/hdts/api/v1/tickets', { token: coord, query: { ...query, page_size: 100 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ count: expect.any(Number), previous: null, results: expect.any(Array) });
    // answers carry the canonical vocabulary (README "Ticket statuses", "Priorities"; docs/status-mapping.md)
    const rank: Record<string, number> = { Critical: 1, High: 2 };
    for (const t of res.body.results) {
      expect(['Open', 'In Progress']).toContain(t.status);
      expect(Object.keys(rank)).toContain(t.priority);
    }
    // priority ascending: most urgent first (rank 1 = Critical)
    const ranks = res.body.results.map((t: { priority: string }) => rank[t.priority]);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    // the two new tickets are among the matches, P1 before P2 (narrowed to them, the list may be long)
    const ours = await call(v1TicketsRoute, 'GET', '/hdts/api/v1/tickets', {
      token: coord,
      query: { ...query, search: 'Outage', page_size: 100 },
    });
    const ids = ours.body.results.map((t: { id: number }) => t.id);
    expect(ids).toContain(a.id);
    expect(ids).toContain(b.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
  });

  it('ticket lifecycle: get, patch, put, assign, status, resolve, close, reopen, history', async () => {
    const { id, emp } = await ticket();
    const coord = await tokenFor('coordinator1');
    const got = await call(v1TicketRoute, 'GET', `/hdts/api/v1/tickets/${id}`, { token: emp, params: { id } });
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body).toMatchObject({ id, subject: 'Production database is down', status: 'Open', priority: 'Critical' });

    const patched = await call(v1TicketRoute, 'PATCH', `/hdts/api/v1/tickets/${id}`, {
      token: coord,
      params: { id },
      body: { priority: 'P2' },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.priority).toBe('High');
    const put = await call(v1TicketRoute, 'PUT', `/hdts/api/v1/tickets/${id}`, {
      token: coord,
      params: { id },
      body: { title: 'Production database is down (PG 16)', priority: 'P1' },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ subject: 'Production database is down (PG 16)', priority: 'Critical' });

    const engineer = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
    const assigned = await call(v1AssignRoute, 'PUT', `/hdts/api/v1/tickets/${id}/assign`, {
      token: coord,
      params: { id },
      body: { assignee_id: engineer.id, notes: 'John has expertise in database issues' },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body).toMatchObject({
      assignee_id: engineer.id,
      assignee_name: `${engineer.firstName} ${engineer.lastName}`,
    });

    const started = await call(v1StatusRoute, 'PATCH', `/hdts/api/v1/tickets/${id}/status`, {
      token: coord,
      params: { id },
      body: { status: 'IN_PROGRESS' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.status).toBe('In Progress');

    const resolved = await call(v1ResolveRoute, 'POST', `/hdts/api/v1/tickets/${id}/resolve`, {
      token: coord,
      params: { id },
      body: {
        resolution_notes:
          'Issue resolved by restarting the database service and clearing connection pool. Root cause was memory leak in connection handler. Applied patch v2.3.1.',
      },
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body.status).toBe('Resolved');

    const closed = await call(v1CloseRoute, 'POST', `/hdts/api/v1/tickets/${id}/close`, {
      token: coord,
      params: { id },
      body: {},
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ status: 'Closed', time_closed: isoDate });

    const reopened = await call(v1ReopenRoute, 'POST', `/hdts/api/v1/tickets/${id}/reopen`, {
      token: emp,
      params: { id },
      body: { reason: 'The issue returned' },
    });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    // REOPENED maps onto Open (docs/status-mapping.md)
    expect(reopened.body.status).toBe('Open');

    const history = await call(v1HistoryRoute, 'GET', `/hdts/api/v1/tickets/${id}/history`, { token: coord, params: { id } });
    expect(history.status, JSON.stringify(history.body)).toBe(200);
    const entries = history.body.results as { type: string }[];
    // Audit History: change type, field name and old/new values, user, timestamp
    expect(entries[0]).toMatchObject({
      type: 'CREATED',
      field: expect.any(String),
      new_value: 'New',
      user_name: expect.any(String),
      created_at: isoDate,
    });
    expect(entries[0]).toHaveProperty('old_value');
    expect(entries.map((e) => e.type)).toEqual(
      expect.arrayContaining(['CREATED', 'STATUS_CHANGE', 'ASSIGNMENT_CHANGE', 'RESOLVED', 'CLOSED', 'REOPENED']),
    );
  });

  it('delete: DELETE /hdts/api/v1/tickets/{id} (admin only)', async () => {
    const { id, emp } = await ticket('Delete me');
    const byRequester = await call(v1TicketRoute, 'DELETE', `/hdts/api/v1/tickets/${id}`, { token: emp, params: { id } });
    expect(byRequester.status).toBe(403);
    const gone = await call(v1TicketRoute, 'DELETE', `/hdts/api/v1/tickets/${id}`, {
      token: await tokenFor('admin'),
      params: { id },
    });
    expect(gone.status, JSON.stringify(gone.body)).toBe(204);
    expect(await db.ticket.findUnique({ where: { id } })).toBeNull();
  });
});

describe('004 comments and attachments', () => {
  it('comments: POST {content, comment_type, is_internal}, GET, PUT, DELETE', async () => {
    const { id, emp } = await ticket();
    const created = await call(v1CommentsRoute, 'POST', `/hdts/api/v1/tickets/${id}/comments`, {
      token: emp,
      params: { id },
      body: {
        content: 'Investigating the issue. Database server shows high CPU usage.',
        comment_type: 'COMMENT',
        is_internal: false,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const commentId = created.body.id as number;
    const list = await call(v1CommentsRoute, 'GET', `/hdts/api/v1/tickets/${id}/comments`, { token: emp, params: { id } });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: commentId, comment: 'Investigating the issue. Database server shows high CPU usage.' }),
      ]),
    );
    const edited = await call(v1CommentRoute, 'PUT', `/hdts/api/v1/comments/${commentId}`, {
      token: emp,
      params: { id: commentId },
      body: { content: 'Investigating: high CPU on the primary.' },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const removed = await call(v1CommentRoute, 'DELETE', `/hdts/api/v1/comments/${commentId}`, {
      token: emp,
      params: { id: commentId },
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(204);
  });

  it('attachments: POST multipart file, GET list, GET download, DELETE', async () => {
    const { id, emp } = await ticket();
    const form = new FormData();
    form.append('file', new Blob(['ERROR connection pool exhausted\n'], { type: 'text/plain' }), 'error.log');
    const up = await call(v1AttachmentsRoute, 'POST', `/hdts/api/v1/tickets/${id}/attachments`, {
      token: emp,
      params: { id },
      rawBody: form,
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const first = up.body[0] as { id: number };
    // File Attachments: size and a hash for integrity
    expect(up.body[0]).toMatchObject({ filename: 'error.log', size: 32, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const list = await call(v1AttachmentsRoute, 'GET', `/hdts/api/v1/tickets/${id}/attachments`, { token: emp, params: { id } });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ id: first.id, filename: 'error.log' })]);
    const file = await call(v1AttachmentRoute, 'GET', `/hdts/api/v1/attachments/${first.id}`, {
      token: emp,
      params: { id: first.id },
    });
    expect(file.status).toBe(200);
    expect(file.body).toContain('connection pool exhausted');
    const gone = await call(v1AttachmentRoute, 'DELETE', `/hdts/api/v1/attachments/${first.id}`, {
      token: emp,
      params: { id: first.id },
    });
    expect(gone.status, JSON.stringify(gone.body)).toBe(204);
  });
});
