/**
 * The requester's ticket thread is live: help-desk public comments reach `ticket:{n}` as `comment_update`
 * (with the comment as the ticket page renders it); internal notes never reach a socket the requester can
 * hold. Workflow changes go to the staff room only; a removed participant's sockets leave the rooms.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as commentsRoute from '@/app/(api)/hdts/api/tickets/[id]/comments/route';
import * as commentRoute from '@/app/(api)/hdts/api/v1/comments/[id]/route';
import type { Actor } from '@/lib/domain/actor';
import { addComment, deleteComment, updateComment } from '@/lib/domain/helpdesk/commands/comments';
import { createTicket } from '@/lib/domain/helpdesk/commands/create';
import { updateTicket } from '@/lib/domain/helpdesk/commands/edit';
import { getTicket } from '@/lib/domain/helpdesk/queries';
import { loadActor } from '@/lib/domain/identity/queries';
import { postTicketMessage } from '@/lib/domain/messaging/commands';
import { ticketParticipantJob } from '@/lib/domain/messaging/jobs';
import { publishTaskChange } from '@/lib/domain/workflow/notify';
import { db, transaction } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, makeUser, tokenFor } from '../helpers/api';
import { collect, connected, join, type RealtimeServer, startRealtimeServer, until } from '../helpers/realtime';

const job = { id: 'test', retryCount: 0 };
const actors: Record<string, Actor> = {};
let realtime: RealtimeServer;

/** A connected socket of the user. */
async function socketFor(username: string): Promise<Socket> {
  const s = realtime.socket(await tokenFor(username));
  await connected(s);
  return s;
}

const settle = () => new Promise((r) => setTimeout(r, 300));

/** A help-desk ticket of employee1, with the requester recorded as messaging participant (as the job does). */
async function ticketOfEmployee1() {
  const t = await createTicket(actors.employee1, {
    subject: 'Live thread',
    description: 'Comments appear live',
    category: 'Others',
    sub_category: null,
    department: null,
  });
  await ticketParticipantJob.handler({ ticket_number: t.ticket_number, user_id: actors.employee1.id, role: 'requester' }, job);
  return t;
}

beforeAll(async () => {
  await startJobs({ workers: false });
  for (const u of await db.user.findMany({
    where: { username: { in: ['employee1', 'employee2', 'coordinator1', 'agent1', 'admin'] } },
  })) {
    actors[u.username] = (await loadActor(u.id)) as Actor;
  }
  realtime = await startRealtimeServer();
});

afterAll(async () => {
  await realtime.close();
  await stopJobs();
});

describe('help-desk comments on the socket', () => {
  it("the requester's socket receives public comments (created, updated, deleted) and never an internal one", async () => {
    const t = await ticketOfEmployee1();
    const requester = await socketFor('employee1');
    const coordinator = await socketFor('coordinator1');
    const outsider = await socketFor('employee2');
    expect(await join(requester, t.ticket_number)).toEqual({ ok: true, internal: false });
    expect(await join(coordinator, t.ticket_number)).toEqual({ ok: true, internal: true });
    expect(await join(outsider, t.ticket_number)).toEqual({ ok: false, error: 'NOT_FOUND' });
    const atRequester = collect(requester, 'comment_update');
    const atCoordinator = collect(coordinator, 'comment_update');
    const atOutsider = collect(outsider, 'comment_update');
    const everythingAtRequester: unknown[] = [];
    requester.onAny((_event, data) => everythingAtRequester.push(data));

    // an internal note first: the requester's socket never hears of it; staff (internal room) get a bare
    // "changed" event without the text, and re-read through the API
    const note = await addComment(actors.coordinator1, t.id, { body: 'SECRET internal note', is_internal: true });
    await until(() => atCoordinator.length === 1);
    await settle();
    expect(atRequester).toEqual([]);
    expect(atCoordinator[0]).toEqual({
      type: 'comment_update',
      source: 'thread',
      action: 'created',
      comment_id: note.id,
      ticket_id: t.ticket_number,
      is_internal: true,
    });

    // a public comment through the REST route: the requester gets it as the page renders it
    const res = await call(commentsRoute, 'POST', `/hdts/api/tickets/${t.id}/comments/`, {
      token: await tokenFor('coordinator1'),
      params: { id: t.id },
      body: { comment: 'We are on it' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await until(() => atRequester.length === 1 && atCoordinator.length === 2);
    // the answer's 004 names (content, comment_type) are the REST answer's; the event carries the comment as rendered
    const { content: _content, comment_type: _type, ...rendered } = res.body;
    expect(atRequester[0]).toEqual({
      type: 'comment_update',
      source: 'thread',
      action: 'created',
      comment_id: res.body.id,
      ticket_id: t.ticket_number,
      is_internal: false,
      comment: rendered,
    });
    expect(atRequester[0].comment).toMatchObject({
      id: res.body.id,
      comment: 'We are on it',
      is_internal: false,
      user_name: expect.any(String),
      user_id: actors.coordinator1.id,
    });

    // the requester's own reply reaches staff in the room
    const reply = await addComment(actors.employee1, t.id, { body: 'Thanks!', is_internal: false });
    await until(() => atCoordinator.length === 3 && atRequester.length === 2);
    expect(atCoordinator[2]).toMatchObject({ action: 'created', comment_id: reply.id, comment: { comment: 'Thanks!' } });

    // edits and deletions of public comments follow; the internal note's never do
    await updateComment(actors.coordinator1, res.body.id, 'We are on it (edited)');
    await until(() => atRequester.length === 3);
    expect(atRequester[2]).toMatchObject({
      action: 'updated',
      comment_id: res.body.id,
      comment: { comment: 'We are on it (edited)' },
    });
    const del = await call(commentRoute, 'DELETE', `/hdts/api/v1/comments/${reply.id}/`, {
      token: await tokenFor('employee1'),
      params: { id: reply.id },
    });
    expect(del.status).toBe(204);
    await until(() => atRequester.length === 4);
    expect(atRequester[3]).toEqual({
      type: 'comment_update',
      source: 'thread',
      action: 'deleted',
      comment_id: reply.id,
      ticket_id: t.ticket_number,
      is_internal: false,
      comment: null,
    });
    await updateComment(actors.coordinator1, note.id, 'SECRET internal note, edited');
    await deleteComment(actors.coordinator1, note.id);
    await settle();
    expect(atRequester).toHaveLength(4);
    expect(atRequester.every((e) => e.is_internal === false)).toBe(true);
    expect(JSON.stringify(everythingAtRequester)).not.toContain('SECRET');
    expect(atOutsider).toEqual([]);
  });

  it('a public reply that mentions a colleague carries their name: the answer, the live event, the page data, the list', async () => {
    const t = await ticketOfEmployee1();
    const requester = await socketFor('employee1');
    expect(await join(requester, t.ticket_number)).toEqual({ ok: true, internal: false });
    const atRequester = collect(requester, 'comment_update');

    const text = 'Thanks for waiting. @agent1 will call you; `@coordinator2` is code. @nobody_here';
    const res = await call(commentsRoute, 'POST', `/hdts/api/tickets/${t.id}/comments/`, {
      token: await tokenFor('coordinator1'),
      params: { id: t.id },
      body: { comment: text },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // login → name for each mentioned person who exists (the text is the same; the renderer skips code)
    const mentions = { agent1: 'Sam Patel', coordinator2: 'Jordan Lee' };
    expect(res.body).toMatchObject({ comment: text, mentions });
    expect(res.body.mentions).not.toHaveProperty('nobody_here');

    await until(() => atRequester.length === 1);
    expect(atRequester[0]).toMatchObject({ action: 'created', comment_id: res.body.id, comment: { mentions } });

    // an edit renders the new text's mentions
    await updateComment(actors.coordinator1, res.body.id, 'Sorry, @admin takes it');
    await until(() => atRequester.length === 2);
    const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const adminName = `${admin.firstName} ${admin.lastName}`;
    expect(atRequester[1]).toMatchObject({ action: 'updated', comment: { mentions: { admin: adminName } } });
    expect(atRequester[1].comment.mentions).not.toHaveProperty('agent1');

    // the page data (ticket detail) and the comments list carry them the same way, for the requester too
    const page = await getTicket(actors.employee1, t.ticket_number);
    expect(page.comments.find((c) => c.id === res.body.id)?.mentions).toEqual({ admin: adminName });
    const list = await call(commentsRoute, 'GET', `/hdts/api/tickets/${t.id}/comments/`, {
      token: await tokenFor('employee1'),
      params: { id: t.id },
    });
    expect(list.status).toBe(200);
    expect(list.body.results.find((c: { id: number }) => c.id === res.body.id).mentions).toEqual({ admin: adminName });
    // a comment without mentions has none
    const plain = await addComment(actors.employee1, t.id, { body: 'ok, thanks', is_internal: false });
    expect(plain.mentions).toEqual({});
  });

  it('ticket changes reach the requester as ticket_update; workflow task changes reach only the staff room', async () => {
    const t = await ticketOfEmployee1();
    const requester = await socketFor('employee1');
    const coordinator = await socketFor('coordinator1');
    await join(requester, t.ticket_number);
    await join(coordinator, t.ticket_number);
    const atRequester = collect(requester, 'ticket_update');
    const atCoordinator = collect(coordinator, 'ticket_update');
    await updateTicket(actors.coordinator1, t.id, { subject: undefined, priority: 'High' });
    await until(() => atRequester.length === 1 && atCoordinator.length === 1);
    expect(atRequester[0]).toMatchObject({ type: 'ticket_update', source: 'helpdesk', ticket_number: t.ticket_number });
    await transaction(async (tx) =>
      publishTaskChange(tx, { ticketNumber: t.ticket_number, taskId: 1, action: 'task_transferred' }),
    );
    await until(() => atCoordinator.length === 2);
    expect(atCoordinator[1]).toEqual({
      type: 'ticket_update',
      source: 'workflow',
      ticket_number: t.ticket_number,
      task_id: 1,
      action: 'task_transferred',
    });
    await settle();
    expect(atRequester).toHaveLength(1);
  });
});

describe('participants removed by the job', () => {
  it("leave the ticket's rooms at once: no more events, and no rejoin", async () => {
    const t = await ticketOfEmployee1();
    const agent = await makeUser([['tts', 'Support Agent']]);
    await ticketParticipantJob.handler({ ticket_number: t.ticket_number, user_id: agent.id, role: 'agent' }, job);
    const s = await socketFor(agent.username);
    expect(await join(s, t.ticket_number)).toEqual({ ok: true, internal: true });
    const messages = collect(s, 'message_update');
    await postTicketMessage(actors.coordinator1, t.ticket_number, 'before');
    await until(() => messages.length === 1);
    await ticketParticipantJob.handler({ ticket_number: t.ticket_number, user_id: agent.id, role: 'agent', remove: true }, job);
    await postTicketMessage(actors.coordinator1, t.ticket_number, 'after');
    await settle();
    expect(messages).toHaveLength(1);
    expect(await join(s, t.ticket_number)).toEqual({ ok: false, error: 'NOT_FOUND' });
  });
});
