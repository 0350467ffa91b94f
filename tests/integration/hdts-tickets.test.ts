import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as feedbackRoute from '@/app/(api)/hdts/api/csat/feedback/route';
import * as approveRoute from '@/app/(api)/hdts/api/tickets/[id]/approve/route';
import * as commentsRoute from '@/app/(api)/hdts/api/tickets/[id]/comments/route';
import * as csatRoute from '@/app/(api)/hdts/api/tickets/[id]/csat/route';
import * as historyRoute from '@/app/(api)/hdts/api/tickets/[id]/history/route';
import * as rejectRoute from '@/app/(api)/hdts/api/tickets/[id]/reject/route';
import * as ticketRoute from '@/app/(api)/hdts/api/tickets/[id]/route';
import * as statusRoute from '@/app/(api)/hdts/api/tickets/[id]/update-status/route';
import * as withdrawRoute from '@/app/(api)/hdts/api/tickets/[id]/withdraw/route';
import * as byNumberRoute from '@/app/(api)/hdts/api/tickets/number/[ticket_number]/route';
import * as ticketsRoute from '@/app/(api)/hdts/api/tickets/route';
import * as v1CommentRoute from '@/app/(api)/hdts/api/v1/comments/[id]/route';
import * as v1AssignRoute from '@/app/(api)/hdts/api/v1/tickets/[id]/assign/route';
import * as v1ReopenRoute from '@/app/(api)/hdts/api/v1/tickets/[id]/reopen/route';
import * as v1TicketsRoute from '@/app/(api)/hdts/api/v1/tickets/route';
import * as pushRoute from '@/app/(api)/hdts/tickets/[id]/push_to_workflow/route';
import { MESSAGES } from '@/lib/domain/contracts/messages';
import { setTicketOwner, syncStatusFromWorkflow } from '@/lib/domain/helpdesk/commands/from-workflow';
import { autoCloseResolved, recordSlaBreaches } from '@/lib/domain/helpdesk/commands/scheduled';
import { PermanentJobError } from '@/lib/domain/jobs';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { type CallResult, call, makeUser, snapshot, tokenFor } from '../helpers/api';
import { HDTS_TABLES } from '../helpers/hdts';

const body = (over: Record<string, unknown> = {}) => ({
  subject: 'Printer on floor 3 is jammed',
  description: 'Paper jam every second page',
  category: 'IT Support',
  sub_category: 'Printer/Scanner Setup or Issue',
  ...over,
});

let emp: string;
let emp2: string;
let coord: string;
let admin: string;
let agent: string;

async function submit(token = emp, over: Record<string, unknown> = {}) {
  const r = await call(ticketsRoute, 'POST', '/hdts/api/tickets/', { token, body: body(over) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: number; ticket_number: string; status: string };
}
const p = (id: number | string) => ({ params: { id } });
async function approve(id: number, token = coord) {
  const r = await call(approveRoute, 'POST', `/hdts/api/tickets/${id}/approve/`, {
    token,
    ...p(id),
    body: { priority: 'High', department: 'IT Department' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}
async function setStatus(id: number, status: string, token = coord) {
  return call(statusRoute, 'POST', `/hdts/api/tickets/${id}/update-status/`, { token, ...p(id), body: { status } });
}
async function jobsFor(name: string, ticketNumber: string) {
  const rows = await db.$queryRawUnsafe<{ data: Record<string, unknown> }[]>(
    `SELECT data FROM pgboss.job WHERE name = $1 AND data->>'ticket_number' = $2`,
    name,
    ticketNumber,
  );
  return rows.map((r) => r.data);
}
async function expectUnchanged(fn: () => Promise<CallResult>, status: number) {
  const before = await snapshot(HDTS_TABLES);
  const r = await fn();
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(await snapshot(HDTS_TABLES)).toEqual(before);
  return r;
}

beforeAll(async () => {
  await startJobs({ workers: false });
  [emp, emp2, coord, admin, agent] = await Promise.all(
    ['employee1', 'employee2', 'coordinator1', 'admin', 'agent1'].map((u) => tokenFor(u)),
  );
});
afterAll(async () => {
  await stopJobs();
});

describe('submission', () => {
  it('creates a New ticket with a TX number, history and no workflow message', async () => {
    const t = await submit();
    expect(t.ticket_number).toMatch(new RegExp(`^TX${new Date().toISOString().slice(0, 10).replace(/-/g, '')}\\d{6}$`));
    expect(t.status).toBe('New');
    expect(t).toMatchObject({ department: 'IT Department', priority: null, employee: { name: 'Emma Wilson' } });
    const h = await call(historyRoute, 'GET', '/x', { token: emp, ...p(t.id) });
    expect(h.body.results.map((e: { type: string }) => e.type)).toEqual(['CREATED']);
    expect(await jobsFor(MESSAGES.processTicket.name, t.ticket_number)).toEqual([]);
    expect(await jobsFor('messaging.ticket_participant', t.ticket_number)).toEqual([
      expect.objectContaining({ role: 'requester' }),
    ]);
  });

  it.each([
    ['blank subject', { subject: '  ' }, 'subject'],
    ['missing description', { description: undefined }, 'description'],
    ['unknown category', { category: 'Nope' }, 'category'],
    ['sub-category of another category', { category: 'Asset Check In' }, 'sub_category'],
    ['unknown department', { department: 'Moon' }, 'department'],
  ])('refuses %s with field errors and changes nothing', async (_n, over, field) => {
    const r = await expectUnchanged(
      () => call(ticketsRoute, 'POST', '/hdts/api/tickets/', { token: emp, body: body(over) }),
      400,
    );
    expect(r.body.code).toBe('VALIDATION_ERROR');
    expect(r.body.details[field]).toBeDefined();
  });

  it('refuses agents (403) and anonymous (401)', async () => {
    await expectUnchanged(() => call(ticketsRoute, 'POST', '/x', { token: agent, body: body() }), 403);
    await expectUnchanged(() => call(ticketsRoute, 'POST', '/x', { body: body() }), 401);
  });

  it('keeps ticket numbers unique under 50 concurrent submissions', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const token = await tokenFor(user.username);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(ticketsRoute, 'POST', '/x', { token, body: body({ subject: `Concurrent ${i}` }) }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const numbers = new Set(results.map((r) => r.body.ticket_number));
    expect(numbers.size).toBe(50);
    expect(await db.ticket.count({ where: { employeeId: user.id } })).toBe(50);
  });

  it('v1 create accepts title and P1, normalised to Critical with due dates', async () => {
    const r = await call(v1TicketsRoute, 'POST', '/hdts/api/v1/tickets', {
      token: emp,
      body: { title: 'DB down', description: 'all down', category: 'Others', priority: 'P1' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.priority).toBe('Critical');
    const created = new Date(r.body.created_at).getTime();
    expect(new Date(r.body.response_due_at).getTime() - created).toBeCloseTo(3600_000, -3);
    expect(new Date(r.body.resolution_due_at).getTime() - created).toBeCloseTo(4 * 3600_000, -3);
    const u = await call(v1TicketsRoute, 'POST', '/x', {
      token: emp,
      body: { title: 'x', description: 'y', category: 'Others', priority: 'urgent' },
    });
    expect(u.body.priority).toBe('Critical');
    await expectUnchanged(
      () =>
        call(v1TicketsRoute, 'POST', '/x', {
          token: emp,
          body: { title: 'x', description: 'y', category: 'Others', priority: 'P9' },
        }),
      400,
    );
  });
});

describe('visibility', () => {
  it("employees see only their own tickets; another's is a 404; staff see all", async () => {
    const mine = await submit(emp);
    const theirs = await submit(emp2);
    expect((await call(ticketRoute, 'GET', '/x', { token: emp, ...p(mine.id) })).status).toBe(200);
    const hidden = await call(ticketRoute, 'GET', '/x', { token: emp, ...p(theirs.id) });
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('TICKET_NOT_FOUND');
    expect((await call(byNumberRoute, 'GET', '/x', { token: emp, params: { ticket_number: theirs.ticket_number } })).status).toBe(
      404,
    );
    const list = await call(ticketsRoute, 'GET', '/x', { token: emp, query: { page_size: 100 } });
    expect(list.body.results.some((t: { id: number }) => t.id === mine.id)).toBe(true);
    expect(list.body.results.some((t: { id: number }) => t.id === theirs.id)).toBe(false);
    expect((await call(ticketRoute, 'GET', '/x', { token: coord, ...p(theirs.id) })).status).toBe(200);
    expect((await call(ticketRoute, 'GET', '/x', { token: agent, ...p(theirs.id) })).status).toBe(404);
  });

  it('by number returns the 000 §3 shape', async () => {
    const t = await submit();
    const r = await call(byNumberRoute, 'GET', '/x', { token: coord, params: { ticket_number: t.ticket_number } });
    expect(r.status).toBe(200);
    for (const k of [
      'id',
      'ticket_number',
      'subject',
      'description',
      'category',
      'sub_category',
      'department',
      'priority',
      'status',
      'employee',
      'ticket_owner_id',
      'ticket_owner_name',
      'created_at',
      'updated_at',
      'date_completed',
      'csat_rating',
      'csat_feedback',
      'attachments',
      'comments',
    ]) {
      expect(r.body).toHaveProperty(k);
    }
    expect(r.body.employee).toMatchObject({ name: 'Emma Wilson', email: 'employee1@example.com' });
  });
});

describe('approve and reject', () => {
  it('approve: Open, approver recorded, public history, process_ticket job in the same transaction', async () => {
    const t = await submit();
    const r = await approve(t.id);
    expect(r).toMatchObject({
      status: 'Open',
      priority: 'High',
      department: 'IT Department',
      approved_by: { name: 'Casey Reyes' },
    });
    const jobs = await jobsFor(MESSAGES.processTicket.name, t.ticket_number);
    expect(jobs).toHaveLength(1);
    expect(MESSAGES.processTicket.schema.parse(jobs[0])).toMatchObject({
      ticket_number: t.ticket_number,
      priority: 'High',
      employee_name: 'Emma Wilson',
    });
    const h = await call(historyRoute, 'GET', '/x', { token: emp, ...p(t.id) });
    expect(h.body.results).toContainEqual(
      expect.objectContaining({ type: 'STATUS_CHANGE', old_value: 'New', new_value: 'Open', is_public: true }),
    );
  });

  it('history speaks people’s words to everyone and keeps staff notes from the requester', async () => {
    const t = await submit();
    const approved = await call(approveRoute, 'POST', '/x', {
      token: coord,
      ...p(t.id),
      body: { priority: 'High', department: 'IT Department', approval_notes: 'VIP, handle first' },
    });
    expect(approved.status).toBe(200);
    const mine = await call(historyRoute, 'GET', '/x', { token: emp, ...p(t.id) });
    expect(mine.body.results.map((h: { summary: string }) => h.summary)).toEqual(
      expect.arrayContaining(['Submitted by Emma Wilson', 'Approved by Casey Reyes', 'Priority set to High by Casey Reyes']),
    );
    const approval = mine.body.results.find((h: { summary: string }) => h.summary === 'Approved by Casey Reyes');
    expect(approval.note).toBeNull();
    expect(JSON.stringify(mine.body)).not.toContain('VIP, handle first');
    const staff = await call(historyRoute, 'GET', '/x', { token: coord, ...p(t.id) });
    expect(staff.body.results.find((h: { summary: string }) => h.summary === 'Approved by Casey Reyes').note).toBe(
      'VIP, handle first',
    );
    // the ticket itself: approval notes are staff-only in the detail and the list
    const detail = await call(ticketRoute, 'GET', '/x', { token: emp, ...p(t.id) });
    expect(detail.body.approval_notes).toBeNull();
    const list = await call(ticketsRoute, 'GET', '/x', { token: emp, query: { search: t.ticket_number } });
    expect(list.body.results[0].approval_notes).toBeNull();
    expect((await call(ticketRoute, 'GET', '/x', { token: coord, ...p(t.id) })).body.approval_notes).toBe('VIP, handle first');

    // a reason given to the requester stays theirs to read
    const other = await submit();
    await call(rejectRoute, 'POST', '/x', { token: coord, ...p(other.id), body: { rejection_reason: 'Duplicate of TX1' } });
    const rejected = await call(historyRoute, 'GET', '/x', { token: emp, ...p(other.id) });
    expect(rejected.body.results.find((h: { summary: string }) => h.summary === 'Rejected by Casey Reyes').note).toBe(
      'Duplicate of TX1',
    );
  });

  it('a rolled-back approve leaves no job', async () => {
    const t = await submit();
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION audit.fail_approve() RETURNS trigger AS $$
      BEGIN IF NEW.action = 'ticket.approve' AND NEW.entity_id = '${t.ticket_number}' THEN RAISE EXCEPTION 'forced'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      'CREATE TRIGGER fail_approve BEFORE INSERT ON audit.audit_log FOR EACH ROW EXECUTE FUNCTION audit.fail_approve()',
    );
    try {
      const r = await call(approveRoute, 'POST', '/x', {
        token: coord,
        ...p(t.id),
        body: { priority: 'Low', department: 'IT Department' },
      });
      expect(r.status).toBe(500);
    } finally {
      await db.$executeRawUnsafe('DROP TRIGGER fail_approve ON audit.audit_log');
    }
    expect(await jobsFor(MESSAGES.processTicket.name, t.ticket_number)).toEqual([]);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('New');
  });

  it.each([
    ['missing priority', { department: 'IT Department' }],
    ['bad priority', { priority: 'Huge', department: 'IT Department' }],
    ['missing department', { priority: 'Low' }],
    ['unknown department', { priority: 'Low', department: 'Moon' }],
  ])('approve refuses %s', async (_n, b) => {
    const t = await submit();
    await expectUnchanged(() => call(approveRoute, 'POST', '/x', { token: coord, ...p(t.id), body: b }), 400);
  });

  it('only coordinators approve, only from New', async () => {
    const t = await submit();
    await expectUnchanged(
      () => call(approveRoute, 'POST', '/x', { token: emp, ...p(t.id), body: { priority: 'Low', department: 'IT Department' } }),
      403,
    );
    await expectUnchanged(
      () => call(approveRoute, 'POST', '/x', { token: emp2, ...p(t.id), body: { priority: 'Low', department: 'IT Department' } }),
      404,
    );
    await approve(t.id);
    const again = await expectUnchanged(
      () =>
        call(approveRoute, 'POST', '/x', { token: coord, ...p(t.id), body: { priority: 'Low', department: 'IT Department' } }),
      400,
    );
    expect(again.body.code).toBe('INVALID_STATUS_TRANSITION');
  });

  it('reject needs a reason; the requester sees it', async () => {
    const t = await submit();
    await expectUnchanged(
      () => call(rejectRoute, 'POST', '/x', { token: coord, ...p(t.id), body: { rejection_reason: ' ' } }),
      400,
    );
    await expectUnchanged(
      () => call(rejectRoute, 'POST', '/x', { token: emp, ...p(t.id), body: { rejection_reason: 'no' } }),
      403,
    );
    const r = await call(rejectRoute, 'POST', '/x', {
      token: coord,
      ...p(t.id),
      body: { rejection_reason: 'Duplicate of another ticket' },
    });
    expect(r.status).toBe(200);
    const seen = await call(ticketRoute, 'GET', '/x', { token: emp, ...p(t.id) });
    expect(seen.body).toMatchObject({ status: 'Rejected', rejection_reason: 'Duplicate of another ticket' });
    await expectUnchanged(
      () => call(rejectRoute, 'POST', '/x', { token: coord, ...p(t.id), body: { rejection_reason: 'again' } }),
      400,
    );
  });
});

describe('status rules', () => {
  it('invalid transitions are 400 listing the allowed ones', async () => {
    const t = await submit();
    await approve(t.id);
    const r = await expectUnchanged(() => setStatus(t.id, 'New'), 400);
    expect(r.body.details.allowed_transitions).toEqual(['In Progress', 'On Hold', 'Resolved', 'Closed']);
    await expectUnchanged(() => setStatus(t.id, 'Sleeping'), 400);
    const n = await submit();
    await expectUnchanged(() => setStatus(n.id, 'In Progress'), 400);
  });

  it('employees cannot change status, priority or department by PATCH or update-status', async () => {
    const t = await submit();
    for (const b of [{ status: 'Open' }, { priority: 'High' }, { department: 'Budget Department' }]) {
      await expectUnchanged(() => call(ticketRoute, 'PATCH', '/x', { token: emp, ...p(t.id), body: b }), 403);
    }
    await approve(t.id);
    await expectUnchanged(() => setStatus(t.id, 'In Progress', emp), 403);
    const ok = await call(ticketRoute, 'PATCH', '/x', { token: coord, ...p(t.id), body: { priority: 'P4' } });
    expect(ok.body.priority).toBe('Low');
  });

  it('requester closes a Resolved ticket: close fields set, Closed message sent', async () => {
    const t = await submit();
    await approve(t.id);
    expect((await setStatus(t.id, 'In Progress')).status).toBe(200);
    await expectUnchanged(() => setStatus(t.id, 'Closed', emp), 403);
    expect((await setStatus(t.id, 'Resolved')).status).toBe(200);
    const r = await setStatus(t.id, 'Closed', emp);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.time_closed).not.toBeNull();
    expect(r.body.date_completed).not.toBeNull();
    expect(r.body.resolution_time).toBeGreaterThanOrEqual(0);
    const msgs = await jobsFor(MESSAGES.receiveHdtsTicketStatus.name, t.ticket_number);
    expect(msgs).toContainEqual(expect.objectContaining({ status: 'Closed' }));
    const h = await call(historyRoute, 'GET', '/x', { token: emp, ...p(t.id) });
    expect(h.body.results.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['RESOLVED', 'CLOSED']));
  });

  it('auto-closes tickets Resolved for 72 hours, measured from resolution', async () => {
    const old = await submit();
    const fresh = await submit();
    for (const t of [old, fresh]) {
      await approve(t.id);
      await setStatus(t.id, 'Resolved');
    }
    await db.ticket.update({
      where: { id: old.id },
      data: { resolvedAt: new Date(Date.now() - 73 * 3600_000), createdAt: new Date(Date.now() - 100 * 3600_000) },
    });
    await db.ticket.update({
      where: { id: fresh.id },
      data: { resolvedAt: new Date(Date.now() - 71 * 3600_000), createdAt: new Date(Date.now() - 100 * 3600_000) },
    });
    await autoCloseResolved();
    expect((await db.ticket.findUniqueOrThrow({ where: { id: old.id } })).status).toBe('Closed');
    expect((await db.ticket.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe('Resolved');
  });

  it('records an SLA_BREACH once per missed deadline, visible to staff only', async () => {
    const t = await submit();
    await approve(t.id);
    await db.ticket.update({
      where: { id: t.id },
      data: { responseDueAt: new Date(Date.now() - 60_000), resolutionDueAt: new Date(Date.now() - 1000) },
    });
    await recordSlaBreaches();
    await recordSlaBreaches();
    const staff = await call(historyRoute, 'GET', '/x', { token: coord, ...p(t.id) });
    const breaches = staff.body.results.filter((e: { type: string }) => e.type === 'SLA_BREACH');
    expect(breaches.map((e: { field: string }) => e.field).sort()).toEqual(['resolution_due_at', 'response_due_at']);
    const own = await call(historyRoute, 'GET', '/x', { token: emp, ...p(t.id) });
    expect(own.body.results.some((e: { type: string }) => e.type === 'SLA_BREACH')).toBe(false);
    expect((await call(ticketRoute, 'GET', '/x', { token: coord, ...p(t.id) })).body.sla_status).toBe('breached');
  });

  it('reopen within 7 days returns to Open and tells the workflow; later is refused', async () => {
    const t = await submit();
    await approve(t.id);
    await setStatus(t.id, 'Resolved');
    await setStatus(t.id, 'Closed');
    const r = await call(v1ReopenRoute, 'POST', '/x', { token: emp, ...p(t.id), body: { reason: 'Still broken' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'Open', time_closed: null });
    expect(await jobsFor(MESSAGES.receiveHdtsTicketStatus.name, t.ticket_number)).toContainEqual(
      expect.objectContaining({ status: 'Reopened' }),
    );
    await setStatus(t.id, 'Resolved');
    await setStatus(t.id, 'Closed');
    await db.ticket.update({ where: { id: t.id }, data: { timeClosed: new Date(Date.now() - 8 * 86400_000) } });
    const late = await expectUnchanged(() => call(v1ReopenRoute, 'POST', '/x', { token: emp, ...p(t.id), body: {} }), 400);
    expect(late.body.code).toBe('REOPEN_WINDOW_EXPIRED');
  });

  it('withdraw: requester only, reason required, not from terminal states, tells the workflow', async () => {
    const t = await submit();
    await expectUnchanged(() => call(withdrawRoute, 'POST', '/x', { token: emp, ...p(t.id), body: {} }), 400);
    await expectUnchanged(() => call(withdrawRoute, 'POST', '/x', { token: coord, ...p(t.id), body: { reason: 'x' } }), 403);
    await expectUnchanged(() => call(withdrawRoute, 'POST', '/x', { token: emp2, ...p(t.id), body: { reason: 'x' } }), 404);
    const r = await call(withdrawRoute, 'POST', '/x', { token: emp, ...p(t.id), body: { reason: 'Fixed itself' } });
    expect(r.body.status).toBe('Withdrawn');
    // a withdrawn ticket is finished: closed now, like a Closed one
    const row = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect(row.timeClosed).toBeInstanceOf(Date);
    expect(row.dateCompleted).toEqual(row.timeClosed);
    expect(row.resolutionTimeSeconds).toBeGreaterThanOrEqual(0);
    // a New ticket never reached the workflow: nothing to tell it (the message would dead-letter)
    expect(await jobsFor(MESSAGES.receiveHdtsTicketStatus.name, t.ticket_number)).toEqual([]);
    await expectUnchanged(() => call(withdrawRoute, 'POST', '/x', { token: emp, ...p(t.id), body: { reason: 'again' } }), 400);
    // an approved one did: the workflow is told
    const open = await submit();
    await approve(open.id);
    await call(withdrawRoute, 'POST', '/x', { token: emp, ...p(open.id), body: { reason: 'Fixed itself' } });
    const openRow = await db.ticket.findUniqueOrThrow({ where: { id: open.id } });
    expect(await jobsFor(MESSAGES.receiveHdtsTicketStatus.name, open.ticket_number)).toContainEqual(
      expect.objectContaining({
        status: 'Withdrawn',
        reason: 'Fixed itself',
        time_closed: openRow.timeClosed?.toISOString(),
        date_completed: openRow.timeClosed?.toISOString(),
      }),
    );
  });
});

describe('stale writes (collision detection)', () => {
  const change = (id: number, body: Record<string, unknown>) =>
    call(statusRoute, 'POST', `/hdts/api/tickets/${id}/update-status/`, { token: coord, ...p(id), body });

  it('a status change based on what the writer loaded goes through while the ticket is unchanged', async () => {
    const t = await submit();
    const loaded = (await approve(t.id)) as { updated_at: string };
    const r = await change(t.id, { status: 'In Progress', expected_updated_at: loaded.updated_at });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.status).toBe('In Progress');
  });

  it('a status change over a newer change is 409 CONFLICT and changes nothing', async () => {
    const t = await submit();
    const loaded = (await approve(t.id)) as { updated_at: string };
    // someone else changes the ticket after it was loaded
    expect((await change(t.id, { status: 'On Hold' })).status).toBe(200);
    const current = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    const r = await expectUnchanged(() => change(t.id, { status: 'In Progress', expected_updated_at: loaded.updated_at }), 409);
    expect(r.body.code).toBe('CONFLICT');
    expect(r.body.message).toMatch(/changed since you opened it/);
    expect(r.body.details.updated_at).toBe(current.updatedAt.toISOString());
    expect((await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('On Hold');
    // with the current version it goes through
    const ok = await change(t.id, { status: 'In Progress', expected_updated_at: current.updatedAt.toISOString() });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('an edit (PATCH) over a newer change is 409 and changes nothing; with the current version it goes through', async () => {
    const t = await submit();
    const loaded = (await approve(t.id)) as { updated_at: string };
    expect((await change(t.id, { status: 'On Hold' })).status).toBe(200);
    const edit = (body: Record<string, unknown>) => call(ticketRoute, 'PATCH', '/x', { token: coord, ...p(t.id), body });
    const r = await expectUnchanged(() => edit({ priority: 'Low', expected_updated_at: loaded.updated_at }), 409);
    expect(r.body.code).toBe('CONFLICT');
    const current = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    const ok = await edit({ priority: 'Low', expected_updated_at: current.updatedAt.toISOString() });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.priority).toBe('Low');
  });

  it.each([
    ['approve', approveRoute, 'coordinator', { priority: 'High', department: 'IT Department' }],
    ['reject', rejectRoute, 'coordinator', { rejection_reason: 'Duplicate' }],
    ['withdraw', withdrawRoute, 'requester', { reason: 'Fixed itself' }],
  ] as const)(
    '%s over a newer change is 409 CONFLICT and changes nothing; with the current version it goes through',
    async (_a, route, who, input) => {
      const token = who === 'coordinator' ? coord : emp;
      const t = await submit();
      const loaded = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
      // the requester edits the ticket after the coordinator (or the requester's other tab) loaded it
      const edited = await call(ticketRoute, 'PATCH', '/x', {
        token: emp,
        ...p(t.id),
        body: { subject: 'Printer on floor 3 jams every page' },
      });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      const post = (expected: Date) =>
        call(route, 'POST', '/x', { token, ...p(t.id), body: { ...input, expected_updated_at: expected.toISOString() } });
      const r = await expectUnchanged(() => post(loaded.updatedAt), 409);
      expect(r.body.code).toBe('CONFLICT');
      const current = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
      expect(current.status).toBe('New');
      expect(r.body.details.updated_at).toBe(current.updatedAt.toISOString());
      const ok = await post(current.updatedAt);
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body.status).not.toBe('New');
    },
  );

  it('a malformed version is a 400 field error that changes nothing', async () => {
    const t = await submit();
    await approve(t.id);
    const r = await expectUnchanged(() => change(t.id, { status: 'In Progress', expected_updated_at: 'yesterday' }), 400);
    expect(r.body.details.expected_updated_at).toBeDefined();
  });
});

describe('CSAT', () => {
  async function closed() {
    const t = await submit();
    await approve(t.id);
    await setStatus(t.id, 'Resolved');
    await setStatus(t.id, 'Closed', emp);
    return t;
  }
  it.each([
    ['"5"', '5'],
    ['4.5', 4.5],
    ['true', true],
    ['0', 0],
    ['6', 6],
    ['missing', undefined],
  ])('refuses rating %s', async (_n, rating) => {
    const t = await closed();
    await expectUnchanged(() => call(csatRoute, 'POST', '/x', { token: emp, ...p(t.id), body: { rating } }), 400);
  });

  it('only the requester, only when Closed, once; feedback list newest first with buckets', async () => {
    const open = await submit();
    await expectUnchanged(() => call(csatRoute, 'POST', '/x', { token: emp, ...p(open.id), body: { rating: 5 } }), 400);
    const t = await closed();
    await expectUnchanged(() => call(csatRoute, 'POST', '/x', { token: coord, ...p(t.id), body: { rating: 5 } }), 403);
    const r = await call(csatRoute, 'POST', '/x', { token: emp, ...p(t.id), body: { rating: 4, feedback: 'Quick fix' } });
    expect(r.status).toBe(201);
    expect(await jobsFor(MESSAGES.receiveHdtsTicketStatus.name, t.ticket_number)).toContainEqual(
      expect.objectContaining({ status: 'Closed', csat_rating: 4 }),
    );
    const again = await expectUnchanged(
      () => call(csatRoute, 'POST', '/x', { token: emp, ...p(t.id), body: { rating: 5 } }),
      409,
    );
    expect(again.body.code).toBe('CSAT_ALREADY_SUBMITTED');
    const f = await call(feedbackRoute, 'GET', '/x', { token: coord });
    expect(f.status).toBe(200);
    expect(f.body.results[0]).toMatchObject({ ticket_number: t.ticket_number, rating: 4, feedback: 'Quick fix' });
    expect(f.body.buckets['4']).toBeGreaterThanOrEqual(1);
    expect((await call(feedbackRoute, 'GET', '/x', { token: emp })).status).toBe(403);
  });
});

describe('comments', () => {
  it('public and internal; employees never see or write internal; blank refused', async () => {
    const t = await submit();
    await expectUnchanged(() => call(commentsRoute, 'POST', '/x', { token: emp, ...p(t.id), body: { comment: '   ' } }), 400);
    await expectUnchanged(
      () => call(commentsRoute, 'POST', '/x', { token: emp, ...p(t.id), body: { comment: 'psst', is_internal: true } }),
      403,
    );
    expect((await call(commentsRoute, 'POST', '/x', { token: emp, ...p(t.id), body: { comment: 'Any news?' } })).status).toBe(
      201,
    );
    const note = await call(commentsRoute, 'POST', '/x', {
      token: coord,
      ...p(t.id),
      body: { comment: 'Known printer issue', is_internal: true },
    });
    expect(note.status).toBe(201);
    const empView = await call(commentsRoute, 'GET', '/x', { token: emp, ...p(t.id) });
    expect(empView.body.results.map((c: { comment: string }) => c.comment)).toEqual(['Any news?']);
    const detail = await call(ticketRoute, 'GET', '/x', { token: emp, ...p(t.id) });
    expect(detail.body.comments).toHaveLength(1);
    const staffView = await call(commentsRoute, 'GET', '/x', { token: coord, ...p(t.id) });
    expect(staffView.body.count).toBe(2);
    const h = await call(historyRoute, 'GET', '/x', { token: emp, ...p(t.id) });
    expect(h.body.results.filter((e: { type: string }) => e.type === 'COMMENT_ADDED')).toHaveLength(1);
    // author edits; others cannot; the employee cannot even see the internal note
    await expectUnchanged(
      () => call(v1CommentRoute, 'PUT', '/x', { token: emp, params: { id: note.body.id }, body: { content: 'x' } }),
      404,
    );
    await expectUnchanged(
      () => call(v1CommentRoute, 'PUT', '/x', { token: admin, params: { id: note.body.id }, body: { content: 'x' } }),
      403,
    );
    expect(
      (await call(v1CommentRoute, 'PUT', '/x', { token: coord, params: { id: note.body.id }, body: { content: 'Known issue' } }))
        .body.comment,
    ).toBe('Known issue');
    expect((await call(v1CommentRoute, 'DELETE', '/x', { token: admin, params: { id: note.body.id } })).status).toBe(204);
  });
});

describe('v1 list: filters, sort, full-text search', () => {
  it('filters by repeated status and priority, sorts by priority, searches subject, description and comments', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const token = await tokenFor(user.username);
    const a = await submit(token, { subject: 'Laptop battery swelling', description: 'The battery bulges' });
    const b = await submit(token, { subject: 'VPN drops', description: 'Every hour' });
    const c = await submit(token, { subject: 'Mouse', description: 'Left button' });
    await call(commentsRoute, 'POST', '/x', { token, ...p(c.id), body: { comment: 'Also the keyboards are sticky' } });
    await call(approveRoute, 'POST', '/x', { token: coord, ...p(a.id), body: { priority: 'Low', department: 'IT Department' } });
    await call(approveRoute, 'POST', '/x', { token: coord, ...p(b.id), body: { priority: 'P1', department: 'IT Department' } });
    const q = (query: Record<string, string | string[]>) => call(v1TicketsRoute, 'GET', '/x', { token, query });
    const open = await q({ status: ['OPEN', 'IN_PROGRESS'], sort_by: 'priority', order: 'asc' });
    expect(open.body.results.map((t: { id: number }) => t.id)).toEqual([b.id, a.id]);
    expect((await q({ priority: ['P4'] })).body.results.map((t: { id: number }) => t.id)).toEqual([a.id]);
    expect((await q({ search: 'batteries' })).body.results.map((t: { id: number }) => t.id)).toEqual([a.id]);
    expect((await q({ search: 'keyboard' })).body.results.map((t: { id: number }) => t.id)).toEqual([c.id]);
    expect((await q({ view: 'active', page_size: '2' })).body).toMatchObject({ count: 3, results: expect.any(Array) });
    expect((await q({ status: 'nope' })).status).toBe(400);
  });

  it('assign needs an active user; push_to_workflow needs an approved ticket', async () => {
    const t = await submit();
    await expectUnchanged(() => call(pushRoute, 'POST', '/x', { token: coord, ...p(t.id) }), 400);
    await expectUnchanged(
      () => call(v1AssignRoute, 'PUT', '/x', { token: coord, ...p(t.id), body: { assignee_id: 999999 } }),
      400,
    );
    await expectUnchanged(() => call(v1AssignRoute, 'PUT', '/x', { token: emp, ...p(t.id), body: { assignee_id: 1 } }), 403);
    await approve(t.id);
    const agentUser = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
    expect(
      (await call(v1AssignRoute, 'PUT', '/x', { token: coord, ...p(t.id), body: { assignee_id: agentUser.id } })).body
        .assignee_name,
    ).toBe('Sam Patel');
    expect((await call(ticketRoute, 'GET', '/x', { token: agent, ...p(t.id) })).status).toBe(200);
    const push = await call(pushRoute, 'POST', '/x', { token: coord, ...p(t.id) });
    expect(push.status).toBe(202);
    expect(await jobsFor(MESSAGES.processTicket.name, t.ticket_number)).toHaveLength(2);
  });

  it("the help desk's assignee joins the conversation as `assignee` (kept apart from workflow assignments); reassigning takes the previous one out", async () => {
    const t = await submit();
    await approve(t.id);
    const [first, second] = await Promise.all(
      ['agent1', 'agent2'].map((u) => db.user.findUniqueOrThrow({ where: { username: u } })),
    );
    expect((await call(v1AssignRoute, 'PUT', '/x', { token: coord, ...p(t.id), body: { assignee_id: first.id } })).status).toBe(
      200,
    );
    expect((await call(v1AssignRoute, 'PUT', '/x', { token: coord, ...p(t.id), body: { assignee_id: second.id } })).status).toBe(
      200,
    );
    const changes = (await jobsFor('messaging.ticket_participant', t.ticket_number)).filter((d) => d.role === 'assignee');
    expect(changes).toHaveLength(3);
    expect(changes).toEqual(
      expect.arrayContaining([
        { ticket_number: t.ticket_number, user_id: first.id, role: 'assignee', changed_at: expect.any(String) },
        { ticket_number: t.ticket_number, user_id: second.id, role: 'assignee', changed_at: expect.any(String) },
        { ticket_number: t.ticket_number, user_id: first.id, role: 'assignee', remove: true, changed_at: expect.any(String) },
      ]),
    );
  });
});

describe('messages from the workflow engine', () => {
  it('owner update shows the owner name; unknown ticket is a permanent error', async () => {
    const t = await submit();
    await approve(t.id);
    const owner = await db.user.findUniqueOrThrow({ where: { username: 'coordinator2' } });
    await setTicketOwner(t.ticket_number, owner.id);
    await setTicketOwner(t.ticket_number, owner.id);
    const r = await call(byNumberRoute, 'GET', '/x', { token: emp, params: { ticket_number: t.ticket_number } });
    expect(r.body).toMatchObject({ ticket_owner_id: owner.id, ticket_owner_name: 'Jordan Lee' });
    // the history keeps the id and gives the requester the owner's name beside it
    const h = await call(historyRoute, 'GET', '/x', { token: emp, ...p(t.id) });
    const change = h.body.results.find((e: { field: string }) => e.field === 'ticket_owner');
    expect(change).toMatchObject({ type: 'ASSIGNMENT_CHANGE', new_value: String(owner.id), new_value_name: 'Jordan Lee' });
    await expect(setTicketOwner('TX20990101000000', owner.id)).rejects.toBeInstanceOf(PermanentJobError);
  });

  it('status sync is idempotent by event id and ignores invalid transitions', async () => {
    const t = await submit();
    await expect(
      syncStatusFromWorkflow({ ticket_number: t.ticket_number, status: 'In Progress', event_id: `e-${t.id}-0` }),
    ).resolves.toBeUndefined();
    expect((await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('New');
    await approve(t.id);
    await syncStatusFromWorkflow({ ticket_number: t.ticket_number, status: 'In Progress', event_id: `e-${t.id}-1` });
    await syncStatusFromWorkflow({ ticket_number: t.ticket_number, status: 'Resolved', event_id: `e-${t.id}-2` });
    await setStatus(t.id, 'Closed', emp);
    // a replay of an already applied event changes nothing
    const before = await snapshot(HDTS_TABLES);
    await syncStatusFromWorkflow({ ticket_number: t.ticket_number, status: 'In Progress', event_id: `e-${t.id}-1` });
    expect(await snapshot(HDTS_TABLES)).toEqual(before);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('Closed');
    await expect(
      syncStatusFromWorkflow({ ticket_number: 'TX20990101000000', status: 'Resolved', event_id: 'zz' }),
    ).rejects.toBeInstanceOf(PermanentJobError);
  });
});
