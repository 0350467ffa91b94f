/**
 * Assignees and the ticket's conversation: whoever a task is transferred or escalated away from leaves the
 * conversation (messaging participant removed through messaging.ticket_participant), unless they still hold
 * or have completed another assignment on the ticket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as escalateRoute from '@/app/(api)/tts/tasks/escalate/route';
import * as transferRoute from '@/app/(api)/tts/tasks/transfer/route';
import * as transitionsRoute from '@/app/(api)/tts/transitions/route';
import { loadActor } from '@/lib/domain/identity/queries';
import { ticketParticipantJob } from '@/lib/domain/messaging/jobs';
import { ticketRoomsFor } from '@/lib/domain/messaging/policy';
import { ticketAccess } from '@/lib/domain/messaging/ticket-access';
import { processTicketJob } from '@/lib/domain/workflow/jobs';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, tokenFor } from '../helpers/api';
import { jobsFor, payload, taskOf, threeStepWorkflow, tokenOf } from './workflow-support';

const job = { id: 'test', retryCount: 0 };

beforeAll(async () => {
  await startJobs({ workers: false });
});
afterAll(async () => {
  await stopJobs();
});

/** Run the ticket's participant jobs in the order they were enqueued, as the worker would (or newest first). */
async function runParticipantJobs(ticket: string, o: { newestFirst?: boolean } = {}) {
  const jobs = await jobsFor('messaging.ticket_participant', ticket);
  for (const j of o.newestFirst ? jobs.reverse() : jobs) {
    await ticketParticipantJob.handler(ticketParticipantJob.schema.parse(j.data), job);
  }
}

const agentRow = (ticket: string, userId: number) =>
  db.ticketParticipant.findFirst({ where: { ticketNumber: ticket, userId, role: 'agent', removedAt: null } });

/**
 * May the user join the ticket's live internal room (messaging's participants)? 200 when they may join the
 * conversation's rooms, 404 when not. (The thread's rows are the help desk's, read with its own rules:
 * these workflow-only tickets have no help-desk row.)
 */
async function canReadConversation(user: { id: number; username: string }, ticket: string) {
  const who = (await loadActor(user.id))!;
  const rooms = await ticketRoomsFor(who, ticket);
  const access = await ticketAccess().canSee(who, ticket);
  return { status: rooms.includes(`ticket:${ticket}:internal`) ? 200 : 404, internal: access.internal };
}

describe('transfer and escalation take the previous assignee out of the conversation', () => {
  it('transfer-out: the old assignee loses the internal conversation, the new one joins it', async () => {
    const wf = await threeStepWorkflow({ members: [2, 1, 1] });
    const p = payload({ department: wf.department });
    await processTicketJob.handler(p, job);
    const first = (await taskOf(p.ticket_number))!.items[0];
    const from = wf.roles.triage.users.find((u) => u.id === first.userId)!;
    const to = wf.roles.triage.users.find((u) => u.id !== first.userId)!;
    await runParticipantJobs(p.ticket_number);
    expect(await agentRow(p.ticket_number, from.id)).not.toBeNull();
    expect(await canReadConversation(from, p.ticket_number)).toEqual({ status: 200, internal: true });

    const res = await call(transferRoute, 'POST', '/tts/tasks/transfer/', {
      token: await tokenFor('admin'),
      body: { task_item_id: first.id, user_id: to.id, notes: 'balancing' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const jobs = (await jobsFor('messaging.ticket_participant', p.ticket_number)).map((j) => j.data);
    expect(jobs).toEqual(
      expect.arrayContaining([
        { ticket_number: p.ticket_number, user_id: to.id, role: 'agent', changed_at: expect.any(String) },
        { ticket_number: p.ticket_number, user_id: from.id, role: 'agent', remove: true, changed_at: expect.any(String) },
      ]),
    );
    await runParticipantJobs(p.ticket_number);
    expect(await agentRow(p.ticket_number, from.id)).toBeNull();
    expect(await agentRow(p.ticket_number, to.id)).not.toBeNull();
    expect(await canReadConversation(from, p.ticket_number)).toEqual({ status: 404, internal: false });
    expect(await canReadConversation(to, p.ticket_number)).toEqual({ status: 200, internal: true });
  });

  it('escalation-out: the escalating agent leaves the conversation too', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1], escalationMembers: 1 });
    const p = payload({ department: wf.department });
    await processTicketJob.handler(p, job);
    const first = (await taskOf(p.ticket_number))!.items[0];
    const me = wf.roles.triage.users[0];
    await runParticipantJobs(p.ticket_number);
    const res = await call(escalateRoute, 'POST', '/tts/tasks/escalate/', {
      token: await tokenOf(me),
      body: { task_item_id: first.id, reason: 'too hard' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await runParticipantJobs(p.ticket_number);
    expect(await agentRow(p.ticket_number, me.id)).toBeNull();
    expect(await canReadConversation(me, p.ticket_number)).toEqual({ status: 404, internal: false });
    expect(await canReadConversation(wf.roles.escalation.users[0], p.ticket_number)).toEqual({ status: 200, internal: true });
  });

  it('an agent who completed an earlier step stays when a later assignment of theirs is transferred away', async () => {
    const wf = await threeStepWorkflow({ members: [1, 2, 1] });
    const me = wf.roles.triage.users[0];
    // also a member of the Resolution role, so the triage assignee can hand the next step to themself
    await db.userRole.create({ data: { userId: me.id, roleId: wf.roles.resolution.role.id } });
    const p = payload({ department: wf.department });
    await processTicketJob.handler(p, job);
    const first = (await taskOf(p.ticket_number))!.items[0];
    expect(first.userId).toBe(me.id);
    const submit = await db.workflowTransition.findFirstOrThrow({ where: { workflowId: wf.id, name: 'submit' } });
    const moved = await call(transitionsRoute, 'POST', '/tts/transitions/', {
      token: await tokenOf(me),
      body: { task_item_id: first.id, transition_id: submit.id, notes: 'triaged', next_assignee_id: me.id },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const second = (await taskOf(p.ticket_number))!.items[1];
    expect([second.userId, second.status]).toEqual([me.id, 'new']);
    const other = wf.roles.resolution.users[0];
    const res = await call(transferRoute, 'POST', '/tts/tasks/transfer/', {
      token: await tokenFor('admin'),
      body: { task_item_id: second.id, user_id: other.id, notes: 'x' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const removals = (await jobsFor('messaging.ticket_participant', p.ticket_number)).filter((j) => j.data.remove);
    expect(removals).toEqual([]);
    await runParticipantJobs(p.ticket_number);
    expect(await canReadConversation(me, p.ticket_number)).toEqual({ status: 200, internal: true });
  });

  it('transferred away and straight back: the agent stays in the conversation whatever order the jobs run in', async () => {
    const wf = await threeStepWorkflow({ members: [2, 1, 1] });
    const p = payload({ department: wf.department });
    await processTicketJob.handler(p, job);
    const first = (await taskOf(p.ticket_number))!.items[0];
    const me = wf.roles.triage.users.find((u) => u.id === first.userId)!;
    const other = wf.roles.triage.users.find((u) => u.id !== first.userId)!;
    const admin = await tokenFor('admin');
    const away = await call(transferRoute, 'POST', '/tts/tasks/transfer/', {
      token: admin,
      body: { task_item_id: first.id, user_id: other.id, notes: 'away' },
    });
    expect(away.status, JSON.stringify(away.body)).toBe(200);
    const moved = (await taskOf(p.ticket_number))!.items.find((i) => i.userId === other.id && i.status === 'new')!;
    const back = await call(transferRoute, 'POST', '/tts/tasks/transfer/', {
      token: admin,
      body: { task_item_id: moved.id, user_id: me.id, notes: 'back' },
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);

    // the worker may deliver them in any order: run them newest first
    const jobs = await jobsFor('messaging.ticket_participant', p.ticket_number);
    expect(jobs.filter((j) => j.data.user_id === me.id).map((j) => !!j.data.remove)).toEqual([false, true, false]);
    await runParticipantJobs(p.ticket_number, { newestFirst: true });
    expect(await agentRow(p.ticket_number, me.id)).not.toBeNull();
    expect(await canReadConversation(me, p.ticket_number)).toEqual({ status: 200, internal: true });
    expect(await agentRow(p.ticket_number, other.id)).toBeNull();
    expect(await canReadConversation(other, p.ticket_number)).toEqual({ status: 404, internal: false });
  });
});

describe('participant changes delivered out of order', () => {
  const change = (ticket: string, userId: number, at: string, remove?: boolean, role: 'agent' | 'assignee' = 'agent') =>
    ticketParticipantJob.handler(
      { ticket_number: ticket, user_id: userId, role, changed_at: at, ...(remove ? { remove } : {}) },
      job,
    );

  it('an older removal arriving after a newer join changes nothing; a newer removal still applies', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const ticket = payload({ department: wf.department }).ticket_number;
    const user = wf.roles.triage.users[0];
    await change(ticket, user.id, '2026-11-30T10:00:02.000Z');
    await change(ticket, user.id, '2026-11-30T10:00:01.000Z', true);
    expect(await agentRow(ticket, user.id)).not.toBeNull();
    await change(ticket, user.id, '2026-11-30T10:00:03.000Z', true);
    expect(await agentRow(ticket, user.id)).toBeNull();
    // a join older than that removal does not bring them back; a removal delivered twice is harmless
    await change(ticket, user.id, '2026-11-30T10:00:02.500Z');
    await change(ticket, user.id, '2026-11-30T10:00:03.000Z', true);
    expect(await agentRow(ticket, user.id)).toBeNull();
    expect(await db.ticketParticipant.count({ where: { ticketNumber: ticket, userId: user.id } })).toBe(1);
  });

  it("a workflow transfer-out leaves the help desk's own assignment (role assignee) in place", async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const ticket = payload({ department: wf.department }).ticket_number;
    const user = wf.roles.triage.users[0];
    await change(ticket, user.id, '2026-11-30T10:00:01.000Z', false, 'assignee');
    await change(ticket, user.id, '2026-11-30T10:00:02.000Z');
    await change(ticket, user.id, '2026-11-30T10:00:03.000Z', true);
    expect(await agentRow(ticket, user.id)).toBeNull();
    expect(await canReadConversation(user, ticket)).toEqual({ status: 200, internal: true });
  });

  it('a fetched batch: per participant the newest change of the batch wins, older than the table changes nothing', async () => {
    const wf = await threeStepWorkflow({ members: [2, 1, 1] });
    const ticket = payload({ department: wf.department }).ticket_number;
    const [a, b] = wf.roles.triage.users;
    const at = (s: number) => `2026-11-30T10:00:0${s}.000Z`;
    await change(ticket, b.id, at(5)); // already in the table, newer than the batch's removal of b
    const batch = [
      { ticket_number: ticket, user_id: a.id, role: 'agent' as const, changed_at: at(3), remove: true },
      { ticket_number: ticket, user_id: a.id, role: 'agent' as const, changed_at: at(4) },
      { ticket_number: ticket, user_id: a.id, role: 'agent' as const, changed_at: at(2), remove: true },
      { ticket_number: ticket, user_id: b.id, role: 'agent' as const, changed_at: at(4), remove: true },
      { ticket_number: ticket, user_id: a.id, role: 'owner' as const, changed_at: at(1) },
    ];
    await ticketParticipantJob.batchHandler?.(batch);
    await ticketParticipantJob.batchHandler?.(batch); // delivered again: nothing changes
    expect(await agentRow(ticket, a.id)).not.toBeNull();
    expect(await agentRow(ticket, b.id)).not.toBeNull();
    const rows = await db.ticketParticipant.findMany({
      where: { ticketNumber: ticket },
      orderBy: [{ userId: 'asc' }, { role: 'asc' }],
    });
    expect(rows.map((r) => [r.userId, r.role, r.removedAt])).toEqual([
      [a.id, 'agent', null],
      [a.id, 'owner', null],
      [b.id, 'agent', null],
    ]);
    await ticketParticipantJob.batchHandler?.([
      { ticket_number: ticket, user_id: b.id, role: 'agent', changed_at: at(6), remove: true },
    ]);
    expect(await agentRow(ticket, b.id)).toBeNull();
  });

  it('a removal that arrives before its join leaves the user out', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const ticket = payload({ department: wf.department }).ticket_number;
    const user = wf.roles.triage.users[0];
    await change(ticket, user.id, '2026-11-30T10:00:05.000Z', true);
    await change(ticket, user.id, '2026-11-30T10:00:04.000Z');
    expect(await agentRow(ticket, user.id)).toBeNull();
    expect(await canReadConversation(user, ticket)).toEqual({ status: 404, internal: false });
  });
});
