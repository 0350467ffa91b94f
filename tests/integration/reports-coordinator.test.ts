/** The coordinator home: exact figures over known data, the caller's scope, bad input, and the lists behind tiles. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as feedbackRoute from '@/app/(api)/hdts/api/csat/feedback/route';
import * as homeRoute from '@/app/(api)/tts/reports/coordinator-home/route';
import * as ownedRoute from '@/app/(api)/tts/tasks/owned-tickets/route';
import { weekStart } from '@/lib/domain/reporting/queries';
import { slaStateOf } from '@/lib/domain/reporting/sla-state';
import { db } from '@/lib/server/db';
import { call, DEFAULT_TABLES, makeUser, snapshot, tokenFor } from '../helpers/api';
import { threeStepWorkflow, uniqueTicketNumber } from './workflow-support';

const H = 3_600_000;
const DAY = 24 * H;
let me: { id: number; username: string };
let other: { id: number; username: string };
let wf: { id: number; versionId: number; stepId: number };

async function task(o: { owner: number; status?: string; startedAgoH: number; targetInH: number | null; completedAt?: Date }) {
  const number = uniqueTicketNumber();
  const now = Date.now();
  const t = await db.workflowTicket.create({
    data: {
      ticketNumber: number,
      subject: `Dashboard ${number}`,
      description: 'x',
      department: 'IT Department',
      category: 'IT Support',
      priority: 'High',
      employeeId: 1,
      hdtsStatus: 'In Progress',
      ticketCreatedAt: new Date(now - o.startedAgoH * H),
      payload: {},
    },
  });
  return db.task.create({
    data: {
      ticketId: t.id,
      workflowId: wf.id,
      versionId: wf.versionId,
      currentStepId: wf.stepId,
      status: o.status ?? 'in_progress',
      ownerId: o.owner,
      startedAt: new Date(now - o.startedAgoH * H),
      targetResolution: o.targetInH === null ? null : new Date(now + o.targetInH * H),
      completedAt: o.completedAt ?? null,
    },
  });
}

async function hdtsTicket(o: { status: string; createdAt?: Date; owner?: number; csat?: number; csatAt?: Date }) {
  return db.ticket.create({
    data: {
      ticketNumber: uniqueTicketNumber(),
      subject: 'Report ticket',
      description: 'x',
      category: 'IT Support',
      status: o.status,
      employeeId: 1,
      ownerId: o.owner ?? null,
      csatRating: o.csat ?? null,
      csatAt: o.csatAt ?? null,
      createdAt: o.createdAt,
    },
  });
}

beforeAll(async () => {
  me = await makeUser([['hdts', 'Ticket Coordinator']]);
  other = await makeUser([['hdts', 'Ticket Coordinator']]);
  const built = await threeStepWorkflow();
  const version = await db.workflowVersion.findFirstOrThrow({ where: { workflowId: built.id } });
  const step = await db.workflowStep.findFirstOrThrow({ where: { workflowId: built.id } });
  wf = { id: built.id, versionId: version.id, stepId: step.id };
  // Owned by me, open: 2 breached, 1 at risk (90 % used), 2 on track (10 % used, and no target).
  await task({ owner: me.id, startedAgoH: 10, targetInH: -1 });
  await task({ owner: me.id, status: 'pending', startedAgoH: 30, targetInH: -20 });
  await task({ owner: me.id, startedAgoH: 9, targetInH: 1 });
  await task({ owner: me.id, startedAgoH: 1, targetInH: 9 });
  await task({ owner: me.id, startedAgoH: 1, targetInH: null });
  // Completed: one this week (now), one long before this week; neither counts as open.
  await task({ owner: me.id, status: 'completed', startedAgoH: 5, targetInH: 5, completedAt: new Date() });
  await task({
    owner: me.id,
    status: 'completed',
    startedAgoH: 900,
    targetInH: -800,
    completedAt: new Date(Date.now() - 30 * DAY),
  });
  // Someone else's tickets never show in my figures.
  await task({ owner: other.id, startedAgoH: 10, targetInH: -1 });
  // CSAT on my tickets: this week 5 and 4, three weeks ago 2; 20 weeks ago (outside 12 weeks) 1; other's 3.
  const now = new Date();
  await hdtsTicket({ status: 'Closed', owner: me.id, csat: 5, csatAt: now });
  await hdtsTicket({ status: 'Closed', owner: me.id, csat: 4, csatAt: now });
  await hdtsTicket({ status: 'Closed', owner: me.id, csat: 2, csatAt: new Date(weekStart(now).getTime() - 14 * DAY + H) });
  await hdtsTicket({ status: 'Closed', owner: me.id, csat: 1, csatAt: new Date(now.getTime() - 20 * 7 * DAY) });
  await hdtsTicket({ status: 'Closed', owner: other.id, csat: 3, csatAt: now });
});

describe('GET /tts/reports/coordinator-home/', () => {
  it('counts my owned open tickets by SLA state, resolved this week and CSAT per week, exactly', async () => {
    const r = await call(homeRoute, 'GET', '/tts/reports/coordinator-home/', { token: await tokenFor(me.username) });
    expect(r.status).toBe(200);
    expect(r.body.owned_by_sla).toEqual({ breached: 2, at_risk: 1, on_track: 2 });
    expect(r.body.owned_open).toBe(5);
    expect(r.body.resolved_this_week).toBe(1);
    expect(r.body.csat.count).toBe(3);
    expect(r.body.csat.average).toBe(3.7);
    expect(r.body.csat.weeks).toHaveLength(12);
    const weeks = r.body.csat.weeks as { week_start: string; average: number | null; count: number }[];
    expect(weeks[11]).toEqual({ week_start: weekStart(new Date()).toISOString(), average: 4.5, count: 2 });
    expect(weeks[9]).toMatchObject({ average: 2, count: 1 });
    expect(weeks.filter((w) => w.count === 0).every((w) => w.average === null)).toBe(true);
  });

  it('a coordinator sees only their own scope; a coordinator with nothing gets zeros, not errors', async () => {
    const lonely = await makeUser([['hdts', 'Ticket Coordinator']]);
    const r = await call(homeRoute, 'GET', '/tts/reports/coordinator-home/', { token: await tokenFor(lonely.username) });
    expect(r.status).toBe(200);
    expect(r.body.owned_by_sla).toEqual({ breached: 0, at_risk: 0, on_track: 0 });
    expect(r.body.resolved_this_week).toBe(0);
    expect(r.body.csat).toMatchObject({ count: 0, average: null });
    const o = await call(homeRoute, 'GET', '/tts/reports/coordinator-home/', { token: await tokenFor(other.username) });
    expect(o.body.owned_by_sla).toEqual({ breached: 1, at_risk: 0, on_track: 0 });
    expect(o.body.csat).toMatchObject({ count: 1, average: 3 });
  });

  it('the triage tile counts every New ticket and names the oldest', async () => {
    const token = await tokenFor(me.username);
    const before = await call(homeRoute, 'GET', '/tts/reports/coordinator-home/', { token });
    const oldest = await hdtsTicket({ status: 'New', createdAt: new Date('2001-02-03T04:05:06Z') });
    await hdtsTicket({ status: 'New' });
    await hdtsTicket({ status: 'Open' });
    const after = await call(homeRoute, 'GET', '/tts/reports/coordinator-home/', { token });
    expect(after.body.triage.count).toBe(before.body.triage.count + 2);
    expect(after.body.triage.oldest_created_at).toBe('2001-02-03T04:05:06.000Z');
    expect(after.body.triage.oldest_ticket_number).toBe(oldest.ticketNumber);
  });

  it('weeks narrows the CSAT window; bad input is a 400 with field details and changes nothing', async () => {
    const token = await tokenFor(me.username);
    const one = await call(homeRoute, 'GET', '/tts/reports/coordinator-home/', { token, query: { weeks: 1 } });
    expect(one.body.csat).toMatchObject({ count: 2, average: 4.5 });
    const before = await snapshot([...DEFAULT_TABLES, 'workflow.tasks', 'helpdesk.tickets']);
    for (const weeks of ['0', '53', 'abc']) {
      const r = await call(homeRoute, 'GET', '/tts/reports/coordinator-home/', { token, query: { weeks } });
      expect(r.status).toBe(400);
      expect(r.body.details['query.weeks']).toBeDefined();
    }
    expect(await snapshot([...DEFAULT_TABLES, 'workflow.tasks', 'helpdesk.tickets'])).toEqual(before);
  });

  it('employees and agents are refused', async () => {
    const agent = await makeUser([['tts', 'Agent']]);
    expect((await call(homeRoute, 'GET', '/tts/reports/coordinator-home/', { token: await tokenFor('employee1') })).status).toBe(
      403,
    );
    expect(
      (await call(homeRoute, 'GET', '/tts/reports/coordinator-home/', { token: await tokenFor(agent.username) })).status,
    ).toBe(403);
    expect((await call(homeRoute, 'GET', '/tts/reports/coordinator-home/')).status).toBe(401);
  });
});

describe('the lists behind the tiles give the same numbers', () => {
  it('owned tickets filtered by SLA state and by completed_after match the tiles', async () => {
    const token = await tokenFor(me.username);
    const get = (query: Record<string, string>) => call(ownedRoute, 'GET', '/tts/tasks/owned-tickets/', { token, query });
    expect((await get({ sla: 'breached' })).body.count).toBe(2);
    expect((await get({ sla: 'at_risk' })).body.count).toBe(1);
    expect((await get({ sla: 'on_track' })).body.count).toBe(2);
    const week = weekStart(new Date()).toISOString();
    expect((await get({ tab: 'inactive', completed_after: week })).body.count).toBe(1);
    expect((await get({ sla: 'late' })).status).toBe(400);
  });

  it("the feedback list takes the owner, so the CSAT tile opens only the coordinator's ratings", async () => {
    const token = await tokenFor(me.username);
    const r = await call(feedbackRoute, 'GET', '/hdts/api/csat/feedback/', { token, query: { owner_id: String(me.id) } });
    expect(r.status).toBe(200);
    expect(r.body.count).toBe(4);
  });
});

describe('slaStateOf (the TypeScript twin of the SQL rule)', () => {
  // "Due soon" (grouped as at_risk) from SLA_DUE_SOON_PERCENT, 75 % by default: 7h30 of a 10-hour window
  const start = new Date('2026-01-01T00:00:00Z');
  const target = new Date('2026-01-01T10:00:00Z');
  it.each([
    ['2026-01-01T07:29:00Z', 'on_track'],
    ['2026-01-01T07:30:00Z', 'at_risk'],
    ['2026-01-01T09:59:00Z', 'at_risk'],
    ['2026-01-01T10:00:00Z', 'breached'],
  ])('at %s it is %s', (now, state) => {
    expect(slaStateOf(start, target, new Date(now))).toBe(state);
  });
  it('without a target it is on track', () => expect(slaStateOf(start, null, new Date())).toBe('on_track'));
});
