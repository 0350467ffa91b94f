/**
 * Issue 16, "status stays consistent across the two contexts": the workflow's copy of the help-desk status follows
 * every help-desk change (newest first, a reopen never leaves "Reopened" or "Closed" behind); while a workflow works
 * the ticket the help desk offers and accepts only the changes that keep both sides consistent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as updateStatusRoute from '@/app/(api)/hdts/api/tickets/[id]/update-status/route';
import type { Actor } from '@/lib/domain/actor';
import { createTicket } from '@/lib/domain/helpdesk/commands/create';
import { changeStatus, statusOptions } from '@/lib/domain/helpdesk/commands/status';
import { approveTicket } from '@/lib/domain/helpdesk/commands/triage';
import { loadActor } from '@/lib/domain/identity/queries';
import { processTicketJob, receiveHdtsTicketStatusJob, updateSlaStatusJob } from '@/lib/domain/workflow/jobs';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { JOBS } from '@/lib/server/jobs/registry';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, snapshot, tokenFor } from '../helpers/api';
import { HDTS_TABLES } from '../helpers/hdts';
import { waitFor } from '../helpers/wait';
import { payload, taskOf, threeStepWorkflow } from './workflow-support';

const job = { id: 'test', retryCount: 0 };
const actors: Record<string, Actor> = {};
const copyOf = (ticketNumber: string) =>
  db.workflowTicket.findUniqueOrThrow({ where: { ticketNumber }, select: { hdtsStatus: true } }).then((r) => r.hdtsStatus);

beforeAll(async () => {
  await startJobs({ workers: true, jobs: JOBS });
  for (const u of ['employee1', 'coordinator1']) {
    const user = await db.user.findUniqueOrThrow({ where: { username: u } });
    actors[u] = (await loadActor(user.id)) as Actor;
  }
  await threeStepWorkflow({
    department: 'IT Department',
    category: 'IT Support',
    subCategory: 'Internet/Network Connectivity Issue',
    members: [1, 1, 1],
  });
});
afterAll(async () => {
  await stopJobs();
});

describe("the workflow's copy of the help-desk status", { timeout: 120_000 }, () => {
  it('follows each help-desk change of a routed ticket', async () => {
    const t = await createTicket(actors.employee1, {
      subject: 'Wi-Fi drops',
      description: 'Every ten minutes',
      category: 'IT Support',
      sub_category: 'Internet/Network Connectivity Issue',
      department: 'IT Department',
    });
    await approveTicket(actors.coordinator1, t.id, { priority: 'High', department: 'IT Department' });
    await waitFor(
      () => taskOf(t.ticket_number),
      (x) => !!x,
    );
    await changeStatus(actors.coordinator1, t.id, 'On Hold', { note: 'Which floor?' });
    expect(
      await waitFor(
        () => copyOf(t.ticket_number),
        (s) => s === 'On Hold',
      ),
    ).toBe('On Hold');
    await changeStatus(actors.coordinator1, t.id, 'In Progress');
    expect(
      await waitFor(
        () => copyOf(t.ticket_number),
        (s) => s === 'In Progress',
      ),
    ).toBe('In Progress');
  });

  it('while the workflow works the ticket the help desk pauses and resumes it but neither resolves nor closes it', async () => {
    const t = await createTicket(actors.employee1, {
      subject: 'Network drive gone',
      description: 'Since this morning',
      category: 'IT Support',
      sub_category: 'Internet/Network Connectivity Issue',
      department: 'IT Department',
    });
    // before routing nothing is held back
    expect((await statusOptions(actors.coordinator1, t.id)).held).toEqual([]);
    await approveTicket(actors.coordinator1, t.id, { priority: 'High', department: 'IT Department' });
    await waitFor(
      () => db.ticket.findUniqueOrThrow({ where: { id: t.id } }),
      (x) => x.workflowId != null,
    );
    const task = await taskOf(t.ticket_number);
    expect(task?.status).not.toBe('completed');
    const row = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    const options = await statusOptions(actors.coordinator1, t.id);
    expect(options.held).toEqual(row.status === 'Open' ? ['Resolved', 'Closed'] : ['Resolved']);
    expect(options.allowed).not.toContain('Resolved');
    expect(options.allowed).toContain('On Hold');
    expect(options.reason).toBe('The workflow resolves this ticket when its last step is done');

    const token = await tokenFor('coordinator1');
    const before = await snapshot(HDTS_TABLES);
    for (const status of row.status === 'Open' ? ['Resolved', 'RESOLVED', 'Closed'] : ['Resolved', 'RESOLVED']) {
      const res = await call(updateStatusRoute, 'POST', '/x', { token, params: { id: String(t.id) }, body: { status } });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.code).toBe('INVALID_STATUS_TRANSITION');
      expect(res.body.details).toMatchObject({
        current_status: row.status,
        allowed_transitions: options.allowed,
        reason: 'WORKFLOW_OWNS_TICKET',
        workflow_id: row.workflowId,
      });
      expect(res.body.message).toContain('The workflow resolves this ticket');
    }
    expect(await snapshot(HDTS_TABLES)).toEqual(before);
    // pausing stays possible
    await changeStatus(actors.coordinator1, t.id, 'On Hold', { note: 'Waiting for the requester' });
    expect((await statusOptions(actors.coordinator1, t.id)).held).toEqual(['Closed']);
  });

  it('a reopen leaves the current status, whatever order the deliveries arrive in', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const p = payload({ department: wf.department });
    await processTicketJob.handler(p, job);
    const n = p.ticket_number;
    const closedAt = '2026-12-01T10:00:00.000Z';
    await updateSlaStatusJob.handler({ ticket_number: n, status: 'Closed', changed_at: closedAt }, job);
    // the requester reopens at once; the workflow side hears the reopen's status before the close's CSAT message
    await updateSlaStatusJob.handler({ ticket_number: n, status: 'Open', changed_at: '2026-12-01T10:00:05.000Z' }, job);
    await receiveHdtsTicketStatusJob.handler(
      { ticket_number: n, status: 'Closed', csat_rating: 4, date_completed: closedAt, time_closed: closedAt },
      job,
    );
    expect(await copyOf(n)).toBe('Open');
    expect((await db.workflowTicket.findUniqueOrThrow({ where: { ticketNumber: n } })).csatRating).toBe(4);
    await receiveHdtsTicketStatusJob.handler({ ticket_number: n, status: 'Reopened' }, job);
    expect(await copyOf(n)).toBe('Open');
    await updateSlaStatusJob.handler({ ticket_number: n, status: 'In Progress', changed_at: '2026-12-01T10:01:00.000Z' }, job);
    expect(await copyOf(n)).toBe('In Progress');
    // a late delivery changes nothing
    await updateSlaStatusJob.handler({ ticket_number: n, status: 'On Hold', changed_at: '2026-12-01T09:00:00.000Z' }, job);
    expect(await copyOf(n)).toBe('In Progress');
  });

  it('a withdrawn ticket stays Withdrawn', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const p = payload({ department: wf.department });
    await processTicketJob.handler(p, job);
    await receiveHdtsTicketStatusJob.handler({ ticket_number: p.ticket_number, status: 'Withdrawn', reason: 'fixed' }, job);
    await updateSlaStatusJob.handler(
      { ticket_number: p.ticket_number, status: 'In Progress', changed_at: new Date().toISOString() },
      job,
    );
    expect(await copyOf(p.ticket_number)).toBe('Withdrawn');
  });
});
