import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as auditRoute from '@/app/(api)/tts/audit/route';
import * as actionRoute from '@/app/(api)/tts/tasks/[id]/action/route';
import * as availableRoute from '@/app/(api)/tts/tasks/[id]/available-actions/route';
import * as taskRoute from '@/app/(api)/tts/tasks/[id]/route';
import * as detailRoute from '@/app/(api)/tts/tasks/detail/[task_item_id]/route';
import * as escalateRoute from '@/app/(api)/tts/tasks/escalate/route';
import * as logsRoute from '@/app/(api)/tts/tasks/logs/route';
import * as myTasksRoute from '@/app/(api)/tts/tasks/my-tasks/route';
import * as ownedRoute from '@/app/(api)/tts/tasks/owned-tickets/route';
import * as tasksRoute from '@/app/(api)/tts/tasks/route';
import * as ownerEscalateRoute from '@/app/(api)/tts/tasks/ticket-owner/escalate/route';
import * as ownerTransferRoute from '@/app/(api)/tts/tasks/ticket-owner/transfer/route';
import * as transferRoute from '@/app/(api)/tts/tasks/transfer/route';
import * as vizRoute from '@/app/(api)/tts/tasks/workflow-visualization/route';
import * as transitionsRoute from '@/app/(api)/tts/transitions/route';
import * as assignRoute from '@/app/(api)/tts/unassigned-tickets/[ticket_number]/assign/route';
import * as unassignedRoute from '@/app/(api)/tts/unassigned-tickets/route';
import * as deployRoute from '@/app/(api)/tts/workflows/[id]/deploy/route';
import * as pauseRoute from '@/app/(api)/tts/workflows/[id]/pause/route';
import * as workflowRoute from '@/app/(api)/tts/workflows/[id]/route';
import * as workflowsRoute from '@/app/(api)/tts/workflows/route';
import { PermanentJobError } from '@/lib/domain/jobs';
import { processTicketJob, receiveHdtsTicketStatusJob } from '@/lib/domain/workflow/jobs';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, makeUser, snapshot, tokenFor } from '../helpers/api';
import {
  helpdeskDeliveries,
  jobsFor,
  payload,
  roleWithMembers,
  taskOf,
  threeStepWorkflow,
  tokenOf,
  WORKFLOW_TABLES,
} from './workflow-support';

const job = { id: 'test', retryCount: 0 };
const deliver = (p: ReturnType<typeof payload>) => processTicketJob.handler(p, job);

beforeAll(async () => {
  await startJobs({ workers: false });
});
afterAll(async () => {
  await stopJobs();
});

async function act(token: string, task_item_id: number, transition_id: number | null, notes = 'done') {
  return call(transitionsRoute, 'POST', '/tts/transitions/', { token, body: { task_item_id, transition_id, notes } });
}

async function transitionId(workflowId: number, name: string) {
  const t = await db.workflowTransition.findFirstOrThrow({ where: { workflowId, name } });
  return t.id;
}

describe('workflow definitions', () => {
  it('creates with steps and transitions in one request, gets, lists with filters and updates', async () => {
    const wf = await threeStepWorkflow({ deploy: false });
    const admin = await tokenFor('admin');
    const got = await call(workflowRoute, 'GET', `/tts/workflows/${wf.id}/`, { token: admin, params: { id: wf.id } });
    expect(got.status).toBe(200);
    expect(got.body.status).toBe('draft');
    expect(got.body.steps.map((s: { name: string }) => s.name)).toEqual(['Triage', 'Resolution', 'Verification']);
    expect(got.body.transitions).toHaveLength(3);
    expect(got.body.high_sla).toBe('8 hours');
    expect(got.body.sla.medium).toBe('P2D');
    const list = await call(workflowsRoute, 'GET', '/tts/workflows/', {
      token: admin,
      query: { department: wf.department, status: 'draft' },
    });
    expect(list.body.count).toBe(1);
    const published = await call(workflowsRoute, 'GET', '/tts/workflows/', {
      token: admin,
      query: { department: wf.department, is_published: 'true' },
    });
    expect(published.body.count).toBe(0);
    const upd = await call(workflowRoute, 'PATCH', `/tts/workflows/${wf.id}/`, {
      token: admin,
      params: { id: wf.id },
      body: { name: 'Renamed', low_sla: '6 days' },
    });
    expect(upd.status).toBe(200);
    expect(upd.body.name).toBe('Renamed');
    expect(upd.body.low_sla).toBe('6 days');
    expect(upd.body.steps).toHaveLength(3);
  });

  it('refuses SLAs out of order, naming the pair, and changes nothing', async () => {
    const admin = await tokenFor('admin');
    const before = await snapshot(WORKFLOW_TABLES);
    const res = await call(workflowsRoute, 'POST', '/tts/workflows/', {
      token: admin,
      body: { name: 'Bad', department: 'D', category: 'C', urgent_sla: 'PT8H', high_sla: 'PT4H' },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.urgent_sla).toEqual(['urgent_sla must be shorter than high_sla']);
    const bad = await call(workflowsRoute, 'POST', '/tts/workflows/', {
      token: admin,
      body: { name: 'Bad', department: 'D', category: 'C', low_sla: 'whenever' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.low_sla).toBeDefined();
    expect(await snapshot(WORKFLOW_TABLES)).toEqual(before);
  });

  it('refuses to deploy, listing every problem', async () => {
    const admin = await tokenFor('admin');
    const empty = await roleWithMembers(0, 'Empty');
    const ok = await roleWithMembers(1, 'Ok');
    const created = await call(workflowsRoute, 'POST', '/tts/workflows/', {
      token: admin,
      body: {
        name: 'Broken',
        department: 'Broken Dept',
        category: 'X',
        steps: [
          { name: 'A', role_id: ok.role.id, is_start: true },
          { name: 'B', role_id: empty.role.id },
          { name: 'C', role_id: ok.role.id },
        ],
        transitions: [{ from_step: 'A', to_step: 'B', name: 'go' }],
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.workflow_id;
    const res = await call(deployRoute, 'POST', `/tts/workflows/${id}/deploy/`, { token: admin, params: { id } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('WORKFLOW_INVALID');
    expect(res.body.details.problems).toEqual([
      'No end step: flag at least one step as end',
      'Step "C" cannot be reached from the start step',
      'Step "B" is not an end step and has no outgoing transition',
      'Step "C" is not an end step and has no outgoing transition',
      expect.stringMatching(/^Step "B": role ".*" has no active member$/),
    ]);
    const wf = await db.workflow.findUniqueOrThrow({ where: { id } });
    expect(wf.status).toBe('draft');
  });

  it('refuses a transition that names a missing step and a non-TTS role', async () => {
    const admin = await tokenFor('admin');
    const hdtsRole = await db.role.findUniqueOrThrow({ where: { system_name: { system: 'hdts', name: 'Employee' } } });
    const res = await call(workflowsRoute, 'POST', '/tts/workflows/', {
      token: admin,
      body: {
        name: 'X',
        department: 'D',
        category: 'C',
        steps: [{ name: 'A', role_id: hdtsRole.id, is_start: true, is_end: true }],
        transitions: [{ from_step: 'A', to_step: 'Nowhere', name: 'go' }],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.details['steps.0.role_id']).toBeDefined();
    expect(res.body.details['transitions.0.to_step']).toEqual(['No step "Nowhere" in this workflow']);
  });

  it('freezes a version at deploy: a task keeps running on it after the definition changes', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const p = payload({ department: wf.department });
    await deliver(p);
    const admin = await tokenFor('admin');
    // Replace the definition entirely (new step ids) and redeploy.
    const upd = await call(workflowRoute, 'PUT', `/tts/workflows/${wf.id}/`, {
      token: admin,
      params: { id: wf.id },
      body: { steps: [{ name: 'Only', role_id: wf.roles.triage.role.id, is_start: true, is_end: true }], transitions: [] },
    });
    expect(upd.status).toBe(200);
    const redeploy = await call(deployRoute, 'POST', `/tts/workflows/${wf.id}/deploy/`, { token: admin, params: { id: wf.id } });
    expect(redeploy.body.version).toBe(2);
    const task = (await taskOf(p.ticket_number))!;
    const version = await db.workflowVersion.findUniqueOrThrow({ where: { id: task.versionId } });
    expect(version.version).toBe(1);
    const snap = version.snapshot as { transitions: { id: number; name: string }[] };
    const submit = snap.transitions.find((t) => t.name === 'submit')!;
    const res = await act(await tokenOf(wf.roles.triage.users[0]), task.items[0].id, submit.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.next_step).toBe('Resolution');
  });

  it('pauses (no more routing) and refuses to delete while tasks are open', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const p = payload({ department: wf.department });
    await deliver(p);
    const admin = await tokenFor('admin');
    const del = await call(workflowRoute, 'DELETE', `/tts/workflows/${wf.id}/`, { token: admin, params: { id: wf.id } });
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('WORKFLOW_IN_USE');
    const pause = await call(pauseRoute, 'POST', `/tts/workflows/${wf.id}/pause/`, { token: admin, params: { id: wf.id } });
    expect(pause.status).toBe(200);
    const p2 = payload({ department: wf.department });
    await deliver(p2);
    const t2 = await db.workflowTicket.findUniqueOrThrow({ where: { ticketNumber: p2.ticket_number } });
    expect(t2.unassignedCode).toBe('WORKFLOW_NOT_FOUND');
    // Withdraw closes the open task; then deleting is allowed and the finished task keeps its version.
    await receiveHdtsTicketStatusJob.handler({ ticket_number: p.ticket_number, status: 'Withdrawn' }, job);
    const del2 = await call(workflowRoute, 'DELETE', `/tts/workflows/${wf.id}/`, { token: admin, params: { id: wf.id } });
    expect(del2.status).toBe(204);
    expect((await taskOf(p.ticket_number))?.status).toBe('closed');
  });
});

describe('tickets entering a workflow', () => {
  it('creates a task: owner coordinator, first assignee from the start role, owner sent to the help desk', async () => {
    const wf = await threeStepWorkflow();
    const p = payload({ department: wf.department });
    await deliver(p);
    const task = (await taskOf(p.ticket_number))!;
    expect(task.status).toBe('pending');
    expect(task.items).toHaveLength(1);
    expect(wf.roles.triage.users.map((u) => u.id)).toContain(task.items[0].userId);
    const coordinators = await db.user.findMany({ where: { username: { in: ['coordinator1', 'coordinator2'] } } });
    expect(coordinators.map((c) => c.id)).toContain(task.ownerId);
    const owner = await helpdeskDeliveries('owner', p.ticket_number);
    expect(owner).toEqual([{ ticket_number: p.ticket_number, owner_id: task.ownerId }]);
    const told = await jobsFor('notifications.notify', p.ticket_number);
    expect(told.map((j) => [j.data.type, j.data.user_ids, j.data.link])).toEqual([
      ['task_assigned', [task.items[0].userId], `/agent/tasks/${task.id}`],
    ]);
  });

  it('a second delivery of the same ticket changes nothing (DUPLICATE_TICKET)', async () => {
    const wf = await threeStepWorkflow();
    const p = payload({ department: wf.department });
    await deliver(p);
    const before = await snapshot(WORKFLOW_TABLES);
    await deliver(p);
    await deliver({ ...p, subject: 'changed' });
    expect(await snapshot(WORKFLOW_TABLES)).toEqual(before);
  });

  it('an invalid payload is a permanent failure (INVALID_PAYLOAD)', async () => {
    const before = await snapshot(WORKFLOW_TABLES);
    const err = await processTicketJob.handler({ ...payload(), ticket_number: 'nope' } as never, job).catch((e) => e);
    expect(err).toBeInstanceOf(PermanentJobError);
    expect(err.code).toBe('INVALID_PAYLOAD');
    expect(await snapshot(WORKFLOW_TABLES)).toEqual(before);
  });

  it('an exact sub-category match wins over a generic workflow', async () => {
    const generic = await threeStepWorkflow({ members: [1, 1, 1] });
    const exact = await threeStepWorkflow({ members: [1, 1, 1], department: generic.department, subCategory: 'VPN' });
    const p = payload({ department: generic.department, sub_category: 'vpn' });
    await deliver(p);
    expect((await taskOf(p.ticket_number))?.workflowId).toBe(exact.id);
    const p2 = payload({ department: generic.department, sub_category: 'Printer' });
    await deliver(p2);
    expect((await taskOf(p2.ticket_number))?.workflowId).toBe(generic.id);
  });

  it('two candidates at the same level are a configuration error, never an arbitrary pick', async () => {
    const a = await threeStepWorkflow({ members: [1, 1, 1] });
    await threeStepWorkflow({ members: [1, 1, 1], department: a.department });
    const p = payload({ department: a.department });
    await deliver(p);
    expect(await taskOf(p.ticket_number)).toBeNull();
    const t = await db.workflowTicket.findUniqueOrThrow({ where: { ticketNumber: p.ticket_number } });
    expect(t.routing).toBe('unassigned');
    expect(t.unassignedCode).toBe('AMBIGUOUS_WORKFLOW');
    expect(t.unassignedReason).toMatch(/Configuration error/);
    const reports = await db.$queryRaw<
      { data: { type: string; user_ids: number[] } }[]
    >`SELECT data FROM pgboss.job WHERE name = 'notifications.notify' AND data->>'ticket_number' = ${p.ticket_number}`;
    const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' } });
    expect(reports.map((r) => r.data.type)).toEqual(['workflow_unassigned']);
    expect(reports[0].data.user_ids).toContain(admin.id);
  });

  it('no match → unassigned with WORKFLOW_NOT_FOUND, listed for admins; manual assignment routes it like automatic routing', async () => {
    const p = payload({ department: 'Nowhere Department' });
    await deliver(p);
    const admin = await tokenFor('admin');
    const list = await call(unassignedRoute, 'GET', '/tts/unassigned-tickets/', {
      token: admin,
      query: { search: p.ticket_number },
    });
    expect(list.body.results).toEqual([
      expect.objectContaining({ ticket_number: p.ticket_number, reason_code: 'WORKFLOW_NOT_FOUND' }),
    ]);
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const assigned = await call(assignRoute, 'POST', `/tts/unassigned-tickets/${p.ticket_number}/assign/`, {
      token: admin,
      params: { ticket_number: p.ticket_number },
      body: { workflow_id: wf.id },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const task = (await taskOf(p.ticket_number))!;
    expect(task.items[0].userId).toBe(wf.roles.triage.users[0].id);
    expect(task.ownerId).not.toBeNull();
    expect(await helpdeskDeliveries('owner', p.ticket_number)).toHaveLength(1);
    const again = await call(assignRoute, 'POST', `/tts/unassigned-tickets/${p.ticket_number}/assign/`, {
      token: admin,
      params: { ticket_number: p.ticket_number },
      body: { workflow_id: wf.id },
    });
    expect(again.status).toBe(409);
    const agent = await call(assignRoute, 'POST', `/tts/unassigned-tickets/${p.ticket_number}/assign/`, {
      token: await tokenFor('agent1'),
      params: { ticket_number: p.ticket_number },
      body: { workflow_id: wf.id },
    });
    expect(agent.status).toBe(403);
  });

  it('a start role without active members leaves no task: unassigned with the reason', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    await db.user.update({ where: { id: wf.roles.triage.users[0].id }, data: { isActive: false } });
    const p = payload({ department: wf.department });
    const before = await db.task.count();
    await deliver(p);
    expect(await db.task.count()).toBe(before);
    const t = await db.workflowTicket.findUniqueOrThrow({ where: { ticketNumber: p.ticket_number } });
    expect(t.unassignedCode).toBe('NO_ACTIVE_MEMBER');
    expect(await helpdeskDeliveries('owner', p.ticket_number)).toHaveLength(0);
  });

  it('no active coordinator: the task starts without an owner, the admins are told and the ticket needs attention', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const coordinators = await db.user.findMany({
      where: { isActive: true, roles: { some: { role: { system: 'hdts', name: 'Ticket Coordinator' } } } },
      select: { id: true },
    });
    await db.user.updateMany({ where: { id: { in: coordinators.map((c) => c.id) } }, data: { isActive: false } });
    try {
      const p = payload({ department: wf.department });
      await deliver(p);
      const task = (await taskOf(p.ticket_number))!;
      expect(task.ownerId).toBeNull();
      expect(task.items).toHaveLength(1);
      const notices = (await jobsFor('notifications.notify', p.ticket_number)).filter((j) =>
        String(j.data.title).includes('has no owner'),
      );
      const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' } });
      expect(notices.length).toBe(1);
      expect(notices[0].data.user_ids).toContain(admin.id);
      const list = await call(unassignedRoute, 'GET', '/tts/unassigned-tickets/', { token: await tokenFor('admin') });
      expect(list.body.results).toContainEqual(
        expect.objectContaining({ ticket_number: p.ticket_number, reason_code: 'NO_ACTIVE_COORDINATOR', needs: 'owner' }),
      );
      // an owner at last: the ticket leaves the list
      await db.user.updateMany({ where: { id: { in: coordinators.map((c) => c.id) } }, data: { isActive: true } });
      const moved = await call(ownerTransferRoute, 'POST', '/tts/tasks/ticket-owner/transfer/', {
        token: await tokenFor('admin'),
        body: { ticket_number: p.ticket_number, new_owner_id: coordinators[0].id },
      });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      const after = await call(unassignedRoute, 'GET', '/tts/unassigned-tickets/', { token: await tokenFor('admin') });
      expect(after.body.results.map((r: { ticket_number: string }) => r.ticket_number)).not.toContain(p.ticket_number);
    } finally {
      await db.user.updateMany({ where: { id: { in: coordinators.map((c) => c.id) } }, data: { isActive: true } });
    }
  });

  it('round-robin is fair under concurrency: four simultaneous tickets → 1, 2, 3, 1; inactive members skipped', async () => {
    const wf = await threeStepWorkflow({ members: [3, 1, 1] });
    const [u1, u2, u3] = wf.roles.triage.users;
    const tickets = [
      payload({ department: wf.department }),
      payload({ department: wf.department }),
      payload({ department: wf.department }),
      payload({ department: wf.department }),
    ];
    await Promise.all(tickets.map(deliver));
    const assignees = [];
    for (const t of tickets) assignees.push((await taskOf(t.ticket_number))!.items[0]);
    const ordered = assignees.sort((a, b) => a.id - b.id).map((i) => i.userId);
    const counts = new Map<number, number>();
    for (const id of ordered) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(counts.get(u1.id)).toBe(2);
    expect(counts.get(u2.id)).toBe(1);
    expect(counts.get(u3.id)).toBe(1);
    // Counter order: the four values 1..4 went to u1, u2, u3, u1.
    const counter = await db.roundRobinCounter.findUniqueOrThrow({ where: { key: `role:${wf.roles.triage.role.id}` } });
    expect(Number(counter.value)).toBe(4);
    await db.user.update({ where: { id: u2.id }, data: { isActive: false } });
    const next = [payload({ department: wf.department }), payload({ department: wf.department })];
    for (const t of next) await deliver(t);
    const later = [];
    for (const t of next) later.push((await taskOf(t.ticket_number))!.items[0].userId);
    expect(later.every((id) => id !== u2.id)).toBe(true);
  });
});

describe('acting on tasks', () => {
  it('a wrong-step transition changes nothing; a non-assignee gets 403; notes are required', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const p = payload({ department: wf.department });
    await deliver(p);
    const task = (await taskOf(p.ticket_number))!;
    const triager = await tokenOf(wf.roles.triage.users[0]);
    const specialistToken = await tokenOf(wf.roles.resolution.users[0]);
    const coordinator = await db.user.findUniqueOrThrow({ where: { id: task.ownerId! } });
    const coordinatorToken = await tokenOf(coordinator);
    const before = await snapshot(WORKFLOW_TABLES);
    const wrong = await act(triager, task.items[0].id, await transitionId(wf.id, 'resolve'));
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('INVALID_TRANSITION');
    expect(wrong.body.details).toMatchObject({
      current_step: 'Triage',
      attempted_transition: 'resolve',
      available_transitions: ['submit'],
    });
    // a transition that does not exist at all is a 404 (003)
    const unknown = await act(triager, task.items[0].id, 987654);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('TRANSITION_NOT_FOUND');
    const finalize = await act(triager, task.items[0].id, null);
    expect(finalize.status).toBe(400);
    const other = await act(specialistToken, task.items[0].id, await transitionId(wf.id, 'submit'));
    expect(other.status).toBe(404);
    const owner = await act(coordinatorToken, task.items[0].id, await transitionId(wf.id, 'submit'));
    expect(owner.status).toBe(403);
    const noNotes = await call(transitionsRoute, 'POST', '/tts/transitions/', {
      token: triager,
      body: { task_item_id: task.items[0].id, transition_id: await transitionId(wf.id, 'submit'), notes: ' ' },
    });
    expect(noNotes.status).toBe(400);
    expect(await snapshot(WORKFLOW_TABLES)).toEqual(before);
  });

  it('moves through the steps, loops back with fresh assignments, lets one user act at two steps, and finalizes', async () => {
    const shared = await makeUser([]);
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    // The same user holds the triage and the verification roles.
    await db.userRole.create({ data: { userId: shared.id, roleId: wf.roles.verification.role.id } });
    await db.userRole.delete({
      where: { userId_roleId: { userId: wf.roles.verification.users[0].id, roleId: wf.roles.verification.role.id } },
    });
    await db.userRole.create({ data: { userId: shared.id, roleId: wf.roles.triage.role.id } });
    await db.userRole.delete({
      where: { userId_roleId: { userId: wf.roles.triage.users[0].id, roleId: wf.roles.triage.role.id } },
    });
    const p = payload({ department: wf.department });
    await deliver(p);
    const me = await tokenOf(shared);
    const specialist = await tokenOf(wf.roles.resolution.users[0]);
    let task = (await taskOf(p.ticket_number))!;
    expect(task.items[0].userId).toBe(shared.id);

    const r1 = await act(me, task.items[0].id, await transitionId(wf.id, 'submit'), 'triaged');
    expect(r1.status, JSON.stringify(r1.body)).toBe(200);
    expect(r1.body).toMatchObject({
      status: 'success',
      new_status: 'resolved',
      next_step: 'Resolution',
      next_assignee: expect.any(String),
    });
    const reject = await act(specialist, r1.body.next_task_item_id, await transitionId(wf.id, 'reject'), 'needs more info');
    expect(reject.status).toBe(200);
    expect(reject.body.next_step).toBe('Triage');
    // Loop: a fresh assignment for the same person at Triage.
    expect(reject.body.next_task_item_id).not.toBe(task.items[0].id);
    const again = await act(me, reject.body.next_task_item_id, await transitionId(wf.id, 'submit'), 'more info added');
    expect(again.status).toBe(200);
    const resolve = await act(specialist, again.body.next_task_item_id, await transitionId(wf.id, 'resolve'), 'fixed');
    expect(resolve.status).toBe(200);
    expect(resolve.body.next_assignee_id).toBe(shared.id);
    // The same user now acts at the end step and finalizes.
    const available = await call(availableRoute, 'GET', `/tts/tasks/${task.id}/available-actions/`, {
      token: me,
      params: { id: task.id },
    });
    expect(available.body.available_actions.map((a: { action_id: unknown }) => a.action_id)).toEqual(['finalize']);
    const done = await call(actionRoute, 'POST', `/tts/tasks/${task.id}/action/`, {
      token: me,
      params: { id: task.id },
      body: { action_id: 'finalize', comment: 'verified' },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status).toBe('completed');
    task = (await taskOf(p.ticket_number))!;
    expect(task.status).toBe('completed');
    expect(task.completedAt).not.toBeNull();
    expect(task.items.map((i) => [i.stepName, i.status])).toEqual([
      ['Triage', 'resolved'],
      ['Resolution', 'resolved'],
      ['Triage', 'resolved'],
      ['Resolution', 'resolved'],
      ['Verification', 'resolved'],
    ]);
    const syncs = (await jobsFor('hdts.sync_ticket_status', p.ticket_number)).map((j) => j.data.status);
    expect(syncs).toEqual(['In Progress', 'In Progress', 'In Progress', 'In Progress', 'Resolved']);
    const ids = (await jobsFor('hdts.sync_ticket_status', p.ticket_number)).map((j) => j.data.event_id);
    expect(new Set(ids).size).toBe(5);
    // Acting again on a finished task → 409; the actions are gone.
    const late = await act(me, task.items[4].id, null);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ALREADY_COMPLETED');
    const none = await call(availableRoute, 'GET', `/tts/tasks/${task.id}/available-actions/`, {
      token: me,
      params: { id: task.id },
    });
    expect(none.body).toMatchObject({ can_act: false, available_actions: [] });
  });

  it('a next role without active members → 409 and nothing changes', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const p = payload({ department: wf.department });
    await deliver(p);
    await db.user.update({ where: { id: wf.roles.resolution.users[0].id }, data: { isActive: false } });
    const task = (await taskOf(p.ticket_number))!;
    const triager = await tokenOf(wf.roles.triage.users[0]);
    const before = await snapshot(WORKFLOW_TABLES);
    const res = await act(triager, task.items[0].id, await transitionId(wf.id, 'submit'));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('NO_ACTIVE_MEMBER');
    expect(await snapshot(WORKFLOW_TABLES)).toEqual(before);
  });

  it('an admin may act on any assignment', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const p = payload({ department: wf.department });
    await deliver(p);
    const task = (await taskOf(p.ticket_number))!;
    const res = await act(await tokenFor('admin'), task.items[0].id, await transitionId(wf.id, 'submit'));
    expect(res.status).toBe(200);
  });
});

describe('SLA', () => {
  it('High 8 h with weights 1/2/1: task target +8 h, first assignment +2 h, next +4 h', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1], weights: [1, 2, 1] });
    const p = payload({ department: wf.department, priority: 'High' });
    await deliver(p);
    const task = (await taskOf(p.ticket_number))!;
    const hours = (a: Date | null, b: Date) => ((a?.getTime() ?? 0) - b.getTime()) / 3600000;
    expect(hours(task.targetResolution, task.startedAt)).toBe(8);
    expect(hours(task.items[0].targetResolution, task.items[0].assignedOn)).toBe(2);
    const r = await act(await tokenOf(wf.roles.triage.users[0]), task.items[0].id, await transitionId(wf.id, 'submit'));
    const item = await db.taskItem.findUniqueOrThrow({ where: { id: r.body.next_task_item_id } });
    expect(hours(item.targetResolution, item.assignedOn)).toBe(4);
    const owner = await db.user.findUniqueOrThrow({ where: { id: task.ownerId! } });
    const owned = await call(ownedRoute, 'GET', '/tts/tasks/owned-tickets/', {
      token: await tokenOf(owner),
      query: { search: p.ticket_number },
    });
    expect(owned.body.results[0]).toMatchObject({
      priority: 'High',
      is_breached: false,
      time_remaining: expect.stringMatching(/^7h 5\dm$/),
    });
  });

  it('Critical uses the urgent SLA; no SLA configured → none', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const p = payload({ department: wf.department, priority: 'Critical' });
    await deliver(p);
    const task = (await taskOf(p.ticket_number))!;
    expect((task.targetResolution!.getTime() - task.startedAt.getTime()) / 3600000).toBe(4);
    await db.workflow.update({ where: { id: wf.id }, data: {} });
  });
});

describe('escalation and transfer', () => {
  it('escalate to an empty role changes nothing; then escalates, keeps the deadline, and refuses twice', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1], escalationMembers: 1 });
    const p = payload({ department: wf.department });
    await deliver(p);
    const task = (await taskOf(p.ticket_number))!;
    const me = await tokenOf(wf.roles.triage.users[0]);
    await db.user.update({ where: { id: wf.roles.escalation.users[0].id }, data: { isActive: false } });
    const before = await snapshot(WORKFLOW_TABLES);
    const empty = await call(escalateRoute, 'POST', '/tts/tasks/escalate/', {
      token: me,
      body: { task_item_id: task.items[0].id, reason: 'too hard' },
    });
    expect(empty.status).toBe(409);
    expect(await snapshot(WORKFLOW_TABLES)).toEqual(before);
    const noReason = await call(escalateRoute, 'POST', '/tts/tasks/escalate/', {
      token: me,
      body: { task_item_id: task.items[0].id, reason: '' },
    });
    expect(noReason.status).toBe(400);
    await db.user.update({ where: { id: wf.roles.escalation.users[0].id }, data: { isActive: true } });
    const ok = await call(escalateRoute, 'POST', '/tts/tasks/escalate/', {
      token: me,
      body: { task_item_id: task.items[0].id, reason: 'too hard' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const items = (await taskOf(p.ticket_number))!.items;
    expect(items.map((i) => [i.status, i.origin, i.userId])).toEqual([
      ['escalated', 'System', wf.roles.triage.users[0].id],
      ['new', 'Escalation', wf.roles.escalation.users[0].id],
    ]);
    expect(items[1].targetResolution).toEqual(items[0].targetResolution);
    expect(items[1].stepId).toBe(items[0].stepId);
    // The new assignee is told (escalated in) and joins the conversation; the previous one is told it left them.
    const sent = await db.$queryRaw<
      { name: string; data: { type?: string; user_ids?: number[]; user_id?: number; role?: string } }[]
    >`
      SELECT name, data FROM pgboss.job WHERE data->>'ticket_number' = ${p.ticket_number} AND name IN ('notifications.notify', 'messaging.ticket_participant')`;
    const notes = sent.filter((j) => j.name === 'notifications.notify').map((j) => [j.data.type, j.data.user_ids]);
    expect(notes).toEqual(
      expect.arrayContaining([
        ['task_escalated_in', [wf.roles.escalation.users[0].id]],
        ['task_escalated_out', [wf.roles.triage.users[0].id]],
      ]),
    );
    const participants = sent.filter((j) => j.name === 'messaging.ticket_participant').map((j) => [j.data.user_id, j.data.role]);
    expect(participants).toEqual(expect.arrayContaining([[wf.roles.escalation.users[0].id, 'agent']]));
    const twice = await call(escalateRoute, 'POST', '/tts/tasks/escalate/', {
      token: me,
      body: { task_item_id: task.items[0].id, reason: 'again' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_ESCALATED');
    // The escalation assignee acts at the same step.
    const r = await act(await tokenOf(wf.roles.escalation.users[0]), items[1].id, await transitionId(wf.id, 'submit'));
    expect(r.status).toBe(200);
  });

  it('transfer: admins only (403 otherwise), active target, same step and deadline, not for finished assignments', async () => {
    const wf = await threeStepWorkflow({ members: [2, 1, 1] });
    const p = payload({ department: wf.department });
    await deliver(p);
    const task = (await taskOf(p.ticket_number))!;
    const first = task.items[0];
    const other = wf.roles.triage.users.find((u) => u.id !== first.userId)!;
    const agent1 = await tokenFor('agent1');
    const assigneeToken = await tokenOf(wf.roles.triage.users.find((u) => u.id === first.userId)!);
    const admin = await tokenFor('admin');
    const before = await snapshot(WORKFLOW_TABLES);
    const byAgent = await call(transferRoute, 'POST', '/tts/tasks/transfer/', {
      token: agent1,
      body: { task_item_id: first.id, user_id: other.id, notes: 'x' },
    });
    expect(byAgent.status).toBe(403);
    const byAssignee = await call(transferRoute, 'POST', '/tts/tasks/transfer/', {
      token: assigneeToken,
      body: { task_item_id: first.id, user_id: other.id, notes: 'x' },
    });
    expect(byAssignee.status).toBe(403);
    const inactive = await makeUser([], { isActive: false });
    const toInactive = await call(transferRoute, 'POST', '/tts/tasks/transfer/', {
      token: admin,
      body: { task_item_id: first.id, user_id: inactive.id, notes: 'x' },
    });
    expect(toInactive.status).toBe(400);
    const toNobody = await call(transferRoute, 'POST', '/tts/tasks/transfer/', {
      token: admin,
      body: { task_item_id: first.id, user_id: 987654, notes: 'x' },
    });
    expect(toNobody.status).toBe(404);
    expect(toNobody.body.code).toBe('USER_NOT_FOUND');
    expect(await snapshot(WORKFLOW_TABLES)).toEqual(before);
    const ok = await call(transferRoute, 'POST', '/tts/tasks/transfer/', {
      token: admin,
      body: { task_item_id: first.id, user_id: other.id, notes: 'balancing' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const items = (await taskOf(p.ticket_number))!.items;
    expect(items.map((i) => [i.status, i.origin, i.userId])).toEqual([
      ['reassigned', 'System', first.userId],
      ['new', 'Transferred', other.id],
    ]);
    expect(items[1].targetResolution).toEqual(items[0].targetResolution);
    const again = await call(transferRoute, 'POST', '/tts/tasks/transfer/', {
      token: admin,
      body: { task_item_id: first.id, user_id: other.id, notes: 'x' },
    });
    expect(again.status).toBe(409);
  });

  it('ticket ownership: the owner escalates once (409 ALREADY_ESCALATED); admins transfer with 000 shapes', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const p = payload({ department: wf.department });
    await deliver(p);
    const task = (await taskOf(p.ticket_number))!;
    const owner = await db.user.findUniqueOrThrow({ where: { id: task.ownerId! } });
    const otherCoordinator = await db.user.findFirstOrThrow({
      where: { username: { in: ['coordinator1', 'coordinator2'] }, id: { not: owner.id } },
    });
    const notOwner = await call(ownerEscalateRoute, 'POST', '/tts/tasks/ticket-owner/escalate/', {
      token: await tokenOf(otherCoordinator),
      body: { ticket_number: p.ticket_number, reason: 'x' },
    });
    expect(notOwner.status).toBe(403);
    const missing = await call(ownerEscalateRoute, 'POST', '/tts/tasks/ticket-owner/escalate/', {
      token: await tokenOf(owner),
      body: { ticket_number: 'TX20260101000000', reason: 'x' },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('TICKET_NOT_FOUND');
    const esc = await call(ownerEscalateRoute, 'POST', '/tts/tasks/ticket-owner/escalate/', {
      token: await tokenOf(owner),
      body: { ticket_number: p.ticket_number, reason: 'complex', urgency: 'High' },
    });
    expect(esc.status, JSON.stringify(esc.body)).toBe(200);
    expect(esc.body).toMatchObject({
      status: 'success',
      ticket_number: p.ticket_number,
      old_owner: `${owner.firstName} ${owner.lastName}`,
      new_owner: 'Alex Morgan',
      escalated_at: expect.any(String),
    });
    const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const twice = await call(ownerEscalateRoute, 'POST', '/tts/tasks/ticket-owner/escalate/', {
      token: await tokenFor('admin'),
      body: { ticket_number: p.ticket_number, reason: 'x' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_ESCALATED');
    const owners = (await helpdeskDeliveries('owner', p.ticket_number)).map((d) => d.owner_id);
    expect(owners).toEqual([owner.id, admin.id]);

    const byCoordinator = await call(ownerTransferRoute, 'POST', '/tts/tasks/ticket-owner/transfer/', {
      token: await tokenOf(owner),
      body: { ticket_number: p.ticket_number, new_owner_id: owner.id },
    });
    expect(byCoordinator.status).toBe(403);
    expect(byCoordinator.body.code).toBe('INSUFFICIENT_PERMISSIONS');
    const same = await call(ownerTransferRoute, 'POST', '/tts/tasks/ticket-owner/transfer/', {
      token: await tokenFor('admin'),
      body: { ticket_number: p.ticket_number, new_owner_id: admin.id },
    });
    expect(same.status).toBe(400);
    expect(same.body.code).toBe('INVALID_TRANSFER');
    const nobody = await call(ownerTransferRoute, 'POST', '/tts/tasks/ticket-owner/transfer/', {
      token: await tokenFor('admin'),
      body: { ticket_number: p.ticket_number, new_owner_id: 999999 },
    });
    expect(nobody.status).toBe(404);
    expect(nobody.body.code).toBe('USER_NOT_FOUND');
    const inactive = await makeUser([['hdts', 'Ticket Coordinator']], { isActive: false });
    const toInactive = await call(ownerTransferRoute, 'POST', '/tts/tasks/ticket-owner/transfer/', {
      token: await tokenFor('admin'),
      body: { ticket_number: p.ticket_number, new_owner_id: inactive.id },
    });
    expect(toInactive.status).toBe(400);
    // a transfer based on an owner that changed since (someone else moved it) asks instead of overwriting
    const before = await snapshot(WORKFLOW_TABLES);
    const stale = await call(ownerTransferRoute, 'POST', '/tts/tasks/ticket-owner/transfer/', {
      token: await tokenFor('admin'),
      body: { ticket_number: p.ticket_number, new_owner_id: otherCoordinator.id, expected_owner_id: owner.id },
    });
    expect(stale.status, JSON.stringify(stale.body)).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CONFLICT', details: { owner_id: admin.id } });
    expect(await snapshot(WORKFLOW_TABLES)).toEqual(before);
    const moved = await call(ownerTransferRoute, 'POST', '/tts/tasks/ticket-owner/transfer/', {
      token: await tokenFor('admin'),
      body: {
        ticket_number: p.ticket_number,
        new_owner_id: otherCoordinator.id,
        reason: 'Workload balancing',
        expected_owner_id: admin.id,
      },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      status: 'success',
      old_owner: 'Alex Morgan',
      new_owner: `${otherCoordinator.firstName} ${otherCoordinator.lastName}`,
      transferred_by: 'Alex Morgan',
    });
    expect((await taskOf(p.ticket_number))?.ownerId).toBe(otherCoordinator.id);
  });
});

describe('help-desk status messages', () => {
  it('Withdrawn closes the task and its open assignments; Closed stores CSAT and times; unknown ticket is permanent', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const p = payload({ department: wf.department });
    await deliver(p);
    await receiveHdtsTicketStatusJob.handler({ ticket_number: p.ticket_number, status: 'Withdrawn', reason: 'not needed' }, job);
    const task = (await taskOf(p.ticket_number))!;
    expect(task.status).toBe('closed');
    expect(task.items.map((i) => i.status)).toEqual(['closed']);
    await receiveHdtsTicketStatusJob.handler(
      {
        ticket_number: p.ticket_number,
        status: 'Closed',
        csat_rating: 5,
        feedback: 'great',
        date_completed: '2026-01-12T15:30:00Z',
        time_closed: '2026-01-12T15:30:00Z',
      },
      job,
    );
    const t = await db.workflowTicket.findUniqueOrThrow({ where: { ticketNumber: p.ticket_number } });
    expect(t).toMatchObject({ csatRating: 5, feedback: 'great', hdtsStatus: 'Closed' });
    expect(t.timeClosed?.toISOString()).toBe('2026-01-12T15:30:00.000Z');
    const err = await receiveHdtsTicketStatusJob
      .handler({ ticket_number: 'TX20260101999999', status: 'Closed' }, job)
      .catch((e) => e);
    expect(err.code).toBe('TICKET_NOT_FOUND');
  });

  it('Reopened gives a finished task a fresh assignment at the start step', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const p = payload({ department: wf.department });
    await deliver(p);
    const admin = await tokenFor('admin');
    let task = (await taskOf(p.ticket_number))!;
    const a = await act(admin, task.items[0].id, await transitionId(wf.id, 'submit'));
    const b = await act(admin, a.body.next_task_item_id, await transitionId(wf.id, 'resolve'));
    await act(admin, b.body.next_task_item_id, null);
    await receiveHdtsTicketStatusJob.handler({ ticket_number: p.ticket_number, status: 'Reopened' }, job);
    await receiveHdtsTicketStatusJob.handler({ ticket_number: p.ticket_number, status: 'Reopened' }, job);
    task = (await taskOf(p.ticket_number))!;
    expect(task.status).toBe('in_progress');
    expect(task.items.map((i) => [i.stepName, i.status])).toEqual([
      ['Triage', 'resolved'],
      ['Resolution', 'resolved'],
      ['Verification', 'resolved'],
      ['Triage', 'new'],
    ]);
  });
});

describe('reads', () => {
  it('owned tickets, my tasks, task detail, item detail, logs, visualization, task list and audit', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const p = payload({ department: wf.department, subject: 'Printer on fire' });
    await deliver(p);
    const task = (await taskOf(p.ticket_number))!;
    const owner = await db.user.findUniqueOrThrow({ where: { id: task.ownerId! } });
    const ownerToken = await tokenOf(owner);
    const agent = await tokenOf(wf.roles.triage.users[0]);
    const strangerToken = await tokenOf(wf.roles.resolution.users[0]);
    const before = await snapshot(WORKFLOW_TABLES);

    const owned = await call(ownedRoute, 'GET', '/tts/tasks/owned-tickets/', {
      token: ownerToken,
      query: { tab: 'active', search: 'printer on', page_size: 100 },
    });
    expect(owned.status).toBe(200);
    expect(owned.body.results).toHaveLength(1);
    expect(owned.body.results[0]).toMatchObject({
      task_id: task.id,
      ticket_number: p.ticket_number,
      ticket_subject: 'Printer on fire',
      status: 'pending',
      priority: 'High',
      category: 'IT Support',
      department: wf.department,
      current_step: 'Triage',
      owner_id: owner.id,
      is_breached: false,
    });
    expect(Object.keys(owned.body.results[0])).toEqual(
      expect.arrayContaining(['target_resolution', 'sla_breach_at', 'time_remaining', 'assigned_to', 'created_at', 'updated_at']),
    );
    const inactive = await call(ownedRoute, 'GET', '/tts/tasks/owned-tickets/', {
      token: ownerToken,
      query: { tab: 'inactive', search: p.ticket_number },
    });
    expect(inactive.body.count).toBe(0);
    const tooBig = await call(ownedRoute, 'GET', '/tts/tasks/owned-tickets/', { token: ownerToken, query: { page_size: 101 } });
    expect(tooBig.status).toBe(400);
    const byPriority = await call(ownedRoute, 'GET', '/tts/tasks/owned-tickets/', {
      token: ownerToken,
      query: { priority: 'Low', search: p.ticket_number },
    });
    expect(byPriority.body.count).toBe(0);

    const mine = await call(myTasksRoute, 'GET', '/tts/tasks/my-tasks/', { token: agent, query: { tab: 'active' } });
    expect(mine.body.results.map((r: { task_item_id: number }) => r.task_item_id)).toEqual([task.items[0].id]);
    expect(mine.body.results[0].is_actionable).toBe(true);

    const one = await call(taskRoute, 'GET', `/tts/tasks/${task.id}/`, { token: agent, params: { id: task.id } });
    expect(one.body.history).toHaveLength(1);
    // 001 §7's owned-ticket detail: the current owner of the work, with the step's role and the assignment's status
    const holder = wf.roles.triage.users[0];
    expect(one.body.current_owner).toEqual({
      user_id: holder.id,
      user_full_name: expect.any(String),
      role: wf.roles.triage.role.name,
      status: task.items[0].status,
    });
    const byNumber = await call(tasksRoute, 'GET', '/tts/tasks/', {
      token: ownerToken,
      query: { ticket_number: p.ticket_number },
    });
    expect(byNumber.body.results.map((r: { task_id: number }) => r.task_id)).toEqual([task.id]);
    const stranger = await call(taskRoute, 'GET', `/tts/tasks/${task.id}/`, { token: strangerToken, params: { id: task.id } });
    expect(stranger.status).toBe(404);

    const detail = await call(detailRoute, 'GET', `/tts/tasks/detail/${task.items[0].id}/`, {
      token: agent,
      params: { task_item_id: task.items[0].id },
    });
    expect(detail.body).toMatchObject({
      task_item_id: task.items[0].id,
      step: { name: 'Triage', instruction: 'Check the ticket' },
      is_actionable: true,
    });

    const logs = await call(logsRoute, 'GET', '/tts/tasks/logs/', {
      token: ownerToken,
      query: { ticket_number: p.ticket_number },
    });
    expect(logs.body).toMatchObject({ task_id: task.id, ticket_id: p.ticket_number, workflow_id: wf.id });
    expect(logs.body.logs[0]).toMatchObject({
      task_item_id: task.items[0].id,
      user_id: wf.roles.triage.users[0].id,
      status: 'new',
      origin: 'System',
      assigned_on_step_name: 'Triage',
      task_history: [expect.objectContaining({ status: 'new', notes: 'Task assigned' })],
    });
    const viz = await call(vizRoute, 'GET', '/tts/tasks/workflow-visualization/', { token: agent, query: { task_id: task.id } });
    expect(viz.body.nodes.map((n: { name: string; state: string }) => [n.name, n.state])).toEqual([
      ['Triage', 'current'],
      ['Resolution', 'pending'],
      ['Verification', 'pending'],
    ]);
    expect(viz.body.edges).toHaveLength(3);

    expect(await snapshot(WORKFLOW_TABLES)).toEqual(before);

    const audit = await call(auditRoute, 'GET', '/tts/audit/', {
      token: await tokenFor('admin'),
      query: { task_id: String(task.id) },
    });
    expect(audit.body.results.map((r: { action: string }) => r.action)).toContain('task_created');
    const auditAgent = await call(auditRoute, 'GET', '/tts/audit/', { token: agent });
    expect(auditAgent.status).toBe(403);
  });
});
