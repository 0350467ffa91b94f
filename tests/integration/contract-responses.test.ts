/**
 * The contract: operations whose OpenAPI answer is documented (an endpoint `output` schema) answer exactly that.
 * Each is called as an allowed caller with a valid request and its real answer is validated (Ajv) against the
 * schema in the generated document; one invalid request per operation is validated against the Error schema.
 * Every documented operation must appear here, so a documented response cannot go unchecked.
 */
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
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
import type { Method } from '@/lib/server/http';
import { openApiDocument } from '@/lib/server/openapi/document';
import { type CallOptions, call, tokenFor } from '../helpers/api';
import { payload, roleWithMembers } from './workflow-support';

const KEY = 'test-service-key-0123456789abcdef';
type Doc = Awaited<ReturnType<typeof openApiDocument>>;
type Op = { responses: Record<string, { content?: { 'application/json': { schema: unknown } } }> };

let doc: Doc;
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

/** OpenAPI 3.0 writes `exclusiveMinimum: true` beside `minimum` (draft 4); Ajv reads draft 7's numeric form. */
function draft7(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(draft7);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = draft7(v);
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (out[flag] === true) {
      out[flag] = out[bound];
      delete out[bound];
    } else if (out[flag] === false) delete out[flag];
  }
  return out;
}

interface Fixture {
  workflowId: number;
  department: string;
}
let fixture: Fixture;

beforeAll(async () => {
  doc = await openApiDocument();
  ajv.addSchema(doc.components.schemas.Error, '#/components/schemas/Error');
  // additionalProperties: false on every documented object: an undocumented field fails the test too
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
  fixture = { workflowId: created.body.workflow_id, department };
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
});

async function routedTask(): Promise<number> {
  const r = await processTicket(payload({ department: fixture.department }));
  if (r.outcome !== 'routed') throw new Error('not routed');
  return r.taskId;
}
async function unassignedTicket(): Promise<string> {
  const p = payload({ department: `Nowhere ${Math.random()}` });
  await processTicket(p);
  return p.ticket_number;
}

interface Case {
  path: string;
  method: Method;
  route: Record<string, unknown>;
  valid: () => Promise<CallOptions>;
  invalid: () => Promise<CallOptions>;
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

const CASES: Case[] = [
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
      body: { workflow_id: fixture.workflowId, ticket_number: await unassignedTicket() },
    }),
    invalid: async () => ({ token: await tokenFor('admin'), body: { workflow_id: fixture.workflowId, title: 'x' } }),
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
    valid: async () => ({ token: await tokenFor('admin'), params: { id: fixture.workflowId } }),
    invalid: async () => ({ token: await tokenFor('admin'), params: { id: 'abc' } }),
  },
  {
    path: '/tts/workflows/{id}/versions/{version}/',
    method: 'GET',
    route: versionRoute,
    valid: async () => ({ token: await tokenFor('admin'), params: { id: fixture.workflowId, version: 1 } }),
    invalid: async () => ({ token: await tokenFor('admin'), params: { id: fixture.workflowId, version: 'latest' } }),
  },
  {
    path: '/tts/workflows/{id}/versions/diff/',
    method: 'GET',
    route: diffRoute,
    valid: async () => ({ token: await tokenFor('admin'), params: { id: fixture.workflowId }, query: { from: 1 } }),
    invalid: async () => ({ token: await tokenFor('admin'), params: { id: fixture.workflowId }, query: { from: 'first' } }),
  },
  {
    path: '/tts/workflows/{id}/dry-run/',
    method: 'POST',
    route: dryRunRoute,
    valid: async () => ({
      token: await tokenFor('admin'),
      params: { id: fixture.workflowId },
      body: { ticket: { subject: 'Example', priority: 'High' } },
    }),
    invalid: async () => ({ token: await tokenFor('admin'), params: { id: fixture.workflowId }, body: { limit: 1000 } }),
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

function documented(d: Doc): string[] {
  const out: string[] = [];
  for (const [path, ops] of Object.entries(d.paths))
    for (const [method, op] of Object.entries(ops as Record<string, Op>))
      for (const r of Object.values(op.responses))
        if (r.content?.['application/json']) out.push(`${method.toUpperCase()} ${path}`);
  return [...new Set(out)].filter((k) => !/ERROR/.test(k));
}

describe('documented responses', () => {
  it('every operation with a documented success answer is checked here', () => {
    const successDocumented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops as Record<string, Op>)
        .filter(([, op]) => Object.entries(op.responses).some(([s, r]) => s.startsWith('2') && r.content))
        .map(([m]) => `${m.toUpperCase()} ${path}`),
    );
    expect(successDocumented.length).toBeGreaterThanOrEqual(CASES.length);
    expect(successDocumented.sort()).toEqual(CASES.map((c) => `${c.method} ${c.path}`).sort());
    expect(documented(doc).length).toBeGreaterThan(CASES.length);
  });

  for (const c of CASES) {
    it(`${c.method} ${c.path}: a real answer validates against the document, an invalid request against Error`, async () => {
      const op = (doc.paths as Record<string, Record<string, Op>>)[c.path][c.method.toLowerCase()];
      const ok = await call(c.route as never, c.method, c.path, await c.valid());
      expect(ok.status, JSON.stringify(ok.body)).toBeLessThan(300);
      const schema = op.responses[String(ok.status)]?.content?.['application/json'].schema;
      expect(schema, `documented ${ok.status}`).toBeDefined();
      const validate = ajv.compile(draft7(schema) as object);
      expect(validate(ok.body), JSON.stringify(validate.errors)).toBe(true);
      if (Array.isArray(ok.body.results)) expect(ok.body.results.length, 'a list with items').toBeGreaterThan(0);

      const bad = await call(c.route as never, c.method, c.path, await c.invalid());
      expect(bad.status).toBe(400);
      const errorSchema = op.responses['400'].content?.['application/json'].schema as object;
      const validateError = ajv.compile(draft7(errorSchema) as object);
      expect(validateError(bad.body), JSON.stringify(validateError.errors)).toBe(true);
    });
  }
});
