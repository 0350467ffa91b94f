/**
 * Authorization matrix of the spec-fidelity routes (issue 16): 002's task writes, 003's API-key notification list
 * and every service's documentation aliases. Refused calls change nothing.
 */
import { describe } from 'vitest';
import * as authDocs from '@/app/(api)/auth/docs/route';
import * as hdtsSchema from '@/app/(api)/hdts/schema/route';
import * as messagingRedoc from '@/app/(api)/messaging/redoc/route';
import * as apiNotificationsRoute from '@/app/(api)/notifications/api/notifications/route';
import * as ttsDocs from '@/app/(api)/tts/docs/route';
import * as taskRoute from '@/app/(api)/tts/tasks/[id]/route';
import * as tasksRoute from '@/app/(api)/tts/tasks/route';
import * as deployRoute from '@/app/(api)/tts/workflows/[id]/deploy/route';
import * as workflowsRoute from '@/app/(api)/tts/workflows/route';
import { processTicket } from '@/lib/domain/workflow/routing';
import { db } from '@/lib/server/db';
import { call, tokenFor } from '../helpers/api';
import { type MatrixRow, runMatrix } from '../helpers/matrix';
import { payload, roleWithMembers, WORKFLOW_TABLES } from './workflow-support';

const NOTIFICATION_TABLES = ['notifications.notifications', 'notifications.email_deliveries', 'pgboss.job'];

let fixture: Promise<{ workflowId: number; department: string }> | null = null;
/** A deployed one-step workflow (start = end) whose role's only member is agent1. */
function setup() {
  fixture ??= (async () => {
    const agent1 = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
    const only = await roleWithMembers(0, 'Contract only');
    await db.userRole.create({ data: { userId: agent1.id, roleId: only.role.id } });
    const department = `Contract ${Date.now()}`;
    const admin = await tokenFor('admin');
    const created = await call(workflowsRoute, 'POST', '/tts/workflows/', {
      token: admin,
      body: {
        name: 'Contract',
        department,
        category: 'IT Support',
        steps: [{ name: 'Only', role_id: only.role.id, is_start: true, is_end: true }],
      },
    });
    const workflowId = created.body.workflow_id as number;
    await call(deployRoute, 'POST', `/tts/workflows/${workflowId}/deploy/`, { token: admin, params: { id: workflowId } });
    return { workflowId, department };
  })();
  return fixture;
}

/** A fresh task at its (end) step, assigned to agent1 and owned by coordinator1. */
async function endStepTask() {
  const f = await setup();
  const r = await processTicket(payload({ department: f.department }));
  if (r.outcome !== 'routed') throw new Error(`not routed: ${JSON.stringify(r)}`);
  const c1 = await db.user.findUniqueOrThrow({ where: { username: 'coordinator1' } });
  await db.task.update({ where: { id: r.taskId }, data: { ownerId: c1.id } });
  return r.taskId;
}

/** A ticket the workflow received but no workflow took. */
async function unassignedTicket() {
  const p = payload({ department: `Nowhere ${Math.random()}` });
  const r = await processTicket(p);
  if (r.outcome !== 'unassigned') throw new Error(`expected unassigned: ${JSON.stringify(r)}`);
  return p.ticket_number;
}

const docsRow = (name: string, route: MatrixRow['route']): MatrixRow => ({
  name,
  route,
  method: 'GET',
  path: name,
  expect: { otherwise: 200 },
});

const rows: MatrixRow[] = [
  {
    name: '/tts/tasks/ (002 create)',
    route: tasksRoute,
    method: 'POST',
    path: '/tts/tasks/',
    options: async () => ({ body: { workflow_id: (await setup()).workflowId, ticket_number: await unassignedTicket() } }),
    expect: { admin: 201, anonymous: 401, otherwise: 403 },
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/tts/tasks/{id}/ (002 update)',
    route: taskRoute,
    method: 'PATCH',
    path: '/tts/tasks/{id}/',
    options: async () => ({ params: { id: await endStepTask() }, body: { status: 'completed', notes: 'Done' } }),
    expect: { agent: 200, admin: 200, coordinator: 403, anonymous: 401, otherwise: 404 },
    tables: WORKFLOW_TABLES,
  },
  {
    name: '/notifications/api/notifications/ (own list, no key)',
    route: apiNotificationsRoute,
    method: 'GET',
    path: '/notifications/api/notifications/',
    expect: { anonymous: 401, otherwise: 200 },
  },
  {
    name: '/notifications/api/notifications/ (create, no key)',
    route: apiNotificationsRoute,
    method: 'POST',
    path: '/notifications/api/notifications/',
    options: { body: { user_id: 1, type: 'mention', subject: 'x', message: 'y' } },
    expect: { otherwise: 401 },
    tables: NOTIFICATION_TABLES,
  },
  docsRow('/tts/docs/', ttsDocs),
  docsRow('/auth/docs/', authDocs),
  docsRow('/messaging/redoc/', messagingRedoc),
  docsRow('/hdts/schema/', hdtsSchema),
];

describe('authorization matrix: spec-fidelity routes', () => {
  runMatrix(rows);
});
