import { beforeAll, describe, expect, it } from 'vitest';
import * as approveRoute from '@/app/(api)/hdts/api/tickets/[id]/approve/route';
import * as rejectRoute from '@/app/(api)/hdts/api/tickets/[id]/reject/route';
import * as statusRoute from '@/app/(api)/hdts/api/tickets/[id]/update-status/route';
import * as ticketsRoute from '@/app/(api)/hdts/api/tickets/route';
import { setTicketOwner } from '@/lib/domain/helpdesk/commands/from-workflow';
import { db } from '@/lib/server/db';
import { call, tokenFor } from '../helpers/api';

/** Every help-desk event enqueues one notification job for the right person, in the same transaction. */
let emp: string;
let coord: string;
let employeeId: number;

async function submit() {
  const r = await call(ticketsRoute, 'POST', '/hdts/api/tickets/', {
    token: emp,
    body: {
      subject: 'VPN drops every hour',
      description: 'Since Monday',
      category: 'IT Support',
      sub_category: 'Technical Assistance',
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: number; ticket_number: string };
}

async function notifications(ticketNumber: string) {
  const rows = await db.$queryRaw<{ data: { type: string; user_ids: number[]; message: string; link?: string } }[]>`
    SELECT data FROM pgboss.job WHERE name = 'notifications.notify' AND data->>'ticket_number' = ${ticketNumber} ORDER BY created_on`;
  return rows.map((r) => r.data);
}

describe('help-desk events notify', () => {
  beforeAll(async () => {
    emp = await tokenFor('employee1');
    coord = await tokenFor('coordinator1');
    employeeId = (await db.user.findUniqueOrThrow({ where: { username: 'employee1' } })).id;
  });

  it('approval notifies the requester once', async () => {
    const t = await submit();
    expect(await notifications(t.ticket_number)).toEqual([]);
    const r = await call(approveRoute, 'POST', '/', {
      token: coord,
      params: { id: t.id },
      body: { priority: 'High', department: 'IT Department' },
    });
    expect(r.status).toBe(200);
    const n = await notifications(t.ticket_number);
    expect(n).toHaveLength(1);
    expect(n[0]).toMatchObject({ type: 'ticket_approved', user_ids: [employeeId] });
  });

  it('rejection notifies the requester with the reason; a refused rejection notifies nobody', async () => {
    const t = await submit();
    const bad = await call(rejectRoute, 'POST', '/', { token: coord, params: { id: t.id }, body: { rejection_reason: '' } });
    expect(bad.status).toBe(400);
    expect(await notifications(t.ticket_number)).toEqual([]);
    const r = await call(rejectRoute, 'POST', '/', {
      token: coord,
      params: { id: t.id },
      body: { rejection_reason: 'Duplicate of TX-1' },
    });
    expect(r.status).toBe(200);
    const n = await notifications(t.ticket_number);
    expect(n).toHaveLength(1);
    expect(n[0].type).toBe('ticket_rejected');
    expect(n[0].message).toContain('Duplicate of TX-1');
  });

  it('resolved, closed (with a CSAT request) and reopened notify the requester', async () => {
    const t = await submit();
    await call(approveRoute, 'POST', '/', {
      token: coord,
      params: { id: t.id },
      body: { priority: 'Low', department: 'IT Department' },
    });
    for (const status of ['In Progress', 'Resolved']) {
      const r = await call(statusRoute, 'POST', '/', { token: coord, params: { id: t.id }, body: { status } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const closed = await call(statusRoute, 'POST', '/', { token: emp, params: { id: t.id }, body: { status: 'Closed' } });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const reopened = await call(statusRoute, 'POST', '/', { token: emp, params: { id: t.id }, body: { status: 'Open' } });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    // Closed and its CSAT request share a transaction (and timestamp), so compare as a sorted list.
    const types = (await notifications(t.ticket_number)).map((n) => n.type).sort();
    expect(types).toEqual(['csat_requested', 'ticket_approved', 'ticket_closed', 'ticket_reopened', 'ticket_resolved']);
    // The CSAT request (in-app and e-mail) opens the rating dialog on the ticket page; the others open the page.
    const links = Object.fromEntries((await notifications(t.ticket_number)).map((n) => [n.type, n.link]));
    expect(links.csat_requested).toBe(`/employee/tickets/${t.ticket_number}?rate=1`);
    expect(links.ticket_closed).toBe(`/employee/tickets/${t.ticket_number}`);
  });

  it('a new owner from the workflow engine is notified once, even when the message is delivered twice', async () => {
    const t = await submit();
    const owner = (await db.user.findUniqueOrThrow({ where: { username: 'coordinator2' } })).id;
    await setTicketOwner(t.ticket_number, owner);
    await setTicketOwner(t.ticket_number, owner);
    const n = (await notifications(t.ticket_number)).filter((x) => x.type === 'ticket_owner_assigned');
    expect(n).toHaveLength(1);
    expect(n[0].user_ids).toEqual([owner]);
  });
});
