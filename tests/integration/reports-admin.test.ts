/** The admin report: exact figures over known data in a past range, filters, CSV, and bad input. */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as adminRoute from '@/app/(api)/tts/reports/admin/route';
import { setTicketSla } from '@/lib/domain/helpdesk/commands/from-workflow';
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
  await db.department.create({ data: { name: dept } });
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

  it('an inverted, half-open or too long range, or an unknown priority or department, is a 400 with field details; nothing changes', async () => {
    const before = await snapshot([...DEFAULT_TABLES, 'helpdesk.tickets', 'workflow.tasks']);
    const cases: [Record<string, string>, string][] = [
      [{ from: '2025-03-07', to: '2025-03-01' }, 'query.to'],
      [{ from: '2025-03-07' }, 'query.to'],
      [{ to: '2025-03-07' }, 'query.from'],
      [{ from: '2020-01-01', to: '2025-01-01' }, 'query.to'],
      [{ from: '2025-13-01', to: '2025-03-01' }, 'query.from'],
      [{ priority: 'Urgentest' }, 'query.priority'],
      [{ department: 'No Such Department' }, 'query.department'],
      [{ department: '' }, 'query.department'],
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

describe('GET /tts/reports/admin/: per workflow and per step, CSAT trend', () => {
  const dept2 = `Rep2 ${randomUUID().slice(0, 8)}`;
  let w2: { id: number; name: string; triage: number; resolution: number; versionId: number; role: number };

  async function routed(o: {
    created: Date;
    status: string;
    completed?: Date;
    target?: Date;
    csat?: number;
    csatAt?: Date;
    items: { step: 'triage' | 'resolution'; status: string; started: Date; acted?: Date; target?: Date }[];
  }) {
    const number = uniqueTicketNumber();
    await db.ticket.create({
      data: {
        ticketNumber: number,
        subject: 's',
        description: 'd',
        category: 'IT Support',
        department: dept2,
        priority: 'Medium',
        status: o.completed ? 'Closed' : 'In Progress',
        workflowId: w2.id, // what the routing delivery (hdts.update_ticket_sla) sets
        employeeId: 1,
        createdAt: o.created,
        resolvedAt: o.completed ?? null,
        csatRating: o.csat ?? null,
        csatAt: o.csatAt ?? null,
      },
    });
    const wt = await db.workflowTicket.create({
      data: {
        ticketNumber: number,
        subject: 's',
        description: 'd',
        department: dept2,
        category: 'IT Support',
        priority: 'Medium',
        employeeId: 1,
        hdtsStatus: 'Open',
        ticketCreatedAt: o.created,
        payload: {},
        receivedAt: o.created,
      },
    });
    await db.task.create({
      data: {
        ticketId: wt.id,
        workflowId: w2.id,
        versionId: w2.versionId,
        currentStepId: w2.resolution,
        status: o.status,
        createdAt: o.created,
        startedAt: o.created,
        completedAt: o.completed ?? null,
        targetResolution: o.target ?? null,
        items: {
          create: o.items.map((i) => ({
            userId: agent.id,
            roleId: w2.role,
            stepId: w2[i.step],
            stepName: i.step === 'triage' ? 'Triage' : 'Resolution',
            status: i.status,
            assignedOn: i.started,
            slaStartedAt: i.started,
            actedOn: i.acted ?? null,
            targetResolution: i.target ?? null,
          })),
        },
      },
    });
  }

  beforeAll(async () => {
    await db.department.create({ data: { name: dept2 } });
    const built = await threeStepWorkflow({ department: dept2 });
    const version = await db.workflowVersion.findFirstOrThrow({ where: { workflowId: built.id }, orderBy: { id: 'desc' } });
    const steps = await db.workflowStep.findMany({ where: { workflowId: built.id } });
    const step = (n: string) => steps.find((s) => s.name === n)?.id as number;
    w2 = {
      id: built.id,
      name: `WF ${dept2}`,
      triage: step('Triage'),
      resolution: step('Resolution'),
      versionId: version.id,
      role: built.roles.triage.role.id,
    };
    // P: on time overall; triage 2 h (late), resolution 24 h (on time). Rated 5 on Wed Apr 2.
    await routed({
      created: at('2025-04-01T10:00:00'),
      status: 'completed',
      completed: at('2025-04-02T12:00:00'),
      target: at('2025-04-03T00:00:00'),
      csat: 5,
      csatAt: at('2025-04-02T15:00:00'),
      items: [
        {
          step: 'triage',
          status: 'resolved',
          started: at('2025-04-01T10:00:00'),
          acted: at('2025-04-01T12:00:00'),
          target: at('2025-04-01T11:00:00'),
        },
        {
          step: 'resolution',
          status: 'resolved',
          started: at('2025-04-01T12:00:00'),
          acted: at('2025-04-02T12:00:00'),
          target: at('2025-04-03T00:00:00'),
        },
      ],
    });
    // Q: late overall; triage 4 h (no target: on time), a hand-over that does not count, resolution 44 h (late).
    await routed({
      created: at('2025-04-03T10:00:00'),
      status: 'completed',
      completed: at('2025-04-05T10:00:00'),
      target: at('2025-04-04T00:00:00'),
      csat: 2,
      csatAt: at('2025-04-07T09:00:00'),
      items: [
        { step: 'triage', status: 'reassigned', started: at('2025-04-03T10:00:00'), acted: at('2025-04-03T11:00:00') },
        { step: 'triage', status: 'resolved', started: at('2025-04-03T10:00:00'), acted: at('2025-04-03T14:00:00') },
        {
          step: 'resolution',
          status: 'resolved',
          started: at('2025-04-03T14:00:00'),
          acted: at('2025-04-05T10:00:00'),
          target: at('2025-04-04T14:00:00'),
        },
      ],
    });
    // R: still open; triage 6 h (on time).
    await routed({
      created: at('2025-04-06T00:00:00'),
      status: 'in_progress',
      items: [
        {
          step: 'triage',
          status: 'resolved',
          started: at('2025-04-06T00:00:00'),
          acted: at('2025-04-06T06:00:00'),
          target: at('2025-04-06T08:00:00'),
        },
        { step: 'resolution', status: 'in_progress', started: at('2025-04-06T06:00:00') },
      ],
    });
    // A rated ticket of the department that no workflow of w2 worked on.
    await db.ticket.create({
      data: {
        ticketNumber: uniqueTicketNumber(),
        subject: 's',
        description: 'd',
        category: 'IT Support',
        department: dept2,
        priority: 'Medium',
        status: 'Closed',
        employeeId: 1,
        createdAt: at('2025-04-03T08:00:00'),
        csatRating: 1,
        csatAt: at('2025-04-03T09:00:00'),
      },
    });
  });

  const get2 = async (query: Record<string, string | number>) =>
    call(adminRoute, 'GET', '/tts/reports/admin/', { token: await tokenFor('admin'), query: { department: dept2, ...query } });

  it('answers time per step (median, p90), SLA by workflow and step, and the CSAT trend exactly', async () => {
    const r = await get2({ from: '2025-04-01', to: '2025-04-07', workflow_id: w2.id });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.filters).toEqual({ department: dept2, priority: null, workflow_id: w2.id });
    expect(r.body.sla_by_workflow).toEqual([{ workflow_id: w2.id, workflow: w2.name, completed: 2, met: 1, percent: 50 }]);
    const base = { workflow_id: w2.id, workflow: w2.name };
    expect(r.body.sla_by_step).toEqual([
      { ...base, step_id: w2.triage, step: 'Triage', completed: 3, met: 2, percent: 66.7 },
      { ...base, step_id: w2.resolution, step: 'Resolution', completed: 2, met: 1, percent: 50 },
    ]);
    expect(r.body.time_per_step).toEqual([
      // 2, 4 and 6 hours: median 4 h, p90 4 + 0.8 × 2 = 5.6 h.
      { ...base, step_id: w2.triage, step: 'Triage', completed: 3, median_seconds: 4 * 3600, p90_seconds: 5.6 * 3600 },
      // 24 and 44 hours: median 34 h, p90 24 + 0.9 × 20 = 42 h.
      { ...base, step_id: w2.resolution, step: 'Resolution', completed: 2, median_seconds: 34 * 3600, p90_seconds: 42 * 3600 },
    ]);
    expect(r.body.csat_trend).toEqual([
      { week_start: '2025-03-31T00:00:00.000Z', count: 1, average: 5 },
      { week_start: '2025-04-07T00:00:00.000Z', count: 1, average: 2 },
    ]);
    // The workflow filter keeps the help-desk tickets that workflow worked on.
    expect(r.body.created_vs_resolved.slice(0, 3)).toEqual([
      { day: '2025-04-01', created: 1, resolved: 0 },
      { day: '2025-04-02', created: 0, resolved: 1 },
      { day: '2025-04-03', created: 1, resolved: 0 },
    ]);
    expect(r.body.csat).toMatchObject({ count: 2, average: 3.5 });
  });

  it('without the workflow filter the department counts every ticket; a range of its own narrows the steps', async () => {
    const all = await get2({ from: '2025-04-01', to: '2025-04-07' });
    expect(all.body.csat_trend[0]).toEqual({ week_start: '2025-03-31T00:00:00.000Z', count: 2, average: 3 });
    expect(all.body.created_vs_resolved[2]).toEqual({ day: '2025-04-03', created: 2, resolved: 0 });
    const one = await get2({ from: '2025-04-06', to: '2025-04-06', workflow_id: w2.id });
    expect(one.body.time_per_step).toEqual([
      expect.objectContaining({ step: 'Triage', completed: 1, median_seconds: 6 * 3600, p90_seconds: 6 * 3600 }),
    ]);
    expect(one.body.sla_by_workflow).toEqual([]);
    expect(one.body.csat_trend).toEqual([{ week_start: '2025-03-31T00:00:00.000Z', count: 0, average: null }]);
  });

  it('an empty range has no step or workflow rows and a zero trend', async () => {
    const r = await get2({ from: '2024-01-01', to: '2024-01-09', workflow_id: w2.id });
    expect(r.body.sla_by_workflow).toEqual([]);
    expect(r.body.sla_by_step).toEqual([]);
    expect(r.body.time_per_step).toEqual([]);
    expect(r.body.csat_trend).toEqual([
      { week_start: '2024-01-01T00:00:00.000Z', count: 0, average: null },
      { week_start: '2024-01-08T00:00:00.000Z', count: 0, average: null },
    ]);
  });

  it('downloads one figure as CSV', async () => {
    const r = await get2({ from: '2025-04-01', to: '2025-04-07', workflow_id: w2.id, format: 'csv', section: 'time_per_step' });
    expect(r.headers.get('content-disposition')).toContain('report-time_per_step-2025-04-01-2025-04-07.csv');
    expect((r.body as string).trim().split('\n')).toEqual([
      'section,key,value,value2,value3',
      `time_per_step,${w2.name} / Triage,3,14400,20160`,
      `time_per_step,${w2.name} / Resolution,2,122400,151200`,
    ]);
    const full = await get2({ from: '2025-04-01', to: '2025-04-07', workflow_id: w2.id, format: 'csv' });
    expect(full.body).toContain(`sla_by_workflow,${w2.name},2,1,50`);
    expect(full.body).toContain('csat_trend,2025-04-07,1,2,');
  });

  it('the workflow filter reads the id the routing delivery sets, and equals a direct count of what the workflow worked on', async () => {
    // A ticket the workflow takes in June 2024 (outside every other range here), closed: the routing delivery sets it.
    const number = uniqueTicketNumber();
    const created = at('2024-06-01T09:00:00');
    await db.ticket.create({
      data: {
        ticketNumber: number,
        subject: 's',
        description: 'd',
        category: 'IT Support',
        department: dept2,
        priority: 'Medium',
        status: 'Closed',
        employeeId: 1,
        createdAt: created,
        resolvedAt: at('2024-06-01T12:00:00'),
      },
    });
    const wt = await db.workflowTicket.create({
      data: {
        ticketNumber: number,
        subject: 's',
        description: 'd',
        department: dept2,
        category: 'IT Support',
        priority: 'Medium',
        employeeId: 1,
        hdtsStatus: 'Open',
        ticketCreatedAt: created,
        payload: {},
        receivedAt: created,
      },
    });
    await db.task.create({
      data: {
        ticketId: wt.id,
        workflowId: w2.id,
        versionId: w2.versionId,
        currentStepId: w2.resolution,
        status: 'completed',
        createdAt: created,
        startedAt: created,
        completedAt: at('2024-06-01T12:00:00'),
      },
    });
    expect((await get2({ from: '2024-06-01', to: '2024-06-01', workflow_id: String(w2.id) })).body.created_vs_resolved).toEqual([
      { day: '2024-06-01', created: 0, resolved: 0 },
    ]);
    const sent = { ticket_number: number, started_at: created.toISOString(), resolution_due_at: null };
    await setTicketSla({ ...sent, changed_at: at('2024-06-01T09:00:01').toISOString(), workflow_id: w2.id });
    // an older delivery changes no target but keeps (never clears) the workflow
    await setTicketSla({ ...sent, changed_at: at('2024-06-01T09:00:00').toISOString() });
    expect((await db.ticket.findUniqueOrThrow({ where: { ticketNumber: number } })).workflowId).toBe(w2.id);
    expect((await get2({ from: '2024-06-01', to: '2024-06-01', workflow_id: String(w2.id) })).body.created_vs_resolved).toEqual([
      { day: '2024-06-01', created: 1, resolved: 1 },
    ]);
    // Over a year: the report's created / resolved / CSAT with the filter = a direct count of the tickets with a task of
    // the workflow (the definition before the column), per day.
    const q = { from: '2024-06-01', to: '2025-05-31', workflow_id: String(w2.id) };
    const r = (await get2(q)).body;
    const direct = await db.$queryRaw<{ created: bigint; resolved: bigint; rated: bigint }[]>`
      SELECT count(*) FILTER (WHERE t.created_at >= '2024-06-01' AND t.created_at < '2025-06-01') AS created,
             count(*) FILTER (WHERE t.resolved_at >= '2024-06-01' AND t.resolved_at < '2025-06-01') AS resolved,
             count(*) FILTER (WHERE t.csat_at >= '2024-06-01' AND t.csat_at < '2025-06-01' AND t.csat_rating IS NOT NULL) AS rated
      FROM helpdesk.tickets t WHERE t.department = ${dept2} AND t.ticket_number IN (
        SELECT wt.ticket_number FROM workflow.tickets wt JOIN workflow.tasks k ON k.ticket_id = wt.id WHERE k.workflow_id = ${w2.id})`;
    const sum = (k: 'created' | 'resolved') =>
      r.created_vs_resolved.reduce((a: number, d: Record<string, number>) => a + d[k], 0);
    expect(Number(direct[0]?.created)).toBeGreaterThan(1);
    expect({ created: sum('created'), resolved: sum('resolved'), rated: r.csat.count }).toEqual({
      created: Number(direct[0]?.created),
      resolved: Number(direct[0]?.resolved),
      rated: Number(direct[0]?.rated),
    });
  });

  it('an unknown workflow, department or section is a 400 with field details', async () => {
    const before = await snapshot([...DEFAULT_TABLES, 'helpdesk.tickets', 'workflow.tasks']);
    for (const [query, field] of [
      [{ workflow_id: 99_999_999 }, 'query.workflow_id'],
      [{ workflow_id: 99_999_999, department: 'Nowhere' }, 'query.department'],
      [{ workflow_id: 99_999_999, department: 'Nowhere' }, 'query.workflow_id'],
      [{ workflow_id: 'abc' }, 'query.workflow_id'],
      [{ format: 'csv', section: 'everything' }, 'query.section'],
      [{ format: 'xlsx' }, 'query.format'],
    ] as const) {
      const r = await get2(query);
      expect(r.status, JSON.stringify(query)).toBe(400);
      expect(r.body.details[field], JSON.stringify(r.body)).toBeDefined();
    }
    expect(await snapshot([...DEFAULT_TABLES, 'helpdesk.tickets', 'workflow.tasks'])).toEqual(before);
  });
});

describe('the daily ticket rollup', () => {
  it('stays equal to a recount through creates, updates (resolve, rate, move) and deletes', async () => {
    const d = `Roll ${randomUUID().slice(0, 8)}`;
    const recount = async () =>
      db.$queryRaw<{ day: Date; created: bigint; resolved: bigint; rated: bigint }[]>`
        SELECT day, sum(created) AS created, sum(resolved) AS resolved, sum(csat_1 + csat_2 + csat_3 + csat_4 + csat_5) AS rated
        FROM helpdesk.ticket_daily WHERE department = ${d} GROUP BY 1 HAVING sum(created) <> 0 OR sum(resolved) <> 0
          OR sum(csat_1 + csat_2 + csat_3 + csat_4 + csat_5) <> 0 ORDER BY 1`;
    const direct = async () =>
      db.$queryRaw<{ day: Date; created: bigint; resolved: bigint; rated: bigint }[]>`
        SELECT day, sum(c) AS created, sum(r) AS resolved, sum(s) AS rated FROM (
          SELECT (created_at AT TIME ZONE 'UTC')::date AS day, 1 AS c, 0 AS r, 0 AS s FROM helpdesk.tickets WHERE department = ${d}
          UNION ALL SELECT (resolved_at AT TIME ZONE 'UTC')::date, 0, 1, 0 FROM helpdesk.tickets WHERE department = ${d} AND resolved_at IS NOT NULL
          UNION ALL SELECT (csat_at AT TIME ZONE 'UTC')::date, 0, 0, 1 FROM helpdesk.tickets WHERE department = ${d} AND csat_rating IS NOT NULL
        ) x GROUP BY 1 ORDER BY 1`;
    const make = (created: string) =>
      db.ticket.create({
        data: {
          ticketNumber: uniqueTicketNumber(),
          subject: 's',
          description: 'd',
          category: 'IT Support',
          department: d,
          priority: 'Low',
          status: 'Open',
          employeeId: 1,
          createdAt: at(created),
        },
      });
    const a = await make('2025-06-01T23:30:00');
    const b = await make('2025-06-02T00:30:00');
    expect(await recount()).toEqual(await direct());
    await db.ticket.update({
      where: { id: a.id },
      data: { resolvedAt: at('2025-06-03T10:00:00'), csatRating: 4, csatAt: at('2025-06-04T10:00:00') },
    });
    await db.ticket.update({ where: { id: a.id }, data: { status: 'Closed' } });
    await db.ticket.updateMany({ where: { department: d }, data: { priority: 'High' } });
    expect(await recount()).toEqual(await direct());
    // the routing delivery names the workflow later: the ticket's counts move to it
    await db.ticket.update({ where: { id: a.id }, data: { workflowId: wf.id } });
    const ofWorkflow = await db.$queryRaw<{ workflow_id: number; created: bigint; resolved: bigint }[]>`
      SELECT workflow_id, sum(created) AS created, sum(resolved) AS resolved FROM helpdesk.ticket_daily
      WHERE department = ${d} GROUP BY 1 HAVING sum(created) <> 0 OR sum(resolved) <> 0 ORDER BY 1`;
    expect(ofWorkflow.map((x) => [x.workflow_id, Number(x.created), Number(x.resolved)])).toEqual([
      [0, 1, 0],
      [wf.id, 1, 1],
    ]);
    await db.ticket.update({ where: { id: a.id }, data: { csatRating: 2, csatAt: at('2025-06-05T10:00:00') } });
    await db.ticket.delete({ where: { id: b.id } });
    const after = await recount();
    expect(after).toEqual(await direct());
    expect(after.map((x) => [x.day.toISOString().slice(0, 10), Number(x.created), Number(x.resolved), Number(x.rated)])).toEqual([
      ['2025-06-01', 1, 0, 0],
      ['2025-06-03', 0, 1, 0],
      ['2025-06-05', 0, 0, 1],
    ]);
  });
});

describe('the daily task rollup', () => {
  it('stays equal to a recount through completion, a missed target, a ticket moved, and deletions', async () => {
    const d = `Roll ${randomUUID().slice(0, 8)}`;
    type Row = { day: Date; priority: string; completed: bigint; met: bigint };
    const recount = () =>
      db.$queryRaw<Row[]>`
        SELECT day, priority, sum(completed) AS completed, sum(met) AS met FROM workflow.task_daily
        WHERE department = ${d} GROUP BY 1, 2 HAVING sum(completed) <> 0 OR sum(met) <> 0 ORDER BY 1, 2`;
    const direct = () =>
      db.$queryRaw<Row[]>`
        SELECT (k.completed_at AT TIME ZONE 'UTC')::date AS day, wt.priority, count(*) AS completed,
               count(*) FILTER (WHERE k.target_resolution IS NULL OR k.completed_at <= k.target_resolution) AS met
        FROM workflow.tasks k JOIN workflow.tickets wt ON wt.id = k.ticket_id
        WHERE wt.department = ${d} AND k.status IN ('completed', 'closed') AND k.completed_at IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1, 2`;
    const make = async (priority: string) => {
      const wt = await db.workflowTicket.create({
        data: {
          ticketNumber: uniqueTicketNumber(),
          subject: 'r',
          description: 'r',
          department: d,
          category: 'IT Support',
          priority,
          employeeId: 1,
          hdtsStatus: 'Open',
          ticketCreatedAt: at('2025-07-01T08:00:00'),
          payload: {},
          routing: 'routed',
          receivedAt: at('2025-07-01T08:00:00'),
        },
      });
      const k = await db.task.create({
        data: { ticketId: wt.id, workflowId: wf.id, versionId: wf.versionId, currentStepId: wf.stepId, status: 'in_progress' },
      });
      return { ticket: wt, task: k };
    };
    const a = await make('High');
    const b = await make('Low');
    const c = await make('Low');
    expect(await recount()).toEqual([]);
    // a met its target, b missed it, c finished on another day
    await db.task.update({
      where: { id: a.task.id },
      data: { status: 'completed', completedAt: at('2025-07-02T10:00:00'), targetResolution: at('2025-07-02T12:00:00') },
    });
    await db.task.updateMany({
      where: { id: { in: [b.task.id, c.task.id] } },
      data: { status: 'completed', completedAt: at('2025-07-02T23:30:00'), targetResolution: at('2025-07-02T20:00:00') },
    });
    await db.task.update({ where: { id: c.task.id }, data: { completedAt: at('2025-07-03T00:30:00'), targetResolution: null } });
    expect(await recount()).toEqual(await direct());
    // the ticket's priority changes after the fact: its finished task moves with it
    await db.workflowTicket.update({ where: { id: b.ticket.id }, data: { priority: 'High' } });
    await db.task.update({ where: { id: a.task.id }, data: { status: 'closed' } });
    expect(await recount()).toEqual(await direct());
    // a task deleted on its own, and a ticket deleted with its task (the cascade)
    await db.task.delete({ where: { id: c.task.id } });
    await db.workflowTicket.delete({ where: { id: a.ticket.id } });
    const after = await recount();
    expect(after).toEqual(await direct());
    expect(after.map((x) => [x.day.toISOString().slice(0, 10), x.priority, Number(x.completed), Number(x.met)])).toEqual([
      ['2025-07-02', 'High', 1, 0],
    ]);
  });
});
