import { beforeAll, describe, expect, it } from 'vitest';
import * as v1TicketsRoute from '@/app/(api)/hdts/api/v1/tickets/route';
import { EXACT_COUNT_MAX, SEARCH_MATCH_CAP, searchTicketIds } from '@/lib/domain/helpdesk/queries';
import { db } from '@/lib/server/db';
import { call, makeUser, tokenFor } from '../helpers/api';

/** The ticket list at volume: estimated counts, deep pages, the stored full-text column. */
const BULK = EXACT_COUNT_MAX + 2000;
let coord: string;
let emp: string;
let empId: number;

beforeAll(async () => {
  coord = await tokenFor('coordinator1');
  const user = await makeUser([['hdts', 'Employee']]);
  empId = user.id;
  emp = await tokenFor(user.username);
  // Set-based, as a few years of tickets would be: one in 1,000 belongs to the test employee.
  await db.$executeRaw`
    INSERT INTO helpdesk.tickets (ticket_number, subject, description, category, status, priority, priority_rank,
                                  employee_id, created_at, updated_at)
    SELECT 'TX19990101' || lpad(i::text, 6, '0'), 'Bulk ticket ' || i, 'Generated for the list test', 'IT Support',
           (ARRAY['New','Open','Closed'])[1 + i % 3], 'Low', 4,
           CASE WHEN i % 1000 = 0 THEN ${empId}::int ELSE 1 END,
           timestamptz '1999-01-01' + i * interval '1 minute', now()
      FROM generate_series(1, ${BULK}::int) i`;
  await db.$executeRawUnsafe('ANALYZE helpdesk.tickets');
});

describe('ticket list at volume', () => {
  it("reports staff's unfiltered count as an estimate, marked count_estimated", async () => {
    const r = await call(v1TicketsRoute, 'GET', '/hdts/api/v1/tickets', { token: coord });
    expect(r.status).toBe(200);
    expect(r.body.count_estimated).toBe(true);
    const exact = await db.ticket.count();
    // An estimate, within a tenth of the truth right after ANALYZE.
    expect(Math.abs(r.body.count - exact)).toBeLessThan(exact / 10);
    expect(r.body.next).toContain('page=2');
  });

  it('counts filtered lists and small lists exactly, without the mark', async () => {
    const open = await call(v1TicketsRoute, 'GET', '/hdts/api/v1/tickets', { token: coord, query: { status: 'Open' } });
    expect(open.body.count_estimated).toBeUndefined();
    expect(open.body.count).toBe(await db.ticket.count({ where: { status: 'Open' } }));
    const own = await call(v1TicketsRoute, 'GET', '/hdts/api/v1/tickets', { token: emp });
    expect(own.body.count_estimated).toBeUndefined();
    expect(own.body.count).toBe(Math.floor(BULK / 1000));
    expect(own.body.results.every((t: { employee: { id: number } }) => t.employee.id === empId)).toBe(true);
  });

  it('serves deep pages (read by ids first) with the same rows and order as the full sort', async () => {
    const queries: { page: number; page_size: number; sort_by?: string; order?: string; status?: string }[] = [
      { page: 700, page_size: 10 },
      { page: 150, page_size: 20, sort_by: 'priority', order: 'asc', status: 'Open' },
    ];
    for (const { page, page_size, ...rest } of queries) {
      const query = { page, page_size, ...rest } as Record<string, string | number>;
      const r = await call(v1TicketsRoute, 'GET', '/hdts/api/v1/tickets', { token: coord, query });
      expect(r.status).toBe(200);
      const filter = rest.status ? { status: rest.status } : {};
      const orderBy = rest.sort_by
        ? [{ priorityRank: { sort: 'asc' as const, nulls: 'last' as const } }, { id: 'asc' as const }]
        : [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
      const expected = await db.ticket.findMany({
        where: filter,
        orderBy,
        skip: (page - 1) * page_size,
        take: page_size,
        select: { ticketNumber: true },
      });
      expect(expected).toHaveLength(page_size);
      expect(r.body.results.map((t: { ticket_number: string }) => t.ticket_number)).toEqual(expected.map((t) => t.ticketNumber));
    }
  });

  it('finds words of the description through the stored search column, kept current on update', async () => {
    const t = await db.ticket.findFirstOrThrow({ where: { ticketNumber: 'TX19990101000042' } });
    const before = await call(v1TicketsRoute, 'GET', '/hdts/api/v1/tickets', { token: coord, query: { search: 'zeppelin' } });
    expect(before.body.count).toBe(0);
    await db.ticket.update({ where: { id: t.id }, data: { description: 'The zeppelin hangar badge reader is broken' } });
    const after = await call(v1TicketsRoute, 'GET', '/hdts/api/v1/tickets', { token: coord, query: { search: 'zeppelin' } });
    expect(after.body.count).toBe(1);
    expect(after.body.results[0].ticket_number).toBe('TX19990101000042');
  });

  it('a broad search returns the newest matches up to the cap, with its count marked as a lower bound', async () => {
    const r = await call(v1TicketsRoute, 'GET', '/hdts/api/v1/tickets', { token: coord, query: { search: 'Bulk ticket' } });
    expect(r.body.count).toBe(SEARCH_MATCH_CAP);
    expect(r.body.count_estimated).toBe(true);
    expect(r.body.results[0].ticket_number).toBe(`TX19990101${String(BULK).padStart(6, '0')}`);
    const narrow = await call(v1TicketsRoute, 'GET', '/hdts/api/v1/tickets', {
      token: coord,
      query: { search: 'TX19990101000042' },
    });
    expect(narrow.body.count).toBe(1);
    expect(narrow.body.count_estimated).toBeUndefined();
  });

  it('looks among the newest tickets first and at all of them only when those match too few', async () => {
    const newest = await db.ticket.findFirstOrThrow({
      where: { ticketNumber: { startsWith: 'TX19990101' } },
      orderBy: { id: 'desc' },
    });
    const oldest = await db.ticket.findFirstOrThrow({ where: { ticketNumber: 'TX19990101000007' } });
    const window = newest.id - oldest.id - 10;
    // broad: the window alone holds more than the cap, so those are the answer (newest first)
    const broad = await searchTicketIds('Bulk ticket', true, [], window);
    expect(broad.capped).toBe(true);
    expect(broad.ids).toHaveLength(SEARCH_MATCH_CAP);
    expect(broad.ids[0]).toBe(newest.id);
    expect(broad.ids).toEqual([...broad.ids].sort((a, b) => b - a));
    // rare and old: nothing in the window, found in the whole table (a word, a subject substring, a number)
    await db.ticket.update({
      where: { id: oldest.id },
      data: { subject: 'Wombat enclosure', description: 'The quokka cage door sensor' },
    });
    expect(await searchTicketIds('quokka', true, [], window)).toEqual({ ids: [oldest.id], capped: false });
    expect(await searchTicketIds('ombat encl', true, [], window)).toEqual({ ids: [oldest.id], capped: false });
    expect((await searchTicketIds('19990101000007', true, [], window)).ids).toEqual([oldest.id]);
    // LIKE's wildcards are literal characters in a search
    expect(await searchTicketIds('%', true, [], window)).toEqual({ ids: [], capped: false });
    expect(await searchTicketIds('_', true, [], window)).toEqual({ ids: [], capped: false });
  });
});
