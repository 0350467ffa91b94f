import { beforeAll, describe, expect, it } from 'vitest';
import * as ticketsRoute from '@/app/(api)/hdts/api/tickets/route';
import * as v1TicketsRoute from '@/app/(api)/hdts/api/v1/tickets/route';
import { db } from '@/lib/server/db';
import { call, makeUser, tokenFor } from '../helpers/api';

/** Keyset pages of the ticket list (`cursor`): the same cost at any depth, nothing skipped or repeated. */
let token: string;
let employeeId: number;
const INITIAL = 45;
const PRIORITIES = ['Critical', 'High', 'Medium', 'Low'];

/** A ticket of the test employee; every third shares a created_at with the one before (ties are broken by id). */
let made = 0;
async function makeTicket(at: Date) {
  const i = made++;
  return db.ticket.create({
    data: {
      ticketNumber: `TX20261202${String(700000 + i).padStart(6, '0')}`,
      subject: `Keyset ticket ${i}`,
      description: 'Generated for the keyset test',
      category: 'IT Support',
      status: 'Open',
      // one in five has no priority yet: it sorts last in the priority order
      priority: i % 5 === 0 ? null : PRIORITIES[i % 4],
      priorityRank: i % 5 === 0 ? null : (i % 4) + 1,
      employeeId,
      createdAt: at,
    },
  });
}

beforeAll(async () => {
  const user = await makeUser([['hdts', 'Employee']]);
  employeeId = user.id;
  token = await tokenFor(user.username);
  const base = Date.parse('2026-11-01T08:00:00Z');
  for (let i = 0; i < INITIAL; i++) await makeTicket(new Date(base + Math.floor(i / 3) * 3 * 2 * 60_000));
});

const list = (query: Record<string, string | number>) => call(v1TicketsRoute, 'GET', '/hdts/api/v1/tickets', { token, query });

/** Walks the whole list by cursor while `during()` runs beside every page; returns the ticket numbers in order. */
async function walk(query: Record<string, string | number>, during: () => Promise<unknown>) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page: Record<string, string | number> = cursor ? { ...query, cursor } : query;
    const [r] = await Promise.all([list(page), during()]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    seen.push(...r.body.results.map((t: { ticket_number: string }) => t.ticket_number));
    cursor = r.body.next_cursor;
    if (!cursor) {
      expect(r.body.next).toBeNull();
      return seen;
    }
    // page 1 is a numbered page (its `next` is page=2); from then on `next` carries the cursor
    if (pages > 0) expect(new URL(r.body.next).searchParams.get('cursor')).toBe(cursor);
  }
  throw new Error('the walk did not end');
}

describe('keyset pages of the ticket list', () => {
  for (const order of [
    { sort_by: 'created_at', order: 'desc' },
    { sort_by: 'created_at', order: 'asc' },
    { sort_by: 'priority', order: 'asc' },
    { sort_by: 'priority', order: 'desc' },
  ]) {
    it(`never skip or repeat a ticket while tickets are created (${order.sort_by} ${order.order})`, async () => {
      const before = await db.ticket.findMany({ where: { employeeId }, select: { ticketNumber: true } });
      // New tickets land at the top, at the end and between existing ones (same instants as existing rows).
      const existing = await db.ticket.findMany({ where: { employeeId }, select: { createdAt: true } });
      const during = async () => {
        await makeTicket(new Date());
        await makeTicket(existing[made % existing.length].createdAt);
      };
      const seen = await walk({ page_size: 7, ...order }, during);
      expect(new Set(seen).size).toBe(seen.length); // nothing repeated
      const missing = before.map((t) => t.ticketNumber).filter((n) => !seen.includes(n));
      expect(missing).toEqual([]); // nothing that existed at the start skipped
      // and the walk is in the list's order: each page continues the one before
      const rows = await db.ticket.findMany({ where: { ticketNumber: { in: seen } } });
      const rank = new Map(rows.map((t) => [t.ticketNumber, t]));
      const key = (n: string) => {
        const t = rank.get(n);
        if (!t) throw new Error(n);
        const v = order.sort_by === 'priority' ? (t.priorityRank ?? Number.POSITIVE_INFINITY) : t.createdAt.getTime();
        return { v, id: t.id };
      };
      const sign = order.order === 'asc' ? 1 : -1;
      for (let i = 1; i < seen.length; i++) {
        const a = key(seen[i - 1]);
        const b = key(seen[i]);
        const nullsLast = order.sort_by === 'priority' && (a.v === Number.POSITIVE_INFINITY || b.v === Number.POSITIVE_INFINITY);
        if (nullsLast && a.v !== b.v) expect(b.v).toBe(Number.POSITIVE_INFINITY);
        else if (a.v !== b.v) expect(Math.sign(b.v - a.v)).toBe(sign);
        else expect(Math.sign(b.id - a.id)).toBe(sign);
      }
    });
  }

  it('page 1 by number carries next_cursor; a cursor of another order or a forged one is a 400 on cursor', async () => {
    const first = await list({ page_size: 5 });
    expect(first.status).toBe(200);
    expect(typeof first.body.next_cursor).toBe('string');
    expect(first.body.next).toContain('page=2');
    const other = await list({ page_size: 5, sort_by: 'priority', cursor: first.body.next_cursor });
    expect(other.status).toBe(400);
    expect(other.body.code).toBe('VALIDATION_ERROR');
    expect(other.body.details.cursor).toBeTruthy();
    const forged = await list({ page_size: 5, cursor: Buffer.from('["created_at","desc",5,1]').toString('base64url') });
    expect(forged.status).toBe(400);
    expect(forged.body.details.cursor).toBeTruthy();
    expect((await list({ page_size: 5, cursor: 'not-a-cursor' })).status).toBe(400);
  });

  it("the help desk's other list path takes the same cursor", async () => {
    const first = await call(ticketsRoute, 'GET', '/hdts/api/tickets/', { token, query: { page_size: 3 } });
    const second = await call(ticketsRoute, 'GET', '/hdts/api/tickets/', {
      token,
      query: { page_size: 3, cursor: first.body.next_cursor },
    });
    expect(second.status).toBe(200);
    expect(second.body.previous).toBeNull();
    const numbers = [...first.body.results, ...second.body.results].map((t: { ticket_number: string }) => t.ticket_number);
    const expected = await db.ticket.findMany({
      where: { employeeId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 6,
      select: { ticketNumber: true },
    });
    expect(numbers).toEqual(expected.map((t) => t.ticketNumber));
  });
});
