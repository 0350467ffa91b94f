/** Versions (list, diff, restore), in-flight tasks across deploys, the dry run that writes nothing, bad graphs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as deployRoute from '@/app/(api)/tts/workflows/[id]/deploy/route';
import * as dryRunRoute from '@/app/(api)/tts/workflows/[id]/dry-run/route';
import * as workflowRoute from '@/app/(api)/tts/workflows/[id]/route';
import * as restoreRoute from '@/app/(api)/tts/workflows/[id]/versions/[version]/restore/route';
import * as versionRoute from '@/app/(api)/tts/workflows/[id]/versions/[version]/route';
import * as diffRoute from '@/app/(api)/tts/workflows/[id]/versions/diff/route';
import * as versionsRoute from '@/app/(api)/tts/workflows/[id]/versions/route';
import * as workflowsRoute from '@/app/(api)/tts/workflows/route';
import { processTicket, rolePool } from '@/lib/domain/workflow/routing';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, snapshot, tokenFor } from '../helpers/api';
import { payload, roleWithMembers, threeStepWorkflow, WORKFLOW_TABLES } from './workflow-support';

beforeAll(async () => {
  await startJobs({ workers: false });
});
afterAll(async () => {
  await stopJobs();
});

/** Every table of every schema of the database (pg-boss's job tables and partitions included). */
async function allTables(): Promise<string[]> {
  const rows = await db.$queryRaw<{ t: string }[]>`
    SELECT table_schema || '.' || table_name AS t FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
    ORDER BY 1`;
  return rows.map((r) => r.t);
}

async function definitionOf(id: number, admin: string) {
  const detail = (await call(workflowRoute, 'GET', `/tts/workflows/${id}/`, { token: admin, params: { id } })).body;
  return {
    steps: detail.steps.map((s: Record<string, unknown>) => ({
      name: s.name,
      description: s.description,
      instruction: s.instruction,
      role_id: s.role_id,
      escalate_to_role_id: s.escalate_to_role_id,
      weight: s.weight,
      is_start: s.is_start,
      is_end: s.is_end,
    })),
    transitions: detail.transitions.map((t: { from_step: { name: string }; to_step: { name: string }; name: string }) => ({
      from_step: t.from_step.name,
      to_step: t.to_step.name,
      name: t.name,
    })),
  };
}

const deploy = (id: number, admin: string, note?: string) =>
  call(deployRoute, 'POST', `/tts/workflows/${id}/deploy/`, { token: admin, params: { id }, body: note ? { note } : {} });
const put = (id: number, admin: string, body: Record<string, unknown>) =>
  call(workflowRoute, 'PUT', `/tts/workflows/${id}/`, { token: admin, params: { id }, body });

describe('versions', () => {
  it('in-flight tasks keep their version after a new deploy; the list counts them per version, with notes and who deployed', async () => {
    const wf = await threeStepWorkflow();
    const admin = await tokenFor('admin');
    const first = await processTicket(payload({ department: wf.department }));
    expect(first.outcome).toBe('routed');

    // v2: an Approval step between Resolution and Verification.
    const def = await definitionOf(wf.id, admin);
    const approvers = await roleWithMembers(1, 'Approval');
    const changed = await put(wf.id, admin, {
      steps: [...def.steps, { name: 'Approval', role_id: approvers.role.id }],
      transitions: [
        ...def.transitions.filter((t: { name: string }) => t.name !== 'resolve'),
        { from_step: 'Resolution', to_step: 'Approval', name: 'resolve' },
        { from_step: 'Approval', to_step: 'Verification', name: 'approve' },
      ],
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    // saving affects nothing in flight: the open task still runs on v1
    const firstId = (first as { taskId: number }).taskId;
    expect((await db.task.findUniqueOrThrow({ where: { id: firstId }, include: { version: true } })).version.version).toBe(1);
    const deployed = await deploy(wf.id, admin, 'Managers approve before verification');
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(200);
    expect(deployed.body.version).toBe(2);

    const firstTask = await db.task.findUniqueOrThrow({
      where: { id: (first as { taskId: number }).taskId },
      include: { version: true },
    });
    expect(firstTask.version.version).toBe(1);
    const second = await processTicket(payload({ department: wf.department }));
    const secondTask = await db.task.findUniqueOrThrow({
      where: { id: (second as { taskId: number }).taskId },
      include: { version: true },
    });
    expect(secondTask.version.version).toBe(2);
    // the v1 task still moves along v1's steps: its current step is one of v1's frozen step ids
    const v1Steps = (firstTask.version.snapshot as { steps: { id: number }[] }).steps.map((s) => s.id);
    expect(v1Steps).toContain(firstTask.currentStepId);

    const list = await call(versionsRoute, 'GET', `/tts/workflows/${wf.id}/versions/`, { token: admin, params: { id: wf.id } });
    expect(list.status).toBe(200);
    expect(list.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const [v2, v1] = list.body.versions;
    expect(v2).toMatchObject({ note: 'Managers approve before verification', is_current: true, in_flight_tasks: 1, steps: 4 });
    expect(v1).toMatchObject({ note: '', is_current: false, in_flight_tasks: 1, steps: 3 });
    expect(v2.deployed_by.name).toBeTruthy();

    const diff = await call(diffRoute, 'GET', `/tts/workflows/${wf.id}/versions/diff/`, {
      token: admin,
      params: { id: wf.id },
      query: { from: '1', to: '2' },
    });
    expect(diff.status).toBe(200);
    expect(diff.body.steps.added).toEqual(['Approval']);
    expect(diff.body.transitions.added).toEqual([{ from_step: 'Approval', to_step: 'Verification', name: 'approve' }]);
    expect(diff.body.transitions.changed).toEqual([
      { from_step: 'Resolution', name: 'resolve', changes: [{ field: 'to_step', from: 'Verification', to: 'Approval' }] },
    ]);
    expect(diff.body.roles.added).toEqual([approvers.role.name]);
    // the draft equals v2 right after deploying it
    const draft = await call(diffRoute, 'GET', `/tts/workflows/${wf.id}/versions/diff/`, {
      token: admin,
      params: { id: wf.id },
      query: { from: '2' },
    });
    expect(draft.body.identical).toBe(true);

    const one = await call(versionRoute, 'GET', `/tts/workflows/${wf.id}/versions/1/`, {
      token: admin,
      params: { id: wf.id, version: 1 },
    });
    expect(one.status).toBe(200);
    expect(one.body.snapshot.steps.map((s: { name: string }) => s.name)).toEqual(['Triage', 'Resolution', 'Verification']);
    const missing = await call(versionRoute, 'GET', `/tts/workflows/${wf.id}/versions/9/`, {
      token: admin,
      params: { id: wf.id, version: 9 },
    });
    expect(missing.status).toBe(404);
  });

  it('restoring a version copies it into the draft only: the live version and tasks are untouched until deployed', async () => {
    const wf = await threeStepWorkflow();
    const admin = await tokenFor('admin');
    expect((await put(wf.id, admin, { high_sla: 'PT6H' })).status).toBe(200);
    expect((await deploy(wf.id, admin, 'Faster high')).status).toBe(200);
    const live = await db.workflow.findUniqueOrThrow({ where: { id: wf.id } });
    const restored = await call(restoreRoute, 'POST', `/tts/workflows/${wf.id}/versions/1/restore/`, {
      token: admin,
      params: { id: wf.id, version: 1 },
    });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.high_sla).toBe('8 hours');
    const after = await db.workflow.findUniqueOrThrow({ where: { id: wf.id } });
    expect(after.currentVersionId).toBe(live.currentVersionId);
    const diff = await call(diffRoute, 'GET', `/tts/workflows/${wf.id}/versions/diff/`, {
      token: admin,
      params: { id: wf.id },
      query: { from: '1', to: 'draft' },
    });
    expect(diff.body.identical).toBe(true);
  });
});

describe('dry run', () => {
  it('names the latest matching tickets, where they go today and after deploy, and their first assignees; writes nothing', async () => {
    // A live generic workflow takes the department's tickets today; the draft is more specific (a sub-category).
    const live = await threeStepWorkflow({ members: [1, 1, 1] });
    const SUB = 'Printer/Scanner Setup or Issue';
    const draft = await threeStepWorkflow({
      department: live.department,
      subCategory: SUB,
      members: [3, 1, 1],
      deploy: false,
    });
    const tickets = [];
    for (let i = 0; i < 3; i++) {
      const p = payload({ department: live.department, sub_category: SUB, subject: `Printer ${i}` });
      expect((await processTicket(p)).outcome).toBe('routed');
      tickets.push(p.ticket_number);
    }
    // another sub-category: not replayed
    await processTicket(payload({ department: live.department, sub_category: 'Other' }));
    const admin = await tokenFor('admin');
    const pool = rolePool(draft.roles.triage.role.id);
    const counterBefore = await db.roundRobinCounter.findUnique({ where: { key: pool } });

    const tables = await allTables();
    expect(tables).toEqual(expect.arrayContaining(['pgboss.job', 'workflow.round_robin_counters', 'audit.audit_log']));
    const before = await snapshot(tables);
    const res = await call(dryRunRoute, 'POST', `/tts/workflows/${draft.id}/dry-run/`, {
      token: admin,
      params: { id: draft.id },
      body: { limit: 10, ticket: { subject: 'My example', priority: 'Critical' } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await snapshot(tables)).toEqual(before);
    expect(await db.roundRobinCounter.findUnique({ where: { key: pool } })).toEqual(counterBefore);

    expect(res.body.problems).toEqual([]);
    const [example, ...replayed] = res.body.tickets;
    expect(example).toMatchObject({ hypothetical: true, subject: 'My example', sub_category: SUB, routes_here: true });
    expect(example.sla_seconds).toBe(4 * 3600);
    expect(replayed.map((t: { ticket_number: string }) => t.ticket_number)).toEqual([...tickets].reverse());
    for (const t of replayed) {
      expect(t.today).toEqual({ workflow_id: live.id, name: `WF ${live.department}` });
      expect(t.after_deploy.workflow_id).toBe(draft.id);
      expect(t.path.map((s: { step: string }) => s.step)).toEqual(['Triage', 'Resolution', 'Verification']);
      // High: 8 hours shared by weights 1, 2, 1
      expect(t.path.map((s: { sla_seconds: number }) => s.sla_seconds)).toEqual([7200, 14400, 7200]);
    }
    // Round-robin turns as if the tickets arrived from now, the example first, then the others oldest first.
    const members = draft.roles.triage.users.map((u) => u.id).sort((a, b) => a - b);
    expect(example.first_assignee.user_id).toBe(members[0]);
    const oldestFirst = [...replayed].reverse().map((t: { first_assignee: { user_id: number } }) => t.first_assignee.user_id);
    expect(oldestFirst).toEqual([members[1], members[2], members[0]]);

    // The first assignee named is the one real routing then picks.
    expect((await deploy(draft.id, admin)).status).toBe(200);
    const real = await processTicket(payload({ department: live.department, sub_category: SUB }));
    const task = await db.task.findUniqueOrThrow({
      where: { id: (real as { taskId: number }).taskId },
      include: { items: true },
    });
    expect(task.items[0].userId).toBe(example.first_assignee.user_id);
  });

  it("lists deploy's problems and tells why nobody would be assigned; a version can be tried too", async () => {
    const empty = await roleWithMembers(0, 'Nobody');
    const wf = await threeStepWorkflow();
    const admin = await tokenFor('admin');
    const def = await definitionOf(wf.id, admin);
    expect(
      (
        await put(wf.id, admin, {
          steps: def.steps.map((s: { name: string }) => (s.name === 'Triage' ? { ...s, role_id: empty.role.id } : s)),
          transitions: def.transitions,
        })
      ).status,
    ).toBe(200);
    const before = await snapshot(WORKFLOW_TABLES);
    const res = await call(dryRunRoute, 'POST', `/tts/workflows/${wf.id}/dry-run/`, {
      token: admin,
      params: { id: wf.id },
      body: { ticket: { priority: 'High' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.problems).toContain(`Step "Triage": role "${empty.role.name}" has no active member`);
    expect(res.body.tickets[0].first_assignee).toBeNull();
    expect(res.body.tickets[0].first_assignee_reason).toContain(empty.role.name);
    const v1 = await call(dryRunRoute, 'POST', `/tts/workflows/${wf.id}/dry-run/`, {
      token: admin,
      params: { id: wf.id },
      body: { version: 1, ticket: { priority: 'High' } },
    });
    expect(v1.body.problems).toEqual([]);
    expect(v1.body.tickets[0].first_assignee).not.toBeNull();
    expect(await snapshot(WORKFLOW_TABLES)).toEqual(before);
  });

  it("a ticket without priority takes the workflow's Low SLA (001), not Medium", async () => {
    const wf = await threeStepWorkflow();
    const admin = await tokenFor('admin');
    const slaOf = async (ticket: Record<string, unknown>) => {
      const res = await call(dryRunRoute, 'POST', `/tts/workflows/${wf.id}/dry-run/`, {
        token: admin,
        params: { id: wf.id },
        body: { limit: 0, ticket },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.tickets[0].sla_seconds as number | null;
    };
    const low = await slaOf({ priority: 'Low' });
    const medium = await slaOf({ priority: 'Medium' });
    expect(low).not.toBe(medium);
    expect(await slaOf({})).toBe(low);
  });
});

describe('bad graphs', () => {
  it('two start steps are refused at save, naming both steps; nothing is saved', async () => {
    const { role } = await roleWithMembers(1, 'Two starts');
    const admin = await tokenFor('admin');
    const before = await snapshot(WORKFLOW_TABLES);
    const res = await call(workflowsRoute, 'POST', '/tts/workflows/', {
      token: admin,
      body: {
        name: 'Two starts',
        department: `Starts ${Date.now()}`,
        category: 'IT Support',
        steps: [
          { name: 'First', role_id: role.id, is_start: true },
          { name: 'Second', role_id: role.id, is_start: true, is_end: true },
        ],
        transitions: [{ from_step: 'First', to_step: 'Second', name: 'go' }],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.details['steps.0.is_start'][0]).toBe('Only one step can be the start: "First", "Second"');
    expect(res.body.details['steps.1.is_start']).toBeDefined();
    expect(await snapshot(WORKFLOW_TABLES)).toEqual(before);
  });

  it('replacing the graph of a deployed workflow with a bad one (each fault) is a 400 naming it and changes nothing', async () => {
    const wf = await threeStepWorkflow();
    const admin = await tokenFor('admin');
    const def = await definitionOf(wf.id, admin);
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { steps: def.steps.map((s: object) => ({ ...s, is_start: true })), transitions: def.transitions },
        'steps.1.is_start',
        'Only one step can be the start',
      ],
      [
        { steps: def.steps, transitions: [...def.transitions, { from_step: 'Triage', to_step: 'Nowhere', name: 'lost' }] },
        'transitions.3.to_step',
        '"Nowhere"',
      ],
      [
        { steps: def.steps, transitions: [...def.transitions, { from_step: 'Resolution', to_step: 'Triage', name: 'Reject' }] },
        'transitions.3.name',
        'already named "Reject"',
      ],
      [
        {
          steps: def.steps.map((s: object, i: number) => (i === 2 ? { ...s, role_id: 987_654 } : s)),
          transitions: def.transitions,
        },
        'steps.2.role_id',
        'Choose a workflow (TTS) role',
      ],
    ];
    const before = await snapshot(WORKFLOW_TABLES);
    for (const [body, field, text] of cases) {
      const res = await put(wf.id, admin, body);
      expect(res.status, field).toBe(400);
      expect(res.body.details[field]?.[0], field).toContain(text);
    }
    expect(await snapshot(WORKFLOW_TABLES)).toEqual(before);
  });
});
