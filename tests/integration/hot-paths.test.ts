import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import * as userRoute from '@/app/(api)/auth/api/v1/users/[id]/route';
import * as byNumberRoute from '@/app/(api)/hdts/api/tickets/number/[ticket_number]/route';
import { db } from '@/lib/server/db';
import { call, makeUser, tokenFor } from '../helpers/api';

/** Every SQL text sent to PostgreSQL while `fn` runs (the pg driver under Prisma's adapter). */
async function statementsOf(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    seen.push(typeof q === 'string' ? q : (q?.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = original;
  }
  return seen;
}

let coord: string;
let ticketNumber: string;

beforeAll(async () => {
  coord = await tokenFor('coordinator1');
  const employee = await db.user.findUniqueOrThrow({ where: { username: 'employee1' } });
  const t = await db.ticket.create({
    data: {
      ticketNumber: 'TX20261202990001',
      subject: 'Badge reader at the east door',
      description: 'It blinks red for every badge',
      category: 'IT Support',
      status: 'Open',
      priority: 'High',
      priorityRank: 2,
      employeeId: employee.id,
    },
  });
  ticketNumber = t.ticketNumber;
  for (let i = 0; i < 3; i++)
    await db.ticketComment.create({
      data: {
        ticketId: t.id,
        authorId: employee.id,
        body: i === 0 ? 'Still broken, @coordinator2 can you look?' : `Still broken (${i})`,
        isInternal: i === 2,
      },
    });
});

describe('statements per authenticated point read', () => {
  it('GET /hdts/api/tickets/number/{n}/ as a coordinator: at most 2 SQL statements once the caller and the people are known', async () => {
    const read = () =>
      call(byNumberRoute, 'GET', `/hdts/api/tickets/number/${ticketNumber}/`, {
        token: coord,
        params: { ticket_number: ticketNumber },
      });
    const first = await read(); // warms the actor cache, the people cache and the rate limiter's lease
    expect(first.status).toBe(200);
    const statements = await statementsOf(async () => {
      const r = await read();
      expect(r.status).toBe(200);
      expect(r.body.comments).toHaveLength(3);
      expect(r.body.comments[0].mentions).toEqual({ coordinator2: expect.any(String) });
    });
    console.log(`GET ticket by number: ${statements.length} statement(s)\n${statements.join('\n---\n')}`);
    // the ticket row, and its attachments and comments; the people came from the people cache
    expect(statements.length).toBeLessThanOrEqual(2);
    expect(statements.some((q) => /identity"?\."?users/.test(q))).toBe(false);
  });
});

describe('the people cache never shows a changed person', () => {
  const readAs = async (token: string, number: string) =>
    call(byNumberRoute, 'GET', `/hdts/api/tickets/number/${number}/`, { token, params: { ticket_number: number } });

  async function ticketOf(employeeId: number, body: string) {
    const number = `TX2026120299${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
    const t = await db.ticket.create({
      data: {
        ticketNumber: number,
        subject: 'Docking station',
        description: 'No picture',
        category: 'IT Support',
        status: 'Open',
        priority: 'Low',
        priorityRank: 4,
        employeeId,
      },
    });
    await db.ticketComment.create({ data: { ticketId: t.id, authorId: employeeId, body, isInternal: false } });
    return number;
  }

  it('a renamed requester shows under the new name on the very next read', async () => {
    const requester = await makeUser([['hdts', 'Employee']]);
    const number = await ticketOf(requester.id, 'It went dark again');
    const before = await readAs(coord, number);
    expect(before.body.employee.name).toBe(`${requester.firstName} ${requester.lastName}`);
    expect(before.body.comments[0].user_name).toBe(`${requester.firstName} ${requester.lastName}`);
    const renamed = await call(userRoute, 'PATCH', '/', {
      token: await tokenFor('admin'),
      params: { id: requester.id },
      body: { first_name: 'Renamed', last_name: 'Person' },
    });
    expect(renamed.status).toBe(200);
    const after = await readAs(coord, number);
    expect(after.body.employee.name).toBe('Renamed Person');
    expect(after.body.comments[0].user_name).toBe('Renamed Person');
  });

  it('a deactivated person is no longer shown as mentioned; a changed login is looked up again', async () => {
    const requester = await makeUser([['hdts', 'Employee']]);
    const mentioned = await makeUser([['hdts', 'Ticket Coordinator']]);
    const number = await ticketOf(requester.id, `Please look, @${mentioned.username}`);
    const before = await readAs(coord, number);
    expect(before.body.comments[0].mentions).toEqual({ [mentioned.username]: `${mentioned.firstName} ${mentioned.lastName}` });
    const admin = await tokenFor('admin');
    const off = await call(userRoute, 'PATCH', '/', { token: admin, params: { id: mentioned.id }, body: { is_active: false } });
    expect(off.status).toBe(200);
    expect((await readAs(coord, number)).body.comments[0].mentions).toEqual({});
    const on = await call(userRoute, 'PATCH', '/', {
      token: admin,
      params: { id: mentioned.id },
      body: { is_active: true, username: `${mentioned.username}x` },
    });
    expect(on.status).toBe(200);
    // the comment names the old login, which nobody holds any more
    expect((await readAs(coord, number)).body.comments[0].mentions).toEqual({});
  });
});
