/** Saved replies: personal and shared, placeholders filled for a real ticket, and bad input refused. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as cannedOneRoute from '@/app/(api)/hdts/api/canned-responses/[id]/route';
import * as cannedRoute from '@/app/(api)/hdts/api/canned-responses/route';
import { db } from '@/lib/server/db';
import { call, makeUser, snapshot, tokenFor } from '../helpers/api';
import { threadTicket } from '../helpers/thread';

const TABLES = ['messaging.canned_responses', 'audit.audit_log'];
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

const list = (token: string, query: Record<string, string> = {}) =>
  call(cannedRoute, 'GET', '/hdts/api/canned-responses/', { token, query });
const create = (token: string, body: unknown) => call(cannedRoute, 'POST', '/hdts/api/canned-responses/', { token, body });
const one = (token: string, id: number, query: Record<string, string> = {}) =>
  call(cannedOneRoute, 'GET', `/hdts/api/canned-responses/${id}/`, { token, params: { id }, query });
const patch = (token: string, id: number, body: unknown) =>
  call(cannedOneRoute, 'PATCH', `/hdts/api/canned-responses/${id}/`, { token, params: { id }, body });
const remove = (token: string, id: number) =>
  call(cannedOneRoute, 'DELETE', `/hdts/api/canned-responses/${id}/`, { token, params: { id } });
const ids = (r: { body: { results: { id: number }[] } }) => r.body.results.map((x) => x.id);

describe('/hdts/api/canned-responses/', () => {
  it('fills the placeholders for a real ticket: requester, ticket and the person inserting', async () => {
    const t = await threadTicket({ requester: 'employee1', owner: 'coordinator1', assignee: 'agent1' });
    const made = await create(agent, {
      title: `Greeting ${Date.now()}`,
      body: 'Hi {{requester.first_name}} ({{ requester.name }}), about {{ticket.number}} "{{ticket.subject}}". — {{agent.name}}',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toEqual(expect.objectContaining({ shared: false, mine: true }));
    expect(made.body.filled_body).toBeUndefined();

    const expected = `Hi Emma (Emma Wilson), about ${t.number} "VPN drops". — `;
    const got = await one(agent, made.body.id, { ticket: t.number });
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    const agentUser = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
    expect(got.body.filled_body).toBe(`${expected}${agentUser.firstName} ${agentUser.lastName}`);
    expect(got.body.body).toContain('{{requester.first_name}}');
    // the list fills them too
    const listed = (await list(agent, { ticket: t.number })).body.results.find((r: { id: number }) => r.id === made.body.id);
    expect(listed.filled_body).toBe(got.body.filled_body);
  });

  it('fills only for a ticket the caller may see (404 otherwise)', async () => {
    const t = await threadTicket({ requester: 'employee1', owner: 'coordinator1', assignee: null });
    const made = await create(agent, { title: 'Ticket ref', body: 'About {{ticket.number}}' });
    const r = await one(agent, made.body.id, { ticket: t.number });
    expect(r.status).toBe(404);
    expect((await one(agent, made.body.id, { ticket: 'TX20990101999999' })).status).toBe(404);
    expect((await one(agent, made.body.id, { ticket: 'not-a-ticket' })).status).toBe(400);
  });

  it('a personal reply is its owner’s alone: others neither list, read, change nor delete it (404, nothing changed)', async () => {
    const made = await create(coord, { title: `Mine ${Date.now()}`, body: 'Private words' });
    expect(made.status).toBe(201);
    expect(ids(await list(coord))).toContain(made.body.id);
    for (const token of [coord2, admin, agent]) {
      expect(ids(await list(token))).not.toContain(made.body.id);
      const before = await snapshot(TABLES);
      for (const r of [
        await one(token, made.body.id),
        await patch(token, made.body.id, { title: 'Taken over' }),
        await remove(token, made.body.id),
      ]) {
        expect(r.status).toBe(404);
        expect(r.body.code).toBe('CANNED_RESPONSE_NOT_FOUND');
      }
      expect(await snapshot(TABLES)).toEqual(before);
    }
    const edited = await patch(coord, made.body.id, { title: 'Mine, renamed', body: 'Still private {{agent.name}}' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toEqual(expect.objectContaining({ title: 'Mine, renamed', body: 'Still private {{agent.name}}' }));
    expect((await remove(coord, made.body.id)).status).toBe(204);
    expect(await db.cannedResponse.findUnique({ where: { id: made.body.id } })).toBeNull();
  });

  it('only admins create, share, edit and delete shared replies; all staff use them', async () => {
    const before = await snapshot(TABLES);
    const refused = await create(coord, { title: 'For everyone', body: 'x', shared: true });
    expect(refused.status).toBe(403);
    expect(await snapshot(TABLES)).toEqual(before);

    const made = await create(admin, { title: `Shared ${Date.now()}`, body: 'Thanks {{requester.first_name}}', shared: true });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    for (const token of [coord, agent, coord2]) {
      const seen = (await list(token)).body.results.find((r: { id: number }) => r.id === made.body.id);
      expect(seen).toEqual(expect.objectContaining({ shared: true, mine: false }));
      expect((await one(token, made.body.id)).status).toBe(200);
      const b = await snapshot(TABLES);
      expect((await patch(token, made.body.id, { title: 'Hijacked' })).status).toBe(403);
      expect((await remove(token, made.body.id)).status).toBe(403);
      expect(await snapshot(TABLES)).toEqual(b);
    }
    // a staff member cannot share their own personal reply either
    const mine = await create(agent, { title: 'Agent own', body: 'x' });
    const b = await snapshot(TABLES);
    expect((await patch(agent, mine.body.id, { shared: true })).status).toBe(403);
    expect(await snapshot(TABLES)).toEqual(b);

    const edited = await patch(admin, made.body.id, { body: 'Thank you {{requester.first_name}}' });
    expect(edited.status).toBe(200);
    const audit = await db.auditLog.findMany({ where: { entityType: 'canned_response', entityId: String(made.body.id) } });
    expect(audit.map((a) => a.action).sort()).toEqual(['canned_response.create', 'canned_response.update']);
    expect((await remove(admin, made.body.id)).status).toBe(204);
  });

  it('employees have no saved replies (403)', async () => {
    const shared = await create(admin, { title: 'Shared for staff', body: 'x', shared: true });
    const before = await snapshot(TABLES);
    expect((await list(emp)).status).toBe(403);
    expect((await create(emp, { title: 'Mine', body: 'x' })).status).toBe(403);
    expect((await one(emp, shared.body.id)).status).toBe(403);
    expect((await patch(emp, shared.body.id, { title: 'y' })).status).toBe(403);
    expect((await remove(emp, shared.body.id)).status).toBe(403);
    expect(await snapshot(TABLES)).toEqual(before);
  });

  it('bad input is 400 with field details and changes nothing', async () => {
    const mine = await create(coord, { title: 'Target', body: 'Fine' });
    const cases: [unknown, string][] = [
      [{ title: '', body: 'x' }, 'title'],
      [{ title: '   ', body: 'x' }, 'title'],
      [{ title: 'x'.repeat(121), body: 'x' }, 'title'],
      [{ title: 'Huge', body: 'x'.repeat(5001) }, 'body'],
      [{ title: 'Empty', body: '' }, 'body'],
      [{ title: 'Nul\u0000byte', body: 'x' }, 'title'],
      [{ title: 'Nul', body: 'a\u0000b' }, 'body'],
      [{ title: 'Unknown', body: 'Dear {{requester.nickname}}, see {{ticket.number}}' }, 'body'],
      [{ title: 'Unknown2', body: '{{ }}' }, 'body'],
      [{ body: 'x' }, 'title'],
    ];
    for (const [body, field] of cases) {
      const before = await snapshot(TABLES);
      const r = await create(coord, body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(Object.keys(r.body.details), JSON.stringify(r.body)).toContain(field);
      if (field in (body as object)) {
        const p = await patch(coord, mine.body.id, body);
        expect(p.status, JSON.stringify(p.body)).toBe(400);
      }
      expect(await snapshot(TABLES)).toEqual(before);
    }
    const unknown = await create(coord, { title: 'Unknown', body: 'Dear {{requester.nickname}}' });
    expect(unknown.body.details.body[0]).toContain('{{requester.nickname}}');
    const empty = await patch(coord, mine.body.id, {});
    expect(empty.status).toBe(400);
    expect((await one(coord, mine.body.id)).body.body).toBe('Fine');
  });
});
