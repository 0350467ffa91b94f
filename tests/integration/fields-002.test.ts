/**
 * Issue 16, 002's field shapes: a workflow step's `role` as a string (`role_name`, beside the role object) and
 * audit entries' `{field, old_value, new_value}` beside `old_values`/`new_values`.
 */
import { describe, expect, it } from 'vitest';
import * as auditRoute from '@/app/(api)/tts/audit/route';
import * as workflowRoute from '@/app/(api)/tts/workflows/[id]/route';
import { changedField } from '@/lib/domain/workflow/task-queries';
import { openApiDocument } from '@/lib/server/openapi/document';
import { call, tokenFor } from '../helpers/api';
import { threeStepWorkflow } from './workflow-support';

describe("002's workflow and audit fields", () => {
  it('each step carries its role as a string beside the role object', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const admin = await tokenFor('admin');
    const r = await call(workflowRoute, 'GET', '/x', { token: admin, params: { id: wf.id } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const steps = r.body.steps as { name: string; role: { name: string }; role_name: string }[];
    expect(steps.map((s) => s.role_name)).toEqual([
      wf.roles.triage.role.name,
      wf.roles.resolution.role.name,
      wf.roles.verification.role.name,
    ]);
    for (const s of steps) expect(s.role_name).toBe(s.role.name);
  });

  it('audit entries name the changed field with its old and new value', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const admin = await tokenFor('admin');
    const renamed = await call(workflowRoute, 'PUT', '/x', {
      token: admin,
      params: { id: wf.id },
      body: { name: `Renamed ${wf.id}` },
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const r = await call(auditRoute, 'GET', '/x', {
      token: admin,
      query: { action: 'workflow_updated', entity_id: String(wf.id) },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const entry = r.body.results[0];
    expect(entry.details).toMatchObject({ field: 'name', old_value: `WF ${wf.department}`, new_value: `Renamed ${wf.id}` });
    expect(entry.details.old_values).toEqual({ name: `WF ${wf.department}` });
  });

  it('picks status first, a lone new value, or nothing', () => {
    expect(changedField({ status: 'in_progress', x: 1 }, { x: 2, status: 'completed' })).toEqual({
      field: 'status',
      old_value: 'in_progress',
      new_value: 'completed',
    });
    expect(changedField(null, { workflow_id: 4 })).toEqual({ field: 'workflow_id', old_value: null, new_value: 4 });
    expect(changedField(null, { a: 1, b: 2 })).toEqual({ field: null, old_value: null, new_value: null });
  });

  it("the OpenAPI document says how socket.io replaces 002's raw WebSocket path", async () => {
    const d = (await openApiDocument()).info.description;
    expect(d).toContain('/ws/comments/{ticket_id}/');
    expect(d).toContain('join_ticket');
    expect(d).toContain('comment_update');
  });
});
