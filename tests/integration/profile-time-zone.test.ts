import { describe, expect, it } from 'vitest';
import * as profileRoute from '@/app/(api)/auth/api/v1/users/profile/route';
import * as tokenRoute from '@/app/(api)/auth/token/route';
import { loadActor } from '@/lib/domain/identity/queries';
import { db } from '@/lib/server/db';
import { call, makeUser, PASSWORD, snapshot } from '../helpers/api';

async function accessFor(username: string) {
  const res = await call(tokenRoute, 'POST', '/auth/token/', { body: { username, password: PASSWORD } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.access as string;
}

describe('profile time zone (issue 19)', () => {
  it('defaults to the browser (null), stores a known IANA zone in its canonical spelling, and clears again', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const access = await accessFor(user.username);
    const initial = await call(profileRoute, 'GET', '/', { token: access });
    expect(initial.body.time_zone).toBeNull();
    expect((await loadActor(user.id))?.timeZone).toBeUndefined();

    const set = await call(profileRoute, 'PATCH', '/', { token: access, body: { time_zone: 'europe/berlin' } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.time_zone).toBe('Europe/Berlin');
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).timeZone).toBe('Europe/Berlin');
    // the session's actor (what pages render times with) sees the change at once
    expect((await loadActor(user.id))?.timeZone).toBe('Europe/Berlin');
    const audit = await db.auditLog.findFirst({
      where: { action: 'profile_updated', entityId: String(user.id) },
      orderBy: { id: 'desc' },
    });
    expect(audit?.oldValues).toMatchObject({ time_zone: null });

    const cleared = await call(profileRoute, 'PATCH', '/', { token: access, body: { time_zone: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.time_zone).toBeNull();
    expect((await loadActor(user.id))?.timeZone).toBeUndefined();
  });

  it('refuses an unknown zone with 400 and the field named, changing nothing', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const access = await accessFor(user.username);
    await call(profileRoute, 'PATCH', '/', { token: access, body: { time_zone: 'America/New_York' } });
    for (const bad of ['Mars/Olympus_Mons', 'Europe/Berlin; DROP TABLE', '', 'x'.repeat(65), 42]) {
      const before = await snapshot(['identity.users', 'audit.audit_log']);
      const res = await call(profileRoute, 'PATCH', '/', { token: access, body: { first_name: 'Changed', time_zone: bad } });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body).toMatchObject({ status: 'error', code: 'VALIDATION_ERROR', details: { trace_id: expect.any(String) } });
      expect(res.body.details.time_zone).toHaveLength(1);
      expect(await snapshot(['identity.users', 'audit.audit_log'])).toEqual(before);
    }
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.timeZone).toBe('America/New_York');
    expect(row.firstName).toBe(user.firstName);
  });
});
