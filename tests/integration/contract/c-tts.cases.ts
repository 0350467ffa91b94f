/**
 * The workflow engine's (TTS) operations not in core.cases.ts: workflows and their lifecycle, roles, calendars,
 * transitions and task actions, assignments, logs, audit, unassigned tickets, reports and health.
 */
import * as auditRoute from '@/app/(api)/tts/audit/route';
import * as calendarRoute from '@/app/(api)/tts/calendars/[id]/route';
import * as calendarsRoute from '@/app/(api)/tts/calendars/route';
import * as healthRoute from '@/app/(api)/tts/health/route';
import * as adminReportRoute from '@/app/(api)/tts/reports/admin/route';
import * as coordinatorHomeRoute from '@/app/(api)/tts/reports/coordinator-home/route';
import * as roleRoute from '@/app/(api)/tts/roles/[role_id]/route';
import * as rolesRoute from '@/app/(api)/tts/roles/route';
import * as actionRoute from '@/app/(api)/tts/tasks/[id]/action/route';
import * as availableActionsRoute from '@/app/(api)/tts/tasks/[id]/available-actions/route';
import * as itemDetailRoute from '@/app/(api)/tts/tasks/detail/[task_item_id]/route';
import * as escalateRoute from '@/app/(api)/tts/tasks/escalate/route';
import * as logsRoute from '@/app/(api)/tts/tasks/logs/route';
import * as myTasksRoute from '@/app/(api)/tts/tasks/my-tasks/route';
import * as ownerEscalateRoute from '@/app/(api)/tts/tasks/ticket-owner/escalate/route';
import * as ownerTransferRoute from '@/app/(api)/tts/tasks/ticket-owner/transfer/route';
import * as transferRoute from '@/app/(api)/tts/tasks/transfer/route';
import * as visualizationRoute from '@/app/(api)/tts/tasks/workflow-visualization/route';
import * as transitionsRoute from '@/app/(api)/tts/transitions/route';
import * as assignRoute from '@/app/(api)/tts/unassigned-tickets/[ticket_number]/assign/route';
import * as unassignedRoute from '@/app/(api)/tts/unassigned-tickets/route';
import * as deployRoute from '@/app/(api)/tts/workflows/[id]/deploy/route';
import * as pauseRoute from '@/app/(api)/tts/workflows/[id]/pause/route';
import * as workflowRoute from '@/app/(api)/tts/workflows/[id]/route';
import * as restoreRoute from '@/app/(api)/tts/workflows/[id]/versions/[version]/restore/route';
import * as workflowsRoute from '@/app/(api)/tts/workflows/route';
import { processTicket } from '@/lib/domain/workflow/routing';
import { asSnapshot } from '@/lib/domain/workflow/snapshot';
import { db } from '@/lib/server/db';
import { call, tokenFor } from '../../helpers/api';
import type { ContractCase } from '../../helpers/contract';
import { payload, roleWithMembers } from '../workflow-support';

interface Fixture {
  workflowId: number;
  department: string;
  /** The deployed version's Triage → Done transition. */
  submitId: number;
  calendarId: number;
  roles: { triage: number; escalation: number; done: number };
}
let ready: Promise<Fixture> | undefined;
/** Built once, on the first case that needs it (importing the cases for the coverage test builds nothing). */
export const fixture = () => (ready ??= build());

const tag = () => Math.random().toString(36).slice(2, 8);
const admin = () => tokenFor('admin');

const calendarBody = () => ({
  name: `C-tts calendar ${tag()}`,
  time_zone: 'Europe/Berlin',
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
  holidays: [{ date: '2026-12-25', name: 'Christmas' }],
});
async function calendarId(): Promise<number> {
  const res = await call(calendarsRoute, 'POST', '/tts/calendars/', { token: await admin(), body: calendarBody() });
  return res.body.calendar_id as number;
}

/** Triage (agent1 alone; escalates to a role of one) → Done (a role of one), one transition `submit`. */
function workflowBody(roles: Fixture['roles'], department = `C-tts ${tag()}`, calendar: number | null = null) {
  return {
    name: `C-tts ${department}`,
    department,
    category: 'IT Support',
    high_sla: 'PT8H',
    medium_sla: 'P2D',
    calendar_id: calendar,
    steps: [
      { name: 'Triage', role_id: roles.triage, escalate_to_role_id: roles.escalation, is_start: true, instruction: 'Check it' },
      { name: 'Done', role_id: roles.done, is_end: true },
    ],
    transitions: [{ from_step: 'Triage', to_step: 'Done', name: 'submit' }],
  };
}

async function build(): Promise<Fixture> {
  const agent1 = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
  const triage = await roleWithMembers(0, 'C-tts triage');
  await db.userRole.create({ data: { userId: agent1.id, roleId: triage.role.id } });
  const roles = {
    triage: triage.role.id,
    escalation: (await roleWithMembers(1, 'C-tts escalation')).role.id,
    done: (await roleWithMembers(1, 'C-tts done')).role.id,
  };
  const department = `C-tts ${Date.now()}`;
  const calendar = await calendarId();
  const created = await call(workflowsRoute, 'POST', '/tts/workflows/', {
    token: await admin(),
    body: workflowBody(roles, department, calendar),
  });
  const workflowId = created.body.workflow_id as number;
  await call(deployRoute, 'POST', '/tts/workflows/x/deploy/', { token: await admin(), params: { id: workflowId } });
  const version = await db.workflowVersion.findFirstOrThrow({ where: { workflowId }, orderBy: { version: 'desc' } });
  const submitId = asSnapshot(version.snapshot).transitions[0].id;
  await unassignedTicket();
  return { workflowId, department, submitId, calendarId: calendar, roles };
}

/** A fresh task at Triage, assigned to agent1 and owned by coordinator1. */
async function routedTask() {
  const p = payload({ department: (await fixture()).department });
  const r = await processTicket(p);
  if (r.outcome !== 'routed') throw new Error('not routed');
  const c1 = await db.user.findUniqueOrThrow({ where: { username: 'coordinator1' } });
  await db.task.update({ where: { id: r.taskId }, data: { ownerId: c1.id } });
  const item = await db.taskItem.findFirstOrThrow({ where: { taskId: r.taskId }, orderBy: { id: 'desc' } });
  return { taskId: r.taskId, itemId: item.id, ticketNumber: p.ticket_number };
}

async function unassignedTicket(): Promise<string> {
  const p = payload({ department: `Nowhere ${tag()}` });
  await processTicket(p);
  return p.ticket_number;
}

/** A new workflow of the fixture's roles in its own department (deployed unless asked not to). */
async function freshWorkflow(deploy = true): Promise<number> {
  const token = await admin();
  const res = await call(workflowsRoute, 'POST', '/tts/workflows/', { token, body: workflowBody((await fixture()).roles) });
  const id = res.body.workflow_id as number;
  if (deploy) await call(deployRoute, 'POST', '/tts/workflows/x/deploy/', { token, params: { id } });
  return id;
}

const userId = async (username: string) => (await db.user.findUniqueOrThrow({ where: { username } })).id;

export const cases: ContractCase[] = [
  // workflows
  {
    path: '/tts/workflows/',
    method: 'GET',
    route: workflowsRoute,
    valid: async () => {
      await fixture();
      return { token: await admin(), query: { page_size: 100 } };
    },
    invalid: async () => ({ token: await admin(), query: { status: 'archived' } }),
  },
  {
    path: '/tts/workflows/',
    method: 'POST',
    route: workflowsRoute,
    valid: async () => ({ token: await admin(), body: workflowBody((await fixture()).roles) }),
    invalid: async () => ({ token: await admin(), body: { ...workflowBody((await fixture()).roles), high_sla: 'soon' } }),
  },
  {
    path: '/tts/workflows/{id}/',
    method: 'GET',
    route: workflowRoute,
    valid: async () => ({ token: await tokenFor('agent1'), params: { id: (await fixture()).workflowId } }),
    invalid: async () => ({ token: await tokenFor('agent1'), params: { id: 'abc' } }),
  },
  {
    path: '/tts/workflows/{id}/',
    method: 'PUT',
    route: workflowRoute,
    valid: async () => ({
      token: await admin(),
      params: { id: await freshWorkflow(false) },
      body: { description: 'Reviewed', high_sla: 'PT6H' },
    }),
    invalid: async () => ({
      token: await admin(),
      params: { id: await freshWorkflow(false) },
      body: { pause_statuses: ['Closed'] },
    }),
  },
  {
    path: '/tts/workflows/{id}/',
    method: 'PATCH',
    route: workflowRoute,
    valid: async () => ({ token: await admin(), params: { id: await freshWorkflow(false) }, body: { name: `Renamed ${tag()}` } }),
    invalid: async () => ({ token: await admin(), params: { id: await freshWorkflow(false) }, body: { name: '' } }),
  },
  {
    path: '/tts/workflows/{id}/',
    method: 'DELETE',
    route: workflowRoute,
    valid: async () => ({ token: await admin(), params: { id: await freshWorkflow(false) } }),
    // the fixture's workflow has open tasks
    invalid: async () => {
      await routedTask();
      return { token: await admin(), params: { id: (await fixture()).workflowId } };
    },
    invalidStatus: 409,
  },
  {
    path: '/tts/workflows/{id}/deploy/',
    method: 'POST',
    route: deployRoute,
    valid: async () => ({ token: await admin(), params: { id: await freshWorkflow(false) }, body: { note: 'First version' } }),
    invalid: async () => ({ token: await admin(), params: { id: await freshWorkflow(false) }, body: { note: 'x'.repeat(501) } }),
  },
  {
    path: '/tts/workflows/{id}/pause/',
    method: 'POST',
    route: pauseRoute,
    valid: async () => ({ token: await admin(), params: { id: await freshWorkflow() } }),
    // a draft was never deployed
    invalid: async () => ({ token: await admin(), params: { id: await freshWorkflow(false) } }),
    invalidStatus: 409,
  },
  {
    path: '/tts/workflows/{id}/versions/{version}/restore/',
    method: 'POST',
    route: restoreRoute,
    valid: async () => ({ token: await admin(), params: { id: await freshWorkflow(), version: 1 } }),
    invalid: async () => ({ token: await admin(), params: { id: (await fixture()).workflowId, version: 'latest' } }),
  },
  {
    path: '/tts/transitions/',
    method: 'GET',
    route: transitionsRoute,
    valid: async () => ({ token: await admin(), query: { workflow_id: (await fixture()).workflowId } }),
    invalid: async () => ({ token: await admin(), query: { workflow_id: 'first' } }),
  },
  // roles and calendars
  {
    path: '/tts/roles/',
    method: 'GET',
    route: rolesRoute,
    valid: async () => ({ token: await admin() }),
  },
  {
    path: '/tts/roles/',
    method: 'POST',
    route: rolesRoute,
    valid: async () => ({ token: await admin(), body: { name: `C-tts role ${tag()}`, description: 'Reviewers' } }),
    invalid: async () => ({ token: await admin(), body: { name: '', description: 'Reviewers' } }),
  },
  {
    path: '/tts/roles/{role_id}/',
    method: 'PATCH',
    route: roleRoute,
    valid: async () => ({
      token: await admin(),
      params: { role_id: (await roleWithMembers(0, 'C-tts patch')).role.id },
      body: { description: 'Second line' },
    }),
    invalid: async () => ({
      token: await admin(),
      params: { role_id: (await roleWithMembers(0, 'C-tts patch')).role.id },
      body: { members: [1] },
    }),
  },
  {
    path: '/tts/calendars/',
    method: 'GET',
    route: calendarsRoute,
    valid: async () => {
      await fixture();
      return { token: await tokenFor('agent1') };
    },
  },
  {
    path: '/tts/calendars/{id}/',
    method: 'DELETE',
    route: calendarRoute,
    valid: async () => ({ token: await admin(), params: { id: await calendarId() } }),
    // the fixture's workflow counts in it
    invalid: async () => ({ token: await admin(), params: { id: (await fixture()).calendarId } }),
    invalidStatus: 409,
  },
  // acting on tasks
  {
    path: '/tts/transitions/',
    method: 'POST',
    route: transitionsRoute,
    valid: async () => ({
      token: await tokenFor('agent1'),
      body: { task_item_id: (await routedTask()).itemId, transition_id: (await fixture()).submitId, notes: 'Checked' },
    }),
    invalid: async () => ({
      token: await tokenFor('agent1'),
      body: { task_item_id: (await routedTask()).itemId, transition_id: (await fixture()).submitId },
    }),
  },
  {
    path: '/tts/tasks/{id}/action/',
    method: 'POST',
    route: actionRoute,
    valid: async () => ({
      token: await tokenFor('agent1'),
      params: { id: (await routedTask()).taskId },
      body: { action_id: (await fixture()).submitId, comment: 'Checked' },
    }),
    invalid: async () => ({
      token: await tokenFor('agent1'),
      params: { id: (await routedTask()).taskId },
      body: { action_id: 'approve', comment: 'Checked' },
    }),
  },
  {
    path: '/tts/tasks/{id}/available-actions/',
    method: 'GET',
    route: availableActionsRoute,
    valid: async () => ({ token: await tokenFor('agent1'), params: { id: (await routedTask()).taskId } }),
    invalid: async () => ({ token: await tokenFor('agent1'), params: { id: 'abc' } }),
  },
  {
    path: '/tts/tasks/escalate/',
    method: 'POST',
    route: escalateRoute,
    valid: async () => ({
      token: await tokenFor('agent1'),
      body: { task_item_id: (await routedTask()).itemId, reason: 'Needs a specialist' },
    }),
    invalid: async () => ({ token: await tokenFor('agent1'), body: { task_item_id: (await routedTask()).itemId, reason: '' } }),
  },
  {
    path: '/tts/tasks/transfer/',
    method: 'POST',
    route: transferRoute,
    valid: async () => ({
      token: await admin(),
      body: { task_item_id: (await routedTask()).itemId, user_id: await userId('agent2'), notes: 'Covering for Sam' },
    }),
    invalid: async () => ({
      token: await admin(),
      body: { task_item_id: (await routedTask()).itemId, user_id: await userId('agent2'), notes: '' },
    }),
  },
  {
    path: '/tts/tasks/ticket-owner/escalate/',
    method: 'POST',
    route: ownerEscalateRoute,
    valid: async () => ({
      token: await tokenFor('coordinator1'),
      body: { ticket_number: (await routedTask()).ticketNumber, reason: 'VIP requester', urgency: 'high' },
    }),
    invalid: async () => ({ token: await tokenFor('coordinator1'), body: { ticket_number: '12', reason: 'VIP requester' } }),
  },
  {
    path: '/tts/tasks/ticket-owner/transfer/',
    method: 'POST',
    route: ownerTransferRoute,
    valid: async () => ({
      token: await admin(),
      body: {
        ticket_number: (await routedTask()).ticketNumber,
        new_owner_id: await userId('coordinator2'),
        reason: 'Balancing the load',
        expected_owner_id: await userId('coordinator1'),
      },
    }),
    invalid: async () => ({
      token: await admin(),
      body: { ticket_number: (await routedTask()).ticketNumber, new_owner_id: 'coordinator2' },
    }),
  },
  // reading tasks
  {
    path: '/tts/tasks/my-tasks/',
    method: 'GET',
    route: myTasksRoute,
    valid: async () => {
      await routedTask();
      return { token: await tokenFor('agent1'), query: { page_size: 100 } };
    },
    invalid: async () => ({ token: await tokenFor('agent1'), query: { tab: 'mine' } }),
  },
  {
    path: '/tts/tasks/detail/{task_item_id}/',
    method: 'GET',
    route: itemDetailRoute,
    valid: async () => ({ token: await tokenFor('agent1'), params: { task_item_id: (await routedTask()).itemId } }),
    invalid: async () => ({ token: await tokenFor('agent1'), params: { task_item_id: 'abc' } }),
  },
  {
    path: '/tts/tasks/logs/',
    method: 'GET',
    route: logsRoute,
    valid: async () => ({ token: await tokenFor('coordinator1'), query: { ticket_number: (await routedTask()).ticketNumber } }),
    invalid: async () => ({ token: await tokenFor('coordinator1'), query: {} }),
  },
  {
    path: '/tts/tasks/workflow-visualization/',
    method: 'GET',
    route: visualizationRoute,
    valid: async () => ({ token: await tokenFor('agent1'), query: { task_id: (await routedTask()).taskId } }),
    invalid: async () => ({ token: await tokenFor('agent1'), query: { workflow_id: 'main' } }),
  },
  {
    path: '/tts/audit/',
    method: 'GET',
    route: auditRoute,
    valid: async () => {
      await fixture();
      return { token: await admin(), query: { context: 'workflow', page_size: 100 } };
    },
    invalid: async () => ({ token: await admin(), query: { start_date: '2026-12-02', end_date: '2026-12-01' } }),
  },
  // unassigned tickets
  {
    path: '/tts/unassigned-tickets/',
    method: 'GET',
    route: unassignedRoute,
    valid: async () => {
      await unassignedTicket();
      return { token: await admin(), query: { page_size: 100 } };
    },
    invalid: async () => ({ token: await admin(), query: { page: 0 } }),
  },
  {
    path: '/tts/unassigned-tickets/{ticket_number}/assign/',
    method: 'POST',
    route: assignRoute,
    valid: async () => ({
      token: await admin(),
      params: { ticket_number: await unassignedTicket() },
      body: { workflow_id: (await fixture()).workflowId },
    }),
    invalid: async () => ({
      token: await admin(),
      params: { ticket_number: '42' },
      body: { workflow_id: (await fixture()).workflowId },
    }),
  },
  // reports and health
  {
    path: '/tts/reports/admin/',
    method: 'GET',
    route: adminReportRoute,
    valid: async () => {
      await routedTask();
      return { token: await admin() };
    },
    invalid: async () => ({ token: await admin(), query: { from: '2026-12-01' } }),
  },
  {
    path: '/tts/reports/coordinator-home/',
    method: 'GET',
    route: coordinatorHomeRoute,
    valid: async () => {
      await routedTask();
      return { token: await tokenFor('coordinator1'), query: { weeks: 4 } };
    },
    invalid: async () => ({ token: await tokenFor('coordinator1'), query: { weeks: 0 } }),
  },
  {
    path: '/tts/health/',
    method: 'GET',
    route: healthRoute,
    valid: async () => ({}),
  },
];
