/**
 * Issue 16's field divergences: 003's ticket names (subcategory, assigned_to, ticket_id), a New ticket's withdrawal
 * sends the workflow nothing, an unknown owner is INVALID_OWNER. Refused input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as withdrawRoute from '@/app/(api)/hdts/api/tickets/[id]/withdraw/route';
import * as ticketRoute from '@/app/(api)/hdts/tickets/[id]/route';
import * as ticketsRoute from '@/app/(api)/hdts/tickets/route';
import { setTicketOwner } from '@/lib/domain/helpdesk/commands/from-workflow';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, snapshot, tokenFor } from '../helpers/api';
import { HDTS_TABLES } from '../helpers/hdts';

const create003 = (over: Record<string, unknown> = {}) => ({
  subject: 'System performance issue',
  description: 'Application is running slowly',
  category: 'IT Support',
  subcategory: 'Printer/Scanner Setup or Issue',
  priority: 'medium',
  attachments: [],
  ...over,
});

beforeAll(async () => {
  await startJobs({ workers: false });
});
afterAll(async () => {
  await stopJobs();
});

async function newTicket(token: string) {
  const res = await call(ticketsRoute, 'POST', '/hdts/tickets/', { token, body: create003() });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("003's ticket fields", () => {
  it('create stores subcategory and accepts attachments: []; answers ticket_id, subcategory', async () => {
    const emp = await tokenFor('employee1');
    const t = await newTicket(emp);
    const row = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect(row.subCategory).toBe('Printer/Scanner Setup or Issue');
    const got = await call(ticketRoute, 'GET', '/hdts/tickets/x/', { token: emp, params: { id: String(t.id) } });
    expect(got.body).toMatchObject({
      ticket_id: row.ticketNumber,
      subcategory: 'Printer/Scanner Setup or Issue',
      sub_category: 'Printer/Scanner Setup or Issue',
      assigned_to: null,
    });
  });

  it('create refuses attachments in JSON and an unknown subcategory with field errors; nothing changes', async () => {
    const emp = await tokenFor('employee1');
    const before = await snapshot(HDTS_TABLES);
    const files = await call(ticketsRoute, 'POST', '/hdts/tickets/', {
      token: emp,
      body: create003({ attachments: [{ filename: 'a.png' }] }),
    });
    expect(files.status).toBe(400);
    expect(files.body.details.attachments).toBeDefined();
    const sub = await call(ticketsRoute, 'POST', '/hdts/tickets/', { token: emp, body: create003({ subcategory: 'Nope' }) });
    expect(sub.status).toBe(400);
    expect(sub.body.details.sub_category).toBeDefined();
    const other = await db.user.findUniqueOrThrow({ where: { username: 'employee2' } });
    const someoneElse = await call(ticketsRoute, 'POST', '/hdts/tickets/', {
      token: emp,
      body: create003({ employee: { id: other.id, name: 'Jane Smith', email: other.email } }),
    });
    expect(someoneElse.status).toBe(400);
    expect(someoneElse.body.details.employee).toBeDefined();
    expect(await snapshot(HDTS_TABLES)).toEqual(before);
    const me = await db.user.findUniqueOrThrow({ where: { username: 'employee1' } });
    const self = await call(ticketsRoute, 'POST', '/hdts/tickets/', {
      token: emp,
      body: create003({ employee: { id: me.id, email: me.email.toUpperCase() } }),
    });
    expect(self.status).toBe(201);
  });

  it('PUT assigned_to assigns by e-mail (coordinators); the list filters by assigned_to', async () => {
    const emp = await tokenFor('employee1');
    const coord = await tokenFor('coordinator1');
    const agent = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
    const t = await newTicket(emp);
    const put = await call(ticketRoute, 'PUT', '/hdts/tickets/x/', {
      token: coord,
      params: { id: String(t.id) },
      body: { assigned_to: agent.email, priority: 'urgent' },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ assigned_to: agent.email, priority: 'Critical' });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).assigneeId).toBe(agent.id);
    const listed = await call(ticketsRoute, 'GET', '/hdts/tickets/', {
      token: coord,
      query: { assigned_to: agent.email, page_size: 100 },
    });
    expect(listed.status).toBe(200);
    expect(listed.body.results.length).toBeGreaterThan(0);
    expect(listed.body.results.every((r: { assigned_to: string }) => r.assigned_to === agent.email)).toBe(true);
    expect(listed.body.results.some((r: { id: number }) => r.id === t.id)).toBe(true);
    const nobody = await call(ticketsRoute, 'GET', '/hdts/tickets/', {
      token: coord,
      query: { assigned_to: 'nobody@example.com' },
    });
    expect(nobody.body.count).toBe(0);
    const bad = await call(ticketsRoute, 'GET', '/hdts/tickets/', { token: coord, query: { assigned_to: 'not-an-email' } });
    expect(bad.status).toBe(400);
  });

  it('PUT assigned_to refuses an unknown e-mail and an employee; nothing changes', async () => {
    const emp = await tokenFor('employee1');
    const coord = await tokenFor('coordinator1');
    const agent = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
    const t = await newTicket(emp);
    const before = await snapshot(HDTS_TABLES);
    const unknown = await call(ticketRoute, 'PUT', '/hdts/tickets/x/', {
      token: coord,
      params: { id: String(t.id) },
      body: { assigned_to: 'nobody@example.com', priority: 'high' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.assigned_to).toBeDefined();
    const byEmployee = await call(ticketRoute, 'PUT', '/hdts/tickets/x/', {
      token: emp,
      params: { id: String(t.id) },
      body: { assigned_to: agent.email, subject: 'changed' },
    });
    expect(byEmployee.status).toBe(403);
    expect(await snapshot(HDTS_TABLES)).toEqual(before);
  });
});

describe('messages between the contexts', () => {
  it('withdrawing a New ticket (never sent to the workflow) enqueues no status message', async () => {
    const emp = await tokenFor('employee1');
    const t = await newTicket(emp);
    const res = await call(withdrawRoute, 'POST', '/hdts/api/tickets/x/withdraw/', {
      token: emp,
      params: { id: String(t.id) },
      body: { reason: 'Solved it myself' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const number = (await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).ticketNumber;
    const jobs = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM pgboss.job WHERE name = 'tts.receive_hdts_ticket_status' AND data->>'ticket_number' = ${number}`;
    expect(Number(jobs[0].n)).toBe(0);
    // Nothing about this ticket failed or dead-lettered on any queue (TICKET_NOT_FOUND would land here).
    const failed = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM pgboss.job WHERE state = 'failed' AND data::text LIKE ${`%${number}%`}`;
    expect(Number(failed[0].n)).toBe(0);
  });

  it('an owner id naming no user is INVALID_OWNER and changes nothing', async () => {
    const t = await newTicket(await tokenFor('employee1'));
    const number = (await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).ticketNumber;
    const before = await snapshot(HDTS_TABLES);
    await expect(setTicketOwner(number, 2_000_000_000)).rejects.toMatchObject({ code: 'INVALID_OWNER' });
    expect(await snapshot(HDTS_TABLES)).toEqual(before);
  });
});
