/**
 * Compliance and the timeline API (issue 11): met or breached is recorded when the work completes — on the
 * resolved assignment, the task and the help-desk ticket — and shown on their responses and on the SLA
 * timeline (GET /tts/tasks/{id}/sla-timeline/, GET /hdts/api/tickets/{number}/sla-timeline/). A reopened
 * ticket's outcome is cleared. The clock is injected through the routing instant.
 */
import { describe, expect, it } from 'vitest';
import * as ticketTimelineRoute from '@/app/(api)/hdts/api/tickets/[id]/sla-timeline/route';
import * as taskRoute from '@/app/(api)/tts/tasks/[id]/route';
import * as taskTimelineRoute from '@/app/(api)/tts/tasks/[id]/sla-timeline/route';
import * as deployRoute from '@/app/(api)/tts/workflows/[id]/deploy/route';
import * as workflowsRoute from '@/app/(api)/tts/workflows/route';
import type { Actor } from '@/lib/domain/actor';
import { createTicket } from '@/lib/domain/helpdesk/commands/create';
import { changeStatus } from '@/lib/domain/helpdesk/commands/status';
import { approveTicket } from '@/lib/domain/helpdesk/commands/triage';
import { getTicket } from '@/lib/domain/helpdesk/queries';
import { loadActor } from '@/lib/domain/identity/queries';
import { processTicket } from '@/lib/domain/workflow/routing';
import { db } from '@/lib/server/db';
import { call, tokenFor } from '../helpers/api';
import { payload, roleWithMembers, tokenOf } from './workflow-support';

/** A deployed one-step workflow (High = 8 h) whose only member completes its tasks. */
async function oneStep() {
  const role = await roleWithMembers(1, 'Outcome');
  const department = `Outcome ${Math.random().toString(36).slice(2, 8)}`;
  const admin = await tokenFor('admin');
  const created = await call(workflowsRoute, 'POST', '/tts/workflows/', {
    token: admin,
    body: {
      name: `Outcome ${department}`,
      department,
      category: 'IT Support',
      high_sla: 'PT8H',
      steps: [{ name: 'Fix it', role_id: role.role.id, is_start: true, is_end: true }],
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.workflow_id as number;
  expect((await call(deployRoute, 'POST', `/tts/workflows/${id}/deploy/`, { token: admin, params: { id } })).status).toBe(200);
  return { department, member: role.users[0] };
}

async function completed(routedAt: Date) {
  const { department, member } = await oneStep();
  const employee = await db.user.findUniqueOrThrow({ where: { username: 'employee1' } });
  const p = payload({ department, priority: 'High', employee_id: employee.id });
  const r = await processTicket(p, routedAt);
  if (r.outcome !== 'routed') throw new Error(`not routed: ${JSON.stringify(r)}`);
  const done = await call(taskRoute, 'PATCH', `/tts/tasks/${r.taskId}/`, {
    token: await tokenOf(member),
    params: { id: r.taskId },
    body: { status: 'completed', notes: 'Fixed' },
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { taskId: r.taskId, ticketNumber: p.ticket_number };
}

const timelineOf = async (taskId: number) =>
  call(taskTimelineRoute, 'GET', `/tts/tasks/${taskId}/sla-timeline/`, {
    token: await tokenFor('admin'),
    params: { id: taskId },
  });

describe('met or breached, recorded on completion', () => {
  it('a task completed before its target is met: on the task, its assignment, the response and the timeline', async () => {
    const { taskId, ticketNumber } = await completed(new Date(Date.now() - 3600_000));
    const task = await db.task.findUniqueOrThrow({ where: { id: taskId }, include: { items: true } });
    expect(task.slaOutcome).toBe('met');
    expect(task.slaOutcomeAt?.getTime()).toBe(task.completedAt?.getTime());
    expect(task.items.map((i) => i.slaOutcome)).toEqual(['met']);
    const res = await call(taskRoute, 'GET', `/tts/tasks/${taskId}/`, { token: await tokenFor('admin'), params: { id: taskId } });
    expect(res.body).toMatchObject({ sla_outcome: 'met', is_sla_breached: false, sla_state: 'met' });
    expect(res.body.history[0].sla_outcome).toBe('met');
    const timeline = await timelineOf(taskId);
    expect(timeline.status).toBe(200);
    expect(timeline.body).toMatchObject({ ticket_number: ticketNumber, audience: 'staff', sla_outcome: 'met', sla_state: 'met' });
    expect(timeline.body.events.map((e: { kind: string }) => e.kind)).toEqual(['started', 'met']);
    expect(timeline.body.remaining_business_ms).toBeNull();
  });

  it('a task completed after its target is breached; the requester reads the same outcome in people’s words', async () => {
    const { taskId, ticketNumber } = await completed(new Date(Date.now() - 9 * 3600_000));
    expect((await db.task.findUniqueOrThrow({ where: { id: taskId } })).slaOutcome).toBe('breached');
    const res = await call(taskRoute, 'GET', `/tts/tasks/${taskId}/`, { token: await tokenFor('admin'), params: { id: taskId } });
    expect(res.body).toMatchObject({ sla_outcome: 'breached', is_sla_breached: true });
    const mine = await call(ticketTimelineRoute, 'GET', `/hdts/api/tickets/${ticketNumber}/sla-timeline/`, {
      token: await tokenFor('employee1'),
      params: { id: ticketNumber },
    });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body).toMatchObject({ audience: 'requester', sla_outcome: 'breached' });
    expect(mine.body.events.at(-1)).toMatchObject({ kind: 'breached', text: 'Resolved later than we aimed for' });
    expect(JSON.stringify(mine.body)).not.toContain('Fix it');
    // someone else's ticket, and a malformed number
    const other = await call(ticketTimelineRoute, 'GET', '/x', {
      token: await tokenFor('employee2'),
      params: { id: ticketNumber },
    });
    expect(other.status).toBe(404);
    const bad = await call(ticketTimelineRoute, 'GET', '/x', { token: await tokenFor('employee1'), params: { id: 'nope' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('Not a ticket number');
  });

  it('the help desk records met or breached when a ticket is resolved, and clears it on reopening', async () => {
    const ids = await db.user.findMany({ where: { username: { in: ['employee1', 'coordinator1'] } } });
    const [emp, coord] = await Promise.all(
      ['employee1', 'coordinator1'].map(async (u) => (await loadActor(ids.find((x) => x.username === u)?.id as number)) as Actor),
    );
    const ticket = async () => {
      const t = await createTicket(emp, {
        subject: 'Outcome',
        description: 'Outcome ticket',
        category: 'IT Support',
        sub_category: null,
        department: null,
      });
      await approveTicket(coord, t.id, { priority: 'Medium', department: 'IT Department' });
      return t.id;
    };
    const inTime = await ticket();
    await changeStatus(coord, inTime, 'Resolved');
    const met = await getTicket(coord, inTime);
    expect(met).toMatchObject({ sla_outcome: 'met', sla_status: 'met' });
    expect(met.sla_outcome_at).toBe(met.resolved_at);

    const late = await ticket();
    await db.ticket.update({ where: { id: late }, data: { resolutionDueAt: new Date(Date.now() - 60_000) } });
    await changeStatus(coord, late, 'Resolved');
    expect((await getTicket(coord, late)).sla_outcome).toBe('breached');
    await changeStatus(coord, late, 'Closed');
    expect((await getTicket(coord, late)).sla_outcome).toBe('breached');
    await changeStatus(coord, late, 'Open');
    expect(await getTicket(coord, late)).toMatchObject({ sla_outcome: null, sla_outcome_at: null });
  });
});
