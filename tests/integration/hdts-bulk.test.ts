/** Bulk actions on the coordinators' lists: per-ticket outcomes through the single-ticket commands. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ticketRoute from '@/app/(api)/hdts/api/tickets/[id]/route';
import * as bulkRoute from '@/app/(api)/hdts/api/tickets/bulk/route';
import * as ticketsRoute from '@/app/(api)/hdts/api/tickets/route';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, snapshot, tokenFor } from '../helpers/api';
import { HDTS_TABLES } from '../helpers/hdts';

let emp: string;
let coord: string;
let agent: string;

beforeAll(async () => {
  await startJobs({ workers: false });
  [emp, coord, agent] = await Promise.all([tokenFor('employee1'), tokenFor('coordinator1'), tokenFor('agent1')]);
});
afterAll(() => stopJobs());

async function submit(subject = 'Bulk ticket') {
  const r = await call(ticketsRoute, 'POST', '/hdts/api/tickets/', {
    token: emp,
    body: { subject, description: 'Needs triage', category: 'IT Support', sub_category: null },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: number; ticket_number: string; updated_at: string };
}
const seen = (t: { ticket_number: string; updated_at: string }) => ({
  ticket_number: t.ticket_number,
  expected_updated_at: t.updated_at,
});
const bulk = (body: unknown, token = coord) => call(bulkRoute, 'POST', '/hdts/api/tickets/bulk/', { token, body });
const row = (id: number) => db.ticket.findUniqueOrThrow({ where: { id } });

describe('POST /hdts/api/tickets/bulk/', () => {
  it('approves each ticket on its own: a ticket changed meanwhile is refused (409 CONFLICT), the others approved', async () => {
    const [a, b, c] = [await submit('Bulk A'), await submit('Bulk B'), await submit('Bulk C')];
    // the requester edits B after the coordinator's list was loaded
    const edited = await call(ticketRoute, 'PATCH', '/x', {
      token: emp,
      params: { id: b.id },
      body: { subject: 'Bulk B, edited' },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const r = await bulk({
      action: 'approve',
      priority: 'High',
      department: 'IT Department',
      tickets: [seen(a), seen(b), seen(c)],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.succeeded).toBe(2);
    expect(r.body.refused).toBe(1);
    expect(r.body.results).toEqual([
      { ticket_number: a.ticket_number, ok: true, status: 'Open' },
      expect.objectContaining({ ticket_number: b.ticket_number, ok: false, http_status: 409, code: 'CONFLICT' }),
      { ticket_number: c.ticket_number, ok: true, status: 'Open' },
    ]);
    expect(r.body.results[1].reason).toMatch(/changed since you opened it/);
    expect((await row(a.id)).status).toBe('Open');
    expect((await row(c.id)).priority).toBe('High');
    // B: untouched by the refused approval (still New, no priority, no approval history)
    const rb = await row(b.id);
    expect(rb.status).toBe('New');
    expect(rb.approvedAt).toBeNull();
    expect(await db.ticketHistory.count({ where: { ticketId: b.id, type: 'STATUS_CHANGE' } })).toBe(0);
  });

  it('a ticket the caller cannot see is refused as not found (the same answer as for no ticket), beside the ones that go through', async () => {
    const a = await submit();
    const r = await bulk({
      action: 'reject',
      rejection_reason: 'Duplicate of an earlier ticket',
      tickets: [{ ticket_number: 'TX99990101000001', expected_updated_at: a.updated_at }, seen(a)],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.results[0]).toEqual(
      expect.objectContaining({ ticket_number: 'TX99990101000001', ok: false, http_status: 404, code: 'TICKET_NOT_FOUND' }),
    );
    expect(JSON.stringify(r.body.results[0])).not.toMatch(/Duplicate/);
    expect(r.body.results[1]).toEqual({ ticket_number: a.ticket_number, ok: true, status: 'Rejected' });
    expect((await row(a.id)).rejectionReason).toBe('Duplicate of an earlier ticket');
  });

  it('refuses a wrong status per ticket (INVALID_STATUS_TRANSITION) and changes status and assignee of the rest', async () => {
    const [a, b] = [await submit(), await submit()];
    const approved = await bulk({ action: 'approve', priority: 'Low', department: 'IT Department', tickets: [seen(a)] });
    expect(approved.body.succeeded).toBe(1);
    const cur = await row(a.id);
    const moved = await bulk({
      action: 'status',
      status: 'In Progress',
      tickets: [{ ticket_number: a.ticket_number, expected_updated_at: cur.updatedAt.toISOString() }, seen(b)],
    });
    expect(moved.body.results[0]).toEqual({ ticket_number: a.ticket_number, ok: true, status: 'In Progress' });
    expect(moved.body.results[1]).toEqual(
      expect.objectContaining({ ok: false, http_status: 400, code: 'INVALID_STATUS_TRANSITION' }),
    );
    const agentUser = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
    const now = await row(a.id);
    const assigned = await bulk({
      action: 'assign',
      assignee_id: agentUser.id,
      tickets: [{ ticket_number: a.ticket_number, expected_updated_at: now.updatedAt.toISOString() }, seen(b)],
    });
    expect(assigned.body.succeeded).toBe(2);
    expect((await row(a.id)).assigneeId).toBe(agentUser.id);
    expect((await row(b.id)).assigneeId).toBe(agentUser.id);
    // assigning over a stale version is refused too
    const stale = await bulk({ action: 'assign', assignee_id: agentUser.id, tickets: [seen(b)] });
    expect(stale.body.results[0]).toEqual(expect.objectContaining({ ok: false, http_status: 409, code: 'CONFLICT' }));
  });

  it.each([
    ['no action', { tickets: [] }],
    ['an unknown action', { action: 'delete', tickets: [] }],
    ['no tickets', { action: 'reject', rejection_reason: 'x', tickets: [] }],
    ['approve without department', { action: 'approve', priority: 'High', tickets: 'ONE' }],
    [
      'reject without a reason',
      { action: 'reject', tickets: [{ ticket_number: 'TX20260101000001', expected_updated_at: new Date().toISOString() }] },
    ],
    [
      'a ticket without its version',
      { action: 'reject', rejection_reason: 'x', tickets: [{ ticket_number: 'TX20260101000001' }] },
    ],
    [
      'the same ticket twice',
      {
        action: 'reject',
        rejection_reason: 'x',
        tickets: [1, 2].map(() => ({ ticket_number: 'TX20260101000001', expected_updated_at: new Date().toISOString() })),
      },
    ],
    [
      'more than 100 tickets',
      {
        action: 'reject',
        rejection_reason: 'x',
        tickets: Array.from({ length: 101 }, (_, i) => ({
          ticket_number: `TX2026010100${String(i).padStart(4, '0')}`,
          expected_updated_at: new Date().toISOString(),
        })),
      },
    ],
  ])('bad input (%s) is 400 with field details and changes nothing', async (_name, body) => {
    await submit();
    const before = await snapshot(HDTS_TABLES);
    const r = await bulk(body);
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(r.body.details ?? {}).length).toBeGreaterThan(0);
    expect(await snapshot(HDTS_TABLES)).toEqual(before);
  });

  it('is refused to an agent and an employee (403) with nothing written', async () => {
    const a = await submit();
    for (const token of [agent, emp]) {
      const before = await snapshot(HDTS_TABLES);
      const r = await bulk({ action: 'reject', rejection_reason: 'No', tickets: [seen(a)] }, token);
      expect(r.status).toBe(403);
      expect(await snapshot(HDTS_TABLES)).toEqual(before);
    }
  });
});

describe('ticket search (the header\'s "Find a ticket")', () => {
  it('staff find a ticket by number, subject and requester name; an employee does not find others by name', async () => {
    const t = await submit(`Header search ${Date.now()}`);
    const u = await db.user.findUniqueOrThrow({ where: { username: 'employee1' } });
    const find = async (search: string, token = coord) =>
      (await call(ticketsRoute, 'GET', '/hdts/api/tickets/', { token, query: { search, page_size: 100 } })).body.results.map(
        (r: { ticket_number: string }) => r.ticket_number,
      );
    expect(await find(t.ticket_number)).toContain(t.ticket_number);
    expect(await find('Header search')).toContain(t.ticket_number);
    expect(await find(`${u.firstName} ${u.lastName}`)).toContain(t.ticket_number);
    const other = await tokenFor('employee2');
    expect(await find(`${u.firstName} ${u.lastName}`, other)).not.toContain(t.ticket_number);
  });
});
