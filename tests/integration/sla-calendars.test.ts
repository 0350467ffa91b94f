/**
 * Business-hours calendars and pauses (issue 11), with an injected clock: a ticket routed on a Friday afternoon
 * counts only working hours (weekend, holiday, a DST change in between); On Hold pauses its clock and leaving it
 * moves the due instants; editing the calendar moves them too, on the task, its assignment, the task API and
 * the help desk's resolution target. Bad calendars are 400s with field details that change nothing.
 */
import { describe, expect, it } from 'vitest';
import * as calendarRoute from '@/app/(api)/tts/calendars/[id]/route';
import * as calendarsRoute from '@/app/(api)/tts/calendars/route';
import * as taskRoute from '@/app/(api)/tts/tasks/[id]/route';
import * as workflowRoute from '@/app/(api)/tts/workflows/[id]/route';
import type { Actor } from '@/lib/domain/actor';
import { loadActor } from '@/lib/domain/identity/queries';
import { processTicket } from '@/lib/domain/workflow/routing';
import { runSlaMonitor } from '@/lib/domain/workflow/sla-monitor';
import { updateSlaStatus } from '@/lib/domain/workflow/sla-pause';
import { requesterSlaTimeline, taskSlaTimeline } from '@/lib/domain/workflow/sla-timeline';
import { db } from '@/lib/server/db';
import { call, snapshot, tokenFor } from '../helpers/api';
import { helpdeskDeliveries, payload, taskOf, threeStepWorkflow } from './workflow-support';

const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));
const TABLES = ['workflow.calendars', 'workflow.workflows', 'audit.audit_log'];

async function createCalendar(body: Record<string, unknown>) {
  return call(calendarsRoute, 'POST', '/tts/calendars/', { token: await tokenFor('admin'), body });
}

async function berlinCalendar(holidays: { date: string; name: string }[] = []) {
  const res = await createCalendar({
    name: `Berlin office ${Math.random().toString(36).slice(2, 8)}`,
    time_zone: 'Europe/Berlin',
    hours: weekdays,
    holidays,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { calendar_id: number; name: string };
}

/** A deployed workflow (High = 8 business hours, weights 1:2:1) on `calendarId`, and a ticket routed at `at`. */
async function routedAt(calendarId: number, at: string) {
  const wf = await threeStepWorkflow({ members: [1, 1, 1] });
  const admin = await tokenFor('admin');
  const set = await call(workflowRoute, 'PATCH', `/tts/workflows/${wf.id}/`, {
    token: admin,
    params: { id: wf.id },
    body: { calendar_id: calendarId },
  });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  expect(set.body.calendar_id).toBe(calendarId);
  const p = payload({ department: wf.department, priority: 'High' });
  await processTicket(p, new Date(at));
  const task = (await taskOf(p.ticket_number)) as NonNullable<Awaited<ReturnType<typeof taskOf>>>;
  return { wf, p, task, item: task.items[0] };
}

const slaJobs = async (ticket: string) =>
  (await helpdeskDeliveries('sla', ticket)).map((d) => (d as { resolution_due_at: string }).resolution_due_at);

describe('calendars API', () => {
  it('an admin creates, reads and lists a calendar; staff read it; names are unique', async () => {
    const cal = await berlinCalendar([{ date: '2026-12-25', name: 'Christmas' }]);
    const agent = await tokenFor('agent1');
    const one = await call(calendarRoute, 'GET', `/tts/calendars/${cal.calendar_id}/`, {
      token: agent,
      params: { id: cal.calendar_id },
    });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ time_zone: 'Europe/Berlin', holidays: [{ date: '2026-12-25', name: 'Christmas' }] });
    const list = await call(calendarsRoute, 'GET', '/tts/calendars/', { token: agent });
    expect((list.body as { name: string }[]).some((c) => c.name === cal.name)).toBe(true);
    const dup = await createCalendar({ name: cal.name.toUpperCase(), time_zone: 'UTC', hours: weekdays });
    expect(dup.status).toBe(409);
    expect(dup.body.details).toMatchObject({ name: expect.any(Array) });
  });

  it('bad calendars are 400s with field details and change nothing', async () => {
    await tokenFor('admin'); // signed in before the snapshots (a sign-in writes an audit row)
    const cases: [Record<string, unknown>, string][] = [
      [
        {
          hours: [
            { day: 1, start: '09:00', end: '12:00' },
            { day: 1, start: '11:00', end: '14:00' },
          ],
        },
        'hours.1.start',
      ],
      [{ hours: [{ day: 2, start: '17:00', end: '09:00' }] }, 'hours.0.end'],
      [{ hours: [{ day: 2, start: '9am', end: '17:00' }] }, 'hours.0.start'],
      [{ hours: [{ day: 8, start: '09:00', end: '17:00' }] }, 'hours.0.day'],
      [{ time_zone: 'Mars/Olympus_Mons' }, 'time_zone'],
      [{ holidays: [{ date: '1850-12-25', name: 'Too old' }] }, 'holidays.0.date'],
      [{ holidays: [{ date: '2026-02-30', name: 'No such day' }] }, 'holidays.0.date'],
      [{ hours: [] }, 'hours'],
    ];
    for (const [change, field] of cases) {
      const before = await snapshot(TABLES);
      const res = await createCalendar({ name: 'Bad calendar', time_zone: 'Europe/Berlin', hours: weekdays, ...change });
      expect(res.status, field).toBe(400);
      expect(Object.keys(res.body.details as object), field).toContain(field);
      expect(await snapshot(TABLES)).toEqual(before);
    }
    // the same problems on an edit: 400 with the field, the calendar (and its tickets' due instants) unchanged
    const existing = await berlinCalendar();
    for (const [change, field] of cases) {
      const before = await snapshot([...TABLES, 'workflow.tasks', 'workflow.task_items']);
      const res = await call(calendarRoute, 'PUT', `/tts/calendars/${existing.calendar_id}/`, {
        token: await tokenFor('admin'),
        params: { id: existing.calendar_id },
        body: { name: existing.name, time_zone: 'Europe/Berlin', hours: weekdays, ...change },
      });
      expect(res.status, field).toBe(400);
      expect(Object.keys(res.body.details as object), field).toContain(field);
      expect(await snapshot([...TABLES, 'workflow.tasks', 'workflow.task_items'])).toEqual(before);
    }
    // a workflow cannot use a calendar that does not exist
    const wf = await threeStepWorkflow({ members: [1, 1, 1], deploy: false });
    const before = await snapshot(TABLES);
    const res = await call(workflowRoute, 'PATCH', `/tts/workflows/${wf.id}/`, {
      token: await tokenFor('admin'),
      params: { id: wf.id },
      body: { calendar_id: 999999 },
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toMatchObject({ calendar_id: ['Unknown calendar'] });
    expect(await snapshot(TABLES)).toEqual(before);
  });

  it('a calendar a workflow uses cannot be deleted; an unused one can', async () => {
    const used = await berlinCalendar();
    await routedAt(used.calendar_id, '2026-12-07T10:00:00Z');
    const admin = await tokenFor('admin');
    const refused = await call(calendarRoute, 'DELETE', `/tts/calendars/${used.calendar_id}/`, {
      token: admin,
      params: { id: used.calendar_id },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CALENDAR_IN_USE');
    const free = await berlinCalendar();
    const ok = await call(calendarRoute, 'DELETE', `/tts/calendars/${free.calendar_id}/`, {
      token: admin,
      params: { id: free.calendar_id },
    });
    expect(ok.status).toBe(204);
  });
});

describe('SLA on business hours', () => {
  it('counts working hours only: across a weekend and a holiday', async () => {
    // Friday 4 Dec 2026 16:00 Berlin; Monday 7 Dec is a holiday. 8 h: 1 h Friday, 7 h Tuesday → Tue 16:00 Berlin
    const cal = await berlinCalendar([{ date: '2026-12-07', name: 'Office closed' }]);
    const { task, item, p } = await routedAt(cal.calendar_id, '2026-12-04T15:00:00Z');
    expect(task.calendarId).toBe(cal.calendar_id);
    expect(task.targetResolution?.toISOString()).toBe('2026-12-08T15:00:00.000Z');
    // the first step holds 2 of the 8 hours (weight 1 of 4): 1 h Friday, 1 h Tuesday
    expect(item.slaSeconds).toBe(7200);
    expect(item.targetResolution?.toISOString()).toBe('2026-12-08T09:00:00.000Z');
    expect(await slaJobs(p.ticket_number)).toEqual(['2026-12-08T15:00:00.000Z']);
  });

  it('warns at 80 % and 90 % of the business time, not of the wall-clock stretch over the weekend', async () => {
    // Friday 4 Dec 2026 16:00 Berlin. Step: 2 h (1 h Friday, 1 h Monday) → due Mon 10:00 Berlin (09:00Z);
    // its 80 % is the 96th working minute, Mon 09:36 Berlin, and 90 % is Mon 09:48. The task: 8 h → Mon 16:00,
    // 80 % after 6 h 24 min of work → Mon 14:24 Berlin. The wall-clock shares would fall on the weekend.
    const cal = await berlinCalendar();
    const { task, item } = await routedAt(cal.calendar_id, '2026-12-04T15:00:00Z');
    expect(item.slaNextAt?.toISOString()).toBe('2026-12-07T08:36:00.000Z');
    expect(task.slaNextAt?.toISOString()).toBe('2026-12-07T13:24:00.000Z');
    // Monday at the office's opening: past 90 % of the wall-clock windows, but nothing has been used up yet
    await runSlaMonitor(new Date('2026-12-07T08:00:00Z'));
    expect((await db.taskItem.findUniqueOrThrow({ where: { id: item.id } })).slaLevel).toBe(0);
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).slaLevel).toBe(0);
    await runSlaMonitor(new Date('2026-12-07T08:37:00Z'));
    const warned = await db.taskItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(warned.slaLevel).toBe(80);
    expect(warned.slaNextAt?.toISOString()).toBe('2026-12-07T08:48:00.000Z');
    await runSlaMonitor(new Date('2026-12-07T08:49:00Z'));
    const risk = await db.taskItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(risk.slaLevel).toBe(90);
    expect(risk.slaNextAt?.toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).slaLevel).toBe(0);
  });

  it('keeps working hours in local time across the change to summer time', async () => {
    // Friday 27 Mar 2026 16:00 CET (15:00Z); summer time from Sunday: Monday 17:00 CEST is 15:00Z
    const cal = await berlinCalendar();
    const { task } = await routedAt(cal.calendar_id, '2026-03-27T15:00:00Z');
    expect(task.targetResolution?.toISOString()).toBe('2026-03-30T14:00:00.000Z');
  });

  it('On Hold pauses the clock, leaving it moves the due instants everywhere', async () => {
    const cal = await berlinCalendar();
    const { task, item, p } = await routedAt(cal.calendar_id, '2026-03-27T15:00:00Z');
    // step: Fri 1 h + Mon 09:00–09:30 CEST, then On Hold until 11:30 CEST; 30 min left → Mon 12:00 CEST (10:00Z)
    await updateSlaStatus({ ticket_number: p.ticket_number, status: 'On Hold', changed_at: '2026-03-30T07:30:00Z' });
    const paused = (await taskOf(p.ticket_number)) as NonNullable<Awaited<ReturnType<typeof taskOf>>>;
    expect(paused.slaPausedAt?.toISOString()).toBe('2026-03-30T07:30:00.000Z');
    expect(paused.slaNextAt).toBeNull();
    expect(paused.items[0].slaNextAt).toBeNull();
    // the task API says so: paused, its time left frozen at the pause
    const whilePaused = await call(taskRoute, 'GET', `/tts/tasks/${task.id}/`, {
      token: await tokenFor('admin'),
      params: { id: task.id },
    });
    expect(whilePaused.body).toMatchObject({
      sla_state: 'paused',
      sla_paused_at: '2026-03-30T07:30:00.000Z',
      is_breached: false,
    });
    // nothing fires while paused, even long after the old due instant
    await runSlaMonitor(new Date('2026-03-30T09:00:00Z'));
    expect((await db.taskItem.findUniqueOrThrow({ where: { id: item.id } })).slaLevel).toBe(0);
    // an older delivery arriving late changes nothing
    await updateSlaStatus({ ticket_number: p.ticket_number, status: 'In Progress', changed_at: '2026-03-30T07:00:00Z' });
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).slaPausedAt).not.toBeNull();

    await updateSlaStatus({ ticket_number: p.ticket_number, status: 'In Progress', changed_at: '2026-03-30T09:30:00Z' });
    const resumed = (await taskOf(p.ticket_number)) as NonNullable<Awaited<ReturnType<typeof taskOf>>>;
    expect(resumed.slaPausedAt).toBeNull();
    expect(resumed.items[0].targetResolution?.toISOString()).toBe('2026-03-30T10:00:00.000Z');
    // task: 1.5 h before the pause, 6.5 h after: Monday until 17:00 CEST (5.5 h) and 1 h Tuesday → Tue 10:00 CEST
    expect(resumed.targetResolution?.toISOString()).toBe('2026-03-31T08:00:00.000Z');
    // the thresholds moved with the pause: 80 % of the step is its 96th working minute (60 Fri + 30 + 6 after it)
    expect(resumed.items[0].slaNextAt?.toISOString()).toBe('2026-03-30T09:36:00.000Z');
    expect(resumed.slaNextAt?.toISOString()).toBe('2026-03-30T14:24:00.000Z');
    const pauses = await db.slaPause.findMany({ where: { taskId: task.id } });
    expect(pauses.map((x) => [x.reason, x.startedAt.toISOString(), x.endedAt?.toISOString()])).toEqual([
      ['On Hold', '2026-03-30T07:30:00.000Z', '2026-03-30T09:30:00.000Z'],
    ]);
    const hist = await db.taskItemHistory.findMany({ where: { taskItemId: item.id }, orderBy: { id: 'asc' } });
    expect(hist.map((h) => h.status)).toEqual(['new', 'sla_paused', 'sla_resumed']);
    // the task API and the help desk's target show the moved instant
    const api = await call(taskRoute, 'GET', `/tts/tasks/${task.id}/`, {
      token: await tokenFor('admin'),
      params: { id: task.id },
    });
    expect(api.body.target_resolution).toBe('2026-03-31T08:00:00.000Z');
    expect((await slaJobs(p.ticket_number)).at(-1)).toBe('2026-03-31T08:00:00.000Z');

    // the timeline explains it: started, the night and weekend outside business hours, the pause and why
    const admin = (await loadActor((await db.user.findUniqueOrThrow({ where: { username: 'admin' } })).id)) as Actor;
    const now = new Date('2026-03-30T12:00:00Z'); // Monday 14:00 CEST: 3 h of business time left today
    const staff = await taskSlaTimeline(admin, task.id, now);
    expect(staff.events.map((e) => e.kind)).toEqual(['started', 'outside_hours', 'paused']);
    expect(staff.events[1]).toMatchObject({ at: '2026-03-27T16:00:00.000Z', until: '2026-03-30T07:00:00.000Z' });
    expect(staff.events[2]).toMatchObject({ until: '2026-03-30T09:30:00.000Z', text: 'Paused: the ticket was On Hold' });
    expect(staff.remaining_business_ms).toBe(4 * 3600_000); // 3 h Monday + 1 h Tuesday
    // the requester's version: the same clock in people's words (the employee of the payload is user 1)
    const requester = (await loadActor(p.employee_id)) as Actor;
    const mine = await requesterSlaTimeline(requester, p.ticket_number, now);
    expect(mine?.events.map((e) => e.text)).toEqual([
      'We started working on your request',
      'Outside office hours: the clock does not run',
      'Paused: waiting for a reply from you',
    ]);
    expect(JSON.stringify(mine)).not.toContain(item.stepName);
    // the monitor's breach and the escalation appear once they happen
    await runSlaMonitor(new Date('2026-03-30T10:30:00Z'));
    const later = await taskSlaTimeline(admin, task.id, new Date('2026-03-30T10:31:00Z'));
    expect(later.events.map((e) => e.kind)).toEqual(['started', 'outside_hours', 'paused', 'breached', 'escalated']);
  });

  it('editing the calendar moves the due instants of its open tickets', async () => {
    const cal = await berlinCalendar();
    const { task, item, p } = await routedAt(cal.calendar_id, '2026-12-04T15:00:00Z');
    expect(task.targetResolution?.toISOString()).toBe('2026-12-07T15:00:00.000Z'); // Mon 16:00 Berlin
    const res = await call(calendarRoute, 'PUT', `/tts/calendars/${cal.calendar_id}/`, {
      token: await tokenFor('admin'),
      params: { id: cal.calendar_id },
      body: {
        name: cal.name,
        time_zone: 'Europe/Berlin',
        hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '17:00' })),
        holidays: [],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.moved_tasks).toBe(1);
    // Friday 16:00–17:00 then 7 h from Monday 08:00: Monday 16:00 becomes Monday 15:00 Berlin (step: 10:00 → 09:00)
    const after = (await taskOf(p.ticket_number)) as NonNullable<Awaited<ReturnType<typeof taskOf>>>;
    expect(after.targetResolution?.toISOString()).toBe('2026-12-07T14:00:00.000Z');
    expect(after.items[0].targetResolution?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    // the 80 % instant moved with it: the 96th working minute is now Mon 08:36 Berlin
    expect(after.items[0].slaNextAt?.toISOString()).toBe('2026-12-07T07:36:00.000Z');
    expect(after.items[0].id).toBe(item.id);
    const api = await call(taskRoute, 'GET', `/tts/tasks/${task.id}/`, {
      token: await tokenFor('admin'),
      params: { id: task.id },
    });
    expect(api.body.target_resolution).toBe('2026-12-07T14:00:00.000Z');
    expect((await slaJobs(p.ticket_number)).at(-1)).toBe('2026-12-07T14:00:00.000Z');
  });

  it('a workflow without a calendar keeps counting around the clock (24×7)', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const p = payload({ department: wf.department, priority: 'High' });
    await processTicket(p, new Date('2026-12-04T15:00:00Z'));
    const task = (await taskOf(p.ticket_number)) as NonNullable<Awaited<ReturnType<typeof taskOf>>>;
    expect(task.calendarId).toBeNull();
    expect(task.targetResolution?.toISOString()).toBe('2026-12-04T23:00:00.000Z');
  });
});
