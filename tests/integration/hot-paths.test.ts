import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import * as byNumberRoute from '@/app/(api)/hdts/api/tickets/number/[ticket_number]/route';
import { db } from '@/lib/server/db';
import { call, tokenFor } from '../helpers/api';

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
  it('GET /hdts/api/tickets/number/{n}/ as a coordinator: at most 3 SQL statements once the caller is known', async () => {
    const read = () =>
      call(byNumberRoute, 'GET', `/hdts/api/tickets/number/${ticketNumber}/`, {
        token: coord,
        params: { ticket_number: ticketNumber },
      });
    const first = await read(); // warms the actor cache and the rate limiter's lease
    expect(first.status).toBe(200);
    const statements = await statementsOf(async () => {
      const r = await read();
      expect(r.status).toBe(200);
      expect(r.body.comments).toHaveLength(3);
      expect(r.body.comments[0].mentions).toEqual({ coordinator2: expect.any(String) });
    });
    console.log(`GET ticket by number: ${statements.length} statement(s)\n${statements.join('\n---\n')}`);
    expect(statements.length).toBeLessThanOrEqual(3);
  });
});
