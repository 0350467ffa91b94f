/** What the designer relies on: bad graphs are 400s naming the node or edge; Deploy knows when there is work to do. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as deployRoute from '@/app/(api)/tts/workflows/[id]/deploy/route';
import * as workflowRoute from '@/app/(api)/tts/workflows/[id]/route';
import * as workflowsRoute from '@/app/(api)/tts/workflows/route';
import { toActor } from '@/lib/domain/identity/queries';
import { hasUndeployedChanges } from '@/lib/domain/workflow/workflow-queries';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, snapshot, tokenFor } from '../helpers/api';
import { roleWithMembers, threeStepWorkflow, WORKFLOW_TABLES } from './workflow-support';

beforeAll(async () => {
  await startJobs({ workers: false });
});
afterAll(async () => {
  await stopJobs();
});

async function adminActor() {
  return toActor(
    await db.user.findUniqueOrThrow({ where: { username: 'admin' }, include: { roles: { include: { role: true } } } }),
  );
}

describe('designer graphs', () => {
  it('a duplicate action out of one step, an edge to a missing step or an unknown role is a 400 naming it; nothing saved', async () => {
    const { role } = await roleWithMembers(1, 'Graph');
    const admin = await tokenFor('admin');
    const base = {
      name: 'Bad graph',
      department: `Graph ${Date.now()}`,
      category: 'IT Support',
      steps: [
        { name: 'A', role_id: role.id, is_start: true },
        { name: 'B', role_id: role.id, is_end: true },
      ],
    };
    const before = await snapshot(WORKFLOW_TABLES);
    const dup = await call(workflowsRoute, 'POST', '/tts/workflows/', {
      token: admin,
      body: {
        ...base,
        transitions: [
          { from_step: 'A', to_step: 'B', name: 'approve' },
          { from_step: 'A', to_step: 'A', name: 'Approve' },
        ],
      },
    });
    expect(dup.status).toBe(400);
    expect(dup.body.details['transitions.1.name'][0]).toContain('already named "Approve"');

    const missing = await call(workflowsRoute, 'POST', '/tts/workflows/', {
      token: admin,
      body: { ...base, transitions: [{ from_step: 'A', to_step: 'Z', name: 'go' }] },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.details['transitions.0.to_step'][0]).toContain('"Z"');

    const unknownRole = await call(workflowsRoute, 'POST', '/tts/workflows/', {
      token: admin,
      body: { ...base, steps: [{ name: 'A', role_id: 987_654, is_start: true, is_end: true }] },
    });
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.body.details['steps.0.role_id']).toBeDefined();
    expect(await snapshot(WORKFLOW_TABLES)).toEqual(before);
  });

  it('two start steps cannot be deployed: the 400 names both, and no version is frozen', async () => {
    const { role } = await roleWithMembers(1, 'Starts');
    const admin = await tokenFor('admin');
    const created = await call(workflowsRoute, 'POST', '/tts/workflows/', {
      token: admin,
      body: {
        name: 'Two starts',
        department: `Starts ${Date.now()}`,
        category: 'IT Support',
        steps: [
          { name: 'First', role_id: role.id, is_start: true },
          { name: 'Second', role_id: role.id, is_end: true },
        ],
        transitions: [{ from_step: 'First', to_step: 'Second', name: 'go' }],
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.workflow_id;
    // Saving refuses a second start (workflow-versions.test.ts); a definition saved before that rule can still
    // have one, and deploy refuses it.
    await db.workflowStep.updateMany({ where: { workflowId: id, name: 'Second' }, data: { isStart: true } });
    const before = await snapshot(WORKFLOW_TABLES);
    const deploy = await call(deployRoute, 'POST', `/tts/workflows/${id}/deploy/`, { token: admin, params: { id } });
    expect(deploy.status).toBe(400);
    expect(deploy.body.details.problems).toContain('More than one start step: First, Second');
    expect(await snapshot(WORKFLOW_TABLES)).toEqual(before);
  });

  it('Deploy has work to do before the first deploy and after a saved change, not right after a deploy', async () => {
    const wf = await threeStepWorkflow({ deploy: false });
    const actor = await adminActor();
    expect(await hasUndeployedChanges(actor, wf.id)).toBe(true);
    const admin = await tokenFor('admin');
    expect(
      (await call(deployRoute, 'POST', `/tts/workflows/${wf.id}/deploy/`, { token: admin, params: { id: wf.id } })).status,
    ).toBe(200);
    expect(await hasUndeployedChanges(actor, wf.id)).toBe(false);
    // saving the same definition again (steps are rewritten with new ids) is still nothing to deploy
    const detail = await call(workflowRoute, 'GET', `/tts/workflows/${wf.id}/`, { token: admin, params: { id: wf.id } });
    const steps = detail.body.steps.map((s: Record<string, unknown>) => ({
      name: s.name,
      description: s.description,
      instruction: s.instruction,
      role_id: s.role_id,
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
    const put = (body: Record<string, unknown>) =>
      call(workflowRoute, 'PUT', `/tts/workflows/${wf.id}/`, { token: admin, params: { id: wf.id }, body });
    expect((await put({ steps, transitions })).status).toBe(200);
    expect(await hasUndeployedChanges(actor, wf.id)).toBe(false);
    expect((await put({ high_sla: 'PT6H' })).status).toBe(200);
    expect(await hasUndeployedChanges(actor, wf.id)).toBe(true);
  });
});
