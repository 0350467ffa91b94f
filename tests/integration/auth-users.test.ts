import { describe, expect, it } from 'vitest';
import * as rolesRoute from '@/app/(api)/auth/api/v1/roles/route';
import * as ttsRoleUsersRoute from '@/app/(api)/auth/api/v1/tts/roles/[role_id]/users/route';
import * as ttsRolesRoute from '@/app/(api)/auth/api/v1/tts/roles/route';
import * as userRoleRoute from '@/app/(api)/auth/api/v1/user-roles/[id]/route';
import * as userRolesRoute from '@/app/(api)/auth/api/v1/user-roles/route';
import * as userSystemRolesRoute from '@/app/(api)/auth/api/v1/users/[id]/roles/route';
import * as userRoute from '@/app/(api)/auth/api/v1/users/[id]/route';
import * as changePasswordRoute from '@/app/(api)/auth/api/v1/users/change-password/route';
import * as profileRoute from '@/app/(api)/auth/api/v1/users/profile/route';
import * as usersRoute from '@/app/(api)/auth/api/v1/users/route';
import * as refreshRoute from '@/app/(api)/auth/token/refresh/route';
import * as tokenRoute from '@/app/(api)/auth/token/route';
import { db } from '@/lib/server/db';
import { type CallResult, call, makeUser, PASSWORD, snapshot, tokenFor } from '../helpers/api';

const NEW_PASSWORD = 'Another-pass-2026';

async function loginAs(username: string, password = PASSWORD) {
  const res = await call(tokenRoute, 'POST', '/auth/token/', { body: { username, password } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { access: string; refresh: string };
}

async function roleId(system: 'hdts' | 'tts', name: string) {
  return (await db.role.findUniqueOrThrow({ where: { system_name: { system, name } } })).id;
}

/** Runs a request that must be refused and checks that the database is unchanged afterwards. */
async function refused(fn: () => Promise<CallResult>, status: number): Promise<CallResult> {
  const before = await snapshot();
  const res = await fn();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toMatchObject({ status: 'error', code: expect.any(String), details: { trace_id: expect.any(String) } });
  expect(await snapshot()).toEqual(before);
  return res;
}

describe('GET /auth/api/v1/users/', () => {
  it('paginates as {count, next, previous, results}', async () => {
    const admin = await tokenFor('admin');
    const first = await call(usersRoute, 'GET', '/auth/api/v1/users/', { token: admin, query: { page_size: 2 } });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(['count', 'next', 'previous', 'results']);
    expect(first.body.count).toBeGreaterThanOrEqual(11);
    expect(first.body.results).toHaveLength(2);
    expect(first.body.previous).toBeNull();
    expect(new URL(first.body.next).searchParams.get('page')).toBe('2');
    expect(new URL(first.body.next).searchParams.get('page_size')).toBe('2');
    expect(first.body.results[0]).toMatchObject({
      id: expect.any(Number),
      username: expect.any(String),
      email: expect.any(String),
      is_active: expect.any(Boolean),
      roles: expect.any(Array),
    });
    expect(first.body.results[0]).not.toHaveProperty('password_hash');
    expect(first.body.results[0]).not.toHaveProperty('passwordHash');

    const second = await call(usersRoute, 'GET', '/auth/api/v1/users/', { token: admin, query: { page: 2, page_size: 2 } });
    expect(second.status).toBe(200);
    expect(new URL(second.body.previous).searchParams.get('page')).toBe('1');
    expect(second.body.results[0].id).not.toBe(first.body.results[0].id);

    const beyond = await call(usersRoute, 'GET', '/auth/api/v1/users/', { token: admin, query: { page: 10_000 } });
    expect(beyond.status).toBe(200);
    expect(beyond.body.results).toEqual([]);
    expect(beyond.body.next).toBeNull();
  });

  it('defaults to 10 per page and accepts up to 100; above 100 is a 400', async () => {
    const admin = await tokenFor('admin');
    const def = await call(usersRoute, 'GET', '/auth/api/v1/users/', { token: admin });
    expect(def.body.results.length).toBeLessThanOrEqual(10);
    const max = await call(usersRoute, 'GET', '/auth/api/v1/users/', { token: admin, query: { page_size: 100 } });
    expect(max.status).toBe(200);
    const over = await call(usersRoute, 'GET', '/auth/api/v1/users/', { token: admin, query: { page_size: 101 } });
    expect(over.status).toBe(400);
    expect(over.body.code).toBe('VALIDATION_ERROR');
    expect(over.body.details['query.page_size']).toBeDefined();
    const zero = await call(usersRoute, 'GET', '/auth/api/v1/users/', { token: admin, query: { page: 0 } });
    expect(zero.status).toBe(400);
    expect(zero.body.details['query.page']).toBeDefined();
  });

  it('searches username, email and names case-insensitively', async () => {
    const admin = await tokenFor('admin');
    const res = await call(usersRoute, 'GET', '/auth/api/v1/users/', { token: admin, query: { search: 'COORDINATOR' } });
    expect(res.status).toBe(200);
    const names = res.body.results.map((u: { username: string }) => u.username).sort();
    expect(names).toEqual(['coordinator1', 'coordinator2']);
    expect(res.body.count).toBe(2);
    const byName = await call(usersRoute, 'GET', '/auth/api/v1/users/', { token: admin, query: { search: 'wilson' } });
    expect(byName.body.results.map((u: { username: string }) => u.username)).toEqual(['employee1']);
    const none = await call(usersRoute, 'GET', '/auth/api/v1/users/', { token: admin, query: { search: 'no-such-person-xyz' } });
    expect(none.body).toMatchObject({ count: 0, results: [], next: null, previous: null });
  });

  it('is 401 without a token and 403 for non-admins', async () => {
    expect((await call(usersRoute, 'GET', '/auth/api/v1/users/')).status).toBe(401);
    for (const who of ['employee1', 'coordinator1', 'agent1']) {
      const res = await call(usersRoute, 'GET', '/auth/api/v1/users/', { token: await tokenFor(who) });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
  });
});

describe('GET /auth/api/v1/users/{id}/', () => {
  it('returns the user with roles', async () => {
    const user = await makeUser([
      ['hdts', 'Employee'],
      ['tts', 'Specialist'],
    ]);
    const res = await call(userRoute, 'GET', `/auth/api/v1/users/${user.id}/`, {
      token: await tokenFor('admin'),
      params: { id: user.id },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, username: user.username, email: user.email, is_active: true });
    expect(res.body.roles.map((r: { system: string; role_name: string }) => `${r.system}:${r.role_name}`).sort()).toEqual([
      'HDTS:Employee',
      'TTS:Specialist',
    ]);
  });

  it('is 404 for an unknown id and 400 for a non-numeric one', async () => {
    const admin = await tokenFor('admin');
    const missing = await call(userRoute, 'GET', '/auth/api/v1/users/999999/', { token: admin, params: { id: 999999 } });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    const bad = await call(userRoute, 'GET', '/auth/api/v1/users/abc/', { token: admin, params: { id: 'abc' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details['params.id']).toBeDefined();
  });

  it('is 401 without a token and 403 for an employee', async () => {
    const user = await makeUser();
    expect((await call(userRoute, 'GET', '/', { params: { id: user.id } })).status).toBe(401);
    expect((await call(userRoute, 'GET', '/', { token: await tokenFor('employee1'), params: { id: user.id } })).status).toBe(403);
  });
});

describe('POST /auth/api/v1/users/', () => {
  const valid = () => {
    const s = Math.random().toString(36).slice(2, 8);
    return {
      username: `new_${s}`,
      email: `New_${s}@Example.com`,
      first_name: 'New',
      last_name: 'Person',
      password: 'Str0ng-password',
    };
  };

  it('creates a user who can then sign in', async () => {
    const input = valid();
    const res = await call(usersRoute, 'POST', '/auth/api/v1/users/', { token: await tokenFor('admin'), body: input });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(Number),
      username: input.username,
      email: input.email.toLowerCase(),
      is_active: true,
    });
    expect(res.body).not.toHaveProperty('password');
    const row = await db.user.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    const audit = await db.auditLog.findFirst({ where: { action: 'user_created', entityId: String(res.body.id) } });
    expect(audit?.actorEmail).toBe('admin@example.com');
    await loginAs(input.username, input.password);
  });

  it('reports each invalid field and changes nothing', async () => {
    const admin = await tokenFor('admin');
    const missing = await refused(() => call(usersRoute, 'POST', '/', { token: admin, body: {} }), 400);
    expect(missing.body.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(missing.body.details).sort()).toEqual(['email', 'password', 'trace_id', 'username']);
    expect(missing.body.details.username).toEqual(['This field is required']);

    const bad = await refused(
      () =>
        call(usersRoute, 'POST', '/', {
          token: admin,
          body: { username: 'x y', email: 'not-an-email', password: 'short', first_name: 'a'.repeat(151), is_active: 'yes' },
        }),
      400,
    );
    expect(bad.body.details.username).toEqual(['Letters, digits and @/./+/-/_ only']);
    expect(bad.body.details.email).toHaveLength(1);
    expect(bad.body.details.password).toContain('Password must be at least 10 characters');
    expect(bad.body.details.first_name).toHaveLength(1);
    expect(bad.body.details.is_active).toHaveLength(1);

    const short = await refused(() => call(usersRoute, 'POST', '/', { token: admin, body: { ...valid(), username: 'ab' } }), 400);
    expect(short.body.details.username).toEqual(['Username must be at least 3 characters']);

    const noDigits = await refused(
      () => call(usersRoute, 'POST', '/', { token: admin, body: { ...valid(), password: 'onlyletters-here' } }),
      400,
    );
    expect(noDigits.body.details.password).toEqual(['Password must contain letters and digits']);
  });

  it('answers 409 for a duplicate username or email and changes nothing', async () => {
    const admin = await tokenFor('admin');
    const dupEmail = await refused(
      () => call(usersRoute, 'POST', '/', { token: admin, body: { ...valid(), email: 'EMPLOYEE1@example.com' } }),
      409,
    );
    expect(dupEmail.body.code).toBe('DUPLICATE_RESOURCE');
    expect(dupEmail.body.details.email).toHaveLength(1);
    const dupName = await refused(
      () => call(usersRoute, 'POST', '/', { token: admin, body: { ...valid(), username: 'Employee1' } }),
      409,
    );
    expect(dupName.body.details.username).toHaveLength(1);
  });

  it('is 401 without a token, 403 for non-admins, 400 for malformed JSON; nothing changes', async () => {
    await refused(() => call(usersRoute, 'POST', '/', { body: valid() }), 401);
    await refused(async () => call(usersRoute, 'POST', '/', { token: await tokenFor('coordinator1'), body: valid() }), 403);
    await refused(async () => call(usersRoute, 'POST', '/', { token: await tokenFor('agent1'), body: valid() }), 403);
    const malformed = await refused(
      async () =>
        call(usersRoute, 'POST', '/', {
          token: await tokenFor('admin'),
          rawBody: '{"username":',
          headers: { 'content-type': 'application/json' },
        }),
      400,
    );
    expect(malformed.body.code).toBe('INVALID_JSON');
  });
});

describe('PUT/PATCH /auth/api/v1/users/{id}/', () => {
  it('PATCH changes only the given fields and writes an audit row', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const res = await call(userRoute, 'PATCH', '/', {
      token: await tokenFor('admin'),
      params: { id: user.id },
      body: { first_name: 'Patched', phone_number: '+1 555 0100' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: user.id,
      first_name: 'Patched',
      last_name: user.lastName,
      phone_number: '+1 555 0100',
      email: user.email,
    });
    const audit = await db.auditLog.findFirst({ where: { action: 'user_updated', entityId: String(user.id) } });
    expect(audit?.newValues).toMatchObject({ first_name: 'Patched' });
  });

  it('PUT updates several fields; a new password works and revokes refresh tokens', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const tokens = await loginAs(user.username);
    const res = await call(userRoute, 'PUT', '/', {
      token: await tokenFor('admin'),
      params: { id: user.id },
      body: { first_name: 'Put', last_name: 'Person', email: `put_${user.id}@example.test`, password: NEW_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ first_name: 'Put', last_name: 'Person', email: `put_${user.id}@example.test` });
    const refreshed = await call(refreshRoute, 'POST', '/auth/token/refresh/', { body: { refresh: tokens.refresh } });
    expect(refreshed.status).toBe(401);
    await loginAs(user.username, NEW_PASSWORD);
  });

  it('rejects invalid fields, unknown fields, duplicates, unknown ids and self-deactivation without changes', async () => {
    const admin = await tokenFor('admin');
    const user = await makeUser();
    const invalid = await refused(
      () => call(userRoute, 'PATCH', '/', { token: admin, params: { id: user.id }, body: { email: 'nope', is_active: 'no' } }),
      400,
    );
    expect(invalid.body.details.email).toHaveLength(1);
    expect(invalid.body.details.is_active).toHaveLength(1);
    await refused(() => call(userRoute, 'PATCH', '/', { token: admin, params: { id: user.id }, body: { role: 'Admin' } }), 400);
    const dup = await refused(
      () => call(userRoute, 'PUT', '/', { token: admin, params: { id: user.id }, body: { email: 'admin@example.com' } }),
      409,
    );
    expect(dup.body.details.email).toHaveLength(1);
    await refused(() => call(userRoute, 'PATCH', '/', { token: admin, params: { id: 999999 }, body: { first_name: 'X' } }), 404);
    const adminRow = await db.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const self = await refused(
      () => call(userRoute, 'PATCH', '/', { token: admin, params: { id: adminRow.id }, body: { is_active: false } }),
      400,
    );
    expect(self.body.details.is_active).toHaveLength(1);
  });

  it('is 401 without a token and 403 for non-admins; nothing changes', async () => {
    const user = await makeUser();
    await refused(() => call(userRoute, 'PATCH', '/', { params: { id: user.id }, body: { first_name: 'X' } }), 401);
    await refused(() => call(userRoute, 'PUT', '/', { token: null, params: { id: user.id }, body: { first_name: 'X' } }), 401);
    await refused(
      async () =>
        call(userRoute, 'PATCH', '/', { token: await tokenFor('employee1'), params: { id: user.id }, body: { first_name: 'X' } }),
      403,
    );
  });
});

describe('DELETE /auth/api/v1/users/{id}/', () => {
  it('deactivates: the user cannot sign in, their refresh and access tokens stop working', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const tokens = await loginAs(user.username);
    const res = await call(userRoute, 'DELETE', '/', { token: await tokenFor('admin'), params: { id: user.id } });
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.isActive).toBe(false);
    const login = await call(tokenRoute, 'POST', '/auth/token/', { body: { username: user.username, password: PASSWORD } });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('INVALID_CREDENTIALS');
    const refreshed = await call(refreshRoute, 'POST', '/auth/token/refresh/', { body: { refresh: tokens.refresh } });
    expect(refreshed.status).toBe(401);
    const profile = await call(profileRoute, 'GET', '/', { token: tokens.access });
    expect(profile.status).toBe(401);
    const audit = await db.auditLog.findFirst({ where: { action: 'user_deactivated', entityId: String(user.id) } });
    expect(audit).toBeTruthy();
  });

  it('refuses deleting oneself, unknown ids, anonymous and non-admin callers without changes', async () => {
    const admin = await tokenFor('admin');
    const adminRow = await db.user.findUniqueOrThrow({ where: { username: 'admin' } });
    await refused(() => call(userRoute, 'DELETE', '/', { token: admin, params: { id: adminRow.id } }), 400);
    await refused(() => call(userRoute, 'DELETE', '/', { token: admin, params: { id: 999999 } }), 404);
    const user = await makeUser();
    await refused(() => call(userRoute, 'DELETE', '/', { params: { id: user.id } }), 401);
    const coord = await tokenFor('coordinator1');
    await refused(() => call(userRoute, 'DELETE', '/', { token: coord, params: { id: user.id } }), 403);
  });
});

describe('GET /auth/api/v1/roles/', () => {
  it('lists the roles of both systems and filters by system', async () => {
    const admin = await tokenFor('admin');
    const all = await call(rolesRoute, 'GET', '/auth/api/v1/roles/', { token: admin, query: { page_size: 100 } });
    expect(all.status).toBe(200);
    const systems = new Set(all.body.results.map((r: { system: string }) => r.system));
    expect(systems).toEqual(new Set(['HDTS', 'TTS']));
    expect(all.body.results[0]).toMatchObject({ id: expect.any(Number), name: expect.any(String), system: expect.any(String) });
    const tts = await call(rolesRoute, 'GET', '/', { token: admin, query: { system: 'TTS', page_size: 100 } });
    expect(tts.body.results.every((r: { system: string }) => r.system === 'TTS')).toBe(true);
    expect(tts.body.count).toBeLessThan(all.body.count);
    const bad = await call(rolesRoute, 'GET', '/', { token: admin, query: { system: 'crm' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details['query.system']).toBeDefined();
  });

  it('is open to staff, 403 for employees and 401 anonymously', async () => {
    expect((await call(rolesRoute, 'GET', '/', { token: await tokenFor('agent1') })).status).toBe(200);
    expect((await call(rolesRoute, 'GET', '/', { token: await tokenFor('coordinator1') })).status).toBe(200);
    expect((await call(rolesRoute, 'GET', '/', { token: await tokenFor('employee1') })).status).toBe(403);
    expect((await call(rolesRoute, 'GET', '/')).status).toBe(401);
  });
});

describe('POST /auth/api/v1/user-roles/ and DELETE /auth/api/v1/user-roles/{id}/', () => {
  it('assigns a role, refuses a duplicate with 409, and removes the assignment', async () => {
    const admin = await tokenFor('admin');
    const user = await makeUser();
    const specialist = await roleId('tts', 'Specialist');
    const res = await call(userRolesRoute, 'POST', '/auth/api/v1/user-roles/', {
      token: admin,
      body: { user_id: user.id, role_id: specialist, system: 'TTS' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      assignment_id: expect.any(Number),
      user_id: user.id,
      role_id: specialist,
      role_name: 'Specialist',
      system: 'TTS',
    });

    const dup = await refused(
      () => call(userRolesRoute, 'POST', '/', { token: admin, body: { user_id: user.id, role_id: specialist } }),
      409,
    );
    expect(dup.body.code).toBe('DUPLICATE_RESOURCE');

    // The new role is in the user's next token.
    const tokens = await loginAs(user.username);
    const claims = JSON.parse(Buffer.from(tokens.access.split('.')[1], 'base64url').toString());
    expect(claims.roles).toEqual([{ system: 'tts', role: 'Specialist', system_role_id: specialist }]);

    const del = await call(userRoleRoute, 'DELETE', '/', { token: admin, params: { id: res.body.assignment_id } });
    expect(del.status).toBe(204);
    expect(await db.userRole.count({ where: { userId: user.id } })).toBe(0);
    await refused(() => call(userRoleRoute, 'DELETE', '/', { token: admin, params: { id: res.body.assignment_id } }), 404);
  });

  it('answers 400 with field errors for bad ids, a system mismatch and missing fields; nothing changes', async () => {
    const admin = await tokenFor('admin');
    const user = await makeUser();
    const bad = await refused(
      () => call(userRolesRoute, 'POST', '/', { token: admin, body: { user_id: 999999, role_id: 999999 } }),
      400,
    );
    expect(bad.body.details.user_id).toEqual(['User not found']);
    expect(bad.body.details.role_id).toEqual(['Role not found']);
    const employeeRole = await roleId('hdts', 'Employee');
    const mismatch = await refused(
      () => call(userRolesRoute, 'POST', '/', { token: admin, body: { user_id: user.id, role_id: employeeRole, system: 'tts' } }),
      400,
    );
    expect(mismatch.body.details.system).toHaveLength(1);
    const missing = await refused(() => call(userRolesRoute, 'POST', '/', { token: admin, body: {} }), 400);
    expect(missing.body.details.user_id).toEqual(['This field is required']);
    expect(missing.body.details.role_id).toEqual(['This field is required']);
    const wrongType = await refused(
      () => call(userRolesRoute, 'POST', '/', { token: admin, body: { user_id: 'one', role_id: -1 } }),
      400,
    );
    expect(wrongType.body.details.user_id).toHaveLength(1);
    expect(wrongType.body.details.role_id).toHaveLength(1);
  });

  it('refuses removing one’s own Admin role, anonymous and non-admin callers without changes', async () => {
    const admin = await tokenFor('admin');
    const adminRow = await db.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const own = await db.userRole.findFirstOrThrow({ where: { userId: adminRow.id, role: { name: 'Admin', system: 'hdts' } } });
    await refused(() => call(userRoleRoute, 'DELETE', '/', { token: admin, params: { id: own.id } }), 400);
    const user = await makeUser([['hdts', 'Employee']]);
    const ur = await db.userRole.findFirstOrThrow({ where: { userId: user.id } });
    await refused(() => call(userRoleRoute, 'DELETE', '/', { params: { id: ur.id } }), 401);
    const agent = await tokenFor('agent1');
    await refused(() => call(userRoleRoute, 'DELETE', '/', { token: agent, params: { id: ur.id } }), 403);
    const ttsAdmin = await roleId('tts', 'Admin');
    await refused(() => call(userRolesRoute, 'POST', '/', { token: agent, body: { user_id: user.id, role_id: ttsAdmin } }), 403);
  });
});

describe('PUT /auth/api/v1/users/{id}/roles/?system=', () => {
  it('replaces the roles of one system and leaves the other system alone', async () => {
    const admin = await tokenFor('admin');
    const user = await makeUser([
      ['hdts', 'Employee'],
      ['tts', 'Support Agent'],
    ]);
    const coordinator = await roleId('hdts', 'Ticket Coordinator');
    const employee = await roleId('hdts', 'Employee');
    const res = await call(userSystemRolesRoute, 'PUT', '/', {
      token: admin,
      params: { id: user.id },
      query: { system: 'hdts' },
      body: { role_ids: [coordinator, employee] },
    });
    expect(res.status).toBe(200);
    const names = (r: { roles: { system: string; role_name: string }[] }) =>
      r.roles.map((x) => `${x.system}:${x.role_name}`).sort();
    expect(names(res.body)).toEqual(['HDTS:Employee', 'HDTS:Ticket Coordinator', 'TTS:Support Agent']);

    const cleared = await call(userSystemRolesRoute, 'PUT', '/', {
      token: admin,
      params: { id: user.id },
      query: { system: 'HDTS' },
      body: { role_ids: [] },
    });
    expect(cleared.status).toBe(200);
    expect(names(cleared.body)).toEqual(['TTS:Support Agent']);
    const audit = await db.auditLog.findFirst({
      where: { action: 'roles_set', entityId: String(user.id) },
      orderBy: { id: 'desc' },
    });
    expect(audit?.newValues).toMatchObject({ system: 'hdts', roles: [] });
  });

  it('refuses roles of the other system, a missing or unknown system, unknown users, and non-admins; nothing changes', async () => {
    const admin = await tokenFor('admin');
    const user = await makeUser([['hdts', 'Employee']]);
    const tts = await roleId('tts', 'Approver');
    const wrong = await refused(
      () =>
        call(userSystemRolesRoute, 'PUT', '/', {
          token: admin,
          params: { id: user.id },
          query: { system: 'hdts' },
          body: { role_ids: [tts] },
        }),
      400,
    );
    expect(wrong.body.details.role_ids).toHaveLength(1);
    const noSystem = await refused(
      () => call(userSystemRolesRoute, 'PUT', '/', { token: admin, params: { id: user.id }, body: { role_ids: [] } }),
      400,
    );
    expect(noSystem.body.details['query.system']).toBeDefined();
    await refused(
      () =>
        call(userSystemRolesRoute, 'PUT', '/', {
          token: admin,
          params: { id: user.id },
          query: { system: 'crm' },
          body: { role_ids: [] },
        }),
      400,
    );
    const noBody = await refused(
      () => call(userSystemRolesRoute, 'PUT', '/', { token: admin, params: { id: user.id }, query: { system: 'tts' }, body: {} }),
      400,
    );
    expect(noBody.body.details.role_ids).toEqual(['This field is required']);
    await refused(
      () =>
        call(userSystemRolesRoute, 'PUT', '/', {
          token: admin,
          params: { id: 999999 },
          query: { system: 'tts' },
          body: { role_ids: [] },
        }),
      404,
    );
    const adminRow = await db.user.findUniqueOrThrow({ where: { username: 'admin' } });
    await refused(
      () =>
        call(userSystemRolesRoute, 'PUT', '/', {
          token: admin,
          params: { id: adminRow.id },
          query: { system: 'tts' },
          body: { role_ids: [] },
        }),
      400,
    );
    await refused(
      () =>
        call(userSystemRolesRoute, 'PUT', '/', { params: { id: user.id }, query: { system: 'tts' }, body: { role_ids: [tts] } }),
      401,
    );
    const coord = await tokenFor('coordinator1');
    await refused(
      () =>
        call(userSystemRolesRoute, 'PUT', '/', {
          token: coord,
          params: { id: user.id },
          query: { system: 'tts' },
          body: { role_ids: [tts] },
        }),
      403,
    );
  });
});

describe('profile', () => {
  it('GET returns my profile with roles and systems', async () => {
    const res = await call(profileRoute, 'GET', '/auth/api/v1/users/profile/', { token: await tokenFor('admin') });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      username: 'admin',
      email: 'admin@example.com',
      first_name: 'Alex',
      last_name: 'Morgan',
      email_preferences: expect.any(Object),
    });
    expect(res.body.systems.sort()).toEqual(['HDTS', 'TTS']);
    expect(res.body.roles).toHaveLength(2);
  });

  it('PATCH and PUT update my names, phone and e-mail preferences (merged)', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const { access } = await loginAs(user.username);
    const res = await call(profileRoute, 'PATCH', '/', {
      token: access,
      body: { first_name: 'Ada', phone_number: '+44 20 7946 0000', email_preferences: { ticket_updates: false } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      first_name: 'Ada',
      last_name: user.lastName,
      phone_number: '+44 20 7946 0000',
      email_preferences: { ticket_updates: false },
    });
    const put = await call(profileRoute, 'PUT', '/', {
      token: access,
      body: { last_name: 'Lovelace', email_preferences: { comments: true } },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email_preferences: { ticket_updates: false, comments: true },
    });
    const audit = await db.auditLog.findFirst({ where: { action: 'profile_updated', entityId: String(user.id) } });
    expect(audit?.actorId).toBe(user.id);
  });

  it('refuses other fields (no self-promotion), bad types and anonymous calls without changes', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const { access } = await loginAs(user.username);
    await refused(() => call(profileRoute, 'PATCH', '/', { token: access, body: { is_active: true, roles: ['Admin'] } }), 400);
    await refused(() => call(profileRoute, 'PATCH', '/', { token: access, body: { email: 'x@example.com' } }), 400);
    const bad = await refused(
      () => call(profileRoute, 'PATCH', '/', { token: access, body: { first_name: 5, email_preferences: { a: 'yes' } } }),
      400,
    );
    expect(bad.body.details.first_name).toHaveLength(1);
    expect(Object.keys(bad.body.details).some((k) => k.startsWith('email_preferences'))).toBe(true);
    await refused(() => call(profileRoute, 'PATCH', '/', { body: { first_name: 'X' } }), 401);
    expect((await call(profileRoute, 'GET', '/')).status).toBe(401);
  });
});

describe('POST /auth/api/v1/users/change-password/', () => {
  it('changes the password and revokes the refresh tokens', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const tokens = await loginAs(user.username);
    const res = await call(changePasswordRoute, 'POST', '/', {
      token: tokens.access,
      body: { old_password: PASSWORD, new_password: NEW_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body.message).toBe('Password changed successfully');
    expect((await call(refreshRoute, 'POST', '/', { body: { refresh: tokens.refresh } })).status).toBe(401);
    const old = await call(tokenRoute, 'POST', '/', { body: { username: user.username, password: PASSWORD } });
    expect(old.status).toBe(401);
    await loginAs(user.username, NEW_PASSWORD);
  });

  it('answers 400 with a field error for a wrong old password, a weak or unchanged new one; nothing changes', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const { access } = await loginAs(user.username);
    const beforeWrong = await snapshot(['identity.refresh_tokens', 'audit.audit_log']);
    const wrong = await call(changePasswordRoute, 'POST', '/', {
      token: access,
      body: { old_password: 'not-it-123', new_password: NEW_PASSWORD },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.old_password).toEqual(['Old password is incorrect']);
    // A wrong old password counts against the account's lockout (and changes nothing else).
    expect(await snapshot(['identity.refresh_tokens', 'audit.audit_log'])).toEqual(beforeWrong);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.failedLoginCount).toBe(1);
    expect(row.passwordHash).toBe(user.passwordHash);
    const weak = await refused(
      () => call(changePasswordRoute, 'POST', '/', { token: access, body: { old_password: PASSWORD, new_password: 'short' } }),
      400,
    );
    expect(weak.body.details.new_password).toContain('Password must be at least 10 characters');
    const same = await refused(
      () => call(changePasswordRoute, 'POST', '/', { token: access, body: { old_password: PASSWORD, new_password: PASSWORD } }),
      400,
    );
    expect(same.body.details.new_password).toHaveLength(1);
    const missing = await refused(() => call(changePasswordRoute, 'POST', '/', { token: access, body: {} }), 400);
    expect(missing.body.details.old_password).toEqual(['This field is required']);
    expect(missing.body.details.new_password).toEqual(['This field is required']);
    await refused(
      () => call(changePasswordRoute, 'POST', '/', { body: { old_password: PASSWORD, new_password: NEW_PASSWORD } }),
      401,
    );
  });
});

describe('TTS roles and users by role', () => {
  it('lists only TTS roles', async () => {
    const res = await call(ttsRolesRoute, 'GET', '/auth/api/v1/tts/roles/', {
      token: await tokenFor('agent1'),
      query: { page_size: 100 },
    });
    expect(res.status).toBe(200);
    const names = res.body.results.map((r: { name: string }) => r.name);
    expect(names).toEqual(expect.arrayContaining(['Admin', 'Approver', 'Specialist', 'Support Agent']));
    expect(res.body.results.every((r: { system: string }) => r.system === 'TTS')).toBe(true);
  });

  it('lists the active users of a TTS role, excluding inactive ones', async () => {
    const inactive = await makeUser([['tts', 'Approver']], { isActive: false });
    const active = await makeUser([['tts', 'Approver']]);
    const approver = await roleId('tts', 'Approver');
    const res = await call(ttsRoleUsersRoute, 'GET', '/', {
      token: await tokenFor('coordinator1'),
      params: { role_id: approver },
    });
    expect(res.status).toBe(200);
    expect(res.body.role).toEqual({ role_id: approver, name: 'Approver' });
    const ids = res.body.users.map((u: { id: number }) => u.id);
    expect(ids).toContain(active.id);
    expect(ids).not.toContain(inactive.id);
    const usernames = res.body.users.map((u: { username: string }) => u.username);
    expect(usernames).toEqual(expect.arrayContaining(['agent5', 'agent6']));
  });

  it('is 404 for an HDTS or unknown role, 403 for employees, 401 anonymously', async () => {
    const admin = await tokenFor('admin');
    const hdts = await roleId('hdts', 'Employee');
    expect((await call(ttsRoleUsersRoute, 'GET', '/', { token: admin, params: { role_id: hdts } })).status).toBe(404);
    expect((await call(ttsRoleUsersRoute, 'GET', '/', { token: admin, params: { role_id: 999999 } })).status).toBe(404);
    const approver = await roleId('tts', 'Approver');
    expect(
      (await call(ttsRoleUsersRoute, 'GET', '/', { token: await tokenFor('employee1'), params: { role_id: approver } })).status,
    ).toBe(403);
    expect((await call(ttsRoleUsersRoute, 'GET', '/', { params: { role_id: approver } })).status).toBe(401);
    expect((await call(ttsRolesRoute, 'GET', '/', { token: await tokenFor('employee1') })).status).toBe(403);
    expect((await call(ttsRolesRoute, 'GET', '/')).status).toBe(401);
  });
});

describe('authentication channels', () => {
  it('accepts the access_token cookie', async () => {
    const res = await call(profileRoute, 'GET', '/', { headers: { cookie: `access_token=${await tokenFor('employee1')}` } });
    expect(res.status).toBe(200);
    expect(res.body.username).toBe('employee1');
  });

  it('answers 401 for an invalid or malformed Bearer token, even with a valid cookie', async () => {
    const invalid = await call(profileRoute, 'GET', '/', { token: 'not.a.jwt' });
    expect(invalid.status).toBe(401);
    expect(invalid.body.code).toBe('UNAUTHENTICATED');
    const { refresh } = await loginAs('employee2');
    expect((await call(profileRoute, 'GET', '/', { token: refresh })).status).toBe(401);
    const withCookie = await call(profileRoute, 'GET', '/', {
      headers: { authorization: 'Bearer garbage', cookie: `access_token=${await tokenFor('employee1')}` },
    });
    expect(withCookie.status).toBe(401);
    expect((await call(profileRoute, 'GET', '/', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('refuses a cookie-authenticated write with a foreign Origin (403) and changes nothing', async () => {
    const cookie = `access_token=${await tokenFor('admin')}`;
    const user = await makeUser();
    const res = await refused(
      () =>
        call(userRoute, 'PATCH', '/', {
          params: { id: user.id },
          headers: { cookie, origin: 'https://evil.example', host: 'localhost' },
          body: { first_name: 'Hacked' },
        }),
      403,
    );
    expect(res.body.code).toBe('FORBIDDEN');
    // A Bearer-authenticated call is not subject to the Origin check.
    const bearer = await call(userRoute, 'PATCH', '/', {
      token: await tokenFor('admin'),
      params: { id: user.id },
      headers: { origin: 'https://evil.example' },
      body: { first_name: 'Bearer' },
    });
    expect(bearer.status).toBe(200);
  });
});
