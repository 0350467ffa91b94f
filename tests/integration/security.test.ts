/**
 * Issue 14's findings, one test each (the HTTP-layer ones that need Next itself — security headers, the
 * sign-in redirect — are in tests/e2e/security.spec.ts; forwarding headers in security-forwarding.test.ts).
 */
import { spawn } from 'node:child_process';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as userRolesRoute from '@/app/(api)/auth/api/v1/user-roles/route';
import * as userRoute from '@/app/(api)/auth/api/v1/users/[id]/route';
import * as changePasswordRoute from '@/app/(api)/auth/api/v1/users/change-password/route';
import * as profileRoute from '@/app/(api)/auth/api/v1/users/profile/route';
import * as logoutRoute from '@/app/(api)/auth/logout/route';
import * as tokenRoute from '@/app/(api)/auth/token/route';
import * as ticketsRoute from '@/app/(api)/hdts/api/tickets/route';
import * as nextAuthRoute from '@/app/api/auth/[...nextauth]/route';
import { sanitizeFilename } from '@/lib/domain/helpdesk/files';
import { signInForPortal } from '@/lib/domain/identity/commands';
import { db } from '@/lib/server/db';
import { env, nextAuthSecret } from '@/lib/server/env';
import { authOptions } from '@/lib/server/nextauth';
import { call, makeUser, PASSWORD, snapshot, tokenFor } from '../helpers/api';
import { connected, type RealtimeServer, startRealtimeServer } from '../helpers/realtime';

const login = async (username: string, password = PASSWORD) => {
  const res = await call(tokenRoute, 'POST', '/auth/token/', { body: { username, password } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { access: string; refresh: string };
};
const profileWith = (opts: { token?: string; cookie?: string }) =>
  call(profileRoute, 'GET', '/auth/api/v1/users/profile/', {
    token: opts.token,
    headers: opts.cookie ? { cookie: opts.cookie } : {},
  });

/** A portal session cookie exactly as next-auth makes it after a sign-in (authorize → jwt callback → encode). */
async function portalCookie(username: string, password = PASSWORD) {
  const { actor, tokenVersion } = await signInForPortal({ ip: '127.0.0.1' }, { username, password });
  const jwt = authOptions.callbacks?.jwt as (p: { token: object; user: object }) => Promise<object> | object;
  const token = await jwt({ token: { name: actor.name, email: actor.email }, user: { id: String(actor.id), ver: tokenVersion } });
  const value = await encode({ token: token as Record<string, unknown>, secret: nextAuthSecret(), maxAge: 3600 });
  return { cookie: `next-auth.session-token=${value}`, token: token as { sub: string; ver: number } };
}

/** A body that produces `total` bytes on demand, counting what the server actually pulled. */
function endlessBody(total: number, chunk = 64 * 1024) {
  const stats = { pulled: 0 };
  const piece = new Uint8Array(chunk).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= total) return controller.close();
      stats.pulled += chunk;
      controller.enqueue(piece);
    },
  });
  return { stream, stats };
}

describe('1. request bodies are cut off at their limit while streaming', () => {
  const chunked = (url: string, body: ReadableStream, headers: Record<string, string> = {}) =>
    new Request(url, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);

  it('a chunked JSON body far over the limit, without signing in: 413, and no more than the limit is read', async () => {
    const { stream, stats } = endlessBody(64 * 1024 * 1024);
    const res = await tokenRoute.POST(chunked('http://localhost/auth/token/', stream, { 'content-type': 'application/json' }), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe('PAYLOAD_TOO_LARGE');
    expect(stats.pulled).toBeLessThanOrEqual(env.REQUEST_BODY_MAX_BYTES + 2 * 64 * 1024);
  });

  it('the same for the portal sign-in (next-auth reads its bodies whole)', async () => {
    const { stream, stats } = endlessBody(64 * 1024 * 1024);
    const res = await nextAuthRoute.POST(
      chunked('http://localhost/api/auth/callback/credentials', stream, {
        'content-type': 'application/x-www-form-urlencoded',
      }) as never,
      { params: Promise.resolve({ nextauth: ['callback', 'credentials'] }) },
    );
    expect(res.status).toBe(413);
    expect(stats.pulled).toBeLessThanOrEqual(env.REQUEST_BODY_MAX_BYTES + 2 * 64 * 1024);
  });

  it('uploads: over-long Content-Length is refused before reading; a caller who may not submit is refused first', async () => {
    const employee = await tokenFor('employee1');
    const declared = chunked('http://localhost/hdts/api/tickets/', endlessBody(1024 * 1024).stream, {
      authorization: `Bearer ${employee}`,
      'content-type': 'multipart/form-data; boundary=x',
      'content-length': String(env.ATTACHMENT_MAX_BYTES * 10),
    });
    const tooLarge = await ticketsRoute.POST(declared, { params: Promise.resolve({}) });
    expect(tooLarge.status).toBe(413);

    const agent = await tokenFor('agent1');
    const { stream, stats } = endlessBody(32 * 1024 * 1024);
    const refused = await ticketsRoute.POST(
      chunked('http://localhost/hdts/api/tickets/', stream, {
        authorization: `Bearer ${agent}`,
        'content-type': 'multipart/form-data; boundary=x',
      }),
      { params: Promise.resolve({}) },
    );
    expect(refused.status).toBe(403);
    // not one byte of the would-be files was read (at most what the platform buffers ahead)
    expect(stats.pulled).toBeLessThanOrEqual(2 * 64 * 1024);
  });
});

describe('2 & 4. sessions and access tokens end with logout, sign-out, password change, deactivation, role removal', () => {
  it('logout ends the access token and the portal session of the user at once', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const t = await login(user.username);
    const portal = await portalCookie(user.username);
    expect((await profileWith({ token: t.access })).status).toBe(200);
    expect((await profileWith({ cookie: portal.cookie })).status).toBe(200);
    const out = await call(logoutRoute, 'POST', '/auth/logout/', { token: t.access, body: { refresh: t.refresh } });
    expect(out.status).toBe(200);
    expect((await profileWith({ token: t.access })).status).toBe(401);
    expect((await profileWith({ cookie: portal.cookie })).status).toBe(401);
  });

  it('portal sign-out (next-auth signOut event) ends the copied session cookie and the API tokens', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const t = await login(user.username);
    const portal = await portalCookie(user.username);
    const copy = portal.cookie;
    await authOptions.events?.signOut?.({ token: portal.token, session: null as never } as never);
    expect((await profileWith({ cookie: copy })).status).toBe(401);
    expect((await profileWith({ token: t.access })).status).toBe(401);
    // a new sign-in works
    expect((await profileWith({ cookie: (await portalCookie(user.username)).cookie })).status).toBe(200);
  });

  it('a password change ends other sessions; the portal session making it carries on with a renewed cookie', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const t = await login(user.username);
    const elsewhere = await portalCookie(user.username);
    const here = await portalCookie(user.username);
    const res = await call(changePasswordRoute, 'POST', '/auth/api/v1/users/change-password/', {
      headers: { cookie: here.cookie },
      body: { old_password: PASSWORD, new_password: 'Brand-new-pass-2026' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const renewed = /next-auth\.session-token=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    expect(renewed).toBeTruthy();
    expect((await profileWith({ token: t.access })).status).toBe(401);
    expect((await profileWith({ cookie: elsewhere.cookie })).status).toBe(401);
    expect((await profileWith({ cookie: here.cookie })).status).toBe(401);
    expect((await profileWith({ cookie: `next-auth.session-token=${renewed}` })).status).toBe(200);
  });

  it('deactivation: the very next request of the user is refused (token and portal session)', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const t = await login(user.username);
    const portal = await portalCookie(user.username);
    // warm this process's actor cache
    expect((await profileWith({ token: t.access })).status).toBe(200);
    const del = await call(userRoute, 'DELETE', `/auth/api/v1/users/${user.id}/`, {
      token: await tokenFor('admin'),
      params: { id: user.id },
    });
    expect(del.status).toBe(204);
    expect((await profileWith({ token: t.access })).status).toBe(401);
    expect((await profileWith({ cookie: portal.cookie })).status).toBe(401);
  });

  it('a changed role is seen on the next request; a removed one also ends the sessions', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const t = await login(user.username);
    const admin = await tokenFor('admin');
    expect((await profileWith({ token: t.access })).body.roles).toHaveLength(1);
    const role = await db.role.findUniqueOrThrow({ where: { system_name: { system: 'tts', name: 'Support Agent' } } });
    const add = await call(userRolesRoute, 'POST', '/auth/api/v1/user-roles/', {
      token: admin,
      body: { user_id: user.id, role_id: role.id },
    });
    expect(add.status).toBe(201);
    const seen = await profileWith({ token: t.access });
    expect(seen.status).toBe(200);
    expect(seen.body.roles.map((r: { role: string }) => r.role).sort()).toEqual(['Employee', 'Support Agent']);
    const { DELETE } = await import('@/app/(api)/auth/api/v1/user-roles/[id]/route');
    const removed = await call({ DELETE }, 'DELETE', '/', { token: admin, params: { id: add.body.assignment_id } });
    expect(removed.status).toBe(204);
    expect((await profileWith({ token: t.access })).status).toBe(401);
  });

  it('revoked in another process (the version bumped in the database): refused once the short cache expires', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const t = await login(user.username);
    expect((await profileWith({ token: t.access })).status).toBe(200);
    await db.$executeRaw`UPDATE identity.users SET token_version = token_version + 1 WHERE id = ${user.id}`;
    await expect
      .poll(async () => (await profileWith({ token: t.access })).status, {
        timeout: (env.ACTOR_CACHE_SECONDS + 5) * 1000,
        interval: 250,
      })
      .toBe(401);
  });

  it('refresh-token reuse ends every session of the user', async () => {
    const { refresh: refreshRoute } = { refresh: await import('@/app/(api)/auth/token/refresh/route') };
    const user = await makeUser([['hdts', 'Employee']]);
    const t = await login(user.username);
    const other = await login(user.username);
    expect((await call(refreshRoute, 'POST', '/', { body: { refresh: t.refresh } })).status).toBe(200);
    expect((await call(refreshRoute, 'POST', '/', { body: { refresh: t.refresh } })).body.code).toBe('TOKEN_REUSED');
    expect((await profileWith({ token: other.access })).status).toBe(401);
    expect((await call(refreshRoute, 'POST', '/', { body: { refresh: other.refresh } })).status).toBe(401);
  });

  it('an authenticated read takes its actor from the cache: no identity statement once warm', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const t = await login(user.username);
    const { GET } = await import('@/app/(api)/auth/api/v1/roles/route');
    const read = () => call({ GET }, 'GET', '/auth/api/v1/roles/', { token: t.access }); // employees: 403 after authn
    const statements: string[] = [];
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const q = args[0] as string | { text?: string };
      statements.push(typeof q === 'string' ? q : (q?.text ?? ''));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    const actorLoads = () => statements.filter((q) => /token_version/.test(q) && /json_agg/.test(q)).length;
    try {
      expect((await read()).status).toBe(403);
      expect(actorLoads()).toBe(1); // cold: one statement for the user, their version and roles
      statements.length = 0;
      expect((await read()).status).toBe(403);
      expect(actorLoads()).toBe(0); // warm: none
      console.log(`an authenticated, refused read: ${statements.length} SQL statement(s) in all`, statements);
    } finally {
      pg.Client.prototype.query = original;
    }
  });
});

describe('2. open sockets of a user are disconnected when their sessions end', () => {
  let rt: RealtimeServer;
  beforeAll(async () => {
    rt = await startRealtimeServer();
  });
  afterAll(async () => rt.close());

  it('logout disconnects the socket', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const t = await login(user.username);
    const s = rt.socket(t.access);
    await connected(s);
    const gone = new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)));
    await call(logoutRoute, 'POST', '/auth/logout/', { token: t.access, body: {} });
    expect(await gone).toBe('io server disconnect');
  });

  it('6. a handshake from a foreign Origin is refused, even with valid credentials', async () => {
    const t = await login('employee1');
    const foreign = connect(rt.url, {
      path: '/socket.io',
      transports: ['polling'],
      extraHeaders: { origin: 'http://evil.localhost:4444' },
      auth: { token: t.access },
      reconnection: false,
      forceNew: true,
    });
    await expect(connected(foreign)).rejects.toBeTruthy();
    foreign.close();
    const own = connect(rt.url, {
      path: '/socket.io',
      transports: ['polling'],
      extraHeaders: { origin: new URL(env.APP_URL ?? `http://localhost:${env.PORT}`).origin },
      auth: { token: t.access },
      reconnection: false,
      forceNew: true,
    });
    await connected(own);
    own.close();
  });
});

describe('8. lockout: one counter per account, atomic', () => {
  it('150 parallel wrong passwords: at most LOGIN_MAX_FAILURES are checked', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const results = await Promise.all(
      Array.from({ length: 150 }, () =>
        call(tokenRoute, 'POST', '/auth/token/', { body: { username: user.email, password: 'wrong-pass-1' } }),
      ),
    );
    const checked = await db.loginAttempt.count({ where: { userId: user.id } });
    expect(checked).toBeLessThanOrEqual(env.LOGIN_MAX_FAILURES);
    expect(results.filter((r) => r.status === 403).length).toBeGreaterThanOrEqual(150 - env.LOGIN_MAX_FAILURES);
    expect(results.every((r) => r.status === 401 || r.status === 403)).toBe(true);
  }, 60_000);

  it('locked through the e-mail means locked through the username too', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    for (let i = 0; i < env.LOGIN_MAX_FAILURES; i++)
      await call(tokenRoute, 'POST', '/auth/token/', { body: { username: user.email, password: 'wrong-pass-1' } });
    const viaName = await call(tokenRoute, 'POST', '/auth/token/', { body: { username: user.username, password: PASSWORD } });
    expect(viaName.status).toBe(403);
    expect(viaName.body.code).toBe('ACCOUNT_LOCKED');
  });

  it('wrong old passwords on change-password count too', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const t = await login(user.username);
    const statuses: number[] = [];
    for (let i = 0; i < env.LOGIN_MAX_FAILURES + 1; i++) {
      const r = await call(changePasswordRoute, 'POST', '/', {
        token: t.access,
        body: { old_password: 'not-the-one-1', new_password: 'Another-pass-2026' },
      });
      statuses.push(r.status);
    }
    expect(statuses.slice(0, env.LOGIN_MAX_FAILURES - 1).every((s) => s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(403);
    const right = await call(changePasswordRoute, 'POST', '/', {
      token: t.access,
      body: { old_password: PASSWORD, new_password: 'Another-pass-2026' },
    });
    expect(right.status).toBe(403);
  });
});

describe('9. input PostgreSQL cannot hold is a 400, and nothing is written', () => {
  const tables = ['identity.users', 'helpdesk.tickets', 'audit.audit_log'];

  it('a NUL byte or a lone surrogate in text', async () => {
    const employee = await tokenFor('employee1');
    for (const subject of ['Printer\u0000broken', 'Printer \uD83D broken', 'Printer \uDE00 broken']) {
      const before = await snapshot(tables);
      const res = await call(ticketsRoute, 'POST', '/hdts/api/tickets/', {
        token: employee,
        body: { subject, description: 'It does not print.', category: 'IT Support', sub_category: 'Technical Assistance' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.details.subject).toBeTruthy();
      expect(await snapshot(tables)).toEqual(before);
    }
    const before = await snapshot(tables);
    const profile = await call(profileRoute, 'PATCH', '/', { token: employee, body: { first_name: 'Ada\u0000' } });
    expect(profile.status).toBe(400);
    expect(await snapshot(tables)).toEqual(before);
  });

  it('integers above 2^31-1 in ids and bodies', async () => {
    const admin = await tokenFor('admin');
    const before = await snapshot(tables);
    const byId = await call(userRoute, 'GET', '/', { token: admin, params: { id: '99999999999' } });
    expect(byId.status).toBe(400);
    const inBody = await call(userRolesRoute, 'POST', '/', { token: admin, body: { user_id: 3_000_000_000, role_id: 1 } });
    expect(inBody.status).toBe(400);
    expect(inBody.body.details.user_id).toBeTruthy();
    expect(await snapshot(tables)).toEqual(before);
  });

  it('bidirectional controls are stripped from attachment names', () => {
    expect(sanitizeFilename('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitizeFilename('a\u2066b\u2069c\u200F.txt')).toBe('abc.txt');
    expect(sanitizeFilename('report 📄.pdf')).toBe('report 📄.pdf');
  });

  it('the CSRF check compares the scheme too, against the configured origin, never X-Forwarded-Host', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const { cookie } = await portalCookie(user.username);
    const origin = new URL(env.APP_URL ?? `http://localhost:${env.PORT}`);
    const otherScheme = `${origin.protocol === 'http:' ? 'https:' : 'http:'}//${origin.host}`;
    const before = await snapshot(tables);
    for (const headers of [
      { cookie, origin: otherScheme } as Record<string, string>,
      { cookie, origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' },
    ]) {
      const res = await call(profileRoute, 'PATCH', '/', { headers, body: { first_name: 'Forged' } });
      expect(res.status).toBe(403);
    }
    expect(await snapshot(tables)).toEqual(before);
    const own = await call(profileRoute, 'PATCH', '/', {
      headers: { cookie, origin: origin.origin },
      body: { first_name: 'Own' },
    });
    expect(own.status).toBe(200);
  });

  it('a change that committed is never reported as failed when the database goes away right after', async () => {
    const { endpoint, route } = await import('@/lib/server/http');
    const { transaction } = await import('@/lib/server/db');
    const user = await makeUser([['hdts', 'Employee']]);
    const t = await login(user.username);
    const lostConnection = () => Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
    const committed = route({
      POST: endpoint({
        summary: 'a write, then the outage',
        handler: async ({ actor }) => {
          await transaction((tx) => tx.user.update({ where: { id: actor.id }, data: { firstName: 'Committed' } }));
          throw lostConnection(); // e.g. the read for the answer
        },
      }),
    });
    const res = await call(committed, 'POST', '/x', { token: t.access, body: {} });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('success');
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).firstName).toBe('Committed');
    const nothingDone = route({
      POST: endpoint({
        summary: 'the outage before any write',
        handler: async () => {
          throw lostConnection();
        },
      }),
    });
    const failed = await call(nothingDone, 'POST', '/x', { token: t.access, body: {} });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('5');
  });

  it('the database stopped: 503 with Retry-After (and back to 200 when it returns)', async () => {
    const env2 = { ...process.env };
    delete env2.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/fixtures/db-outage.ts'], {
      env: env2,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const line = out.split('\n').find((l) => l.startsWith('RESULT '));
    expect(line, `no result (exit ${code}):\n${out.slice(-2000)}\n${err.slice(-2000)}`).toBeTruthy();
    const result = JSON.parse(line!.slice('RESULT '.length));
    expect(result.before.status).toBe(200);
    expect(result.down).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(Number(result.down.retryAfter)).toBeGreaterThan(0);
    expect(result.downSignIn).toMatchObject({ status: 503 });
    expect(result.after.status).toBe(200);
  }, 120_000);
});
