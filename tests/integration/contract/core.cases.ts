import * as ticketTimelineRoute from '@/app/(api)/hdts/api/tickets/[id]/sla-timeline/route';
import * as apiNotificationsRoute from '@/app/(api)/notifications/api/notifications/route';
import * as inappRoute from '@/app/(api)/notifications/api/v2/notifications/inapp/route';
import * as notificationsRoute from '@/app/(api)/notifications/notifications/route';
import * as calendarRoute from '@/app/(api)/tts/calendars/[id]/route';
import * as calendarsRoute from '@/app/(api)/tts/calendars/route';
import * as taskRoute from '@/app/(api)/tts/tasks/[id]/route';
import * as taskTimelineRoute from '@/app/(api)/tts/tasks/[id]/sla-timeline/route';
import * as allTasksRoute from '@/app/(api)/tts/tasks/all-tasks/route';
import * as ownedRoute from '@/app/(api)/tts/tasks/owned-tickets/route';
import * as tasksRoute from '@/app/(api)/tts/tasks/route';
import * as deployRoute from '@/app/(api)/tts/workflows/[id]/deploy/route';
import * as dryRunRoute from '@/app/(api)/tts/workflows/[id]/dry-run/route';
import * as versionRoute from '@/app/(api)/tts/workflows/[id]/versions/[version]/route';
import * as diffRoute from '@/app/(api)/tts/workflows/[id]/versions/diff/route';
import * as versionsRoute from '@/app/(api)/tts/workflows/[id]/versions/route';
import * as workflowsRoute from '@/app/(api)/tts/workflows/route';
import { sendNotifications } from '@/lib/domain/notifications/commands';
import { processTicket } from '@/lib/domain/workflow/routing';
import { db } from '@/lib/server/db';
import { call, tokenFor } from '../../helpers/api';
import type { ContractCase } from '../../helpers/contract';
import { payload, roleWithMembers } from '../workflow-support';

const KEY = 'test-service-key-0123456789abcdef';
interface Fixture {
  workflowId: number;
  department: string;
}
let ready: Promise<Fixture> | undefined;
/** Built once, on the first case that needs it (importing the cases for the coverage test builds nothing). */
export const fixture = () => (ready ??= build());

async function build(): Promise<Fixture> {
  const agent1 = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
  const c1 = await db.user.findUniqueOrThrow({ where: { username: 'coordinator1' } });
  const only = await roleWithMembers(0, 'Contract responses');
  await db.userRole.create({ data: { userId: agent1.id, roleId: only.role.id } });
  const department = `Responses ${Date.now()}`;
  const admin = await tokenFor('admin');
  const created = await call(workflowsRoute, 'POST', '/tts/workflows/', {
    token: admin,
    body: {
      name: 'Responses',
      department,
      category: 'IT Support',
      high_sla: 'PT8H',
      steps: [{ name: 'Only', role_id: only.role.id, is_start: true, is_end: true }],
    },
  });
  await call(deployRoute, 'POST', '/tts/workflows/x/deploy/', { token: admin, params: { id: created.body.workflow_id } });
  const built = { workflowId: created.body.workflow_id, department };
  // a task with an attachment reference, owned by coordinator1, and a few notifications for employee1
  const r = await processTicket(
    payload({
      department,
      attachments: [
        { id: 1, filename: 'a.png', url: '/hdts/api/v1/attachments/1/', uploaded_at: new Date().toISOString(), size: 3 },
      ],
    }),
  );
  if (r.outcome !== 'routed') throw new Error('not routed');
  await db.task.update({ where: { id: r.taskId }, data: { ownerId: c1.id } });
  const emp = await db.user.findUniqueOrThrow({ where: { username: 'employee1' } });
  await sendNotifications({ user_id: emp.id, type: 'assignment', subject: 'S', message: 'M', metadata: { ticket_id: 'x' } });
  return built;
}

async function routedTask(): Promise<number> {
  const r = await processTicket(payload({ department: (await fixture()).department }));
  if (r.outcome !== 'routed') throw new Error('not routed');
  return r.taskId;
}
async function unassignedTicket(): Promise<string> {
  const p = payload({ department: `Nowhere ${Math.random()}` });
  await processTicket(p);
  return p.ticket_number;
}

const calendarBody = () => ({
  name: `Contract calendar ${Math.random().toString(36).slice(2, 8)}`,
  time_zone: 'Europe/Berlin',
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
  holidays: [{ date: '2026-12-25', name: 'Christmas' }],
});
async function calendarId(): Promise<number> {
  const res = await call(calendarsRoute, 'POST', '/tts/calendars/', { token: await tokenFor('admin'), body: calendarBody() });
  return res.body.calendar_id as number;
}

export const cases: ContractCase[] = [
  {
    path: '/tts/calendars/',
    method: 'POST',
    route: calendarsRoute,
    valid: async () => ({ token: await tokenFor('admin'), body: calendarBody() }),
    invalid: async () => ({ token: await tokenFor('admin'), body: { ...calendarBody(), time_zone: 'Nowhere/Else' } }),
  },
  {
    path: '/tts/calendars/{id}/',
    method: 'GET',
    route: calendarRoute,
    valid: async () => ({ token: await tokenFor('admin'), params: { id: await calendarId() } }),
    invalid: async () => ({ token: await tokenFor('admin'), params: { id: 'abc' } }),
  },
  {
    path: '/tts/calendars/{id}/',
    method: 'PUT',
    route: calendarRoute,
    valid: async () => ({ token: await tokenFor('admin'), params: { id: await calendarId() }, body: calendarBody() }),
    invalid: async () => ({
      token: await tokenFor('admin'),
      params: { id: await calendarId() },
      body: { ...calendarBody(), hours: [{ day: 1, start: '17:00', end: '09:00' }] },
    }),
  },
  {
    path: '/tts/tasks/',
    method: 'GET',
    route: tasksRoute,
    valid: async () => ({ token: await tokenFor('admin'), query: { page_size: 100 } }),
    invalid: async () => ({ token: await tokenFor('admin'), query: { status: 'nope' } }),
  },
  {
    path: '/tts/tasks/',
    method: 'POST',
    route: tasksRoute,
    valid: async () => ({
      token: await tokenFor('admin'),
      body: { workflow_id: (await fixture()).workflowId, ticket_number: await unassignedTicket() },
    }),
    invalid: async () => ({ token: await tokenFor('admin'), body: { workflow_id: (await fixture()).workflowId, title: 'x' } }),
  },
  {
    path: '/tts/tasks/{id}/',
    method: 'GET',
    route: taskRoute,
    valid: async () => ({
      token: await tokenFor('admin'),
      params: { id: (await db.task.findFirstOrThrow({ orderBy: { id: 'asc' } })).id },
    }),
    invalid: async () => ({ token: await tokenFor('admin'), params: { id: 'abc' } }),
  },
  {
    path: '/tts/tasks/{id}/',
    method: 'PATCH',
    route: taskRoute,
    valid: async () => ({
      token: await tokenFor('agent1'),
      params: { id: await routedTask() },
      body: { status: 'completed', notes: 'Done' },
    }),
    invalid: async () => ({ token: await tokenFor('agent1'), params: { id: await routedTask() }, body: { status: 'closed' } }),
  },
  {
    path: '/tts/tasks/{id}/sla-timeline/',
    method: 'GET',
    route: taskTimelineRoute,
    valid: async () => ({ token: await tokenFor('admin'), params: { id: await routedTask() } }),
    invalid: async () => ({ token: await tokenFor('admin'), params: { id: 'abc' } }),
  },
  {
    path: '/hdts/api/tickets/{id}/sla-timeline/',
    method: 'GET',
    route: ticketTimelineRoute,
    valid: async () => {
      const id = await routedTask();
      const t = await db.task.findUniqueOrThrow({ where: { id }, include: { ticket: true } });
      return { token: await tokenFor('admin'), params: { id: t.ticket.ticketNumber } };
    },
    invalid: async () => ({ token: await tokenFor('admin'), params: { id: '12' } }),
  },
  {
    path: '/tts/tasks/all-tasks/',
    method: 'GET',
    route: allTasksRoute,
    valid: async () => ({ token: await tokenFor('admin'), query: { page_size: 100 } }),
    invalid: async () => ({ token: await tokenFor('admin'), query: { page_size: 1000 } }),
  },
  {
    path: '/tts/tasks/owned-tickets/',
    method: 'GET',
    route: ownedRoute,
    valid: async () => ({ token: await tokenFor('coordinator1'), query: { page_size: 100 } }),
    invalid: async () => ({ token: await tokenFor('coordinator1'), query: { sla: 'soon' } }),
  },
  {
    path: '/tts/workflows/{id}/versions/',
    method: 'GET',
    route: versionsRoute,
    valid: async () => ({ token: await tokenFor('admin'), params: { id: (await fixture()).workflowId } }),
    invalid: async () => ({ token: await tokenFor('admin'), params: { id: 'abc' } }),
  },
  {
    path: '/tts/workflows/{id}/versions/{version}/',
    method: 'GET',
    route: versionRoute,
    valid: async () => ({ token: await tokenFor('admin'), params: { id: (await fixture()).workflowId, version: 1 } }),
    invalid: async () => ({ token: await tokenFor('admin'), params: { id: (await fixture()).workflowId, version: 'latest' } }),
  },
  {
    path: '/tts/workflows/{id}/versions/diff/',
    method: 'GET',
    route: diffRoute,
    valid: async () => ({ token: await tokenFor('admin'), params: { id: (await fixture()).workflowId }, query: { from: 1 } }),
    invalid: async () => ({
      token: await tokenFor('admin'),
      params: { id: (await fixture()).workflowId },
      query: { from: 'first' },
    }),
  },
  {
    path: '/tts/workflows/{id}/dry-run/',
    method: 'POST',
    route: dryRunRoute,
    valid: async () => ({
      token: await tokenFor('admin'),
      params: { id: (await fixture()).workflowId },
      body: { ticket: { subject: 'Example', priority: 'High' } },
    }),
    invalid: async () => ({
      token: await tokenFor('admin'),
      params: { id: (await fixture()).workflowId },
      body: { limit: 1000 },
    }),
  },
  {
    path: '/notifications/api/notifications/',
    method: 'GET',
    route: apiNotificationsRoute,
    valid: async () => ({
      headers: { 'x-api-key': KEY },
      query: { user_id: (await db.user.findUniqueOrThrow({ where: { username: 'employee1' } })).id },
    }),
    invalid: async () => ({ headers: { 'x-api-key': KEY } }),
  },
  {
    path: '/notifications/notifications/',
    method: 'GET',
    route: notificationsRoute,
    valid: async () => ({ token: await tokenFor('employee1') }),
    invalid: async () => ({ token: await tokenFor('employee1'), query: { is_read: 'maybe' } }),
  },
  {
    path: '/notifications/api/v2/notifications/inapp/',
    method: 'GET',
    route: inappRoute,
    valid: async () => ({ token: await tokenFor('employee1') }),
    invalid: async () => ({ token: await tokenFor('employee1'), query: { page: 0 } }),
  },
];
