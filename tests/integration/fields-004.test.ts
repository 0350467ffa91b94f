/**
 * Issue 16, 004's ticket fields: its own create example works (category INCIDENT files under IT Support;
 * environment, affected_service, impact_level and tags are stored and answered back, and editable); a bad value
 * is a field error that changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v1AssignRoute from '@/app/(api)/hdts/api/v1/tickets/[id]/assign/route';
import * as v1CommentsRoute from '@/app/(api)/hdts/api/v1/tickets/[id]/comments/route';
import * as v1TicketRoute from '@/app/(api)/hdts/api/v1/tickets/[id]/route';
import * as v1TicketsRoute from '@/app/(api)/hdts/api/v1/tickets/route';
import * as healthRoute from '@/app/(api)/hdts/health/route';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, snapshot, tokenFor } from '../helpers/api';
import { HDTS_TABLES } from '../helpers/hdts';

/** 004's "Creating a Ticket" example, as printed. */
const example = {
  title: 'Production database is down',
  description: 'The production PostgreSQL database is not responding. All services are affected. Started at 14:30 UTC.',
  category: 'INCIDENT',
  priority: 'P1',
  environment: 'PRODUCTION',
  affected_service: 'PostgreSQL Database',
  impact_level: 'CRITICAL',
  tags: ['database', 'production', 'outage'],
};

let emp: string;
beforeAll(async () => {
  await startJobs({ workers: false });
  emp = await tokenFor('employee1');
});
afterAll(async () => {
  await stopJobs();
});

describe("004's ticket fields", () => {
  it("004's create example is a 201 with every field stored and answered", async () => {
    const r = await call(v1TicketsRoute, 'POST', '/hdts/api/v1/tickets', { token: emp, body: example });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      subject: example.title,
      category: 'IT Support',
      priority: 'Critical',
      environment: 'PRODUCTION',
      affected_service: 'PostgreSQL Database',
      impact_level: 'CRITICAL',
      tags: ['database', 'production', 'outage'],
      status: 'New',
    });
    const row = await db.ticket.findUniqueOrThrow({ where: { id: r.body.id } });
    expect(row).toMatchObject({ environment: 'PRODUCTION', affectedService: 'PostgreSQL Database', impactLevel: 'CRITICAL' });
    expect(row.tags).toEqual(['database', 'production', 'outage']);

    const got = await call(v1TicketRoute, 'GET', '/x', { token: emp, params: { id: String(r.body.id) } });
    expect(got.body).toMatchObject({ impact_level: 'CRITICAL', tags: ['database', 'production', 'outage'] });

    // the requester corrects them while the ticket is New
    const upd = await call(v1TicketRoute, 'PUT', '/x', {
      token: emp,
      params: { id: String(r.body.id) },
      body: { impact_level: 'high', tags: ['database'], environment: 'STAGING' },
    });
    expect(upd.status, JSON.stringify(upd.body)).toBe(200);
    expect(upd.body).toMatchObject({ impact_level: 'HIGH', tags: ['database'], environment: 'STAGING' });
  });

  it('a ticket without them answers nulls and an empty tag list', async () => {
    const r = await call(v1TicketsRoute, 'POST', '/hdts/api/v1/tickets', {
      token: emp,
      body: { title: 'Mouse broken', description: 'Left button', category: 'IT Support' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ environment: null, affected_service: null, impact_level: null, tags: [] });
  });

  it('an unknown impact level, too many tags and an unknown category are field errors; nothing changes', async () => {
    const before = await snapshot(HDTS_TABLES);
    const bad = await call(v1TicketsRoute, 'POST', '/x', {
      token: emp,
      body: { ...example, impact_level: 'APOCALYPTIC', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
    });
    expect(bad.status, JSON.stringify(bad.body)).toBe(400);
    expect(Object.keys(bad.body.details)).toEqual(expect.arrayContaining(['impact_level', 'tags']));
    const category = await call(v1TicketsRoute, 'POST', '/x', { token: emp, body: { ...example, category: 'OUTAGE' } });
    expect(category.status, JSON.stringify(category.body)).toBe(400);
    expect(category.body.details).toHaveProperty('category');
    expect(await snapshot(HDTS_TABLES)).toEqual(before);
  });
});

describe("004's assign", () => {
  it('takes a user id as a number or numeric string, or an e-mail; a UUID is a field error naming what is accepted', async () => {
    const coord = await tokenFor('coordinator1');
    const t = await call(v1TicketsRoute, 'POST', '/x', { token: emp, body: example });
    const agent = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
    const assign = (assignee_id: unknown) =>
      call(v1AssignRoute, 'PUT', '/x', { token: coord, params: { id: String(t.body.id) }, body: { assignee_id, notes: 'DBA' } });
    const before = await snapshot(HDTS_TABLES);
    const uuid = await assign('550e8400-e29b-41d4-a716-446655440000');
    expect(uuid.status, JSON.stringify(uuid.body)).toBe(400);
    expect(uuid.body.details.assignee_id[0]).toContain('user id (an integer) or the user’s e-mail');
    expect((await assign('nobody@example.com')).status).toBe(400);
    expect(await snapshot(HDTS_TABLES)).toEqual(before);
    const byString = await assign(String(agent.id));
    expect(byString.status, JSON.stringify(byString.body)).toBe(200);
    expect(byString.body.assignee_id).toBe(agent.id);
    const coordinator2 = await db.user.findUniqueOrThrow({ where: { username: 'coordinator2' } });
    const byEmail = await assign(coordinator2.email.toUpperCase());
    expect(byEmail.status, JSON.stringify(byEmail.body)).toBe(200);
    expect(byEmail.body.assignee_id).toBe(coordinator2.id);
    // an employee learns nothing about e-mails: refused before the look-up
    const employee = await call(v1AssignRoute, 'PUT', '/x', {
      token: emp,
      params: { id: String(t.body.id) },
      body: { assignee_id: 'nobody@example.com' },
    });
    expect(employee.status).toBe(403);
  });
});

describe("004's comments", () => {
  it("take content and comment_type and answer with both beside 'comment'; a bad type is a field error", async () => {
    const coord = await tokenFor('coordinator1');
    const t = await call(v1TicketsRoute, 'POST', '/x', { token: emp, body: example });
    const post = (token: string, body: Record<string, unknown>) =>
      call(v1CommentsRoute, 'POST', '/x', { token, params: { id: String(t.body.id) }, body });
    const pub = await post(emp, {
      content: 'Investigating the issue. Database server shows high CPU usage.',
      comment_type: 'COMMENT',
      is_internal: false,
    });
    expect(pub.status, JSON.stringify(pub.body)).toBeLessThan(300);
    expect(pub.body).toMatchObject({
      comment: 'Investigating the issue. Database server shows high CPU usage.',
      content: 'Investigating the issue. Database server shows high CPU usage.',
      comment_type: 'COMMENT',
      is_internal: false,
    });
    const note = await post(coord, { content: 'Paging the DBA', comment_type: 'internal_note' });
    expect(note.status, JSON.stringify(note.body)).toBeLessThan(300);
    expect(note.body).toMatchObject({ is_internal: true, comment_type: 'INTERNAL_NOTE' });
    expect((await db.ticketComment.findUniqueOrThrow({ where: { id: note.body.id } })).isInternal).toBe(true);

    const before = await snapshot(HDTS_TABLES);
    const bad = await post(coord, { content: 'x', comment_type: 'SHOUT' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toHaveProperty('comment_type');
    const disagree = await post(coord, { content: 'x', comment_type: 'COMMENT', is_internal: true });
    expect(disagree.status).toBe(400);
    expect(disagree.body.details).toHaveProperty('comment_type');
    // an employee's internal note is refused as before
    expect((await post(emp, { content: 'x', comment_type: 'INTERNAL' })).status).toBe(403);
    expect(await snapshot(HDTS_TABLES)).toEqual(before);
  });
});

describe("004's health", () => {
  it('answers version and environment beside status, service and checks', async () => {
    const r = await call(healthRoute, 'GET', '/hdts/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', service: 'hdts', version: '1.0.0', environment: 'test' });
    expect(r.body.checks).toMatchObject({ database: 'ok' });
  });
});
