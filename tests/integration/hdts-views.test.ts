/** Saved views: per user, shared by admins; a user never reads or deletes another's private view. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as viewRoute from '@/app/(api)/hdts/api/views/[id]/route';
import * as viewsRoute from '@/app/(api)/hdts/api/views/route';
import { db } from '@/lib/server/db';
import { call, makeUser, snapshot, tokenFor } from '../helpers/api';

const TABLES = ['helpdesk.saved_views', 'audit.audit_log'];
let coord: string;
let coord2: string;
let admin: string;
let agent: string;
let emp: string;

beforeAll(async () => {
  [coord, admin, agent, emp] = await Promise.all([
    tokenFor('coordinator1'),
    tokenFor('admin'),
    tokenFor('agent1'),
    tokenFor('employee1'),
  ]);
  const other = await makeUser([['hdts', 'Ticket Coordinator']]);
  coord2 = await tokenFor(other.username);
});

const list = (token: string) => call(viewsRoute, 'GET', '/hdts/api/views/', { token });
const create = (token: string, body: unknown) => call(viewsRoute, 'POST', '/hdts/api/views/', { token, body });
const remove = (token: string, id: number) => call(viewRoute, 'DELETE', `/hdts/api/views/${id}/`, { token, params: { id } });

describe('/hdts/api/views/', () => {
  it('a private view is its owner’s alone: another user neither lists it nor deletes it (404, nothing changed)', async () => {
    const name = `My breached ${Date.now()}`;
    const made = await create(coord, { name, url: '/coordinator/tickets?status=Open&sort_by=priority&order=desc' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toEqual(expect.objectContaining({ name, shared: false, mine: true }));
    expect((await list(coord)).body.results.map((v: { id: number }) => v.id)).toContain(made.body.id);
    for (const token of [coord2, admin]) {
      expect((await list(token)).body.results.map((v: { id: number }) => v.id)).not.toContain(made.body.id);
      const before = await snapshot(TABLES);
      const r = await remove(token, made.body.id);
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('VIEW_NOT_FOUND');
      expect(await snapshot(TABLES)).toEqual(before);
    }
    expect((await remove(coord, made.body.id)).status).toBe(204);
    expect(await db.savedView.findUnique({ where: { id: made.body.id } })).toBeNull();
  });

  it('an admin shares a view with all staff; others see it but only the owner or an admin deletes it', async () => {
    const made = await create(admin, { name: `New in IT ${Date.now()}`, url: '/coordinator/tickets?status=New', shared: true });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const seen = (await list(coord)).body.results.find((v: { id: number }) => v.id === made.body.id);
    expect(seen).toEqual(expect.objectContaining({ shared: true, mine: false }));
    const before = await snapshot(TABLES);
    expect((await remove(coord, made.body.id)).status).toBe(403);
    expect(await snapshot(TABLES)).toEqual(before);
    expect((await remove(admin, made.body.id)).status).toBe(204);
  });

  it('a coordinator cannot share (403); bad input is 400 with field details; nothing is written', async () => {
    for (const [token, body, status] of [
      [coord, { name: 'Everyone', url: '/coordinator/tickets', shared: true }, 403],
      [coord, { name: '', url: '/coordinator/tickets' }, 400],
      [coord, { name: 'Elsewhere', url: 'https://evil.example/x' }, 400],
      [coord, { name: 'Protocol-relative', url: '//evil.example/x' }, 400],
      [coord, { name: 'x'.repeat(81), url: '/coordinator/tickets' }, 400],
      [coord, { url: '/coordinator/tickets' }, 400],
    ] as const) {
      const before = await snapshot(TABLES);
      const r = await create(token, body);
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      if (status === 400) expect(Object.keys(r.body.details).length).toBeGreaterThan(0);
      expect(await snapshot(TABLES)).toEqual(before);
    }
  });

  it('employees have no saved views (403); an agent keeps their own', async () => {
    expect((await list(emp)).status).toBe(403);
    expect((await create(emp, { name: 'Mine', url: '/employee/tickets' })).status).toBe(403);
    const r = await create(agent, { name: 'Agent view', url: '/agent/tickets' });
    expect(r.status).toBe(201);
  });
});
