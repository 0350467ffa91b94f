/** Issue 16's missing endpoints: 002's task writes, 003's API-key notification list, the documentation aliases. */
import { afterAll, describe, expect, it } from 'vitest';
import * as apiNotificationsRoute from '@/app/(api)/notifications/api/notifications/route';
import * as ttsRedoc from '@/app/(api)/tts/redoc/route';
import * as ttsSchema from '@/app/(api)/tts/schema/route';
import * as taskRoute from '@/app/(api)/tts/tasks/[id]/route';
import * as tasksRoute from '@/app/(api)/tts/tasks/route';
import * as deployRoute from '@/app/(api)/tts/workflows/[id]/deploy/route';
import * as workflowsRoute from '@/app/(api)/tts/workflows/route';
import * as docsRoute from '@/app/api/docs/route';
import * as schemaRoute from '@/app/api/schema/route';
import { sendNotifications } from '@/lib/domain/notifications/commands';
import { processTicket } from '@/lib/domain/workflow/routing';
import { db } from '@/lib/server/db';
import { env } from '@/lib/server/env';
import { call, makeUser, snapshot, tokenFor } from '../helpers/api';
import { payload, roleWithMembers, threeStepWorkflow, WORKFLOW_TABLES } from './workflow-support';

const KEY = 'test-service-key-0123456789abcdef';

async function oneStepWorkflow() {
  const agent1 = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
  const only = await roleWithMembers(0, 'Endpoint only');
  await db.userRole.create({ data: { userId: agent1.id, roleId: only.role.id } });
  const department = `Endpoints ${Date.now()} ${Math.random()}`;
  const admin = await tokenFor('admin');
  const created = await call(workflowsRoute, 'POST', '/tts/workflows/', {
    token: admin,
    body: {
      name: 'One step',
      department,
      category: 'IT Support',
      steps: [{ name: 'Only', role_id: only.role.id, is_start: true, is_end: true }],
    },
  });
  await call(deployRoute, 'POST', '/tts/workflows/x/deploy/', { token: admin, params: { id: created.body.workflow_id } });
  return { workflowId: created.body.workflow_id as number, department };
}

describe('002: POST /tts/tasks/', () => {
  it('starts a deployed workflow on an unassigned ticket, by ticket_number or its aliases', async () => {
    const { workflowId } = await oneStepWorkflow();
    const admin = await tokenFor('admin');
    for (const field of ['ticket_number', 'external_ticket_id', 'ticket_id']) {
      const p = payload({ department: `Nowhere ${Math.random()}` });
      expect((await processTicket(p)).outcome).toBe('unassigned');
      const res = await call(tasksRoute, 'POST', '/tts/tasks/', {
        token: admin,
        body: { workflow_id: workflowId, [field]: p.ticket_number },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        workflow_id: workflowId,
        ticket_number: p.ticket_number,
        message: 'Task created successfully',
      });
      const task = await db.task.findUniqueOrThrow({ where: { id: res.body.task_id }, include: { ticket: true } });
      expect(task.ticket.ticketNumber).toBe(p.ticket_number);
      expect(task.ticket.routing).toBe('routed');
    }
  });

  it("refuses the spec's ticket-less example and ticket fields with field errors; a routed ticket is a 409; nothing changes", async () => {
    const { workflowId, department } = await oneStepWorkflow();
    const admin = await tokenFor('admin');
    const routed = payload({ department });
    expect((await processTicket(routed)).outcome).toBe('routed');
    const before = await snapshot(WORKFLOW_TABLES);
    const example = await call(tasksRoute, 'POST', '/tts/tasks/', {
      token: admin,
      body: { workflow_id: workflowId, title: 'Test Task', priority: 'high' },
    });
    expect(example.status).toBe(400);
    expect(example.body.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(example.body.details).sort()).toEqual(['priority', 'ticket_number', 'title', 'trace_id']);
    const badNumber = await call(tasksRoute, 'POST', '/tts/tasks/', {
      token: admin,
      body: { workflow_id: workflowId, ticket_number: 'T-456' },
    });
    expect(badNumber.status).toBe(400);
    expect(badNumber.body.details.ticket_number).toBeDefined();
    const again = await call(tasksRoute, 'POST', '/tts/tasks/', {
      token: admin,
      body: { workflow_id: workflowId, ticket_number: routed.ticket_number },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_ROUTED');
    const unknown = await call(tasksRoute, 'POST', '/tts/tasks/', {
      token: admin,
      body: { workflow_id: workflowId, ticket_number: 'TX20990101000001' },
    });
    expect(unknown.status).toBe(404);
    expect(await snapshot(WORKFLOW_TABLES)).toEqual(before);
  });
});

describe('002: PATCH /tts/tasks/{id}/', () => {
  it('completes a task at its last step with notes, as the finalize action does', async () => {
    const { department } = await oneStepWorkflow();
    const r = await processTicket(payload({ department }));
    if (r.outcome !== 'routed') throw new Error('not routed');
    const res = await call(taskRoute, 'PATCH', '/tts/tasks/x/', {
      token: await tokenFor('agent1'),
      params: { id: r.taskId },
      body: { status: 'completed', notes: 'Issue resolved by rebooting network equipment' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ task_id: r.taskId, status: 'completed', message: 'Task updated successfully' });
    const task = await db.task.findUniqueOrThrow({ where: { id: r.taskId }, include: { items: true } });
    expect(task.status).toBe('completed');
    expect(task.items[0].notes).toBe('Issue resolved by rebooting network equipment');
    const twice = await call(taskRoute, 'PATCH', '/tts/tasks/x/', {
      token: await tokenFor('agent1'),
      params: { id: r.taskId },
      body: { status: 'completed', notes: 'again' },
    });
    expect(twice.status).toBe(409);
  });

  it('refuses other statuses, missing notes and a step that is not the last (naming the transitions); nothing changes', async () => {
    const wf = await threeStepWorkflow();
    const r = await processTicket(payload({ department: wf.department, category: wf.category }));
    if (r.outcome !== 'routed') throw new Error('not routed');
    const admin = await tokenFor('admin');
    const before = await snapshot(WORKFLOW_TABLES);
    for (const body of [
      { status: 'closed', notes: 'x' },
      { status: 'in_progress', notes: 'x' },
      { notes: 'x' },
      { status: 'completed' },
    ]) {
      const res = await call(taskRoute, 'PATCH', '/tts/tasks/x/', { token: admin, params: { id: r.taskId }, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('VALIDATION_ERROR');
    }
    const early = await call(taskRoute, 'PATCH', '/tts/tasks/x/', {
      token: admin,
      params: { id: r.taskId },
      body: { status: 'completed', notes: 'x' },
    });
    expect(early.status).toBe(400);
    expect(early.body.code).toBe('INVALID_TRANSITION');
    expect(early.body.details.available_transitions.length).toBeGreaterThan(0);
    expect(await snapshot(WORKFLOW_TABLES)).toEqual(before);
  });
});

describe('003: GET /notifications/api/notifications/ with X-API-Key', () => {
  it("a service reads one user's notifications (user_id required, is_read filter); a wrong key is a 401", async () => {
    const user = await makeUser([]);
    const other = await makeUser([]);
    // 003's `assignment` is stored (and read back) as task_assigned
    await sendNotifications({ user_id: user.id, type: 'assignment', subject: 'A', message: 'first' });
    await sendNotifications({ user_id: user.id, type: 'assignment', subject: 'B', message: 'second' });
    await sendNotifications({ user_id: other.id, type: 'assignment', subject: 'C', message: 'other' });
    const mine = await call(apiNotificationsRoute, 'GET', '/notifications/api/notifications/', {
      headers: { 'x-api-key': KEY },
      query: { user_id: user.id, is_read: 'false' },
    });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.count).toBe(2);
    expect(mine.body.results.map((n: { subject: string }) => n.subject).sort()).toEqual(['A', 'B']);
    expect(mine.body.results[0]).toMatchObject({ type: 'task_assigned', is_read: false });
    expect(mine.body.results[0].notification_id).toBeTruthy();
    const noUser = await call(apiNotificationsRoute, 'GET', '/notifications/api/notifications/', {
      headers: { 'x-api-key': KEY },
    });
    expect(noUser.status).toBe(400);
    expect(noUser.body.details.user_id).toBeDefined();
    const wrong = await call(apiNotificationsRoute, 'GET', '/notifications/api/notifications/', {
      headers: { 'x-api-key': `${KEY}x` },
      query: { user_id: user.id },
    });
    expect(wrong.status).toBe(401);
  });
});

describe('API documentation per service', () => {
  afterAll(() => {
    (env as { API_DOCS_ENABLED: boolean }).API_DOCS_ENABLED = true;
  });

  it("each service's /schema/ is the document limited to its paths, /docs and /redoc show it; the setting switches all off", async () => {
    const whole = await call(schemaRoute, 'GET', '/api/schema/');
    const tts = await call(ttsSchema, 'GET', '/tts/schema/');
    expect(tts.status).toBe(200);
    const paths = Object.keys(tts.body.paths);
    expect(paths).toContain('/tts/tasks/{id}/');
    expect(paths.every((p) => p.startsWith('/tts/'))).toBe(true);
    expect(Object.keys(whole.body.paths).length).toBeGreaterThan(paths.length);
    expect(tts.body.paths['/tts/tasks/{id}/'].patch).toBeDefined();
    expect(tts.body.paths['/tts/tasks/'].post).toBeDefined();
    const viewer = await call(ttsRedoc, 'GET', '/tts/redoc/');
    expect(viewer.status).toBe(200);
    expect(viewer.body).toContain('data-schema-url="/tts/schema/"');

    (env as { API_DOCS_ENABLED: boolean }).API_DOCS_ENABLED = false;
    for (const [mod, path] of [
      [ttsSchema, '/tts/schema/'],
      [ttsRedoc, '/tts/redoc/'],
      [schemaRoute, '/api/schema/'],
      [docsRoute, '/api/docs/'],
    ] as const) {
      const off = await call(mod, 'GET', path);
      expect(off.status, path).toBe(404);
      expect(off.body.code).toBe('NOT_FOUND');
    }
  });
});
