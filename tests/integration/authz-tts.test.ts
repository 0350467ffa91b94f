/** Authorization matrix of the workflow engine: every /tts route × role → status; refused calls change nothing. */
import { beforeAll, describe } from 'vitest';
import * as ticketSlaTimelineRoute from '@/app/(api)/hdts/api/tickets/[id]/sla-timeline/route';
import * as auditRoute from '@/app/(api)/tts/audit/route';
import * as calendarRoute from '@/app/(api)/tts/calendars/[id]/route';
import * as calendarsRoute from '@/app/(api)/tts/calendars/route';
import * as reportsAdminRoute from '@/app/(api)/tts/reports/admin/route';
import * as reportsCoordinatorRoute from '@/app/(api)/tts/reports/coordinator-home/route';
import * as roleRoute from '@/app/(api)/tts/roles/[role_id]/route';
import * as rolesRoute from '@/app/(api)/tts/roles/route';
import * as actionRoute from '@/app/(api)/tts/tasks/[id]/action/route';
import * as availableRoute from '@/app/(api)/tts/tasks/[id]/available-actions/route';
import * as taskRoute from '@/app/(api)/tts/tasks/[id]/route';
import * as taskSlaTimelineRoute from '@/app/(api)/tts/tasks/[id]/sla-timeline/route';
import * as allTasksRoute from '@/app/(api)/tts/tasks/all-tasks/route';
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
import * as dryRunRoute from '@/app/(api)/tts/workflows/[id]/dry-run/route';
import * as pauseRoute from '@/app/(api)/tts/workflows/[id]/pause/route';
import * as workflowRoute from '@/app/(api)/tts/workflows/[id]/route';
import * as restoreRoute from '@/app/(api)/tts/workflows/[id]/versions/[version]/restore/route';
import * as versionRoute from '@/app/(api)/tts/workflows/[id]/versions/[version]/route';
import * as diffRoute from '@/app/(api)/tts/workflows/[id]/versions/diff/route';
import * as versionsRoute from '@/app/(api)/tts/workflows/[id]/versions/route';
import * as workflowsRoute from '@/app/(api)/tts/workflows/route';
import { processTicket } from '@/lib/domain/workflow/routing';
import { db } from '@/lib/server/db';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, tokenFor } from '../helpers/api';
import { type MatrixRow, runMatrix } from '../helpers/matrix';
import { payload, roleWithMembers, WORKFLOW_TABLES } from './workflow-support';

const STAFF = { coordinator: 200, agent: 200, admin: 200, anonymous: 401, otherwise: 403 };
const ADMIN_ONLY = (ok: number) => ({ admin: ok, anonymous: 401, otherwise: 403 });
const CALENDAR_TABLES = ['workflow.calendars', 'workflow.tasks', 'audit.audit_log'];
const calendarBody = () => ({
  name: `Matrix calendar ${Math.random().toString(36).slice(2, 8)}`,
  time_zone: 'Europe/Berlin',
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
});
/** A fresh unused calendar per call (a row may delete it). */
const matrixCalendar = async () =>
  (
    await db.slaCalendar.create({
      data: { name: calendarBody().name, timeZone: 'UTC', hours: [{ day: 1, start: '09:00', end: '17:00' }] },
    })
  ).id;

interface Fixture {
  workflowId: number;
  department: string;
  startRoleId: number;
  nextRoleId: number;
  endRoleId: number;
  escalationRoleId: number;
  coordinatorId: number;
  coordinator2Id: number;
}
let fixture: Promise<Fixture> | null = null;

/** One deployed workflow whose start role's only member is agent1; tasks are owned by coordinator1. */
function setup(): Promise<Fixture> {
  fixture ??= (async () => {
    const agent1 = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
    const start = await roleWithMembers(0, 'Matrix start');
    await db.userRole.create({ data: { userId: agent1.id, roleId: start.role.id } });
    const next = await roleWithMembers(1, 'Matrix next');
    const end = await roleWithMembers(1, 'Matrix end');
    const esc = await roleWithMembers(1, 'Matrix escalation');
    const department = `Matrix ${Date.now()}`;
    const admin = await tokenFor('admin');
    const created = await call(workflowsRoute, 'POST', '/tts/workflows/', {
      token: admin,
      body: {
        name: 'Matrix',
        department,
        category: 'IT Support',
        high_sla: 'PT8H',
        steps: [
          { name: 'Start', role_id: start.role.id, is_start: true, escalate_to_role_id: esc.role.id },
          { name: 'Next', role_id: next.role.id },
          { name: 'End', role_id: end.role.id, is_end: true },
        ],
        transitions: [
          { from_step: 'Start', to_step: 'Next', name: 'submit' },
          { from_step: 'Next', to_step: 'End', name: 'resolve' },
        ],
      },
    });
    const workflowId = created.body.workflow_id;
    await call(deployRoute, 'POST', `/tts/workflows/${workflowId}/deploy/`, { token: admin, params: { id: workflowId } });
    const c1 = await db.user.findUniqueOrThrow({ where: { username: 'coordinator1' } });
    const c2 = await db.user.findUniqueOrThrow({ where: { username: 'coordinator2' } });
    return {
      workflowId,
      department,
      startRoleId: start.role.id,
      nextRoleId: next.role.id,
      endRoleId: end.role.id,
      escalationRoleId: esc.role.id,
      coordinatorId: c1.id,
      coordinator2Id: c2.id,
    };
  })();
  return fixture;
}

/** A fresh task at its start step, assigned to agent1 and owned by coordinator1. */
async function freshTask(o: { employeeId?: number } = {}) {
  const f = await setup();
  const p = payload({ department: f.department, ...(o.employeeId ? { employee_id: o.employeeId } : {}) });
  const r = await processTicket(p);
  if (r.outcome !== 'routed') throw new Error(`not routed: ${JSON.stringify(r)}`);
  await db.task.update({ where: { id: r.taskId }, data: { ownerId: f.coordinatorId } });
  const item = await db.taskItem.findFirstOrThrow({ where: { taskId: r.taskId } });
  const submit = await db.workflowTransition.findFirstOrThrow({ where: { workflowId: f.workflowId, name: 'submit' } });
  return { taskId: r.taskId, itemId: item.id, ticketNumber: p.ticket_number, submitId: submit.id };
}

async function draftWorkflow(deploy = false) {
  const f = await setup();
  const admin = await tokenFor('admin');
  const res = await call(workflowsRoute, 'POST', '/tts/workflows/', {
    token: admin,
    body: {
      name: 'Draft',
      department: `Draft ${Math.random()}`,
      category: 'C',
      steps: [{ name: 'Only', role_id: f.nextRoleId, is_start: true, is_end: true }],
    },
  });
  if (deploy)
    await call(deployRoute, 'POST', `/tts/workflows/${res.body.workflow_id}/deploy/`, {
      token: admin,
      params: { id: res.body.workflow_id },
    });
  return res.body.workflow_id as number;
}

const rows: MatrixRow[] = [
  {
    name: '/tts/workflows/',
    route: workflowsRoute,
    method: 'GET',
    path: '/tts/workflows/',
    expect: STAFF,
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/workflows/',
    route: workflowsRoute,
    method: 'POST',
    path: '/tts/workflows/',
    options: { body: { name: 'New', department: 'Matrix new', category: 'C' } },
    expect: ADMIN_ONLY(201),
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/workflows/{id}/',
    route: workflowRoute,
    method: 'GET',
    path: '/tts/workflows/{id}/',
    options: async () => ({ params: { id: (await setup()).workflowId } }),
    expect: STAFF,
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/workflows/{id}/',
    route: workflowRoute,
    method: 'PATCH',
    path: '/tts/workflows/{id}/',
    options: async () => ({ params: { id: await draftWorkflow() }, body: { description: 'changed' } }),
    expect: ADMIN_ONLY(200),
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/workflows/{id}/',
    route: workflowRoute,
    method: 'DELETE',
    path: '/tts/workflows/{id}/',
    options: async () => ({ params: { id: await draftWorkflow() } }),
    expect: ADMIN_ONLY(204),
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/workflows/{id}/deploy/',
    route: deployRoute,
    method: 'POST',
    path: '/tts/workflows/{id}/deploy/',
    options: async () => ({ params: { id: await draftWorkflow() } }),
    expect: ADMIN_ONLY(200),
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/workflows/{id}/pause/',
    route: pauseRoute,
    method: 'POST',
    path: '/tts/workflows/{id}/pause/',
    options: async () => ({ params: { id: await draftWorkflow(true) } }),
    expect: ADMIN_ONLY(200),
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/workflows/{id}/versions/',
    route: versionsRoute,
    method: 'GET',
    path: '/tts/workflows/{id}/versions/',
    options: async () => ({ params: { id: (await setup()).workflowId } }),
    expect: STAFF,
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/workflows/{id}/versions/diff/',
    route: diffRoute,
    method: 'GET',
    path: '/tts/workflows/{id}/versions/diff/',
    options: async () => ({ params: { id: (await setup()).workflowId }, query: { from: 1, to: 'draft' } }),
    expect: STAFF,
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/workflows/{id}/versions/{version}/',
    route: versionRoute,
    method: 'GET',
    path: '/tts/workflows/{id}/versions/1/',
    options: async () => ({ params: { id: (await setup()).workflowId, version: 1 } }),
    expect: STAFF,
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/workflows/{id}/versions/{version}/restore/',
    route: restoreRoute,
    method: 'POST',
    path: '/tts/workflows/{id}/versions/1/restore/',
    options: async () => ({ params: { id: await draftWorkflow(true), version: 1 } }),
    expect: ADMIN_ONLY(200),
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/workflows/{id}/dry-run/',
    route: dryRunRoute,
    method: 'POST',
    path: '/tts/workflows/{id}/dry-run/',
    options: async () => ({ params: { id: (await setup()).workflowId }, body: { ticket: { priority: 'High' } } }),
    expect: ADMIN_ONLY(200),
    tables: WORKFLOW_TABLES,
  },
  { name: '/tts/calendars/', route: calendarsRoute, method: 'GET', path: '/tts/calendars/', expect: STAFF },
  {
    name: '/tts/calendars/',
    route: calendarsRoute,
    method: 'POST',
    path: '/tts/calendars/',
    options: () => ({ body: calendarBody() }),
    expect: ADMIN_ONLY(201),
    tables: CALENDAR_TABLES,
  },
  {
    name: '/tts/calendars/{id}/',
    route: calendarRoute,
    method: 'GET',
    path: '/tts/calendars/{id}/',
    options: async () => ({ params: { id: await matrixCalendar() } }),
    expect: STAFF,
  },
  {
    name: '/tts/calendars/{id}/',
    route: calendarRoute,
    method: 'PUT',
    path: '/tts/calendars/{id}/',
    options: async () => ({ params: { id: await matrixCalendar() }, body: calendarBody() }),
    expect: ADMIN_ONLY(200),
    tables: CALENDAR_TABLES,
  },
  {
    name: '/tts/calendars/{id}/',
    route: calendarRoute,
    method: 'DELETE',
    path: '/tts/calendars/{id}/',
    options: async () => ({ params: { id: await matrixCalendar() } }),
    expect: ADMIN_ONLY(204),
    tables: CALENDAR_TABLES,
  },
  { name: '/tts/roles/', route: rolesRoute, method: 'GET', path: '/tts/roles/', expect: STAFF },
  {
    name: '/tts/roles/',
    route: rolesRoute,
    method: 'POST',
    path: '/tts/roles/',
    options: () => ({ body: { name: `Matrix role ${Math.random().toString(36).slice(2, 8)}` } }),
    expect: ADMIN_ONLY(201),
    tables: ['identity.roles', 'audit.audit_log'],
  },
  {
    name: '/tts/roles/{role_id}/',
    route: roleRoute,
    method: 'PATCH',
    path: '/tts/roles/{role_id}/',
    options: async () => {
      const role = await db.role.create({
        data: { system: 'tts', name: `Matrix rename ${Math.random().toString(36).slice(2, 8)}` },
      });
      return { params: { role_id: role.id }, body: { description: 'Renamed in the matrix' } };
    },
    expect: ADMIN_ONLY(200),
    tables: ['identity.roles', 'audit.audit_log'],
  },
  {
    name: '/tts/transitions/?workflow_id=',
    route: transitionsRoute,
    method: 'GET',
    path: '/tts/transitions/',
    options: async () => ({ query: { workflow_id: (await setup()).workflowId } }),
    expect: STAFF,
  },
  {
    name: '/tts/transitions/',
    route: transitionsRoute,
    method: 'POST',
    path: '/tts/transitions/',
    options: async () => {
      const t = await freshTask();
      return { body: { task_item_id: t.itemId, transition_id: t.submitId, notes: 'ok' } };
    },
    expect: { agent: 200, admin: 200, coordinator: 403, anonymous: 401, otherwise: 404 },
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/tasks/{id}/action/',
    route: actionRoute,
    method: 'POST',
    path: '/tts/tasks/{id}/action/',
    options: async () => {
      const t = await freshTask();
      return { params: { id: t.taskId }, body: { action_id: t.submitId, comment: 'ok' } };
    },
    expect: { agent: 200, admin: 200, coordinator: 403, anonymous: 401, otherwise: 404 },
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/tasks/{id}/available-actions/',
    route: availableRoute,
    method: 'GET',
    path: '/tts/tasks/{id}/available-actions/',
    options: async () => ({ params: { id: (await freshTask()).taskId } }),
    expect: { agent: 200, admin: 200, coordinator: 200, anonymous: 401, otherwise: 404 },
  },
  { name: '/tts/tasks/', route: tasksRoute, method: 'GET', path: '/tts/tasks/', expect: STAFF },
  {
    name: '/tts/tasks/{id}/',
    route: taskRoute,
    method: 'GET',
    path: '/tts/tasks/{id}/',
    options: async () => ({ params: { id: (await freshTask()).taskId } }),
    expect: STAFF,
  },
  {
    name: '/tts/tasks/{id}/sla-timeline/',
    route: taskSlaTimelineRoute,
    method: 'GET',
    path: '/tts/tasks/{id}/sla-timeline/',
    options: async () => ({ params: { id: (await freshTask()).taskId } }),
    expect: STAFF,
  },
  {
    // employee1's ticket: its requester and the task's staff (owner coordinator1, assignee agent1, admin) read it
    name: '/hdts/api/tickets/{id}/sla-timeline/',
    route: ticketSlaTimelineRoute,
    method: 'GET',
    path: '/hdts/api/tickets/{id}/sla-timeline/',
    options: async () => {
      const employee = await db.user.findUniqueOrThrow({ where: { username: 'employee1' } });
      return { params: { id: (await freshTask({ employeeId: employee.id })).ticketNumber } };
    },
    expect: { anonymous: 401, otherEmployee: 404, otherwise: 200 },
  },
  {
    name: '/tts/tasks/owned-tickets/',
    route: ownedRoute,
    method: 'GET',
    path: '/tts/tasks/owned-tickets/',
    expect: { coordinator: 200, admin: 200, anonymous: 401, otherwise: 403 },
  },
  { name: '/tts/reports/admin/', route: reportsAdminRoute, method: 'GET', path: '/tts/reports/admin/', expect: ADMIN_ONLY(200) },
  {
    name: '/tts/reports/coordinator-home/',
    route: reportsCoordinatorRoute,
    method: 'GET',
    path: '/tts/reports/coordinator-home/',
    expect: { coordinator: 200, admin: 200, anonymous: 401, otherwise: 403 },
  },
  {
    name: '/tts/tasks/my-tasks/',
    route: myTasksRoute,
    method: 'GET',
    path: '/tts/tasks/my-tasks/',
    expect: { agent: 200, admin: 200, anonymous: 401, otherwise: 403 },
  },
  { name: '/tts/tasks/all-tasks/', route: allTasksRoute, method: 'GET', path: '/tts/tasks/all-tasks/', expect: ADMIN_ONLY(200) },
  {
    name: '/tts/tasks/detail/{task_item_id}/',
    route: detailRoute,
    method: 'GET',
    path: '/tts/tasks/detail/{task_item_id}/',
    options: async () => ({ params: { task_item_id: (await freshTask()).itemId } }),
    expect: STAFF,
  },
  {
    name: '/tts/tasks/logs/',
    route: logsRoute,
    method: 'GET',
    path: '/tts/tasks/logs/',
    options: async () => ({ query: { ticket_number: (await freshTask()).ticketNumber } }),
    expect: { agent: 200, admin: 200, coordinator: 200, anonymous: 401, otherwise: 404 },
  },
  {
    name: '/tts/tasks/workflow-visualization/',
    route: vizRoute,
    method: 'GET',
    path: '/tts/tasks/workflow-visualization/',
    options: async () => ({ query: { workflow_id: (await setup()).workflowId } }),
    expect: STAFF,
  },
  {
    name: '/tts/tasks/escalate/',
    route: escalateRoute,
    method: 'POST',
    path: '/tts/tasks/escalate/',
    options: async () => ({ body: { task_item_id: (await freshTask()).itemId, reason: 'stuck' } }),
    expect: { agent: 200, admin: 200, coordinator: 403, anonymous: 401, otherwise: 404 },
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/tasks/transfer/',
    route: transferRoute,
    method: 'POST',
    path: '/tts/tasks/transfer/',
    options: async () => {
      const agent2 = await db.user.findUniqueOrThrow({ where: { username: 'agent2' } });
      return { body: { task_item_id: (await freshTask()).itemId, user_id: agent2.id, notes: 'balance' } };
    },
    expect: ADMIN_ONLY(200),
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/tasks/ticket-owner/escalate/',
    route: ownerEscalateRoute,
    method: 'POST',
    path: '/tts/tasks/ticket-owner/escalate/',
    options: async () => ({ body: { ticket_number: (await freshTask()).ticketNumber, reason: 'complex' } }),
    expect: { coordinator: 200, anonymous: 401, otherwise: 403 },
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/tasks/ticket-owner/transfer/',
    route: ownerTransferRoute,
    method: 'POST',
    path: '/tts/tasks/ticket-owner/transfer/',
    options: async () => ({
      body: { ticket_number: (await freshTask()).ticketNumber, new_owner_id: (await setup()).coordinator2Id },
    }),
    expect: ADMIN_ONLY(200),
    tables: WORKFLOW_TABLES,
  },
  { name: '/tts/audit/', route: auditRoute, method: 'GET', path: '/tts/audit/', expect: ADMIN_ONLY(200) },
  {
    name: '/tts/unassigned-tickets/',
    route: unassignedRoute,
    method: 'GET',
    path: '/tts/unassigned-tickets/',
    expect: ADMIN_ONLY(200),
  },
  {
    name: '/tts/unassigned-tickets/{ticket_number}/assign/',
    route: assignRoute,
    method: 'POST',
    path: '/tts/unassigned-tickets/{ticket_number}/assign/',
    options: async () => {
      const f = await setup();
      const p = payload({ department: 'Matrix nowhere' });
      await processTicket(p);
      return { params: { ticket_number: p.ticket_number }, body: { workflow_id: f.workflowId } };
    },
    expect: ADMIN_ONLY(200),
    tables: WORKFLOW_TABLES,
  },
];

describe('tts authorization matrix', () => {
  beforeAll(async () => {
    await startJobs({ workers: false });
  });
  runMatrix(rows);
});
