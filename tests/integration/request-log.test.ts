/**
 * The request log (000/004): one structured line per API request — method, path, status, duration, user id and
 * trace id — and nothing from the body, the query string or the headers (no password or token reaches it).
 */
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.TEST_LOGS = 'true';
});

import * as tokenRoute from '@/app/(api)/auth/token/route';
import * as ticketsRoute from '@/app/(api)/hdts/api/tickets/route';
import { db } from '@/lib/server/db';
import { call, PASSWORD, tokenFor } from '../helpers/api';

const spy = vi.spyOn(process.stderr, 'write');
function captured() {
  return spy.mock.calls
    .map(([chunk]) => String(chunk))
    .filter((l) => l.includes('"message":"request"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('request log', () => {
  it('writes one line per request with who, what, how it ended and how long it took; no secrets', async () => {
    spy.mockClear();
    const token = await tokenFor('employee1');
    const employee = await db.user.findUniqueOrThrow({ where: { username: 'employee1' } });
    spy.mockClear();
    const list = await call(ticketsRoute, 'GET', '/hdts/api/tickets/', { token, query: { search: 'secret-search-words' } });
    expect(list.status).toBe(200);
    const login = await call(tokenRoute, 'POST', '/auth/token/', {
      body: { username: 'employee1', password: `${PASSWORD}-wrong` },
    });
    expect(login.status).toBe(401);

    const logged = captured();
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({
      level: 'info',
      method: 'GET',
      path: '/hdts/api/tickets/',
      status: 200,
      user_id: employee.id,
      trace_id: list.headers.get('x-trace-id'),
    });
    expect(typeof logged[0].duration_ms).toBe('number');
    expect(logged[1]).toMatchObject({ method: 'POST', path: '/auth/token/', status: 401, user_id: null });
    const text = JSON.stringify(logged);
    for (const secret of ['secret-search-words', PASSWORD, token, 'Bearer']) expect(text).not.toContain(secret);
  });
});
