/**
 * Catalog administration: admins add departments, categories and sub-categories and retire or offer them
 * again; the submit form's catalog, ticket validation and knowledge articles follow; bad input changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as catalogEntryRoute from '@/app/(api)/hdts/api/catalog/entries/[kind]/[id]/route';
import * as catalogEntriesRoute from '@/app/(api)/hdts/api/catalog/entries/route';
import * as catalogRoute from '@/app/(api)/hdts/api/catalog/route';
import * as articleRoute from '@/app/(api)/hdts/api/kb/articles/[id]/route';
import * as articlesRoute from '@/app/(api)/hdts/api/kb/articles/route';
import * as approveRoute from '@/app/(api)/hdts/api/tickets/[id]/approve/route';
import * as ticketsRoute from '@/app/(api)/hdts/api/tickets/route';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, snapshot, tokenFor } from '../helpers/api';
import { makeEditor } from '../helpers/kb';

const TABLES = ['helpdesk.departments', 'helpdesk.categories', 'helpdesk.sub_categories', 'audit.audit_log'];
const run = randomUUID().slice(0, 6);
let admin: string;

beforeAll(async () => {
  await startJobs({ workers: false });
  admin = await tokenFor('admin');
});
afterAll(async () => {
  await stopJobs();
});

const add = (body: unknown) => call(catalogEntriesRoute, 'POST', '/x', { token: admin, body });
const setActive = (kind: string, id: number, active: boolean) =>
  call(catalogEntryRoute, 'PATCH', '/x', { token: admin, params: { kind, id }, body: { active } });
const offered = async () => (await call(catalogRoute, 'GET', '/x', { token: await tokenFor('employee1') })).body;

describe('catalog administration', () => {
  it('adds a department, a category in it and a sub-category, which the submit form then offers', async () => {
    const dep = await add({ kind: 'department', name: `Facilities ${run}` });
    expect(dep.status, JSON.stringify(dep.body)).toBe(201);
    const cat = await add({ kind: 'category', name: `Desk move ${run}`, department_id: dep.body.id });
    expect(cat.status).toBe(201);
    const sub = await add({ kind: 'sub_category', name: 'Standing desk', category_id: cat.body.id });
    expect(sub.body).toMatchObject({ kind: 'sub_category', name: 'Standing desk', active: true });

    const c = await offered();
    expect(c.departments).toContain(`Facilities ${run}`);
    expect(c.categories).toContainEqual({
      name: `Desk move ${run}`,
      department: `Facilities ${run}`,
      sub_categories: ['Standing desk'],
    });
    const tree = await call(catalogEntriesRoute, 'GET', '/x', { token: admin });
    expect(tree.body.categories.find((x: { id: number }) => x.id === cat.body.id)).toMatchObject({
      active: true,
      department: { id: dep.body.id, name: `Facilities ${run}` },
      sub_categories: [{ id: sub.body.id, name: 'Standing desk', active: true }],
    });

    const filed = await call(ticketsRoute, 'POST', '/x', {
      token: await tokenFor('employee1'),
      body: { subject: 'New desk', description: 'Please', category: `Desk move ${run}`, sub_category: 'Standing desk' },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body).toMatchObject({ department: `Facilities ${run}`, sub_category: 'Standing desk' });
  });

  it('retires entries: no longer offered nor accepted for new tickets, kept on tickets filed under them, offered again later', async () => {
    const cat = await add({ kind: 'category', name: `Parking ${run}`, department_id: null });
    const sub = await add({ kind: 'sub_category', name: 'Visitor pass', category_id: cat.body.id });
    const emp = await tokenFor('employee1');
    const before = await call(ticketsRoute, 'POST', '/x', {
      token: emp,
      body: { subject: 'Pass', description: 'For a visitor', category: `Parking ${run}`, sub_category: 'Visitor pass' },
    });
    expect(before.status).toBe(201);

    expect((await setActive('sub_category', sub.body.id, false)).body).toMatchObject({ active: false });
    expect((await offered()).categories).toContainEqual({ name: `Parking ${run}`, department: null, sub_categories: [] });
    const refusedSub = await call(ticketsRoute, 'POST', '/x', {
      token: emp,
      body: { subject: 'Pass', description: 'Again', category: `Parking ${run}`, sub_category: 'Visitor pass' },
    });
    expect(refusedSub.status).toBe(400);
    expect(refusedSub.body.details.sub_category[0]).toMatch(/no longer offered/);

    await setActive('category', cat.body.id, false);
    expect((await offered()).categories.map((x: { name: string }) => x.name)).not.toContain(`Parking ${run}`);
    const tickets = await snapshot(['helpdesk.tickets']);
    const refused = await call(ticketsRoute, 'POST', '/x', {
      token: emp,
      body: { subject: 'Pass', description: 'Again', category: `Parking ${run}` },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details.category).toEqual([`"Parking ${run}" is no longer offered; choose another category`]);
    expect(await snapshot(['helpdesk.tickets'])).toEqual(tickets);

    // the ticket filed before keeps its category
    const mine = await call(ticketsRoute, 'GET', '/x', { token: emp, query: { search: before.body.ticket_number } });
    expect(mine.body.results[0]).toMatchObject({ category: `Parking ${run}`, sub_category: 'Visitor pass' });

    await setActive('category', cat.body.id, true);
    expect((await offered()).categories.map((x: { name: string }) => x.name)).toContain(`Parking ${run}`);
    expect((await setActive('category', cat.body.id, true)).status).toBe(200);
  });

  it('hides the categories of a retired department, and refuses it for approval', async () => {
    const dep = await add({ kind: 'department', name: `Legal ${run}` });
    await add({ kind: 'category', name: `Contract review ${run}`, department_id: dep.body.id });
    await setActive('department', dep.body.id, false);
    const c = await offered();
    expect(c.departments).not.toContain(`Legal ${run}`);
    expect(c.categories.map((x: { name: string }) => x.name)).not.toContain(`Contract review ${run}`);

    const t = await call(ticketsRoute, 'POST', '/x', {
      token: await tokenFor('employee1'),
      body: { subject: 'NDA', description: 'Please review', category: 'Others' },
    });
    const tickets = await snapshot(['helpdesk.tickets', 'helpdesk.ticket_history']);
    const approve = await call(approveRoute, 'POST', '/x', {
      token: await tokenFor('coordinator1'),
      params: { id: t.body.id },
      body: { priority: 'Low', department: `Legal ${run}` },
    });
    expect(approve.status).toBe(400);
    expect(approve.body.details.department[0]).toMatch(/no longer offered/);
    expect(await snapshot(['helpdesk.tickets', 'helpdesk.ticket_history'])).toEqual(tickets);
  });

  it('keeps an article where it is filed after its category is retired; moving one there is refused', async () => {
    const editor = await makeEditor();
    const cat = await add({ kind: 'category', name: `Travel ${run}`, department_id: null });
    const created = await call(articlesRoute, 'POST', '/x', {
      token: editor.token,
      body: { title: `Booking trips ${run}`, body: 'Use the portal.', category: `Travel ${run}` },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await setActive('category', cat.body.id, false);
    const edited = await call(articleRoute, 'PATCH', '/x', {
      token: editor.token,
      params: { id: created.body.id },
      body: { body: 'Use the new portal.', expected_version: 1 },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const other = await call(articlesRoute, 'POST', '/x', {
      token: editor.token,
      body: { title: `Visas ${run}`, body: 'Ask HR.', category: `Travel ${run}` },
    });
    expect(other.status).toBe(400);
    expect(other.body.details.category).toBeDefined();
  });

  it('refuses bad input with field details and changes nothing', async () => {
    await add({ kind: 'department', name: `Security ${run}` });
    const before = await snapshot(TABLES);
    const cases: [unknown, Record<string, unknown>][] = [
      [{ kind: 'department', name: `Security ${run}` }, { name: [expect.stringMatching(/exists already/)] }],
      [{ kind: 'department', name: '   ' }, { name: ['This field is required'] }],
      [{ kind: 'department', name: 'x'.repeat(65) }, { name: ['At most 64 characters'] }],
      [{ kind: 'category', name: `Orphan ${run}`, department_id: 2_000_000_000 }, { department_id: ['No such department'] }],
      [{ kind: 'sub_category', name: 'Lost', category_id: 2_000_000_000 }, { category_id: ['No such category'] }],
      [{ kind: 'sub_category', name: 'Lost', category_id: 99_999_999_999 }, { category_id: expect.any(Array) }],
      [{ kind: 'galaxy', name: 'Andromeda' }, { kind: expect.any(Array) }],
      [{ kind: 'category', name: 'IT Support', department_id: null }, { name: [expect.stringMatching(/exists already/)] }],
    ];
    for (const [body, details] of cases) {
      const res = await add(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.details, JSON.stringify(body)).toMatchObject(details);
    }
    const missing = await setActive('department', 2_000_000_000, false);
    expect(missing.status).toBe(404);
    const badKind = await call(catalogEntryRoute, 'PATCH', '/x', {
      token: admin,
      params: { kind: 'planet', id: 1 },
      body: { active: 'no' },
    });
    expect(badKind.status).toBe(400);
    expect(badKind.body.details).toMatchObject({ 'params.kind': expect.any(Array) });
    expect(await snapshot(TABLES)).toEqual(before);
  });
});
