import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as rateRoute from '@/app/(api)/messaging/api/comments/[id]/rate/route';
import * as commentRoute from '@/app/(api)/messaging/api/comments/[id]/route';
import * as commentsRoute from '@/app/(api)/messaging/api/comments/route';
import * as messageRoute from '@/app/(api)/messaging/api/messages/ticket/[ticket_id]/[message_id]/route';
import * as unsendRoute from '@/app/(api)/messaging/api/messages/ticket/[ticket_id]/[message_id]/unsend/route';
import * as messagesRoute from '@/app/(api)/messaging/api/messages/ticket/[ticket_id]/route';
import * as participantsRoute from '@/app/(api)/messaging/api/tickets/[ticket_id]/participants/route';
import { loadActor } from '@/lib/domain/identity/queries';
import { createComment, postTicketMessage } from '@/lib/domain/messaging/commands';
import { ticketRoomsFor } from '@/lib/domain/messaging/policy';
import { NOTIFICATION_JOBS, notifyJob } from '@/lib/domain/notifications/jobs';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, tokenFor } from '../helpers/api';
import { runMatrix } from '../helpers/matrix';
import { threadTicket } from '../helpers/thread';

const TABLES = ['helpdesk.ticket_comments', 'helpdesk.ticket_comment_ratings', 'helpdesk.ticket_history', 'audit.audit_log'];
const unknownTicket = () => `TX20261122${String(randomInt(0, 999_999)).padStart(6, '0')}`;
let T = '';
const ids: Record<string, number> = {};
const actorOf = async (username: string) => (await loadActor(ids[username]))!;

/** A real help-desk ticket of employee1 assigned to agent1 (the one thread lives on the help desk's ticket). */
const newTicket = async () => (await threadTicket({ owner: null })).number;

beforeAll(async () => {
  for (const u of await db.user.findMany({
    where: { username: { in: ['employee1', 'employee2', 'coordinator1', 'agent1', 'admin'] } },
  }))
    ids[u.username] = u.id;
  // workers first: the first enqueue would otherwise start this process's queue without them
  await startJobs({ workers: true, jobs: NOTIFICATION_JOBS });
  T = await newTicket();
});
afterAll(async () => {
  await stopJobs();
});

const agentComment = async (internal = false) =>
  createComment(await actorOf('agent1'), { ticket_id: T, text: 'Looking into it', is_internal: internal });
const agentMessage = async () => postTicketMessage(await actorOf('agent1'), T, 'Need the VPN logs');

describe('authorization matrix: messaging', () => {
  runMatrix([
    {
      name: '/messaging/api/comments/?ticket_id=',
      route: commentsRoute,
      method: 'GET',
      path: '/messaging/api/comments/',
      options: () => ({ query: { ticket_id: T } }),
      expect: { anonymous: 401, otherEmployee: 404, otherwise: 200 },
    },
    {
      name: '/messaging/api/comments/ (public)',
      route: commentsRoute,
      method: 'POST',
      path: '/messaging/api/comments/',
      options: () => ({ body: { ticket_id: T, text: 'Hello' } }),
      expect: { anonymous: 401, otherEmployee: 404, otherwise: 201 },
      tables: TABLES,
    },
    {
      name: '/messaging/api/comments/ (internal)',
      route: commentsRoute,
      method: 'POST',
      path: '/messaging/api/comments/',
      options: () => ({ body: { ticket_id: T, text: 'Internal note', is_internal: true } }),
      expect: { anonymous: 401, otherEmployee: 404, employee: 403, otherwise: 201 },
      tables: TABLES,
    },
    {
      name: '/messaging/api/comments/{id}/ (internal comment)',
      route: commentRoute,
      method: 'GET',
      path: '/messaging/api/comments/x/',
      options: async () => ({ params: { id: (await agentComment(true)).id } }),
      expect: { anonymous: 401, otherEmployee: 404, employee: 404, otherwise: 200 },
    },
    {
      name: "/messaging/api/comments/{id}/ (agent's comment)",
      route: commentRoute,
      method: 'PATCH',
      path: '/messaging/api/comments/x/',
      options: async () => ({ params: { id: (await agentComment()).id }, body: { text: 'Edited' } }),
      expect: { anonymous: 401, otherEmployee: 404, agent: 200, otherwise: 403 },
      tables: TABLES,
    },
    {
      name: "/messaging/api/comments/{id}/ (agent's comment)",
      route: commentRoute,
      method: 'DELETE',
      path: '/messaging/api/comments/x/',
      options: async () => ({ params: { id: (await agentComment()).id } }),
      expect: { anonymous: 401, otherEmployee: 404, agent: 204, admin: 204, otherwise: 403 },
      tables: TABLES,
    },
    {
      name: '/messaging/api/comments/{id}/rate/',
      route: rateRoute,
      method: 'POST',
      path: '/messaging/api/comments/x/rate/',
      options: async () => ({ params: { id: (await agentComment()).id }, body: { rating: 'thumbs_up' } }),
      expect: { anonymous: 401, otherEmployee: 404, otherwise: 200 },
      tables: TABLES,
    },
    {
      name: '/messaging/api/messages/ticket/{ticket_id}/',
      route: messagesRoute,
      method: 'GET',
      path: '/messaging/api/messages/ticket/x/',
      options: () => ({ params: { ticket_id: T } }),
      expect: { anonymous: 401, otherEmployee: 404, employee: 403, otherwise: 200 },
    },
    {
      name: '/messaging/api/messages/ticket/{ticket_id}/',
      route: messagesRoute,
      method: 'POST',
      path: '/messaging/api/messages/ticket/x/',
      options: () => ({ params: { ticket_id: T }, body: { text: 'Status?' } }),
      expect: { anonymous: 401, otherEmployee: 404, employee: 403, otherwise: 201 },
      tables: TABLES,
    },
    {
      name: "/messaging/api/messages/ticket/{ticket_id}/{message_id}/ (agent's)",
      route: messageRoute,
      method: 'PATCH',
      path: '/messaging/api/messages/ticket/x/y/',
      options: async () => ({ params: { ticket_id: T, message_id: (await agentMessage()).id }, body: { text: 'Edited' } }),
      expect: { anonymous: 401, otherEmployee: 404, agent: 200, otherwise: 403 },
      tables: TABLES,
    },
    {
      name: "/messaging/api/messages/ticket/{ticket_id}/{message_id}/ (agent's)",
      route: messageRoute,
      method: 'DELETE',
      path: '/messaging/api/messages/ticket/x/y/',
      options: async () => ({ params: { ticket_id: T, message_id: (await agentMessage()).id } }),
      expect: { anonymous: 401, otherEmployee: 404, agent: 204, otherwise: 403 },
      tables: TABLES,
    },
    {
      name: "/messaging/api/messages/ticket/{ticket_id}/{message_id}/unsend/ (agent's)",
      route: unsendRoute,
      method: 'POST',
      path: '/messaging/api/messages/ticket/x/y/unsend/',
      options: async () => ({ params: { ticket_id: T, message_id: (await agentMessage()).id } }),
      expect: { anonymous: 401, otherEmployee: 404, agent: 200, otherwise: 403 },
      tables: TABLES,
    },
    {
      name: '/messaging/api/tickets/{ticket_id}/participants/ (no API key)',
      route: participantsRoute,
      method: 'POST',
      path: '/messaging/api/tickets/x/participants/',
      options: () => ({ params: { ticket_id: T }, body: { user_id: 1, role: 'agent' } }),
      expect: { otherwise: 401 },
      tables: ['messaging.ticket_participants'],
    },
  ]);
});

describe('participants endpoint (X-API-Key)', () => {
  it('records a participant with the key, who may then join the ticket room; rejects a wrong key', async () => {
    const ticket = unknownTicket();
    const other = (await actorOf('employee2'))!;
    expect(await ticketRoomsFor(other, ticket)).toEqual([]);
    const wrong = await call(participantsRoute, 'POST', '/x', {
      headers: { 'x-api-key': 'wrong-key-0123456789abcdef' },
      params: { ticket_id: ticket },
      body: { user_id: ids.employee2, role: 'requester' },
    });
    expect(wrong.status).toBe(401);
    const ok = await call(participantsRoute, 'POST', '/x', {
      headers: { 'x-api-key': 'test-service-key-0123456789abcdef' },
      params: { ticket_id: ticket },
      body: { user_id: ids.employee2, role: 'requester' },
    });
    expect(ok.status).toBe(201);
    expect(await ticketRoomsFor(other, ticket)).toEqual([`ticket:${ticket}`]);
  });
});

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('comments', () => {
  it("takes 002's integer ticket id as well as the ticket number, and answers with the number", async () => {
    const t = await threadTicket({ owner: null });
    const agent = await tokenFor('agent1');
    const posted = await call(commentsRoute, 'POST', '/x', { token: agent, body: { ticket_id: t.id, text: 'By id' } });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect(posted.body.ticket_id).toBe(t.number);
    const byId = await call(commentsRoute, 'GET', '/x', { token: agent, query: { ticket_id: String(t.id) } });
    const byNumber = await call(commentsRoute, 'GET', '/x', { token: agent, query: { ticket_id: t.number } });
    expect(byId.body.results.map((c: { id: number }) => c.id)).toEqual([posted.body.id]);
    expect(byId.body).toEqual(byNumber.body);
    const comments = await db.ticketComment.count();
    const bad = await call(commentsRoute, 'POST', '/x', { token: agent, body: { ticket_id: 'TX12', text: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.ticket_id[0]).toMatch(/TX \+ date/);
    expect(await db.ticketComment.count()).toBe(comments);
  });

  it('replies nest under their parent; the requester never sees internal comments; ratings are one per user', async () => {
    const ticket = await newTicket();
    const agent = await tokenFor('agent1');
    const employee = await tokenFor('employee1');
    const top = await call(commentsRoute, 'POST', '/x', { token: agent, body: { ticket_id: ticket, text: 'Public answer' } });
    expect(top.status).toBe(201);
    expect(top.body).toMatchObject({
      ticket_id: ticket,
      user_id: ids.agent1,
      username: 'agent1',
      text: 'Public answer',
      parent_id: null,
      is_internal: false,
    });
    await call(commentsRoute, 'POST', '/x', {
      token: agent,
      body: { ticket_id: ticket, text: 'Internal note', is_internal: true },
    });
    const reply = await call(commentsRoute, 'POST', '/x', {
      token: employee,
      body: { ticket_id: ticket, text: 'Thanks', parent_id: top.body.id },
    });
    expect(reply.status).toBe(201);
    const nested = await call(commentsRoute, 'POST', '/x', {
      token: agent,
      body: { ticket_id: ticket, text: 'x', parent_id: reply.body.id },
    });
    expect(nested.status).toBe(400);
    const otherTicket = await call(commentsRoute, 'POST', '/x', {
      token: await tokenFor('coordinator1'),
      body: { ticket_id: await newTicket(), text: 'x', parent_id: top.body.id },
    });
    expect(otherTicket.status).toBe(400);

    const asEmployee = await call(commentsRoute, 'GET', '/x', { token: employee, query: { ticket_id: ticket } });
    expect(asEmployee.body.count).toBe(1);
    expect(asEmployee.body.results[0].replies.map((r: { text: string }) => r.text)).toEqual(['Thanks']);
    const asAgent = await call(commentsRoute, 'GET', '/x', { token: agent, query: { ticket_id: ticket } });
    expect(asAgent.body.results.map((c: { text: string }) => c.text)).toEqual(['Public answer', 'Internal note']);

    await call(rateRoute, 'POST', '/x', { token: employee, params: { id: top.body.id }, body: { rating: 'thumbs_up' } });
    await call(rateRoute, 'POST', '/x', { token: employee, params: { id: top.body.id }, body: { rating: 'thumbs_up' } });
    let rated = await call(rateRoute, 'POST', '/x', { token: agent, params: { id: top.body.id }, body: { rating: 'thumbs_up' } });
    expect(rated.body.ratings).toEqual({ thumbs_up: 2, thumbs_down: 0 });
    rated = await call(rateRoute, 'POST', '/x', {
      token: employee,
      params: { id: top.body.id },
      body: { rating: 'thumbs_down' },
    });
    expect(rated.body.ratings).toEqual({ thumbs_up: 1, thumbs_down: 1 });
    expect(rated.body.my_rating).toBe('thumbs_down');
  });

  it('unsend keeps the message without its text; only the author may edit it', async () => {
    const agent = await tokenFor('agent1');
    const posted = await call(messagesRoute, 'POST', '/x', { token: agent, params: { ticket_id: T }, body: { text: 'Secret' } });
    const unsent = await call(unsendRoute, 'POST', '/x', { token: agent, params: { ticket_id: T, message_id: posted.body.id } });
    expect(unsent.body).toMatchObject({ is_unsent: true, text: '' });
    const twice = await call(unsendRoute, 'POST', '/x', { token: agent, params: { ticket_id: T, message_id: posted.body.id } });
    expect(twice.status).toBe(400);
    expect(twice.body.code).toBe('MESSAGE_UNSENT');
    const edit = await call(messageRoute, 'PATCH', '/x', {
      token: agent,
      params: { ticket_id: T, message_id: posted.body.id },
      body: { text: 'again' },
    });
    expect(edit.status).toBe(400);
  });
});

describe('notifications from comments', () => {
  it('a public comment notifies the requester once; an internal one the staff; mentions only reach those who may see it', async () => {
    const ticket = (await threadTicket()).number; // owned by coordinator1, assigned to agent1
    const agent = await tokenFor('agent1');
    const pub = await call(commentsRoute, 'POST', '/x', {
      token: agent,
      body: { ticket_id: ticket, text: 'Fixed, please check' },
    });
    const rowsFor = (where: object) => db.notification.findMany({ where: { ticketNumber: ticket, ...where } });
    await waitFor(
      () => rowsFor({ type: 'comment_public' }),
      (r) => r.length === 1,
    );
    expect((await rowsFor({ type: 'comment_public' }))[0].userId).toBe(ids.employee1);

    await call(commentsRoute, 'POST', '/x', {
      token: agent,
      body: { ticket_id: ticket, text: 'Note for the owner', is_internal: true },
    });
    const internal = await waitFor(
      () => rowsFor({ type: 'comment_internal' }),
      (r) => r.length === 1,
    );
    expect(internal[0].userId).toBe(ids.coordinator1);

    await call(commentsRoute, 'POST', '/x', {
      token: agent,
      body: { ticket_id: ticket, text: 'Internal: @employee1 @employee2 @coordinator1 see this', is_internal: true },
    });
    const mentions = await waitFor(
      () => rowsFor({ type: 'mention' }),
      (r) => r.length >= 1,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect((await rowsFor({ type: 'mention' })).map((m) => m.userId)).toEqual([ids.coordinator1]);
    expect(mentions).toHaveLength(1);

    // the notify job delivered again (at-least-once) creates nothing new
    const jobs = await db.$queryRaw<{ data: Parameters<typeof notifyJob.handler>[0] }[]>`
      SELECT data FROM pgboss.job WHERE name = 'notifications.notify' AND data->>'ticket_number' = ${ticket}
         AND data->>'type' IN ('comment_public', 'comment_internal', 'mention')`;
    expect(jobs.length).toBe(3);
    const before = await db.notification.count({ where: { ticketNumber: ticket } });
    for (const j of jobs) await notifyJob.handler(j.data, { id: 'again', retryCount: 1 });
    expect(await db.notification.count({ where: { ticketNumber: ticket } })).toBe(before);
    expect(pub.status).toBe(201);
  });
});
