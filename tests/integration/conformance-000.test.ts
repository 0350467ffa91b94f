/**
 * Spec conformance, document 000 (HDTS ↔ TTS integration): every HTTP request example the document prints,
 * replayed through the real route handlers against the real database, adjusted only for the URL prefix
 * (shared/spec/README.md: `/hdts`, `/tts`, `/auth`) and ids. The response fields the example prints are
 * checked for presence and type (values where they follow from the request).
 *
 * | example (000 section)                                                   | test                                  |
 * | ----------------------------------------------------------------------- | ------------------------------------- |
 * | HDTS → TTS §2 `GET /tasks/owned-tickets/?status=active&page=1&page_size=20` | "§2 owned tickets"                 |
 * | HDTS → TTS §2 error response (no token → 401 UNAUTHENTICATED)           | "§2 owned tickets"                    |
 * | HDTS → TTS §3 `GET /api/tickets/number/{ticket_number}/`                | "§3 ticket by number"                 |
 * | HDTS → TTS §4 `GET /tasks/logs/?ticket_number=…`                        | "§4 task action logs"                 |
 * | TTS → HDTS §2 `POST /transitions/` {task_item_id, transition_id, notes, next_assignee_id} | "TTS §2 transitions" |
 * | TTS → HDTS §2 error response (INVALID_TRANSITION)                       | "TTS §2 transitions"                  |
 * | TTS → HDTS §3 `POST /tasks/ticket-owner/escalate/`                      | "TTS §3 escalate ownership"           |
 * | TTS → HDTS §4 `POST /tasks/ticket-owner/transfer/`                      | "TTS §4 transfer ownership"           |
 * | Error Handling: standard error response format                          | "§2 owned tickets", "TTS §2 transitions" |
 * | Appendix: Health Check `GET /health` (HDTS, TTS, Auth)                  | "Appendix health checks"              |
 * | Appendix: Authentication Test `POST /token/` {email, password}          | "Appendix token"                      |
 *
 * HDTS → TTS §5 and TTS → HDTS §1 are queue messages, not HTTP requests; the workflow and help-desk tests
 * cover them (tests/integration/workflow-engine.test.ts, hdts-tickets.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as authHealthRoute from '@/app/(api)/auth/health/route';
import * as tokenRoute from '@/app/(api)/auth/token/route';
import * as commentsRoute from '@/app/(api)/hdts/api/tickets/[id]/comments/route';
import * as byNumberRoute from '@/app/(api)/hdts/api/tickets/number/[ticket_number]/route';
import * as ticketsRoute from '@/app/(api)/hdts/api/tickets/route';
import * as hdtsHealthRoute from '@/app/(api)/hdts/health/route';
import * as ttsHealthRoute from '@/app/(api)/tts/health/route';
import * as logsRoute from '@/app/(api)/tts/tasks/logs/route';
import * as ownedRoute from '@/app/(api)/tts/tasks/owned-tickets/route';
import * as ownerEscalateRoute from '@/app/(api)/tts/tasks/ticket-owner/escalate/route';
import * as ownerTransferRoute from '@/app/(api)/tts/tasks/ticket-owner/transfer/route';
import * as transitionsRoute from '@/app/(api)/tts/transitions/route';
import { processTicketJob } from '@/lib/domain/workflow/jobs';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, PASSWORD, tokenFor } from '../helpers/api';
import { payload, taskOf, threeStepWorkflow, tokenOf } from './workflow-support';

const job = { id: 'conformance-000', retryCount: 0 };
const isoDate = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);

beforeAll(async () => {
  await startJobs({ workers: false });
});
afterAll(async () => {
  await stopJobs();
});

/** A ticket routed into a fresh three-step workflow, with its task and the owning coordinator. */
async function routed(over: Partial<ReturnType<typeof payload>> = {}) {
  const wf = await threeStepWorkflow({ members: [1, 1, 1] });
  const p = payload({ department: wf.department, subject: 'Network connectivity issue', ...over });
  await processTicketJob.handler(p, job);
  const task = (await taskOf(p.ticket_number))!;
  const owner = await db.user.findUniqueOrThrow({ where: { id: task.ownerId! } });
  return { wf, p, task, owner, ownerToken: await tokenOf(owner) };
}

describe('000 HDTS → TTS', () => {
  it('§2 owned tickets: GET /tts/tasks/owned-tickets/?status=active&page=1&page_size=20', async () => {
    const { p, task, owner, ownerToken } = await routed();
    const res = await call(ownedRoute, 'GET', '/tts/tasks/owned-tickets/', {
      token: ownerToken,
      query: { status: 'active', page: 1, page_size: 20, search: p.ticket_number },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ count: 1, previous: null });
    expect(res.body).toHaveProperty('next');
    expect(res.body.results).toHaveLength(1);
    const row = res.body.results[0];
    expect(row).toMatchObject({
      task_id: task.id,
      ticket_number: p.ticket_number,
      ticket_subject: 'Network connectivity issue',
      ticket_description: p.description,
      status: expect.any(String),
      priority: 'High',
      category: 'IT Support',
      department: p.department,
      created_at: isoDate,
      updated_at: isoDate,
      target_resolution: isoDate,
      time_remaining: expect.any(String),
      is_breached: false,
      current_step: 'Triage',
      assigned_to: expect.any(String),
      owner_id: owner.id,
    });
    expect(row).toHaveProperty('sub_category');
    expect(row).toHaveProperty('sla_breach_at');

    // the printed error response: no token → 401 {error, code: UNAUTHENTICATED}; its `status` is the standard
    // format's "error" (the HTTP status is the response's), as 000's Error Handling section and README "Errors" decide
    const anon = await call(ownedRoute, 'GET', '/tts/tasks/owned-tickets/', { query: { status: 'active' } });
    expect(anon.status).toBe(401);
    expect(anon.body).toMatchObject({
      error: expect.any(String),
      status: 'error',
      code: 'UNAUTHENTICATED',
      message: expect.any(String),
    });
    expect(anon.body.timestamp).toEqual(isoDate);
  });

  it('§3 ticket by number: GET /hdts/api/tickets/number/{ticket_number}/', async () => {
    const emp = await tokenFor('employee1');
    const created = await call(ticketsRoute, 'POST', '/hdts/api/tickets/', {
      token: emp,
      body: {
        subject: 'Network connectivity issue',
        description: 'Unable to access VPN',
        category: 'IT Support',
        // the catalog's name for 000's "Network Connectivity Issue" (lib/domain/helpdesk/catalog.ts)
        sub_category: 'Internet/Network Connectivity Issue',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { id, ticket_number } = created.body;
    const comment = await call(commentsRoute, 'POST', `/hdts/api/tickets/${id}/comments/`, {
      token: emp,
      params: { id },
      body: { comment: 'Investigating the VPN connection' },
    });
    expect(comment.status, JSON.stringify(comment.body)).toBe(201);

    const res = await call(byNumberRoute, 'GET', `/hdts/api/tickets/number/${ticket_number}/`, {
      token: emp,
      params: { ticket_number },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const employee = await db.user.findUniqueOrThrow({ where: { username: 'employee1' } });
    expect(res.body).toMatchObject({
      id,
      ticket_number,
      subject: 'Network connectivity issue',
      description: 'Unable to access VPN',
      category: 'IT Support',
      sub_category: 'Internet/Network Connectivity Issue',
      status: 'New',
      employee: { id: employee.id, name: expect.any(String), email: employee.email },
      created_at: isoDate,
      updated_at: isoDate,
      date_completed: null,
      csat_rating: null,
      csat_feedback: null,
      attachments: [],
    });
    for (const key of ['department', 'priority', 'ticket_owner_id', 'ticket_owner_name']) expect(res.body).toHaveProperty(key);
    expect(res.body.employee).toHaveProperty('department');
    expect(res.body.comments).toEqual([
      expect.objectContaining({
        id: expect.any(Number),
        user_name: expect.any(String),
        comment: 'Investigating the VPN connection',
        created_at: isoDate,
      }),
    ]);

    const missing = await call(byNumberRoute, 'GET', '/hdts/api/tickets/number/TX20260112123456/', {
      token: await tokenFor('admin'),
      params: { ticket_number: 'TX20260112123456' },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('TICKET_NOT_FOUND');
  });

  it('§4 task action logs: GET /tts/tasks/logs/?ticket_number=…', async () => {
    const { wf, p, task, ownerToken } = await routed();
    const res = await call(logsRoute, 'GET', '/tts/tasks/logs/', {
      token: ownerToken,
      query: { ticket_number: p.ticket_number },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // workflow ids are integers here, not 000's UUIDs (ids are adjusted, shared/spec/README.md)
    expect(res.body).toMatchObject({
      task_id: task.id,
      ticket_id: p.ticket_number,
      workflow_id: wf.id,
      workflow_name: expect.any(String),
    });
    const holder = wf.roles.triage.users[0];
    expect(res.body.logs[0]).toMatchObject({
      task_item_id: task.items[0].id,
      user_id: holder.id,
      user_full_name: `${holder.firstName} ${holder.lastName}`,
      role: wf.roles.triage.role.name,
      status: 'new',
      origin: 'System',
      assigned_on: isoDate,
      assigned_on_step_id: expect.any(Number),
      assigned_on_step_name: 'Triage',
      task_history: [
        {
          task_item_history_id: expect.any(Number),
          status: 'new',
          origin: 'System',
          notes: 'Task assigned',
          created_at: isoDate,
        },
      ],
    });
    expect(res.body.logs[0]).toHaveProperty('notes');
    expect(res.body.logs[0]).toHaveProperty('acted_on');
  });
});

describe('000 TTS → HDTS', () => {
  it('TTS §2 transitions: POST /tts/transitions/ with task_item_id, transition_id, notes, next_assignee_id', async () => {
    const { wf, task } = await routed();
    const agent = await tokenOf(wf.roles.triage.users[0]);
    const submit = await db.workflowTransition.findFirstOrThrow({ where: { workflowId: wf.id, name: 'submit' } });
    const next = wf.roles.resolution.users[0];
    const res = await call(transitionsRoute, 'POST', '/tts/transitions/', {
      token: agent,
      body: {
        task_item_id: task.items[0].id,
        transition_id: submit.id,
        notes: 'Approved after verification',
        next_assignee_id: next.id,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'success',
      task_item_id: task.items[0].id,
      new_status: expect.any(String),
      next_step: 'Resolution',
      next_assignee: `${next.firstName} ${next.lastName}`,
      message: expect.any(String),
    });

    // the printed error: a transition not available at the current step → 400 INVALID_TRANSITION naming them
    const items = await db.taskItem.findMany({ where: { taskId: task.id }, orderBy: { id: 'asc' } });
    const wrong = await call(transitionsRoute, 'POST', '/tts/transitions/', {
      token: await tokenOf(next),
      body: { task_item_id: items[1].id, transition_id: submit.id, notes: 'x' },
    });
    expect(wrong.status, JSON.stringify(wrong.body)).toBe(400);
    expect(wrong.body).toMatchObject({ status: 'error', code: 'INVALID_TRANSITION', message: expect.any(String) });
    expect(wrong.body.details).toMatchObject({
      current_step: 'Resolution',
      available_transitions: expect.arrayContaining(['resolve']),
    });
  });

  it('TTS §3 escalate ownership: POST /tts/tasks/ticket-owner/escalate/', async () => {
    const { p, owner, ownerToken } = await routed();
    const res = await call(ownerEscalateRoute, 'POST', '/tts/tasks/ticket-owner/escalate/', {
      token: ownerToken,
      body: { ticket_number: p.ticket_number, reason: 'Requires admin intervention due to complexity', urgency: 'High' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'success',
      ticket_number: p.ticket_number,
      old_owner: `${owner.firstName} ${owner.lastName}`,
      new_owner: expect.any(String),
      escalated_at: isoDate,
      message: expect.any(String),
    });
  });

  it('TTS §4 transfer ownership: POST /tts/tasks/ticket-owner/transfer/', async () => {
    const { p, owner } = await routed();
    const other = await db.user.findFirstOrThrow({
      where: { username: { in: ['coordinator1', 'coordinator2'] }, id: { not: owner.id } },
    });
    const res = await call(ownerTransferRoute, 'POST', '/tts/tasks/ticket-owner/transfer/', {
      token: await tokenFor('admin'),
      body: { ticket_number: p.ticket_number, new_owner_id: other.id, reason: 'Workload balancing' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'success',
      ticket_number: p.ticket_number,
      old_owner: `${owner.firstName} ${owner.lastName}`,
      new_owner: `${other.firstName} ${other.lastName}`,
      transferred_by: expect.any(String),
      transferred_at: isoDate,
    });
  });
});

describe('000 Appendix', () => {
  it('Appendix health checks: GET /hdts/health, /tts/health, /auth/health', async () => {
    for (const [mod, path] of [
      [hdtsHealthRoute, '/hdts/health'],
      [ttsHealthRoute, '/tts/health'],
      [authHealthRoute, '/auth/health'],
    ] as const) {
      const res = await call(mod, 'GET', path);
      expect(res.status, path).toBe(200);
    }
  });

  it('Appendix token: POST /auth/token/ with {email, password} answers access and refresh', async () => {
    const user = await db.user.findUniqueOrThrow({ where: { username: 'employee1' } });
    const res = await call(tokenRoute, 'POST', '/auth/token/', { body: { email: user.email, password: PASSWORD } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ access: expect.any(String), refresh: expect.any(String) });
  });
});
