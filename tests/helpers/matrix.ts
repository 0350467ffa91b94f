/**
 * Authorization matrix: every route × every role → expected status, and a rejected call changes nothing.
 * Each context's test file declares its rows; `runMatrix` turns them into tests.
 */
import { expect, it } from 'vitest';
import { login } from '@/lib/domain/identity/commands';
import { db } from '@/lib/server/db';
import type { Handler, Method } from '@/lib/server/http';
import { type CallOptions, call, makeUser, PASSWORD, snapshot, tokenFor } from './api';

/** The demo users standing for each role (see prisma/seed.ts). */
export const ROLE_USERS = {
  anonymous: null,
  employee: 'employee1',
  otherEmployee: 'employee2',
  coordinator: 'coordinator1',
  agent: 'agent1',
  admin: 'admin',
} as const;
export type RoleName = keyof typeof ROLE_USERS;
export const ROLES = Object.keys(ROLE_USERS) as RoleName[];

export interface MatrixRow {
  name: string;
  route: Partial<Record<Method, Handler>>;
  method: Method;
  path: string;
  /**
   * Request options; a function receives the role so rows can build fresh data per call. Options may set
   * `token` to act as someone else of that role (see `standIn`), e.g. for calls that would alter the demo user.
   */
  options?: CallOptions | ((role: RoleName) => Promise<CallOptions> | CallOptions);
  /** Expected status per role; roles not listed expect `otherwise`. */
  expect: Partial<Record<RoleName, number>> & { otherwise: number };
  /** Tables that must be unchanged when the call is refused (status >= 400). */
  tables?: string[];
}

export function runMatrix(rows: MatrixRow[]) {
  for (const row of rows) {
    for (const role of ROLES) {
      const expected = row.expect[role] ?? row.expect.otherwise;
      it(`${row.method} ${row.name} as ${role} → ${expected}`, async () => {
        const username = ROLE_USERS[role];
        const token = username ? await tokenFor(username) : null;
        const opts = typeof row.options === 'function' ? await row.options(role) : (row.options ?? {});
        const before = expected >= 400 ? await snapshot(row.tables) : null;
        const res = await call(row.route, row.method, row.path, {
          ...opts,
          token: opts.token !== undefined ? opts.token : token,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(expected);
        if (before) expect(await snapshot(row.tables)).toEqual(before);
      });
    }
  }
}

/**
 * A fresh user holding the same roles as the role's demo user, with an access token (null for anonymous):
 * for matrix rows whose call changes the caller (password, profile) and must not touch the demo users.
 */
export async function standIn(role: RoleName): Promise<{ userId: number | null; token: string | null }> {
  const username = ROLE_USERS[role];
  if (!username) return { userId: null, token: null };
  const demo = await db.user.findUniqueOrThrow({ where: { username }, include: { roles: { include: { role: true } } } });
  const user = await makeUser(demo.roles.map((ur) => [ur.role.system as 'hdts' | 'tts', ur.role.name]));
  const { access } = await login({ ip: '127.0.0.1', userAgent: 'vitest' }, { username: user.username, password: PASSWORD });
  return { userId: user.id, token: access };
}
