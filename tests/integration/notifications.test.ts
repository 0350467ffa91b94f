import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import * as sendRoute from '@/app/(api)/notifications/api/v1/notifications/send/route';
import * as deliveriesRoute from '@/app/(api)/notifications/api/v2/notifications/deliveries/route';
import * as inappOneRoute from '@/app/(api)/notifications/api/v2/notifications/inapp/[id]/route';
import * as markAllRoute from '@/app/(api)/notifications/api/v2/notifications/inapp/mark-all-read/route';
import * as inappRoute from '@/app/(api)/notifications/api/v2/notifications/inapp/route';
import * as notificationRoute from '@/app/(api)/notifications/notifications/[id]/route';
import * as createRoute from '@/app/(api)/notifications/notifications/route';
import { notifyJob } from '@/lib/domain/notifications/jobs';
import { NOTIFICATION_TYPES } from '@/lib/domain/notifications/schemas';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { call, makeUser, tokenFor } from '../helpers/api';
import { type MatrixRow, runMatrix } from '../helpers/matrix';

const KEY = 'test-service-key-0123456789abcdef';
const TABLES = ['notifications.notifications', 'notifications.email_deliveries'];
const idOf = async (username: string) => (await db.user.findUniqueOrThrow({ where: { username } })).id;
const ROLE_USERNAMES = {
  employee: 'employee1',
  otherEmployee: 'employee2',
  coordinator: 'coordinator1',
  agent: 'agent1',
  admin: 'admin',
  anonymous: 'admin',
} as const;

async function notificationFor(userId: number) {
  return db.notification.create({ data: { userId, type: 'mention', subject: 'Hello', message: 'Hi', dedupeKey: randomUUID() } });
}

/**
 * The two matrix rows of a by-id route (`path` ends in `/x/`, named `{id}`): someone else's notification is
 * invisible (404), your own answers 200. A call with a body changes the notification, so a refused one must
 * leave the tables unchanged.
 */
function byIdRows(
  route: MatrixRow['route'],
  method: MatrixRow['method'],
  path: string,
  body?: Record<string, unknown>,
): MatrixRow[] {
  const name = path.replace(/\/x\/$/, '/{id}/');
  const options = (id: string) => (body ? { params: { id }, body } : { params: { id } });
  const tables = body ? { tables: TABLES } : {};
  return [
    {
      name: `${name} (someone else's)`,
      route,
      method,
      path,
      options: async () => options((await notificationFor((await makeUser([])).id)).id),
      expect: { anonymous: 401, otherwise: 404 },
      ...tables,
    },
    {
      name: `${name} (own)`,
      route,
      method,
      path,
      options: async (role) => options((await notificationFor(await idOf(ROLE_USERNAMES[role]))).id),
      expect: { anonymous: 401, otherwise: 200 },
      ...tables,
    },
  ];
}

afterAll(async () => {
  await stopJobs();
});

describe('authorization matrix: notifications', () => {
  runMatrix([
    {
      name: '/notifications/api/v1/notifications/send/ (no API key)',
      route: sendRoute,
      method: 'POST',
      path: '/notifications/api/v1/notifications/send/',
      options: { body: { user_id: 1, notification_type: 'mention', subject: 'x', message: 'y' } },
      expect: { otherwise: 401 },
      tables: TABLES,
    },
    {
      name: '/notifications/notifications/ (no API key)',
      route: createRoute,
      method: 'POST',
      path: '/notifications/notifications/',
      options: { body: { user_id: 1, type: 'mention', subject: 'x', message: 'y' } },
      expect: { otherwise: 401 },
      tables: TABLES,
    },
    {
      name: '/notifications/api/v2/notifications/inapp/',
      route: inappRoute,
      method: 'GET',
      path: '/notifications/api/v2/notifications/inapp/',
      expect: { anonymous: 401, otherwise: 200 },
    },
    {
      name: '/notifications/notifications/ (own list)',
      route: createRoute,
      method: 'GET',
      path: '/notifications/notifications/',
      expect: { anonymous: 401, otherwise: 200 },
    },
    {
      name: "/notifications/notifications/?user_id= (someone else's list)",
      route: createRoute,
      method: 'GET',
      path: '/notifications/notifications/',
      options: async () => ({ query: { user_id: String((await makeUser([])).id) } }),
      expect: { anonymous: 401, otherwise: 403 },
    },
    ...byIdRows(inappOneRoute, 'PATCH', '/notifications/api/v2/notifications/inapp/x/', { is_read: true }),
    ...byIdRows(notificationRoute, 'GET', '/notifications/notifications/x/'),
    ...byIdRows(notificationRoute, 'PATCH', '/notifications/notifications/x/', { is_read: true }),
    {
      name: '/notifications/api/v2/notifications/inapp/mark-all-read/',
      route: markAllRoute,
      method: 'POST',
      path: '/notifications/api/v2/notifications/inapp/mark-all-read/',
      expect: { anonymous: 401, otherwise: 200 },
      tables: TABLES,
    },
    {
      name: '/notifications/api/v2/notifications/deliveries/',
      route: deliveriesRoute,
      method: 'GET',
      path: '/notifications/api/v2/notifications/deliveries/',
      expect: { anonymous: 401, admin: 200, otherwise: 403 },
    },
  ]);
});

describe('service endpoints (X-API-Key)', () => {
  it('reject a missing or wrong key and change nothing', async () => {
    const user = await makeUser([]);
    for (const headers of [
      {} as Record<string, string>,
      { 'x-api-key': 'wrong-key-0123456789abcdef' },
      { 'x-api-key': `${KEY}x` },
      { 'x-api-key': KEY.slice(0, -1) },
    ]) {
      for (const [mod, path] of [
        [sendRoute, '/notifications/api/v1/notifications/send/'],
        [createRoute, '/notifications/notifications/'],
      ] as const) {
        const res = await call(mod, 'POST', path, {
          headers,
          body: { user_id: user.id, type: 'mention', subject: 's', message: 'm' },
        });
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('UNAUTHENTICATED');
      }
    }
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(0);
  });

  it('send (002) creates an in-app notification for the user named by e-mail', async () => {
    const user = await makeUser([]);
    const res = await call(sendRoute, 'POST', '/notifications/api/v1/notifications/send/', {
      headers: { 'x-api-key': KEY },
      body: {
        user_email: user.email,
        user_name: 'X',
        // 002's own name for it, stored as ours
        notification_type: 'task_assignment',
        context_data: { task_id: 'T-456', task_title: 'Network Issue' },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ success: true, message: 'Notification sent successfully' });
    const rows = await db.notification.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'task_assigned', subject: 'Task assigned: Network Issue', isRead: false });
  });

  it('create (003) answers 201 with the notification id; unknown recipients are a 400', async () => {
    const user = await makeUser([]);
    const res = await call(createRoute, 'POST', '/notifications/notifications/', {
      headers: { 'x-api-key': KEY },
      body: {
        user_id: user.id,
        type: 'assignment',
        subject: 'New Task Assigned',
        message: 'You have been assigned task T1',
        metadata: { task_id: 'x' },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'sent', notification_id: expect.any(String) });
    // 003's `assignment` is stored as task_assigned, so the user's e-mail switch for it applies
    expect((await db.notification.findFirstOrThrow({ where: { userId: user.id } })).type).toBe('task_assigned');
    const bad = await call(createRoute, 'POST', '/notifications/notifications/', {
      headers: { 'x-api-key': KEY },
      body: { user_email: 'nobody@nowhere.test', type: 'assignment', subject: 's', message: 'm' },
    });
    expect(bad.status).toBe(400);
    const invalid = await call(createRoute, 'POST', '/notifications/notifications/', {
      headers: { 'x-api-key': KEY },
      body: { subject: 's' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('VALIDATION_ERROR');
  });
});

describe('in-app notifications', () => {
  it('list only your own, filter by is_read, count unread; mark one and all read', async () => {
    const me = await makeUser([]);
    const other = await makeUser([]);
    const token = await tokenFor(me.username);
    const a = await notificationFor(me.id);
    await notificationFor(me.id);
    await notificationFor(other.id);
    let res = await call(inappRoute, 'GET', '/notifications/api/v2/notifications/inapp/', { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: 2, unread_count: 2 });
    expect(res.body.results[0]).toMatchObject({
      id: expect.any(String),
      subject: 'Hello',
      message: 'Hi',
      is_read: false,
      created_at: expect.any(String),
    });
    const patched = await call(inappOneRoute, 'PATCH', '/x', { token, params: { id: a.id }, body: { is_read: true } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: a.id, is_read: true, read_at: expect.any(String) });
    res = await call(inappRoute, 'GET', '/x', { token, query: { is_read: 'true' } });
    expect(res.body).toMatchObject({ count: 1, unread_count: 1 });
    res = await call(inappRoute, 'GET', '/x', { token, query: { is_read: 'false', page_size: 1 } });
    expect(res.body).toMatchObject({ count: 1, unread_count: 1 });
    const all = await call(markAllRoute, 'POST', '/x', { token });
    expect(all.body).toMatchObject({ updated: 1, unread_count: 0 });
    expect(await db.notification.count({ where: { userId: other.id, isRead: false } })).toBe(1);
  });
});

describe('003: GET /notifications/notifications/', () => {
  it("lists only the caller's notifications with is_read filter and count; another user_id is refused; bad input is a 400", async () => {
    const me = await makeUser([]);
    const other = await makeUser([]);
    const token = await tokenFor(me.username);
    const first = await notificationFor(me.id);
    const second = await notificationFor(me.id);
    await notificationFor(other.id);
    await db.notification.update({ where: { id: first.id }, data: { isRead: true, readAt: new Date() } });
    const path = '/notifications/notifications/';

    const all = await call(createRoute, 'GET', path, { token });
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.count).toBe(2);
    expect(all.body.results.map((n: { notification_id: string }) => n.notification_id).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    expect(all.body.results[0]).toMatchObject({
      notification_id: expect.any(String),
      type: 'mention',
      subject: 'Hello',
      message: 'Hi',
      is_read: expect.any(Boolean),
      created_at: expect.any(String),
    });

    const unread = await call(createRoute, 'GET', path, { token, query: { user_id: String(me.id), is_read: 'false' } });
    expect(unread.status).toBe(200);
    expect(unread.body).toMatchObject({ count: 1, unread_count: 1 });
    expect(unread.body.results[0].notification_id).toBe(second.id);

    const foreign = await call(createRoute, 'GET', path, { token, query: { user_id: String(other.id) } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('FORBIDDEN');

    const bad = await call(createRoute, 'GET', path, { token, query: { user_id: 'abc', is_read: 'maybe' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details)).toEqual(expect.arrayContaining(['query.user_id', 'query.is_read']));
  });
});

describe('003: /notifications/notifications/{id}/', () => {
  it("reads and marks one of your own; someone else's and unknown ids are 404 and unchanged", async () => {
    const me = await makeUser([]);
    const other = await makeUser([]);
    const token = await tokenFor(me.username);
    const mine = await notificationFor(me.id);
    const theirs = await notificationFor(other.id);
    const path = (id: string) => `/notifications/notifications/${id}/`;

    const got = await call(notificationRoute, 'GET', path(mine.id), { token, params: { id: mine.id } });
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body).toMatchObject({
      notification_id: mine.id,
      id: mine.id,
      type: 'mention',
      subject: 'Hello',
      message: 'Hi',
      is_read: false,
      read_at: null,
      created_at: expect.any(String),
    });

    const read = await call(notificationRoute, 'PATCH', path(mine.id), {
      token,
      params: { id: mine.id },
      body: { is_read: true },
    });
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body).toMatchObject({ notification_id: mine.id, is_read: true, read_at: expect.any(String) });
    expect((await db.notification.findUniqueOrThrow({ where: { id: mine.id } })).isRead).toBe(true);
    // marking read again keeps the first read time
    const again = await call(notificationRoute, 'PATCH', path(mine.id), {
      token,
      params: { id: mine.id },
      body: { is_read: true },
    });
    expect(again.body.read_at).toBe(read.body.read_at);

    const unread = await call(notificationRoute, 'PATCH', path(mine.id), {
      token,
      params: { id: mine.id },
      body: { is_read: false },
    });
    expect(unread.status).toBe(200);
    expect(unread.body).toMatchObject({ notification_id: mine.id, is_read: false, read_at: null });
    expect((await call(notificationRoute, 'GET', path(mine.id), { token, params: { id: mine.id } })).body).toMatchObject({
      is_read: false,
      read_at: null,
    });

    const foreignGet = await call(notificationRoute, 'GET', path(theirs.id), { token, params: { id: theirs.id } });
    expect(foreignGet.status).toBe(404);
    expect(foreignGet.body.code).toBe('NOT_FOUND');
    const foreignPatch = await call(notificationRoute, 'PATCH', path(theirs.id), {
      token,
      params: { id: theirs.id },
      body: { is_read: true },
    });
    expect(foreignPatch.status).toBe(404);
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).isRead).toBe(false);

    const unknown = randomUUID();
    expect((await call(notificationRoute, 'GET', path(unknown), { token, params: { id: unknown } })).status).toBe(404);
    const invalid = await call(notificationRoute, 'GET', path('12'), { token, params: { id: '12' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('VALIDATION_ERROR');
    const badBody = await call(notificationRoute, 'PATCH', path(mine.id), {
      token,
      params: { id: mine.id },
      body: { is_read: 'yes' },
    });
    expect(badBody.status).toBe(400);
    expect((await call(notificationRoute, 'DELETE', path(mine.id), { token, params: { id: mine.id } })).status).toBe(405);
  });
});

describe('notifications.notify job', () => {
  it('creates each notification once however often it runs, and one e-mail job per opted-in recipient', async () => {
    const a = await makeUser([]);
    const b = await makeUser([]);
    await db.user.update({ where: { id: b.id }, data: { emailPreferences: { [NOTIFICATION_TYPES.taskAssigned]: false } } });
    const payload = {
      user_ids: [a.id, b.id],
      type: NOTIFICATION_TYPES.taskAssigned,
      title: 'New task',
      message: 'You have a new task',
      ticket_number: 'TX20261122000001',
      dedupe_key: `test:${randomUUID()}`,
    };
    await notifyJob.handler(payload, { id: 'j1', retryCount: 0 });
    await notifyJob.handler(payload, { id: 'j1', retryCount: 1 });
    const rows = await db.notification.findMany({ where: { dedupeKey: payload.dedupe_key } });
    expect(rows.map((r) => r.userId).sort()).toEqual([a.id, b.id].sort());
    expect(rows[0]).toMatchObject({ ticketNumber: 'TX20261122000001', link: '/tickets/TX20261122000001/conversation' });
    const emailJobs = await db.$queryRaw<{ notification_id: string }[]>`
      SELECT data->>'notification_id' AS notification_id FROM pgboss.job WHERE name = 'notifications.email' AND data->>'notification_id' = ANY(${rows.map((r) => r.id)})`;
    expect(emailJobs.map((j) => j.notification_id)).toEqual([rows.find((r) => r.userId === a.id)?.id]);
  });

  it('a batch of notify jobs creates the same rows and e-mail jobs as one job at a time, each once', async () => {
    const a = await makeUser([]);
    const b = await makeUser([]);
    await db.user.update({ where: { id: b.id }, data: { emailPreferences: { [NOTIFICATION_TYPES.taskAssigned]: false } } });
    const base = { type: NOTIFICATION_TYPES.taskAssigned, title: 'New task', message: 'You have a new task' };
    const first = { ...base, user_ids: [a.id, b.id], ticket_number: 'TX20261122000001', dedupe_key: `test:${randomUUID()}` };
    const second = { ...base, user_ids: [a.id], link: '/agent/tasks/1', dedupe_key: `test:${randomUUID()}` };
    // the same first payload twice in the batch (a re-delivered job) and the batch run twice
    await notifyJob.batchHandler?.([first, second, first]);
    await notifyJob.batchHandler?.([first, second]);
    const rows = await db.notification.findMany({ where: { dedupeKey: { in: [first.dedupe_key, second.dedupe_key] } } });
    expect(rows.map((r) => `${r.dedupeKey === first.dedupe_key ? 'first' : 'second'}:${r.userId}`).sort()).toEqual(
      [`first:${a.id}`, `first:${b.id}`, `second:${a.id}`].sort(),
    );
    expect(rows.find((r) => r.dedupeKey === second.dedupe_key)).toMatchObject({ link: '/agent/tasks/1', ticketNumber: null });
    const emailJobs = await db.$queryRaw<{ notification_id: string }[]>`
      SELECT data->>'notification_id' AS notification_id FROM pgboss.job WHERE name = 'notifications.email' AND data->>'notification_id' = ANY(${rows.map((r) => r.id)})`;
    expect(emailJobs.map((j) => j.notification_id).sort()).toEqual(
      rows
        .filter((r) => r.userId === a.id)
        .map((r) => r.id)
        .sort(),
    );
  });
});
