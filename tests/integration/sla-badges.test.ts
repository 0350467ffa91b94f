/**
 * One state per ticket on a business-hours calendar (issue 11): the task API's `sla_percent` / `sla_state`, the
 * step's, the admin list's SQL filter and the dashboards' SQL state (`slaStateSql`) and the help desk's ticket
 * state all turn at the business-time instants the monitor fires its 80 / 90 / 100 % at, not at wall-clock shares
 * of the stretch over the weekend. Injected clock throughout; 24×7 keeps the wall-clock shares.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as calendarsRoute from '@/app/(api)/tts/calendars/route';
import * as workflowRoute from '@/app/(api)/tts/workflows/[id]/route';
import type { Actor } from '@/lib/domain/actor';
import type { UpdateTicketSlaPayload } from '@/lib/domain/contracts/messages';
import { createTicket } from '@/lib/domain/helpdesk/commands/create';
import { setTicketSla } from '@/lib/domain/helpdesk/commands/from-workflow';
import { ticketSla } from '@/lib/domain/helpdesk/queries';
import { loadActor } from '@/lib/domain/identity/queries';
import { slaStateSql } from '@/lib/domain/reporting/sla-state';
import { allTasks } from '@/lib/domain/workflow/all-tasks';
import { processTicket } from '@/lib/domain/workflow/routing';
import { allTasksQuery } from '@/lib/domain/workflow/schemas';
import { runSlaMonitor } from '@/lib/domain/workflow/sla-monitor';
import { getTask } from '@/lib/domain/workflow/task-queries';
import { db } from '@/lib/server/db';
import { call, tokenFor } from '../helpers/api';
import { helpdeskDeliveries, payload, taskOf, threeStepWorkflow } from './workflow-support';

const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));
const actors: Record<string, Actor> = {};

beforeAll(async () => {
  for (const u of ['employee1', 'admin']) {
    const user = await db.user.findUniqueOrThrow({ where: { username: u } });
    actors[u] = (await loadActor(user.id)) as Actor;
  }
});

/** A help-desk ticket routed at `at` to a workflow (High = 8 business hours, first step 2 h) on `calendarId`. */
async function routed(at: string, calendarId: number | null) {
  const wf = await threeStepWorkflow({ members: [1, 1, 1] });
  if (calendarId != null) {
    const set = await call(workflowRoute, 'PATCH', `/tts/workflows/${wf.id}/`, {
      token: await tokenFor('admin'),
      params: { id: wf.id },
      body: { calendar_id: calendarId },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
  }
  const hd = await createTicket(actors.employee1, {
    subject: 'Badges agree',
    description: 'One state everywhere',
    category: 'IT Support',
    sub_category: 'Virus/Malware Check',
    department: 'IT Department',
  });
  const p = payload({ ticket_number: hd.ticket_number, department: wf.department, priority: 'High' });
  await processTicket(p, new Date(at));
  const task = (await taskOf(p.ticket_number)) as NonNullable<Awaited<ReturnType<typeof taskOf>>>;
  // the workflow's message to the help desk, applied as its consumer does
  const sent = (await helpdeskDeliveries('sla', p.ticket_number)).at(-1) as UpdateTicketSlaPayload;
  await setTicketSla(sent);
  return { task, ticketId: hd.id, ticketNumber: p.ticket_number };
}

/** The state of one task as every reader sees it at `now`. */
async function everywhere(r: Awaited<ReturnType<typeof routed>>, iso: string) {
  const now = new Date(iso);
  const api = await getTask(actors.admin, r.task.id, now);
  const [sql] = await db.$queryRaw<{ state: string }[]>`
    SELECT ${slaStateSql('t', now)} AS state FROM workflow.tasks t WHERE t.id = ${r.task.id}`;
  const listed = async (sla: 'on_track' | 'at_risk' | 'breached') =>
    (await allTasks(actors.admin, allTasksQuery.parse({ ticket_number: r.ticketNumber, sla }), now)).results.length;
  const list = (await listed('breached')) ? 'breached' : (await listed('at_risk')) ? 'at_risk' : 'on_track';
  const ticket = ticketSla(await db.ticket.findUniqueOrThrow({ where: { id: r.ticketId } }), now);
  return {
    task: [api.sla_state, api.sla_percent],
    step: [api.step_sla?.sla_state, api.step_sla?.sla_percent],
    sql: sql.state,
    list,
    ticket: ticket.state,
  };
}

const levels = async (taskId: number) => {
  const t = await db.task.findUniqueOrThrow({ where: { id: taskId }, include: { items: { orderBy: { id: 'asc' } } } });
  return { task: t.slaLevel, step: t.items[0].slaLevel };
};

describe('SLA badges on business hours', () => {
  it('the API, the lists, the report SQL and the help desk turn when the monitor fires, not at wall-clock shares', async () => {
    const cal = await call(calendarsRoute, 'POST', '/tts/calendars/', {
      token: await tokenFor('admin'),
      body: { name: `Berlin ${Math.random().toString(36).slice(2, 8)}`, time_zone: 'Europe/Berlin', hours: weekdays },
    });
    expect(cal.status, JSON.stringify(cal.body)).toBe(201);
    // Friday 4 Dec 2026 16:00 Berlin: 1 h on Friday, the rest from Monday 09:00 Berlin (08:00Z). Task 8 h → Mon
    // 15:00Z; Due soon (75 %) after 6 h of work: Mon 13:00Z; the monitor's 80 % Mon 13:24Z, 90 % Mon 14:12Z.
    // Step 2 h → Mon 09:00Z; 75 % Mon 08:30Z, 80 % 08:36Z, 90 % 08:48Z.
    const r = await routed('2026-12-04T15:00:00Z', cal.body.calendar_id);
    expect(r.task.targetResolution?.toISOString()).toBe('2026-12-07T15:00:00.000Z');
    expect(r.task.slaDueSoonAt?.toISOString()).toBe('2026-12-07T13:00:00.000Z');
    expect(r.task.slaAtRiskAt?.toISOString()).toBe('2026-12-07T14:12:00.000Z');
    expect(r.task.slaNextAt?.toISOString()).toBe('2026-12-07T13:24:00.000Z');
    expect(r.task.items[0].slaDueSoonAt?.toISOString()).toBe('2026-12-07T08:30:00.000Z');
    const api0 = await getTask(actors.admin, r.task.id, new Date('2026-12-04T15:00:00Z'));
    expect(api0.sla_due_soon_at).toBe('2026-12-07T13:00:00.000Z');
    expect(api0.sla_at_risk_at).toBe('2026-12-07T14:12:00.000Z');

    // Sunday 22:00Z: 76 % of the wall-clock stretch, but only Friday's hour of work has run (1 of 8 h, 1 of 2 h)
    await runSlaMonitor(new Date('2026-12-06T22:00:00Z'));
    expect(await levels(r.task.id)).toEqual({ task: 0, step: 0 });
    expect(await everywhere(r, '2026-12-06T22:00:00Z')).toEqual({
      task: ['on_track', 12],
      step: ['on_track', 50],
      sql: 'on_track',
      list: 'on_track',
      ticket: 'on_track',
    });

    // the step: Due soon at its 90th working minute, the monitor's 80 % warning at the 96th, at risk with its 90 %
    expect((await everywhere(r, '2026-12-07T08:29:59Z')).step).toEqual(['on_track', 74]);
    expect((await everywhere(r, '2026-12-07T08:30:00Z')).step).toEqual(['warning', 75]);
    await runSlaMonitor(new Date('2026-12-07T08:35:59Z'));
    expect(await levels(r.task.id)).toEqual({ task: 0, step: 0 });
    await runSlaMonitor(new Date('2026-12-07T08:36:00Z'));
    expect(await levels(r.task.id)).toEqual({ task: 0, step: 80 });
    expect((await everywhere(r, '2026-12-07T08:36:00Z')).step).toEqual(['warning', 80]);
    await runSlaMonitor(new Date('2026-12-07T08:48:00Z'));
    expect(await levels(r.task.id)).toEqual({ task: 0, step: 90 });
    expect((await everywhere(r, '2026-12-07T08:47:59Z')).step).toEqual(['warning', 89]);
    expect((await everywhere(r, '2026-12-07T08:48:00Z')).step).toEqual(['at_risk', 90]);

    // the task: everything reads on track until its Due soon instant, then every reader turns at once
    expect(await everywhere(r, '2026-12-07T12:59:59Z')).toMatchObject({
      task: ['on_track', 74],
      sql: 'on_track',
      list: 'on_track',
      ticket: 'on_track',
    });
    expect(await everywhere(r, '2026-12-07T13:00:00Z')).toMatchObject({
      task: ['warning', 75],
      sql: 'at_risk',
      list: 'at_risk',
      ticket: 'warning',
    });
    // the monitor's 80 % warning fires at its business-time instant, where the API reads 80 %
    await runSlaMonitor(new Date('2026-12-07T13:23:59Z'));
    expect((await levels(r.task.id)).task).toBe(0);
    await runSlaMonitor(new Date('2026-12-07T13:24:00Z'));
    expect((await levels(r.task.id)).task).toBe(80);
    expect(await everywhere(r, '2026-12-07T13:24:00Z')).toMatchObject({
      task: ['warning', 80],
      sql: 'at_risk',
      list: 'at_risk',
      ticket: 'warning',
    });
    // 90 %: the monitor's at-risk level and the badge's "At risk" at the same instant
    await runSlaMonitor(new Date('2026-12-07T14:12:00Z'));
    expect((await levels(r.task.id)).task).toBe(90);
    expect(await everywhere(r, '2026-12-07T14:11:59Z')).toMatchObject({ task: ['warning', 89], ticket: 'warning' });
    expect(await everywhere(r, '2026-12-07T14:12:00Z')).toMatchObject({
      task: ['at_risk', 90],
      sql: 'at_risk',
      list: 'at_risk',
      ticket: 'at_risk',
    });
    // 100 %: breached everywhere
    await runSlaMonitor(new Date('2026-12-07T15:00:00Z'));
    expect((await levels(r.task.id)).task).toBe(100);
    expect(await everywhere(r, '2026-12-07T15:00:00Z')).toMatchObject({
      task: ['breached', 100],
      sql: 'breached',
      list: 'breached',
      ticket: 'breached',
    });
  });

  it('a workflow without a calendar keeps the wall-clock shares (24×7)', async () => {
    // 8 h from Friday 15:00Z: Due soon at 6 h (21:00Z), at risk at 7 h 12 min (22:12Z), due 23:00Z
    const r = await routed('2026-12-04T15:00:00Z', null);
    expect(r.task.slaDueSoonAt?.toISOString()).toBe('2026-12-04T21:00:00.000Z');
    expect(r.task.slaAtRiskAt?.toISOString()).toBe('2026-12-04T22:12:00.000Z');
    expect(await everywhere(r, '2026-12-04T20:59:59Z')).toMatchObject({ task: ['on_track', 74], sql: 'on_track' });
    expect(await everywhere(r, '2026-12-04T21:00:00Z')).toMatchObject({
      task: ['warning', 75],
      sql: 'at_risk',
      list: 'at_risk',
      ticket: 'warning',
    });
    expect(await everywhere(r, '2026-12-04T22:12:00Z')).toMatchObject({ task: ['at_risk', 90], ticket: 'at_risk' });
  });

  it('a row without the stored instants (from before them) keeps the wall-clock share in the API and the SQL', async () => {
    const r = await routed('2026-12-04T15:00:00Z', null);
    await db.task.update({ where: { id: r.task.id }, data: { slaDueSoonAt: null, slaAtRiskAt: null } });
    await db.ticket.update({ where: { id: r.ticketId }, data: { slaDueSoonAt: null, slaAtRiskAt: null } });
    expect(await everywhere(r, '2026-12-04T20:59:59Z')).toMatchObject({ task: ['on_track', 74], sql: 'on_track' });
    expect(await everywhere(r, '2026-12-04T21:00:00Z')).toMatchObject({
      task: ['warning', 75],
      sql: 'at_risk',
      ticket: 'warning',
    });
  });
});
