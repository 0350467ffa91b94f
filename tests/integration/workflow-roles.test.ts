/** Workflow roles: create, rename, deactivate (refused while a live workflow uses them), reactivate; members. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as assignRoute from '@/app/(api)/auth/api/v1/user-roles/route';
import * as roleRoute from '@/app/(api)/tts/roles/[role_id]/route';
import * as rolesRoute from '@/app/(api)/tts/roles/route';
import * as deployRoute from '@/app/(api)/tts/workflows/[id]/deploy/route';
import * as workflowRoute from '@/app/(api)/tts/workflows/[id]/route';
import * as workflowsRoute from '@/app/(api)/tts/workflows/route';
import { toActor } from '@/lib/domain/identity/queries';
import { workflowRolesOverview } from '@/lib/domain/workflow/roles';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, makeUser, snapshot, tokenFor } from '../helpers/api';
import { roleWithMembers, threeStepWorkflow } from './workflow-support';

const ROLE_TABLES = ['identity.roles', 'identity.user_roles', 'audit.audit_log'];

beforeAll(async () => {
  await startJobs({ workers: false });
});
afterAll(async () => {
  await stopJobs();
});

const patch = async (id: number, body: Record<string, unknown>) =>
  call(roleRoute, 'PATCH', `/tts/roles/${id}/`, { token: await tokenFor('admin'), params: { role_id: id }, body });

describe('workflow roles', () => {
  it('creates the TTS "Reviewer" role, lists it for steps once it has a member, and refuses a duplicate name', async () => {
    const admin = await tokenFor('admin');
    const created = await call(rolesRoute, 'POST', '/tts/roles/', {
      token: admin,
      body: { name: '  Reviewer ', description: 'Reviews resolutions' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Reviewer', description: 'Reviews resolutions', is_active: true });
    const row = await db.role.findUniqueOrThrow({ where: { id: created.body.role_id } });
    expect(row.system).toBe('tts');
    expect(await db.auditLog.count({ where: { action: 'role_created', entityId: String(row.id) } })).toBe(1);

    const user = await makeUser([]);
    const added = await call(assignRoute, 'POST', '/auth/api/v1/user-roles/', {
      token: admin,
      body: { user_id: user.id, role_id: row.id, system: 'tts' },
    });
    expect(added.status).toBe(201);
    const listed = await call(rolesRoute, 'GET', '/tts/roles/', { token: admin });
    expect(listed.body).toContainEqual({ role_id: row.id, name: 'Reviewer', active_members: 1 });

    const before = await snapshot(ROLE_TABLES);
    const dup = await call(rolesRoute, 'POST', '/tts/roles/', { token: admin, body: { name: 'reviewer' } });
    expect(dup.status).toBe(409);
    expect(dup.body.details.name).toEqual(['This name is taken']);
    expect(await snapshot(ROLE_TABLES)).toEqual(before);
  });

  it('bad input is a 400 naming the field and changes nothing', async () => {
    const admin = await tokenFor('admin');
    const before = await snapshot(ROLE_TABLES);
    const empty = await call(rolesRoute, 'POST', '/tts/roles/', { token: admin, body: { name: '   ' } });
    expect(empty.status).toBe(400);
    expect(empty.body.details.name).toBeDefined();
    const long = await call(rolesRoute, 'POST', '/tts/roles/', { token: admin, body: { name: 'x'.repeat(101) } });
    expect(long.status).toBe(400);
    const { role } = await roleWithMembers(0, 'Strict');
    const after = await snapshot(ROLE_TABLES);
    const unknown = await patch(role.id, { system: 'hdts' });
    expect(unknown.status).toBe(400);
    expect(await snapshot(ROLE_TABLES)).toEqual(after);
    expect(before['identity.user_roles']).toEqual(after['identity.user_roles']);
  });

  it('renames a role; a name another role has is a 409; an HDTS role or a missing one is 404', async () => {
    const { role } = await roleWithMembers(1, 'Rename');
    const other = await roleWithMembers(0, 'Other');
    const renamed = await patch(role.id, { name: `${role.name} renamed` });
    expect(renamed.status).toBe(200);
    expect((await db.role.findUniqueOrThrow({ where: { id: role.id } })).name).toBe(`${role.name} renamed`);
    const taken = await patch(role.id, { name: other.role.name.toUpperCase() });
    expect(taken.status).toBe(409);
    const hdts = await db.role.findFirstOrThrow({ where: { system: 'hdts' } });
    expect((await patch(hdts.id, { name: 'Hijacked' })).status).toBe(404);
    expect((await patch(999_999, { name: 'Nobody' })).status).toBe(404);
  });

  it('the workflow Admin role can be neither renamed nor deactivated', async () => {
    const admin = await db.role.findUniqueOrThrow({ where: { system_name: { system: 'tts', name: 'Admin' } } });
    const before = await snapshot(ROLE_TABLES);
    expect((await patch(admin.id, { is_active: false })).status).toBe(400);
    expect((await patch(admin.id, { name: 'Boss' })).status).toBe(400);
    expect(await snapshot(ROLE_TABLES)).toEqual(before);
  });

  it('a role used by a deployed workflow cannot be deactivated (409 naming the steps); once moved it can', async () => {
    const wf = await threeStepWorkflow();
    const id = wf.roles.resolution.role.id;
    const before = await snapshot(ROLE_TABLES);
    const refused = await patch(id, { is_active: false });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code ?? refused.body.code).toBe('ROLE_IN_USE');
    expect(JSON.stringify(refused.body.details.steps)).toContain('Resolution');
    expect(await snapshot(ROLE_TABLES)).toEqual(before);

    // an escalate-to role counts too
    expect((await patch(wf.roles.escalation.role.id, { is_active: false })).status).toBe(409);

    // move the Resolution step to another role, then deactivate
    const admin = await tokenFor('admin');
    const detail = await call(workflowRoute, 'GET', `/tts/workflows/${wf.id}/`, { token: admin, params: { id: wf.id } });
    const steps = detail.body.steps.map((s: Record<string, unknown>) => ({
      name: s.name,
      role_id: s.role_id === id ? wf.roles.triage.role.id : s.role_id,
      escalate_to_role_id: s.escalate_to_role_id,
      weight: s.weight,
      is_start: s.is_start,
      is_end: s.is_end,
    }));
    const transitions = detail.body.transitions.map(
      (t: { from_step: { name: string }; to_step: { name: string }; name: string }) => ({
        from_step: t.from_step.name,
        to_step: t.to_step.name,
        name: t.name,
      }),
    );
    const saved = await call(workflowRoute, 'PUT', `/tts/workflows/${wf.id}/`, {
      token: admin,
      params: { id: wf.id },
      body: { steps, transitions },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const ok = await patch(id, { is_active: false });
    expect(ok.status).toBe(200);
    expect(ok.body.is_active).toBe(false);
    expect(await db.auditLog.count({ where: { action: 'role_deactivated', entityId: String(id) } })).toBe(1);
  });

  it('a deactivated role is offered to no step, cannot get members, fails a deploy, and can be reactivated', async () => {
    const { role } = await roleWithMembers(1, 'Retired');
    expect((await patch(role.id, { is_active: false })).status).toBe(200);
    const admin = await tokenFor('admin');
    const listed = await call(rolesRoute, 'GET', '/tts/roles/', { token: admin });
    expect(listed.body.some((r: { role_id: number }) => r.role_id === role.id)).toBe(false);

    const user = await makeUser([]);
    const before = await snapshot(ROLE_TABLES);
    const add = await call(assignRoute, 'POST', '/auth/api/v1/user-roles/', {
      token: admin,
      body: { user_id: user.id, role_id: role.id, system: 'tts' },
    });
    expect(add.status).toBe(400);
    expect(add.body.details.role_id[0]).toContain('deactivated');
    expect(await snapshot(ROLE_TABLES)).toEqual(before);

    const draft = await call(workflowsRoute, 'POST', '/tts/workflows/', {
      token: admin,
      body: {
        name: 'Uses a retired role',
        department: `Retired ${Date.now()}`,
        category: 'IT Support',
        steps: [{ name: 'Only', role_id: role.id, is_start: true, is_end: true }],
      },
    });
    expect(draft.status).toBe(201);
    const deploy = await call(deployRoute, 'POST', `/tts/workflows/${draft.body.workflow_id}/deploy/`, {
      token: admin,
      params: { id: draft.body.workflow_id },
    });
    expect(deploy.status).toBe(400);
    expect(deploy.body.details.problems.join(' ')).toContain('is deactivated');

    expect((await patch(role.id, { is_active: true })).status).toBe(200);
    const adminUser = await db.user.findUniqueOrThrow({
      where: { username: 'admin' },
      include: { roles: { include: { role: true } } },
    });
    const overview = await workflowRolesOverview(toActor(adminUser));
    expect(overview.find((r) => r.role_id === role.id)).toMatchObject({ is_active: true, members: [expect.any(Object)] });
  });
});
