import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as hdtsCommentsRoute from '@/app/(api)/hdts/api/tickets/[id]/comments/route';
import * as ticketRoute from '@/app/(api)/hdts/api/tickets/[id]/route';
import * as commentRoute from '@/app/(api)/messaging/api/comments/[id]/route';
import * as commentsRoute from '@/app/(api)/messaging/api/comments/route';
import * as messagesRoute from '@/app/(api)/messaging/api/messages/ticket/[ticket_id]/route';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { call, snapshot, tokenFor } from '../helpers/api';
import { notifyJobs, threadTicket, userIds } from '../helpers/thread';

/** One thread per ticket: every comment API reads and writes the same rows, with the same visibility rules. */
const TABLES = ['helpdesk.ticket_comments', 'helpdesk.ticket_history', 'audit.audit_log', 'pgboss.job'];
let ids: Record<string, number>;
const tok: Record<string, string> = {};

beforeAll(async () => {
  ids = await userIds('employee1', 'employee2', 'coordinator1', 'agent1');
  for (const u of ['employee1', 'employee2', 'coordinator1', 'agent1']) tok[u] = await tokenFor(u);
});
afterAll(async () => {
  await stopJobs();
});

const hdtsPost = (who: string, id: number, body: object) =>
  call(hdtsCommentsRoute, 'POST', `/hdts/api/tickets/${id}/comments/`, { token: tok[who], params: { id }, body });
const hdtsList = (who: string, id: number, query: Record<string, string> = {}) =>
  call(hdtsCommentsRoute, 'GET', `/hdts/api/tickets/${id}/comments/`, { token: tok[who], params: { id }, query });
const msgList = (who: string, n: string, visibility = 'all') =>
  call(commentsRoute, 'GET', '/messaging/api/comments/', { token: tok[who], query: { ticket_id: n, visibility } });
const detail = (who: string, id: number) =>
  call(ticketRoute, 'GET', `/hdts/api/tickets/${id}/`, { token: tok[who], params: { id } });

describe('one thread, every API', () => {
  it('a comment written through any API is read through every other; internal ones never reach the requester', async () => {
    const t = await threadTicket();
    // help desk API (employee), messaging API (agent, public and internal), the chat (coordinator)
    const a = await hdtsPost('employee1', t.id, { comment: 'My VPN drops' });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const b = await call(commentsRoute, 'POST', '/x', {
      token: tok.agent1,
      body: { ticket_id: t.number, text: 'Please restart the client', parent_id: a.body.id },
    });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    const c = await call(commentsRoute, 'POST', '/x', {
      token: tok.agent1,
      body: { ticket_id: t.number, text: 'SECRET looks like the gateway', is_internal: true },
    });
    const d = await call(messagesRoute, 'POST', '/x', {
      token: tok.coordinator1,
      params: { ticket_id: t.number },
      body: { text: 'SECRET check the gateway logs' },
    });
    expect([c.status, d.status]).toEqual([201, 201]);

    // staff read all four through every API
    const staffHdts = await hdtsList('coordinator1', t.id);
    expect(staffHdts.body.results.map((r: { comment: string }) => r.comment)).toEqual([
      'My VPN drops',
      'Please restart the client',
      'SECRET looks like the gateway',
      'SECRET check the gateway logs',
    ]);
    expect(staffHdts.body.results[1]).toMatchObject({ parent_id: a.body.id, is_internal: false });
    const staffMsg = await msgList('agent1', t.number);
    expect(staffMsg.body.results.map((r: { text: string }) => r.text)).toEqual([
      'My VPN drops',
      'SECRET looks like the gateway',
      'SECRET check the gateway logs',
    ]);
    expect(staffMsg.body.results[0].replies.map((r: { text: string }) => r.text)).toEqual(['Please restart the client']);
    const chat = await call(messagesRoute, 'GET', '/x', { token: tok.agent1, params: { ticket_id: t.number } });
    expect(chat.body.results.map((m: { text: string }) => m.text)).toEqual([
      'SECRET looks like the gateway',
      'SECRET check the gateway logs',
    ]);
    const staffDetail = await detail('agent1', t.id);
    expect(staffDetail.body.comments_count).toBe(4);

    // the requester reads the public side only, through every API
    const empHdts = await hdtsList('employee1', t.id);
    expect(empHdts.body.results.map((r: { id: number }) => r.id)).toEqual([a.body.id, b.body.id]);
    const empMsg = await msgList('employee1', t.number);
    expect(empMsg.body.count).toBe(1);
    expect((await msgList('employee1', t.number, 'internal')).body.count).toBe(1);
    const empDetail = await detail('employee1', t.id);
    expect(empDetail.body.comments_count).toBe(2);
    expect(JSON.stringify([empHdts.body, empMsg.body, empDetail.body])).not.toContain('SECRET');
    const one = await call(commentRoute, 'GET', '/x', { token: tok.employee1, params: { id: c.body.id } });
    expect(one.status).toBe(404);
    const chatAsEmployee = await call(messagesRoute, 'GET', '/x', { token: tok.employee1, params: { ticket_id: t.number } });
    expect(chatAsEmployee.status).toBe(403);
    // the requester's history says a comment was added, never which one
    const history = await db.ticketHistory.findMany({ where: { ticketId: t.id, type: 'COMMENT_ADDED' } });
    expect(history.map((h) => h.newValue)).toEqual([null, null, null, null]);
    expect(history.filter((h) => h.isPublic)).toHaveLength(2);
  });

  it('the ticket detail carries the newest 50 comments; older ones page in with ?before=', async () => {
    const t = await threadTicket({ owner: null, assignee: null });
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    await db.ticketComment.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ ticketId: ticket.id, authorId: ids.employee1, body: `c${i + 1}` })),
    });
    const d = await detail('employee1', t.id);
    expect(d.body.comments_count).toBe(60);
    expect(d.body.comments).toHaveLength(50);
    expect(d.body.comments[0].comment).toBe('c11');
    expect(d.body.comments[49].comment).toBe('c60');
    const older = await hdtsList('employee1', t.id, { before: String(d.body.comments[0].id), page_size: '50' });
    expect(older.body.results.map((c: { comment: string }) => c.comment)).toEqual(
      Array.from({ length: 10 }, (_, i) => `c${i + 1}`),
    );
  });
});

describe('replies notify the people on the ticket (never the author)', () => {
  const latest = async (n: string, type: string) => (await notifyJobs(n)).filter((j) => j.type === type);

  it('staff public reply → requester; requester reply → owner and assignee; internal note → staff only', async () => {
    const t = await threadTicket(); // employee1, owned by coordinator1, assigned to agent1
    await hdtsPost('agent1', t.id, { comment: 'Fixed, please check' });
    let pub = await latest(t.number, 'comment_public');
    expect(pub).toHaveLength(1);
    expect(pub[0]).toMatchObject({ user_ids: [ids.employee1], link: `/tickets/${t.number}/conversation` });

    await hdtsPost('employee1', t.id, { comment: 'Still broken' });
    pub = await latest(t.number, 'comment_public');
    expect(pub).toHaveLength(2);
    expect([...pub[1].user_ids].sort()).toEqual([ids.coordinator1, ids.agent1].sort());

    await hdtsPost('coordinator1', t.id, { comment: 'SECRET escalate?', is_internal: true });
    const internal = await latest(t.number, 'comment_internal');
    expect(internal).toHaveLength(1);
    expect(internal[0].user_ids).toEqual([ids.agent1]);
    const all = await notifyJobs(t.number);
    expect(all.filter((j) => j.user_ids.includes(ids.employee1) && j.message.includes('SECRET'))).toEqual([]);
  });
});

describe('bad input changes nothing', () => {
  it('a reply to a ticket the caller cannot see is a 404; an internal note by a requester is a 403', async () => {
    const t = await threadTicket();
    const before = await snapshot(TABLES);
    const hidden = await hdtsPost('employee2', t.id, { comment: 'hello' });
    expect(hidden.status).toBe(404);
    const hiddenMsg = await call(commentsRoute, 'POST', '/x', {
      token: tok.employee2,
      body: { ticket_id: t.number, text: 'hello' },
    });
    expect(hiddenMsg.status).toBe(404);
    const internal = await hdtsPost('employee1', t.id, { comment: 'let me in', is_internal: true });
    expect(internal.status).toBe(403);
    const internalMsg = await call(commentsRoute, 'POST', '/x', {
      token: tok.employee1,
      body: { ticket_id: t.number, text: 'let me in', is_internal: true },
    });
    expect(internalMsg.status).toBe(403);
    const blank = await hdtsPost('employee1', t.id, { comment: '   ' });
    expect(blank.status).toBe(400);
    expect(await snapshot(TABLES)).toEqual(before);
  });
});

describe('migration 20261201214450_one_ticket_thread', () => {
  it('moves messaging comments (authors, times, parents, ratings, attachments) and chat messages into the one thread', async () => {
    const t = await threadTicket({ owner: null, assignee: null });
    const sql = fs.readFileSync(
      path.join(process.cwd(), 'prisma/migrations/20261201214450_one_ticket_thread/migration.sql'),
      'utf8',
    );
    const move = sql.slice(sql.indexOf('-- Move the data'));
    await db.$transaction(async (tx) => {
      // the messaging tables as they were before the migration
      await tx.$executeRawUnsafe(`CREATE TABLE messaging.comments (id serial PRIMARY KEY, ticket_number varchar(20) NOT NULL,
        user_id int NOT NULL, username varchar(150) NOT NULL, text text NOT NULL, parent_id int, is_internal boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL, updated_at timestamptz(3) NOT NULL)`);
      await tx.$executeRawUnsafe(`CREATE TABLE messaging.comment_ratings (id serial PRIMARY KEY, comment_id int NOT NULL, user_id int NOT NULL,
        value varchar(4) NOT NULL, created_at timestamptz(3) NOT NULL DEFAULT now(), updated_at timestamptz(3) NOT NULL DEFAULT now())`);
      await tx.$executeRawUnsafe(`CREATE TABLE messaging.comment_attachments (id serial PRIMARY KEY, comment_id int NOT NULL, file_name varchar(255) NOT NULL,
        content_type varchar(127) NOT NULL, size int NOT NULL, sha256 char(64) NOT NULL, storage_path text NOT NULL, uploaded_by int NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now())`);
      await tx.$executeRawUnsafe(`CREATE TABLE messaging.ticket_messages (id serial PRIMARY KEY, ticket_number varchar(20) NOT NULL, user_id int NOT NULL,
        username varchar(150) NOT NULL, text text NOT NULL, edited_at timestamptz(3), unsent_at timestamptz(3), created_at timestamptz(3) NOT NULL)`);
      await tx.$executeRawUnsafe(`INSERT INTO messaging.comments (id, ticket_number, user_id, username, text, parent_id, is_internal, created_at, updated_at) VALUES
        (501, '${t.number}', ${ids.agent1}, 'agent1', 'Top', NULL, false, '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z'),
        (502, '${t.number}', ${ids.employee1}, 'employee1', 'Reply', 501, false, '2026-11-01T11:00:00Z', '2026-11-01T12:00:00Z'),
        (503, 'TX20990101000001', ${ids.agent1}, 'agent1', 'Orphan', NULL, false, '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z')`);
      await tx.$executeRawUnsafe(
        `INSERT INTO messaging.comment_ratings (comment_id, user_id, value) VALUES (501, ${ids.employee1}, 'up')`,
      );
      await tx.$executeRawUnsafe(`INSERT INTO messaging.comment_attachments (comment_id, file_name, content_type, size, sha256, storage_path, uploaded_by)
        VALUES (501, 'log.txt', 'text/plain', 3, '${'a'.repeat(64)}', 'stored-1', ${ids.agent1})`);
      await tx.$executeRawUnsafe(`INSERT INTO messaging.ticket_messages (ticket_number, user_id, username, text, unsent_at, created_at) VALUES
        ('${t.number}', ${ids.coordinator1}, 'coordinator1', 'Chat', NULL, '2026-11-01T13:00:00Z'),
        ('${t.number}', ${ids.agent1}, 'agent1', '', '2026-11-01T14:30:00Z', '2026-11-01T14:00:00Z')`);
      for (const stmt of move.split(';').map((s) => s.trim())) {
        if (stmt.replace(/--[^\n]*\n?/g, '').trim()) await tx.$executeRawUnsafe(stmt);
      }
    });
    const rows = await db.ticketComment.findMany({
      where: { ticketId: t.id },
      orderBy: { id: 'asc' },
      include: { ratings: true, attachments: true },
    });
    expect(rows.map((r) => [r.body, r.authorId, r.isInternal, r.createdAt.toISOString()])).toEqual([
      ['Top', ids.agent1, false, '2026-11-01T10:00:00.000Z'],
      ['Reply', ids.employee1, false, '2026-11-01T11:00:00.000Z'],
      ['Chat', ids.coordinator1, true, '2026-11-01T13:00:00.000Z'],
      ['', ids.agent1, true, '2026-11-01T14:00:00.000Z'],
    ]);
    expect(rows[1].parentId).toBe(rows[0].id);
    expect(rows[1].editedAt?.toISOString()).toBe('2026-11-01T12:00:00.000Z');
    expect(rows[0].ratings.map((r) => [r.userId, r.value])).toEqual([[ids.employee1, 'up']]);
    expect(rows[0].attachments.map((a) => [a.fileName, a.storagePath])).toEqual([['log.txt', 'stored-1']]);
    expect(rows[3].unsentAt?.toISOString()).toBe('2026-11-01T14:30:00.000Z');
    const left = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'messaging' AND table_name IN ('comments', 'ticket_messages')`;
    expect(left[0].n).toBe(0);
  });
});
