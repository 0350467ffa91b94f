/** All tasks (admins): every filter on known tasks, paging, bad input, take-over from the list, and its audit entry. */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as auditRoute from '@/app/(api)/tts/audit/route';
import * as allTasksRoute from '@/app/(api)/tts/tasks/all-tasks/route';
import * as transferRoute from '@/app/(api)/tts/tasks/transfer/route';
import { db } from '@/lib/server/db';
import { call, DEFAULT_TABLES, makeUser, snapshot, tokenFor } from '../helpers/api';
import { threeStepWorkflow, uniqueTicketNumber, WORKFLOW_TABLES } from './workflow-support';

const H = 3_600_000;
const word = `Zeppelin${randomUUID().slice(0, 6)}`;
let wf: { id: number; versionId: number; triage: number; resolution: number; roleT: number; roleR: number };
let other: { id: number; step: number };
let a: { id: number };
let b: { id: number };
const t: Record<string, { id: number; number: string; item: number | null }> = {};

async function task(
  key: string,
  o: {
    status?: string;
    startedAgoH: number;
    targetInH: number | null;
    step: 'triage' | 'resolution';
    user: number;
    subject?: string;
  },
) {
  const number = uniqueTicketNumber();
  const wt = await db.workflowTicket.create({
    data: {
      ticketNumber: number,
      subject: o.subject ?? `Task ${key}`,
      description: 'd',
      department: 'IT Department',
      category: 'IT Support',
      priority: 'High',
      employeeId: 1,
      hdtsStatus: 'In Progress',
      ticketCreatedAt: new Date(),
      payload: {},
      receivedAt: new Date(),
    },
  });
  const stepId = wf[o.step];
  const open = (o.status ?? 'in_progress') === 'in_progress';
  const started = new Date(Date.now() - o.startedAgoH * H);
  const target = o.targetInH === null ? null : new Date(Date.now() + o.targetInH * H);
  const k = await db.task.create({
    data: {
      ticketId: wt.id,
      workflowId: wf.id,
      versionId: wf.versionId,
      currentStepId: stepId,
      status: o.status ?? 'in_progress',
      startedAt: started,
      createdAt: started,
      completedAt: open ? null : new Date(),
      targetResolution: target,
      items: {
        create: {
          userId: o.user,
          roleId: o.step === 'triage' ? wf.roleT : wf.roleR,
          stepId,
          stepName: o.step === 'triage' ? 'Triage' : 'Resolution',
          status: open ? 'in_progress' : 'resolved',
          assignedOn: started,
          targetResolution: target,
        },
      },
    },
    include: { items: true },
  });
  t[key] = { id: k.id, number, item: open ? k.items[0].id : null };
}

beforeAll(async () => {
  const built = await threeStepWorkflow();
  const version = await db.workflowVersion.findFirstOrThrow({ where: { workflowId: built.id }, orderBy: { id: 'desc' } });
  const steps = await db.workflowStep.findMany({ where: { workflowId: built.id } });
  const id = (n: string) => steps.find((s) => s.name === n)?.id as number;
  wf = {
    id: built.id,
    versionId: version.id,
    triage: id('Triage'),
    resolution: id('Resolution'),
    roleT: built.roles.triage.role.id,
    roleR: built.roles.resolution.role.id,
  };
  [a, b] = built.roles.triage.users;
  await db.userRole.create({ data: { userId: b.id, roleId: wf.roleR } });
  await db.userRole.create({ data: { userId: a.id, roleId: wf.roleR } });
  const second = await threeStepWorkflow();
  other = { id: second.id, step: (await db.workflowStep.findFirstOrThrow({ where: { workflowId: second.id } })).id };
  // Soonest due first: breached (due 2 h ago), at risk (9 of 10 h used), on track (due in 3 days), done (no target).
  await task('breached', { startedAgoH: 10, targetInH: -2, step: 'triage', user: a.id });
  await task('atRisk', { startedAgoH: 9, targetInH: 1, step: 'resolution', user: a.id });
  await task('onTrack', { startedAgoH: 1, targetInH: 72, step: 'resolution', user: b.id, subject: `The ${word} is late` });
  await task('done', { status: 'completed', startedAgoH: 30, targetInH: null, step: 'resolution', user: b.id });
});

const get = async (query: Record<string, string | number>, who = 'admin') =>
  call(allTasksRoute, 'GET', '/tts/tasks/all-tasks/', { token: await tokenFor(who), query: { workflow_id: wf.id, ...query } });
const numbers = (r: { body: { results: { ticket_number: string }[] } }) => r.body.results.map((x) => x.ticket_number);

describe('GET /tts/tasks/all-tasks/', () => {
  it('lists every task of the workflow, soonest due first', async () => {
    const r = await get({});
    expect(r.status).toBe(200);
    expect(r.body.count).toBe(4);
    expect(numbers(r)).toEqual([t.breached.number, t.atRisk.number, t.onTrack.number, t.done.number]);
    expect(r.body.results[0]).toMatchObject({ current_step: 'Triage', assigned_user: a.id, task_item_id: t.breached.item });
  });

  it('filters by status, step, assignee, SLA state and text', async () => {
    expect(numbers(await get({ status: 'active' }))).toEqual([t.breached.number, t.atRisk.number, t.onTrack.number]);
    expect(numbers(await get({ status: 'completed' }))).toEqual([t.done.number]);
    expect(numbers(await get({ step_id: wf.triage }))).toEqual([t.breached.number]);
    expect(numbers(await get({ step_id: wf.resolution }))).toEqual([t.atRisk.number, t.onTrack.number, t.done.number]);
    expect(numbers(await get({ assigned_user: a.id }))).toEqual([t.breached.number, t.atRisk.number]);
    // b's completed task has no open assignment: not b's work any more.
    expect(numbers(await get({ assigned_user: b.id }))).toEqual([t.onTrack.number]);
    expect(numbers(await get({ sla: 'breached' }))).toEqual([t.breached.number]);
    expect(numbers(await get({ sla: 'at_risk' }))).toEqual([t.atRisk.number]);
    expect(numbers(await get({ sla: 'on_track' }))).toEqual([t.onTrack.number]);
    expect(numbers(await get({ search: word.toLowerCase() }))).toEqual([t.onTrack.number]);
    expect(numbers(await get({ search: t.done.number }))).toEqual([t.done.number]);
    expect(numbers(await get({ search: '100%_' }))).toEqual([]);
    expect(numbers(await get({ sla: 'breached', assigned_user: b.id }))).toEqual([]);
    // Without a workflow filter the step filter alone narrows to this workflow's step.
    const r = await call(allTasksRoute, 'GET', '/tts/tasks/all-tasks/', {
      token: await tokenFor('admin'),
      query: { step_id: wf.triage },
    });
    expect(numbers(r)).toEqual([t.breached.number]);
  });

  it('pages with the filters kept', async () => {
    const r = await get({ page_size: 1, page: 2 });
    expect(r.body.count).toBe(4);
    expect(numbers(r)).toEqual([t.atRisk.number]);
    expect(r.body.next).toContain('page=3');
    expect(r.body.next).toContain(`workflow_id=${wf.id}`);
    expect(numbers(await get({ page_size: 10, page: 9 }))).toEqual([]);
  });

  it('an unknown filter value or a page size over the limit is a 400 with field details; nothing changes', async () => {
    const before = await snapshot([...DEFAULT_TABLES, ...WORKFLOW_TABLES.filter((x) => x !== 'pgboss.job')]);
    const cases: [Record<string, string | number>, string][] = [
      [{ workflow_id: 99_999_999 }, 'query.workflow_id'],
      [{ step_id: 99_999_999 }, 'query.step_id'],
      [{ step_id: other.step }, 'query.step_id'],
      [{ assigned_user: 99_999_999 }, 'query.assigned_user'],
      [{ sla: 'late' }, 'query.sla'],
      [{ status: 'lost' }, 'query.status'],
      [{ page_size: 101 }, 'query.page_size'],
      [{ page: 0 }, 'query.page'],
    ];
    for (const [query, field] of cases) {
      const r = await get(query);
      expect(r.status, JSON.stringify(query)).toBe(400);
      expect(r.body.details[field], JSON.stringify(r.body)).toBeDefined();
    }
    expect(await snapshot([...DEFAULT_TABLES, ...WORKFLOW_TABLES.filter((x) => x !== 'pgboss.job')])).toEqual(before);
  });

  it('is for admins only', async () => {
    expect((await get({}, 'coordinator1')).status).toBe(403);
    expect((await get({}, 'agent1')).status).toBe(403);
    expect((await call(allTasksRoute, 'GET', '/tts/tasks/all-tasks/')).status).toBe(401);
  });

  it('take-over from the list is a transfer to the admin; the audit log shows who had it before and who has it after', async () => {
    const token = await tokenFor('admin');
    const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const r = await call(transferRoute, 'POST', '/tts/tasks/transfer/', {
      token,
      body: { task_item_id: t.breached.item, user_id: admin.id, notes: 'Taking this over from the list' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(numbers(await get({ assigned_user: admin.id }))).toEqual([t.breached.number]);
    expect(numbers(await get({ assigned_user: a.id }))).toEqual([t.atRisk.number]);

    const audit = await call(auditRoute, 'GET', '/tts/audit/', {
      token,
      query: { task_id: String(t.breached.id), action: 'task_transferred', actor: 'admin@' },
    });
    expect(audit.status).toBe(200);
    expect(audit.body.count).toBe(1);
    expect(audit.body.results[0]).toMatchObject({
      action: 'task_transferred',
      context: 'workflow',
      entity_type: 'task',
      entity_id: String(t.breached.id),
      user: admin.email,
      details: {
        old_values: { task_item_id: t.breached.item, user_id: a.id },
        new_values: { from_task_item_id: t.breached.item, to_user_id: admin.id, notes: 'Taking this over from the list' },
      },
    });
  });
});

describe('GET /tts/audit/', () => {
  it('filters by context, entity, actor, action and date range', async () => {
    const token = await tokenFor('admin');
    const user = await makeUser();
    await db.auditLog.createMany({
      data: [
        {
          context: 'identity',
          action: 'user_updated',
          entityType: 'user',
          entityId: String(user.id),
          actorEmail: 'someone@example.test',
          oldValues: { first_name: 'Old' },
          newValues: { first_name: 'New' },
          at: new Date('2025-05-02T10:00:00Z'),
        },
        {
          context: 'identity',
          action: 'user_updated',
          entityType: 'user',
          entityId: String(user.id),
          actorEmail: 'someone@example.test',
          newValues: { last_name: 'Later' },
          at: new Date('2025-05-09T10:00:00Z'),
        },
      ],
    });
    const q = (query: Record<string, string>) => call(auditRoute, 'GET', '/tts/audit/', { token, query });
    const both = await q({ context: 'identity', entity_type: 'user', entity_id: String(user.id) });
    expect(both.body.count).toBe(2);
    expect(both.body.results.map((x: { details: unknown }) => x.details)).toEqual([
      { field: 'last_name', old_value: null, new_value: 'Later', old_values: null, new_values: { last_name: 'Later' } },
      {
        field: 'first_name',
        old_value: 'Old',
        new_value: 'New',
        old_values: { first_name: 'Old' },
        new_values: { first_name: 'New' },
      },
    ]);
    const may = await q({
      context: 'identity',
      entity_id: String(user.id),
      start_date: '2025-05-01T00:00:00Z',
      end_date: '2025-05-02T23:59:59.999Z',
    });
    expect(may.body.results.map((x: { new_values?: unknown; details: { new_values: unknown } }) => x.details.new_values)).toEqual(
      [{ first_name: 'New' }],
    );
    expect((await q({ context: 'identity', entity_id: String(user.id), actor: 'SOMEONE@' })).body.count).toBe(2);
    expect((await q({ context: 'identity', entity_id: String(user.id), actor: 'nobody@' })).body.count).toBe(0);
    // 002's default scope is the workflow context.
    expect((await q({ entity_id: String(user.id), entity_type: 'user' })).body.count).toBe(0);
    const empty = await q({ context: 'identity', entity_id: String(user.id), start_date: '2024-01-01', end_date: '2024-01-02' });
    expect(empty.body).toMatchObject({ count: 0, results: [] });
  });

  it('an inverted range, an unknown context or a page size over the limit is a 400 with field details', async () => {
    const token = await tokenFor('admin');
    const before = await snapshot([...DEFAULT_TABLES, 'audit.audit_log']);
    const cases: [Record<string, string>, string][] = [
      [{ start_date: '2025-05-09', end_date: '2025-05-01' }, 'query.end_date'],
      [{ start_date: 'yesterday' }, 'query.start_date'],
      [{ context: 'billing' }, 'query.context'],
      [{ page_size: '500' }, 'query.page_size'],
    ];
    for (const [query, field] of cases) {
      const r = await call(auditRoute, 'GET', '/tts/audit/', { token, query });
      expect(r.status, JSON.stringify(query)).toBe(400);
      expect(r.body.details[field], JSON.stringify(r.body)).toBeDefined();
    }
    expect(await snapshot([...DEFAULT_TABLES, 'audit.audit_log'])).toEqual(before);
  });
});
