/**
 * Finding 3: a client-chosen X-Forwarded-For is ignored unless the connection comes from a trusted proxy. A real
 * HTTP server in front of the real token route, with server.ts's request preparation (prepareForwarding).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BlockList } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // A small per-address budget for the token endpoint, so a fresh key per header value would show.
  process.env.RATE_LIMIT_TOKEN = '3/60';
});

const tokenRoute = await import('@/app/(api)/auth/token/route');
const { prepareForwarding, resolveClientIp } = await import('@/lib/server/client-ip');
const { db } = await import('@/lib/server/db');
const { makeUser } = await import('../helpers/api');

let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    prepareForwarding(req);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const response = await tokenRoute.POST(
      new Request(`http://localhost${req.url}`, { method: 'POST', headers, body: Buffer.concat(chunks) }),
      { params: Promise.resolve({}) },
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (body: object, forwardedFor: string) =>
  fetch(`${base}/auth/token/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor, 'x-real-ip': forwardedFor },
    body: JSON.stringify(body),
  });

describe('3. X-Forwarded-For from an untrusted client', () => {
  it('a new header value per request does not buy a fresh rate-limit budget', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) statuses.push((await post({ username: 'nobody', password: 'x' }, `203.0.113.${i}`)).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });

  it('login attempts and the audit log record the connection’s address, not the claimed one', async () => {
    await db.$executeRaw`DELETE FROM identity.rate_limits`;
    const user = await makeUser([['hdts', 'Employee']]);
    const ok = await post({ username: user.username, password: 'Switchboard!2026' }, '198.51.100.7');
    expect(ok.status).toBe(200);
    const attempt = await db.loginAttempt.findFirstOrThrow({ where: { userId: user.id }, orderBy: { at: 'desc' } });
    expect(attempt.ip).toBe('127.0.0.1');
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'login', entityId: String(user.id) } });
    expect(audit.ip).toBe('127.0.0.1');
  });
});

describe('8. the portal sign-in is rate limited like /auth/token/', () => {
  it('per client address, with the token bucket', async () => {
    const { authOptions } = await import('@/lib/server/nextauth');
    const provider = authOptions.providers[0] as unknown as {
      options: { authorize: (c: Record<string, string>, r: { headers: Record<string, string> }) => Promise<unknown> };
    };
    const attempt = () =>
      provider.options
        .authorize({ username: 'nobody-portal', password: 'x' }, { headers: { 'x-forwarded-for': '192.0.2.44' } })
        .then(
          () => 'signed in',
          (e: Error) => e.message,
        );
    const answers = [await attempt(), await attempt(), await attempt(), await attempt()];
    expect(answers.slice(0, 3)).toEqual(Array(3).fill('Invalid email/username or password.'));
    expect(answers[3]).toMatch(/Too many sign-in attempts/);
  });
});

describe('resolving the client behind trusted proxies (TRUSTED_PROXIES)', () => {
  const proxies = new BlockList();
  proxies.addSubnet('10.0.0.0', 8, 'ipv4');
  it('believes the hops a trusted proxy added, and nothing a client wrote before them', () => {
    expect(resolveClientIp('10.0.0.5', '198.51.100.7', proxies)).toBe('198.51.100.7');
    expect(resolveClientIp('::ffff:10.0.0.5', '6.6.6.6, 198.51.100.7, 10.1.1.1', proxies)).toBe('198.51.100.7');
    expect(resolveClientIp('198.51.100.9', '1.2.3.4', proxies)).toBe('198.51.100.9');
    expect(resolveClientIp('127.0.0.1', '1.2.3.4', null)).toBe('127.0.0.1');
    expect(resolveClientIp('10.0.0.5', 'garbage', proxies)).toBe('10.0.0.5');
  });
});
