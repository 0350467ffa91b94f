import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import * as v1TokenRoute from '@/app/(api)/auth/api/v1/users/token/route';
import * as logoutRoute from '@/app/(api)/auth/logout/route';
import * as refreshRoute from '@/app/(api)/auth/token/refresh/route';
import * as tokenRoute from '@/app/(api)/auth/token/route';
import { call, makeUser, PASSWORD, snapshot } from '../helpers/api';

describe('POST /auth/token/', () => {
  it('returns tokens whose claims match spec 000', async () => {
    const res = await call(tokenRoute, 'POST', '/auth/token/', {
      body: { username: 'coordinator1@example.com', password: PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body.access).toBeTypeOf('string');
    expect(res.body.refresh).toBeTypeOf('string');
    const claims = decodeJwt(res.body.access);
    expect(claims).toMatchObject({ email: 'coordinator1@example.com', token_type: 'access' });
    expect(claims.user_id).toBeTypeOf('number');
    expect(claims.roles).toEqual([{ system: 'hdts', role: 'Ticket Coordinator', system_role_id: expect.any(Number) }]);
    expect((claims.exp as number) - (claims.iat as number)).toBe(15 * 60);
    expect(res.headers.get('set-cookie')).toMatch(/access_token=.*HttpOnly; SameSite=Lax/);
  });

  it('accepts the username as login name and the v1 path returns the user', async () => {
    const res = await call(v1TokenRoute, 'POST', '/auth/api/v1/users/token/', {
      body: { username: 'agent1', password: PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'agent1', email: 'agent1@example.com' });
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await call(tokenRoute, 'POST', '/auth/token/', { body: { username: 'nobody@example.com', password: 'x' } });
    const wrong = await call(tokenRoute, 'POST', '/auth/token/', {
      body: { username: 'employee2@example.com', password: 'wrong-password' },
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.message).toBe(wrong.body.message);
    expect(unknown.body).toMatchObject({
      status: 'error',
      code: 'INVALID_CREDENTIALS',
      details: { trace_id: expect.any(String) },
    });
  });

  it('rejects missing fields with field errors and changes nothing', async () => {
    const before = await snapshot();
    const res = await call(tokenRoute, 'POST', '/auth/token/', { body: { username: 'admin' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_ERROR');
    expect(res.body.details.password).toEqual(['This field is required']);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects malformed JSON with the standard format', async () => {
    const res = await call(tokenRoute, 'POST', '/auth/token/', {
      rawBody: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 'error', code: 'INVALID_JSON' });
  });

  it('locks the account after 5 failures: the sixth attempt is refused even with the right password', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    for (let i = 0; i < 4; i++) {
      const r = await call(tokenRoute, 'POST', '/auth/token/', { body: { username: user.email, password: 'bad-password' } });
      expect(r.status).toBe(401);
    }
    const fifth = await call(tokenRoute, 'POST', '/auth/token/', { body: { username: user.email, password: 'bad-password' } });
    expect(fifth.status).toBe(403);
    expect(fifth.body.code).toBe('ACCOUNT_LOCKED');
    const sixth = await call(tokenRoute, 'POST', '/auth/token/', { body: { username: user.email, password: PASSWORD } });
    expect(sixth.status).toBe(403);
    expect(sixth.body.message).toMatch(/locked/i);
  });

  it('answers 405 in the standard format for a wrong method', async () => {
    const res = await call(tokenRoute, 'GET', '/auth/token/');
    expect(res.status).toBe(405);
    expect(res.body).toMatchObject({ status: 'error', code: 'METHOD_NOT_ALLOWED' });
    expect(res.headers.get('allow')).toBe('POST');
  });
});

describe('refresh rotation and logout', () => {
  async function loginAs(username: string) {
    const res = await call(tokenRoute, 'POST', '/auth/token/', { body: { username, password: PASSWORD } });
    expect(res.status).toBe(200);
    return res.body as { access: string; refresh: string };
  }

  it('rotates, and reusing a rotated token revokes the whole family', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const first = await loginAs(user.username);
    const second = await call(refreshRoute, 'POST', '/auth/token/refresh/', { body: { refresh: first.refresh } });
    expect(second.status).toBe(200);
    expect(second.body.refresh).not.toBe(first.refresh);
    const reuse = await call(refreshRoute, 'POST', '/auth/token/refresh/', { body: { refresh: first.refresh } });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('TOKEN_REUSED');
    // The family is gone: even the newest token no longer works.
    const newest = await call(refreshRoute, 'POST', '/auth/token/refresh/', { body: { refresh: second.body.refresh } });
    expect(newest.status).toBe(401);
  });

  it('logout revokes the refresh token', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const t = await loginAs(user.username);
    const out = await call(logoutRoute, 'POST', '/auth/logout/', { token: t.access, body: { refresh: t.refresh } });
    expect(out.status).toBe(200);
    expect(out.body.message).toBe('Successfully logged out');
    const after = await call(refreshRoute, 'POST', '/auth/token/refresh/', { body: { refresh: t.refresh } });
    expect(after.status).toBe(401);
  });

  it('logout without any token is a 401', async () => {
    const res = await call(logoutRoute, 'POST', '/auth/logout/', { body: {} });
    expect(res.status).toBe(401);
  });
});
