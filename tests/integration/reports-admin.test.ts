/** The admin report: exact figures over known data in a past range, filters, CSV, and bad input. */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as adminRoute from '@/app/(api)/tts/reports/admin/route';
import { db } from '@/lib/server/db';
import { call, DEFAULT_TABLES, makeUser, snapshot, tokenFor } from '../helpers/api';
import { threeStepWorkflow, uniqueTicketNumber } from './workflow-support';

const H = 3_600_000;
const dept = `Rep ${randomUUID().slice(0, 8)}`;
const at = (s: string) => new Date(`${s}Z`);
let wf: { id: number; versionId: number; stepId: number; roleId: number };
let agent: { id: number };

async function hd(o: { created: Date; priority: string; status?: string; resolved?: Date; csat?: number; csatAt?: Date }) {
  return db.ticket.create({
    data: {
      ticketNumber: uniqueTicketNumber(),
      subject: 'r',
      description: 'r',
      category: 'IT Support',
      department: dept,
      priority: o.priority,
      status: o.status ?? 'Open',
      employeeId: 1,
      createdAt: o.created,
      resolvedAt: o.resolved ?? null,
      csatRating: o.csat ?? null,
      csatAt: o.csatAt ?? null,
    },
  });
}

async function task(o: {
  received: Date;
  routing?: string;
  priority?: string;
  status?: string;
  created?: Date;
  completed?: Date;
  target?: Date;
  item?: { origin?: string; status?: string; target?: Date };
}) {
  const number = uniqueTicketNumber();
  const wt = await db.workflowTicket.create({
    data: {
      ticketNumber: number,
      subject: 'r',
      description: 'r',
      department: dept,
      category: 'IT Support',
      priority: o.priority ?? 'High',
      employeeId: 1,
      hdtsStatus: 'Open',
      ticketCreatedAt: o.received,
      payload: {},
      routing: o.routing ?? 'routed',
      receivedAt: o.received,
    },
  });
  if (o.routing === 'unassigned') return;
  await db.task.create({
    data: {
      ticketId: wt.id,
      workflowId: wf.id,
      versionId: wf.versionId,
      currentStepId: wf.stepId,
      status: o.status ?? 'in_progress',
      createdAt: o.created ?? o.received,
      startedAt: o.created ?? o.received,
      completedAt: o.completed ?? null,
      targetResolution: o.target ?? null,
      items: o.item
        ? {
            create: {
              userId: agent.id,
              roleId: wf.roleId,
              stepId: wf.stepId,
              stepName: 'Triage',
              status: o.item.status ?? 'in_progress',
              origin: o.item.origin ?? 'System',
              targetResolution: o.item.target ?? null,
            },
          }
        : undefined,
    },
  });
}

beforeAll(async () => {
  const built = await threeStepWorkflow();
  const version = await db.workflowVersion.findFirstOrThrow({ where: { workflowId: built.id } });
  const step = await db.workflowStep.findFirstOrThrow({ where: { workflowId: built.id } });
  wf = { id: built.id, versionId: version.id, stepId: step.id, roleId: built.roles.triage.role.id };
  agent = await makeUser([['tts', built.roles.triage.role.name]]);
  // Help desk: 2 created on Mar 1 (one resolved Mar 3, rated 4 on Mar 4), 1 on Mar 3; one open from today.
  await hd({
    created: at('2025-03-01T09:00:00'),
    priority: 'High',
    status: 'Closed',
    resolved: at('2025-03-03T10:00:00'),
    csat: 4,
    csatAt: at('2025-03-04T08:00:00'),
  });
  await hd({ created: at('2025-03-01T23:59:00'), priority: 'Low' });
  await hd({ created: at('2025-03-03T00:00:00'), priority: 'High' });
  await hd({ created: new Date(Date.now() - H), priority: 'High', status: 'New' });
  await hd({ created: at('2025-02-28T23:59:59'), priority: 'High', status: 'Rejected' });
  // Workflow: A met (escalated once), B missed, both created Mar 1; an unassigned ticket Mar 2; open work now.
  await task({
    received: at('2025-03-01T10:00:00'),
    status: 'completed',
    completed: at('2025-03-02T10:00:00'),
    target: at('2025-03-03T10:00:00'),
    item: { origin: 'Escalation', status: 'resolved' },
  });
  await task({
    received: at('2025-03-01T11:00:00'),
    status: 'completed',
    completed: at('2025-03-05T10:00:00'),
    target: at('2025-03-04T10:00:00'),
  });
  await task({ received: at('2025-03-02T10:00:00'), routing: 'unassigned' });
  await task({ received: new Date(), created: new Date(), item: { target: new Date(Date.now() - H) } });
  await task({ received: new Date(), created: new Date(), item: { target: new Date(Date.now() + 5 * H) } });
});

const get = async (query: Record<string, string>, who = 'admin') =>
  call(adminRoute, 'GET', '/tts/reports/admin/', { token: await tokenFor(who), query: { department: dept, ...query } });

describe('GET /tts/reports/admin/', () => {
  it('answers every figure exactly for the range and department', async () => {
    const r = await get({ from: '2025-03-01', to: '2025-03-07' });
    expect(r.status).toBe(200);
    expect(r.body.range).toEqual({ from: '2025-03-01', to: '2025-03-07' });
    expect(r.body.created_vs_resolved).toHaveLength(7);
    expect(r.body.created_vs_resolved.slice(0, 3)).toEqual([
      { day: '2025-03-01', created: 2, resolved: 0 },
      { day: '2025-03-02', created: 0, resolved: 0 },
      { day: '2025-03-03', created: 1, resolved: 1 },
    ]);
    expect(r.body.backlog).toEqual({
      open: 3,
      buckets: [
        { bucket: 'under_1_day', count: 1 },
        { bucket: '1_3_days', count: 0 },
        { bucket: '3_7_days', count: 0 },
        { bucket: 'over_7_days', count: 2 },
      ],
    });
    expect(r.body.sla_compliance.find((s: { priority: string }) => s.priority === 'High')).toEqual({
      priority: 'High',
      completed: 2,
      met: 1,
      percent: 50,
    });
    expect(r.body.workload).toEqual([{ user_id: agent.id, name: expect.any(String), open: 2, due_soon: 1, breached: 1 }]);
    expect(r.body.rates).toEqual({ tasks: 2, escalated: 1, transferred: 0, escalation_percent: 50, transfer_percent: 0 });
    expect(r.body.csat).toEqual({
      count: 1,
      average: 4,
      distribution: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: rating === 4 ? 1 : 0 })),
    });
    expect(r.body.routing).toEqual({ routed: 2, unassigned: 1 });
  });

  it('the priority filter narrows every figure; an empty range gives zeros', async () => {
    const low = await get({ from: '2025-03-01', to: '2025-03-07', priority: 'Low' });
    expect(low.body.created_vs_resolved[0]).toEqual({ day: '2025-03-01', created: 1, resolved: 0 });
    expect(low.body.backlog.open).toBe(1);
    expect(low.body.rates.tasks).toBe(0);
    const empty = await get({ from: '2024-01-01', to: '2024-01-02' });
    expect(empty.body.created_vs_resolved).toEqual([
      { day: '2024-01-01', created: 0, resolved: 0 },
      { day: '2024-01-02', created: 0, resolved: 0 },
    ]);
    expect(empty.body.rates).toEqual({
      tasks: 0,
      escalated: 0,
      transferred: 0,
      escalation_percent: null,
      transfer_percent: null,
    });
    expect(empty.body.csat).toMatchObject({ count: 0, average: null });
  });

  it('downloads as CSV', async () => {
    const r = await get({ from: '2025-03-01', to: '2025-03-02', format: 'csv' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    expect(r.headers.get('content-disposition')).toContain('report-2025-03-01-2025-03-02.csv');
    const lines = (r.body as string).trim().split('\n');
    expect(lines[0]).toBe('section,key,value,value2,value3');
    expect(lines[1]).toBe('created_vs_resolved,2025-03-01,2,0,');
    expect(lines).toContain('routing,unassigned,1,,');
  });

  it('an inverted, half-open or too long range, or an unknown priority, is a 400 with field details; nothing changes', async () => {
    const before = await snapshot([...DEFAULT_TABLES, 'helpdesk.tickets', 'workflow.tasks']);
    const cases: [Record<string, string>, string][] = [
      [{ from: '2025-03-07', to: '2025-03-01' }, 'query.to'],
      [{ from: '2025-03-07' }, 'query.to'],
      [{ to: '2025-03-07' }, 'query.from'],
      [{ from: '2020-01-01', to: '2025-01-01' }, 'query.to'],
      [{ from: '2025-13-01', to: '2025-03-01' }, 'query.from'],
      [{ priority: 'Urgentest' }, 'query.priority'],
    ];
    for (const [query, field] of cases) {
      const r = await get(query);
      expect(r.status, JSON.stringify(query)).toBe(400);
      expect(r.body.details[field], JSON.stringify(r.body.details)).toBeDefined();
    }
    expect(await snapshot([...DEFAULT_TABLES, 'helpdesk.tickets', 'workflow.tasks'])).toEqual(before);
  });

  it('is for admins only', async () => {
    expect((await get({}, 'coordinator1')).status).toBe(403);
    expect((await get({}, 'agent1')).status).toBe(403);
    expect((await call(adminRoute, 'GET', '/tts/reports/admin/')).status).toBe(401);
    expect((await get({})).status).toBe(200);
  });
});
