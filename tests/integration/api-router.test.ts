/**
 * server.ts's direct API path (lib/server/api-router.ts) on a real HTTP server: route files answer with the
 * security headers, bodies and cookies pass through, what is not an API route is left to the next handler
 * (Next, in server.ts), and an API path that does not decode is the standard 400.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApi } from '@/lib/server/api-router';
import { securityHeaders } from '@/lib/server/security-headers';
import { PASSWORD } from '../helpers/api';

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    serveApi(req, res, 'http://localhost', (p) => securityHeaders(p, '').values).then((served) => {
      if (!served) res.writeHead(299, { 'x-left-to': 'next' }).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the direct API path', () => {
  it('serves a route file with the security headers once each', async () => {
    const r = await fetch(`${base}/health`);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(Number(r.headers.get('content-length'))).toBeGreaterThan(0);
    expect((await r.json()).status).toBe('ok');
  });

  it('passes a JSON body in and the cookies out (sign-in), with path parameters and a query', async () => {
    const r = await fetch(`${base}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'employee1', password: PASSWORD }),
    });
    expect(r.status).toBe(200);
    expect(r.headers.getSetCookie().map((c) => c.split('=')[0])).toEqual(
      expect.arrayContaining(['access_token', 'refresh_token']),
    );
    const { access } = await r.json();
    const list = await fetch(`${base}/hdts/api/v1/tickets?page_size=1`, { headers: { authorization: `Bearer ${access}` } });
    expect(list.status).toBe(200);
    expect((await list.json()).results).toBeInstanceOf(Array);
    const one = await fetch(`${base}/hdts/api/tickets/number/TX00000000000000`, {
      headers: { authorization: `Bearer ${access}` },
    });
    expect([404, 400]).toContain(one.status);
    expect((await one.json()).status).toBe('error');
  });

  it('answers a refused request in the standard format and a method the route lacks with 405', async () => {
    const bad = await fetch(`${base}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).code).toBe('INVALID_JSON');
    const put = await fetch(`${base}/health`, { method: 'PUT' });
    expect(put.status).toBe(405);
  });

  it('leaves pages, unknown paths and HEAD to Next', async () => {
    for (const path of ['/coordinator/tickets', '/login', '/tts/nothing-here', '/api/auth/session']) {
      const r = await fetch(`${base}${path}`);
      expect(r.headers.get('x-left-to'), path).toBe('next');
    }
    expect((await fetch(`${base}/health`, { method: 'HEAD' })).headers.get('x-left-to')).toBe('next');
  });

  it('an API path whose %-escape does not decode is a 400 in the standard format; elsewhere Next decides', async () => {
    const r = await fetch(`${base}/tts/tasks/%E0%A4%A`);
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body).toMatchObject({ status: 'error', code: 'INVALID_INPUT' });
    expect(body.details.trace_id).toBe(r.headers.get('x-trace-id'));
    expect((await fetch(`${base}/coordinator/%E0%A4%A`)).headers.get('x-left-to')).toBe('next');
  });
});
