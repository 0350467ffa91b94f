/**
 * Spec conformance, document 003 (service APIs, another revision: auth v1, ticket service, workflows with steps,
 * task actions, transitions, notifications): every HTTP request example the document prints, replayed through
 * the real route handlers against the real database, adjusted only for the URL prefix (shared/spec/README.md:
 * `/auth`, `/hdts` — 003's ticket service is a second API over the help-desk tickets —, `/tts`, `/notifications`)
 * and ids (catalog names too: 003's "Technical Support"/"Performance" are the catalog's "IT Support"/"System
 * Performance Issue", lib/domain/helpdesk/catalog.ts). The response fields the example prints are checked.
 *
 * | example (003 section)                                                         | test                            |
 * | ----------------------------------------------------------------------------- | ------------------------------- |
 * | Authentication / Auth §1 `POST /api/v1/users/token/` {username: e-mail, password} | "auth: token, refresh"      |
 * | Authentication / Auth §2 `POST /api/v1/users/token/refresh/` {refresh}        | "auth: token, refresh"          |
 * | Using Access Token `GET /api/v1/tickets/` (Bearer)                            | "auth: token, refresh"          |
 * | API Key Authentication `GET /api/notifications/` (X-API-Key)                  | "notifications: API key read"   |
 * | Auth §3 `GET /users/profile/`                                                 | "auth: profile, password"       |
 * | Auth §4 `PUT /users/profile/` {first_name, last_name, phone_number}           | "auth: profile, password"       |
 * | Auth §5 `POST /users/change-password/` {old_password, new_password}           | "auth: profile, password"       |
 * | Auth §6 `GET /tts/roles/`                                                     | "auth: TTS roles and their users" |
 * | Auth §7 `GET /tts/roles/{role_id}/users/`                                     | "auth: TTS roles and their users" |
 * | Ticket §2 `POST /tickets/` (employee, attachments: [])                        | "tickets: create, list, get, update, push, delete" |
 * | Ticket §1 `GET /tickets/?page=1&page_size=50&status=open&priority=high`       | "tickets: create, list, get, update, push, delete" |
 * | Ticket §3 `GET /tickets/{id}/`                                                | "tickets: create, list, get, update, push, delete" |
 * | Ticket §4 `PUT /tickets/{id}/` {status, priority, assigned_to}                | "tickets: create, list, get, update, push, delete" |
 * | Ticket §6 `POST /tickets/{id}/push_to_workflow/` → 202                        | "tickets: create, list, get, update, push, delete" |
 * | Ticket §5 `DELETE /tickets/{id}/` → 204                                       | "tickets: create, list, get, update, push, delete" |
 * | Ticket §2 errors: 400 with field errors                                       | "tickets: create, list, get, update, push, delete" |
 * | Workflow §2 `POST /workflows/` with steps                                     | "workflows: create with steps, list published" |
 * | Workflow §1 `GET /workflows/?is_published=true&category=…`                    | "workflows: create with steps, list published" |
 * | Workflow §3 `GET /tasks/?status=pending&user_id=5`                            | "tasks: list, available actions, action, transitions" |
 * | Workflow §5 `GET /tasks/{task_id}/available-actions/`                         | "tasks: list, available actions, action, transitions" |
 * | Workflow §4 `POST /tasks/{task_id}/action/` {action_id, comment}              | "tasks: list, available actions, action, transitions" |
 * | Workflow §6 `GET /transitions/?workflow_id=…`                                 | "tasks: list, available actions, action, transitions" |
 * | Notification §1 `POST /notifications/` (X-API-Key)                            | "notifications: create, list, mark read" |
 * | Notification §2 `GET /notifications/?user_id=5&is_read=false`                 | "notifications: create, list, mark read" |
 * | Notification §3 `PATCH /notifications/{notification_id}/` {is_read: true}     | "notifications: create, list, mark read" |
 * | API Documentation: OpenAPI schema and Swagger UI                              | "API documentation"             |
 *
 * Printed fields not checked because the build answers them differently today: Ticket §1's per-row
 * `attachments` (list rows carry none; the detail does); Workflow §3's `current_step` object (answered as
 * `current_step_detail`: `current_step` holds the step's name). Ids are integers, not 003's UUIDs.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ttsRoleUsersRoute from '@/app/(api)/auth/api/v1/tts/roles/[role_id]/users/route';
import * as ttsRolesRoute from '@/app/(api)/auth/api/v1/tts/roles/route';
import * as changePasswordRoute from '@/app/(api)/auth/api/v1/users/change-password/route';
import * as profileRoute from '@/app/(api)/auth/api/v1/users/profile/route';
import * as v1RefreshRoute from '@/app/(api)/auth/api/v1/users/token/refresh/route';
import * as v1TokenRoute from '@/app/(api)/auth/api/v1/users/token/route';
import * as approveRoute from '@/app/(api)/hdts/api/tickets/[id]/approve/route';
import * as v1TicketsRoute from '@/app/(api)/hdts/api/v1/tickets/route';
import * as hdtsDocsRoute from '@/app/(api)/hdts/docs/route';
import * as hdtsSchemaRoute from '@/app/(api)/hdts/schema/route';
import * as pushRoute from '@/app/(api)/hdts/tickets/[id]/push_to_workflow/route';
import * as ticketRoute from '@/app/(api)/hdts/tickets/[id]/route';
import * as ticketsRoute from '@/app/(api)/hdts/tickets/route';
import * as apiNotificationsRoute from '@/app/(api)/notifications/api/notifications/route';
import * as notificationRoute from '@/app/(api)/notifications/notifications/[id]/route';
import * as notificationsRoute from '@/app/(api)/notifications/notifications/route';
import * as actionRoute from '@/app/(api)/tts/tasks/[id]/action/route';
import * as availableRoute from '@/app/(api)/tts/tasks/[id]/available-actions/route';
import * as tasksRoute from '@/app/(api)/tts/tasks/route';
import * as transitionsRoute from '@/app/(api)/tts/transitions/route';
import * as workflowsRoute from '@/app/(api)/tts/workflows/route';
import { processTicketJob } from '@/lib/domain/workflow/jobs';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, makeUser, PASSWORD, tokenFor } from '../helpers/api';
import { payload, roleWithMembers, taskOf, threeStepWorkflow, tokenOf } from './workflow-support';

const job = { id: 'conformance-003', retryCount: 0 };
const isoDate = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
const API_KEY = process.env.SERVICE_API_KEYS!.split(',')[0].trim();

beforeAll(async () => {
  await startJobs({ workers: false });
});
afterAll(async () => {
  await stopJobs();
});

describe('003 auth service', () => {
  it('auth: token, refresh — POST /auth/api/v1/users/token/ and /auth/api/v1/users/token/refresh/', async () => {
    const user = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
    const res = await call(v1TokenRoute, 'POST', '/auth/api/v1/users/token/', {
      body: { username: user.email, password: PASSWORD },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      access: expect.any(String),
      refresh: expect.any(String),
      user: {
        id: user.id,
        username: user.username,
        email: user.email,
        first_name: user.firstName,
        last_name: user.lastName,
      },
    });
    expect(res.body.user).toHaveProperty('role');
    // Using Access Token: `GET /api/v1/tickets/` with the bearer token
    const tickets = await call(v1TicketsRoute, 'GET', '/hdts/api/v1/tickets/', { token: res.body.access });
    expect(tickets.status, JSON.stringify(tickets.body)).toBe(200);
    expect(tickets.body).toMatchObject({ count: expect.any(Number), results: expect.any(Array) });
    const refreshed = await call(v1RefreshRoute, 'POST', '/auth/api/v1/users/token/refresh/', {
      body: { refresh: res.body.refresh },
    });
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    expect(refreshed.body.access).toEqual(expect.any(String));

    // Errors: 401 for invalid credentials, in the standard format (README "Errors")
    const wrong = await call(v1TokenRoute, 'POST', '/auth/api/v1/users/token/', {
      body: { username: user.email, password: 'not-the-password' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: expect.any(String), message: expect.any(String), code: expect.any(String) });
  });

  it('auth: profile, password — GET/PUT /auth/api/v1/users/profile/, POST /auth/api/v1/users/change-password/', async () => {
    const user = await makeUser([['tts', 'Support Agent']]);
    const token = await tokenFor(user.username);
    const got = await call(profileRoute, 'GET', '/auth/api/v1/users/profile/', { token });
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body).toMatchObject({
      id: user.id,
      username: user.username,
      email: user.email,
      first_name: user.firstName,
      last_name: user.lastName,
      systems: expect.arrayContaining([expect.stringMatching(/^tts$/i)]),
    });
    expect(got.body).toHaveProperty('phone_number');
    expect(got.body).toHaveProperty('role');

    const put = await call(profileRoute, 'PUT', '/auth/api/v1/users/profile/', {
      token,
      body: { first_name: 'Jane', last_name: 'Smith', phone_number: '+0987654321' },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ id: user.id, first_name: 'Jane', last_name: 'Smith', phone_number: '+0987654321' });

    const changed = await call(changePasswordRoute, 'POST', '/auth/api/v1/users/change-password/', {
      token,
      body: { old_password: PASSWORD, new_password: 'Newpass456!Strong' },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.message).toBe('Password changed successfully');
    const wrongOld = await call(changePasswordRoute, 'POST', '/auth/api/v1/users/change-password/', {
      token: (
        await call(v1TokenRoute, 'POST', '/auth/api/v1/users/token/', {
          body: { username: user.username, password: 'Newpass456!Strong' },
        })
      ).body.access,
      body: { old_password: 'oldpass123', new_password: 'newpass456' },
    });
    expect(wrongOld.status).toBe(400);
  });

  it('auth: TTS roles and their users — GET /auth/api/v1/tts/roles/, /auth/api/v1/tts/roles/{role_id}/users/', async () => {
    const { role, users } = await roleWithMembers(2, 'L1 Support');
    const admin = await tokenFor('admin');
    const roles = await call(ttsRolesRoute, 'GET', '/auth/api/v1/tts/roles/', { token: admin });
    expect(roles.status, JSON.stringify(roles.body)).toBe(200);
    expect(roles.body.count).toEqual(expect.any(Number));
    // a page of roles (other tests add many): the shape of the first
    expect(roles.body.results[0]).toMatchObject({ role_id: expect.any(Number), name: expect.any(String) });
    expect(roles.body.results[0]).toHaveProperty('description');

    const members = await call(ttsRoleUsersRoute, 'GET', `/auth/api/v1/tts/roles/${role.id}/users/`, {
      token: admin,
      params: { role_id: role.id },
    });
    expect(members.status, JSON.stringify(members.body)).toBe(200);
    expect(members.body.role).toMatchObject({ role_id: role.id, name: role.name });
    expect(members.body.users).toEqual(
      users.map((u) =>
        expect.objectContaining({
          id: u.id,
          username: u.username,
          email: u.email,
          first_name: u.firstName,
          last_name: u.lastName,
        }),
      ),
    );
  });
});

describe('003 ticket service', () => {
  it('tickets: create, list, get, update, push, delete under /hdts/tickets/', async () => {
    const emp = await tokenFor('employee1');
    const employee = await db.user.findUniqueOrThrow({ where: { username: 'employee1' } });
    const created = await call(ticketsRoute, 'POST', '/hdts/tickets/', {
      token: emp,
      body: {
        subject: 'System performance issue',
        description: 'Application is running slowly',
        category: 'IT Support',
        subcategory: 'System Performance Issue',
        department: 'IT Department',
        priority: 'medium',
        // the requester is the caller: an `employee` naming the caller is accepted (docs/api-contract.md)
        employee: { id: employee.id, name: 'Emma Wilson', email: employee.email, department: 'Marketing' },
        attachments: [],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(Number),
      ticket_id: expect.stringMatching(/^TX\d{14}$/),
      subject: 'System performance issue',
      status: 'New',
      created_at: isoDate,
    });
    const id = created.body.id as number;

    const coord = await tokenFor('coordinator1');
    const list = await call(ticketsRoute, 'GET', '/hdts/tickets/', {
      token: coord,
      query: { page: 1, page_size: 50, search: created.body.ticket_id },
    });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body).toMatchObject({ count: 1, previous: null });
    expect(list.body).toHaveProperty('next');
    expect(list.body.results[0]).toMatchObject({
      id,
      ticket_id: created.body.ticket_id,
      subject: 'System performance issue',
      description: 'Application is running slowly',
      category: 'IT Support',
      subcategory: 'System Performance Issue',
      status: 'New',
      employee: { id: employee.id, name: expect.any(String), email: employee.email },
      created_at: isoDate,
      updated_at: isoDate,
    });
    // list rows carry no `attachments` (the detail does): not checked, see the note at the top
    for (const key of ['department', 'priority', 'assigned_to']) expect(list.body.results[0], key).toHaveProperty(key);
    expect(list.body.results[0].employee).toHaveProperty('department');

    const got = await call(ticketRoute, 'GET', `/hdts/tickets/${id}/`, { token: coord, params: { id } });
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body).toMatchObject({
      id,
      ticket_id: created.body.ticket_id,
      subject: 'System performance issue',
      description: 'Application is running slowly',
      category: 'IT Support',
      subcategory: 'System Performance Issue',
      employee: { id: employee.id, name: expect.any(String), email: employee.email },
      attachments: [],
      created_at: isoDate,
      updated_at: isoDate,
    });
    const missing = await call(ticketRoute, 'GET', '/hdts/tickets/999999999/', { token: coord, params: { id: 999999999 } });
    expect(missing.status).toBe(404);

    // a New ticket leaves New only by approval (docs/status-mapping.md), and only an approved ticket is pushed
    const approved = await call(approveRoute, 'POST', `/hdts/api/tickets/${id}/approve/`, {
      token: coord,
      params: { id },
      body: { priority: 'Medium', department: 'IT Department' },
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const pushed = await call(pushRoute, 'POST', `/hdts/tickets/${id}/push_to_workflow/`, { token: coord, params: { id } });
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(202);
    expect(pushed.body.message).toBe(`Ticket ${created.body.ticket_id} enqueued for workflow push.`);

    const agent = await db.user.findUniqueOrThrow({ where: { username: 'agent2' } });
    const put = await call(ticketRoute, 'PUT', `/hdts/tickets/${id}/`, {
      token: coord,
      params: { id },
      body: { status: 'in_progress', priority: 'urgent', assigned_to: agent.email },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    // statuses and priorities answer in the canonical vocabulary (README "Ticket statuses", "Priorities": urgent = Critical)
    expect(put.body).toMatchObject({
      id,
      ticket_id: created.body.ticket_id,
      status: 'In Progress',
      priority: 'Critical',
      assigned_to: agent.email,
      updated_at: isoDate,
    });

    const filtered = await call(ticketsRoute, 'GET', '/hdts/tickets/', {
      token: coord,
      query: { page: 1, page_size: 50, status: 'in_progress', priority: 'urgent', assigned_to: agent.email },
    });
    expect(filtered.status, JSON.stringify(filtered.body)).toBe(200);
    expect(filtered.body.results.map((t: { id: number }) => t.id)).toContain(id);

    // Errors: 400 naming every bad field in `details` (000's format, README "Errors"), and nothing created
    const noSubject = { description: 'No subject', employeeId: employee.id };
    const before = await db.ticket.count({ where: noSubject });
    const bad = await call(ticketsRoute, 'POST', '/hdts/tickets/', {
      token: emp,
      body: { description: 'No subject', category: 'IT Support', priority: 'whenever' },
    });
    expect(bad.status, JSON.stringify(bad.body)).toBe(400);
    expect(bad.body).toMatchObject({ error: expect.any(String), message: expect.any(String), code: 'VALIDATION_ERROR' });
    expect(bad.body.details).toMatchObject({ subject: expect.any(Array), priority: expect.any(Array) });
    expect(await db.ticket.count({ where: noSubject })).toBe(before);

    const other = await call(ticketsRoute, 'POST', '/hdts/tickets/', {
      token: emp,
      body: { subject: 'Delete me', description: 'Created by mistake', category: 'IT Support' },
    });
    const gone = await call(ticketRoute, 'DELETE', `/hdts/tickets/${other.body.id}/`, {
      token: await tokenFor('admin'),
      params: { id: other.body.id },
    });
    expect(gone.status, JSON.stringify(gone.body)).toBe(204);
  });
});

describe('003 workflow API', () => {
  it('workflows: create with steps, list published — POST /tts/workflows/, GET ?is_published=true&category=…', async () => {
    const admin = await tokenFor('admin');
    const l1 = await roleWithMembers(1, 'L1 Support');
    const l2 = await roleWithMembers(1, 'L2 Support');
    const suffix = randomUUID().slice(0, 6);
    const created = await call(workflowsRoute, 'POST', '/tts/workflows/', {
      token: admin,
      body: {
        name: `New Support Workflow ${suffix}`,
        description: 'Custom workflow for specific category',
        category: 'IT Support',
        subcategory: 'Hardware Troubleshooting',
        department: `IT ${suffix}`,
        is_published: false,
        steps: [
          {
            name: 'Triage',
            description: 'Initial ticket triage',
            order: 1,
            role_id: l1.role.id,
            instruction: 'Review ticket and categorize',
          },
          { name: 'Resolve', description: 'Fix the issue', order: 2, role_id: l2.role.id, instruction: 'Implement solution' },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      workflow_id: expect.any(Number),
      name: `New Support Workflow ${suffix}`,
      is_published: false,
      created_at: isoDate,
    });

    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const list = await call(workflowsRoute, 'GET', '/tts/workflows/', {
      token: admin,
      query: { is_published: 'true', category: 'IT Support', department: wf.department },
    });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.count).toBe(1);
    expect(list.body.results[0]).toMatchObject({
      workflow_id: wf.id,
      name: expect.any(String),
      category: 'IT Support',
      department: wf.department,
      is_published: true,
      status: expect.any(String),
      sla: { low: 'P5D', medium: 'P2D', high: 'PT8H', urgent: 'PT4H' },
    });
    for (const key of ['description', 'subcategory']) expect(list.body.results[0], key).toHaveProperty(key);
    expect(list.body.results[0].steps[0]).toMatchObject({
      step_id: expect.any(Number),
      name: 'Triage',
      order: 1,
      role: { role_id: wf.roles.triage.role.id, name: wf.roles.triage.role.name },
    });
  });

  it('tasks: list, available actions, action, transitions under /tts/tasks/ and /tts/transitions/', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const p = payload({ department: wf.department, subject: 'Login issue' });
    await processTicketJob.handler(p, job);
    const task = (await taskOf(p.ticket_number))!;
    const holder = wf.roles.triage.users[0];
    const agent = await tokenOf(holder);

    const list = await call(tasksRoute, 'GET', '/tts/tasks/', { token: agent, query: { status: 'pending', user_id: holder.id } });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const row = list.body.results.find((r: { task_id: number }) => r.task_id === task.id);
    expect(row).toMatchObject({
      task_id: task.id,
      ticket: { subject: 'Login issue', priority: 'High' },
      workflow: { workflow_id: wf.id, name: expect.any(String) },
      assigned_to: expect.any(String),
      status: 'pending',
      created_at: isoDate,
    });
    // 003's `ticket.ticket_id` (the ticket number; `ticket_number` beside it); its `current_step` object is
    // `current_step_detail`, as `current_step` holds the step's name (docs/api-contract.md)
    expect(row.ticket.ticket_id).toBe(p.ticket_number);
    expect(row.ticket.ticket_number).toBe(p.ticket_number);
    expect(row.current_step_detail).toMatchObject({ step_id: expect.any(Number), name: 'Triage' });

    const available = await call(availableRoute, 'GET', `/tts/tasks/${task.id}/available-actions/`, {
      token: agent,
      params: { id: task.id },
    });
    expect(available.status, JSON.stringify(available.body)).toBe(200);
    expect(available.body).toMatchObject({ task_id: task.id, current_step: 'Triage' });
    const submit = await db.workflowTransition.findFirstOrThrow({ where: { workflowId: wf.id, name: 'submit' } });
    expect(available.body.available_actions).toEqual(
      expect.arrayContaining([expect.objectContaining({ action_id: submit.id, name: expect.any(String) })]),
    );
    for (const a of available.body.available_actions) expect(a).toHaveProperty('description');

    const acted = await call(actionRoute, 'POST', `/tts/tasks/${task.id}/action/`, {
      token: agent,
      params: { id: task.id },
      body: { action_id: submit.id, comment: 'Reviewed and approved. Moving to next step.' },
    });
    expect(acted.status, JSON.stringify(acted.body)).toBe(200);
    expect(acted.body).toMatchObject({
      status: 'transitioned',
      message: expect.any(String),
      next_step: { step_id: expect.any(Number), name: 'Resolution', assigned_to: expect.any(String) },
      action_log: {
        action_log_id: expect.any(Number),
        action: 'submit',
        user: expect.any(String),
        comment: 'Reviewed and approved. Moving to next step.',
        timestamp: isoDate,
      },
    });

    const transitions = await call(transitionsRoute, 'GET', '/tts/transitions/', {
      token: await tokenFor('admin'),
      query: { workflow_id: wf.id },
    });
    expect(transitions.status, JSON.stringify(transitions.body)).toBe(200);
    expect(transitions.body.count).toBe(3);
    expect(transitions.body.results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          transition_id: submit.id,
          workflow_id: wf.id,
          from_step: { step_id: expect.any(Number), name: 'Triage' },
          to_step: { step_id: expect.any(Number), name: 'Resolution' },
          action: { action_id: submit.id, name: 'submit' },
        }),
      ]),
    );
  });
});

describe('003 notification service', () => {
  it('notifications: create (X-API-Key), list, mark read under /notifications/notifications/', async () => {
    const user = await makeUser([]);
    const created = await call(notificationsRoute, 'POST', '/notifications/notifications/', {
      headers: { 'x-api-key': API_KEY },
      body: {
        user_id: user.id,
        user_email: user.email,
        type: 'assignment',
        subject: 'New Task Assigned',
        message: 'You have been assigned task TX20251119000001',
        metadata: { task_id: 1, ticket_id: 'TX20251119000001' },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ notification_id: expect.anything(), status: 'sent', timestamp: isoDate });

    const token = await tokenFor(user.username);
    const list = await call(notificationsRoute, 'GET', '/notifications/notifications/', {
      token,
      query: { user_id: user.id, is_read: 'false' },
    });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.count).toBe(1);
    expect(list.body.results[0]).toMatchObject({
      notification_id: created.body.notification_id,
      type: expect.any(String),
      subject: 'New Task Assigned',
      message: 'You have been assigned task TX20251119000001',
      is_read: false,
      created_at: isoDate,
    });

    const id = created.body.notification_id;
    const read = await call(notificationRoute, 'PATCH', `/notifications/notifications/${id}/`, {
      token,
      params: { id },
      body: { is_read: true },
    });
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body).toMatchObject({ notification_id: id, is_read: true, read_at: isoDate });
  });

  it('notifications: API key read — GET /notifications/api/notifications/ with X-API-Key (user_id, docs/api-contract.md)', async () => {
    const user = await makeUser([]);
    await call(notificationsRoute, 'POST', '/notifications/notifications/', {
      headers: { 'x-api-key': API_KEY },
      body: { user_id: user.id, type: 'assignment', subject: 'S', message: 'M' },
    });
    const res = await call(apiNotificationsRoute, 'GET', '/notifications/api/notifications/', {
      headers: { 'x-api-key': API_KEY },
      query: { user_id: user.id },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.count).toBe(1);
  });
});

describe('003 API documentation', () => {
  it('API documentation: the OpenAPI schema and the Swagger UI of the service', async () => {
    const schema = await call(hdtsSchemaRoute, 'GET', '/hdts/schema/');
    expect(schema.status).toBe(200);
    expect(schema.body.openapi).toEqual(expect.stringMatching(/^3\./));
    expect(Object.keys(schema.body.paths).length).toBeGreaterThan(0);
    const docs = await call(hdtsDocsRoute, 'GET', '/hdts/docs/');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/text\/html/);
  });
});
