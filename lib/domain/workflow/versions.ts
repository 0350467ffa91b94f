/** A workflow's deployed versions: the list (who, when, note, tasks still running on each), one version, a diff, restore. */
import { rolesOf, usersByIds } from '@/lib/domain/identity/directory';
import { db } from '@/lib/server/db';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { updateWorkflow } from './definitions';
import { assertCanManageWorkflows, assertStaff } from './policy';
import { asSnapshot, OPEN_TASK, snapshotOf, type VersionSnapshot } from './snapshot';
import { diffVersions } from './version-diff';
import type { VersionRef } from './version-schemas';

async function workflowOrThrow(id: number) {
  const w = await db.workflow.findUnique({ where: { id }, include: { steps: true, transitions: true } });
  if (!w) throw notFound('Workflow', 'WORKFLOW_NOT_FOUND');
  return w;
}

/** The definition being edited, frozen the way a deploy would freeze it now. */
export async function draftSnapshot(id: number): Promise<VersionSnapshot> {
  const w = await workflowOrThrow(id);
  const names = new Map((await rolesOf('tts')).map((r) => [r.id, r.name]));
  return snapshotOf(w, (r) => names.get(r) ?? null);
}

async function versionRow(workflowId: number, version: number) {
  const row = await db.workflowVersion.findUnique({ where: { workflowId_version: { workflowId, version } } });
  if (!row) throw notFound('Version', 'VERSION_NOT_FOUND');
  return row;
}

/** A version number's snapshot, or the draft's. */
export async function snapshotFor(workflowId: number, ref: VersionRef): Promise<VersionSnapshot> {
  if (ref === 'draft') return draftSnapshot(workflowId);
  return asSnapshot((await versionRow(workflowId, ref)).snapshot);
}

/** Newest first: number, who deployed it and when, the note, and how many open tasks still run on it. */
export async function listVersions(actor: Actor, workflowId: number) {
  assertStaff(actor);
  const w = await db.workflow.findUnique({ where: { id: workflowId }, select: { id: true, currentVersionId: true } });
  if (!w) throw notFound('Workflow', 'WORKFLOW_NOT_FOUND');
  const rows = await db.workflowVersion.findMany({
    where: { workflowId },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, name: true, deployedAt: true, deployedBy: true, note: true, snapshot: true },
  });
  const open = await db.task.groupBy({
    by: ['versionId'],
    where: { workflowId, status: { in: OPEN_TASK } },
    _count: { _all: true },
  });
  const inFlight = new Map(open.map((o) => [o.versionId, o._count._all]));
  const people = await usersByIds(rows.map((r) => r.deployedBy ?? 0));
  return {
    workflow_id: workflowId,
    versions: rows.map((r) => {
      const snap = asSnapshot(r.snapshot);
      const by = r.deployedBy ? people.get(r.deployedBy) : undefined;
      return {
        version_id: r.id,
        version: r.version,
        name: r.name,
        deployed_at: r.deployedAt.toISOString(),
        deployed_by: by ? { user_id: by.id, name: by.name } : null,
        note: r.note,
        is_current: r.id === w.currentVersionId,
        in_flight_tasks: inFlight.get(r.id) ?? 0,
        steps: snap.steps.length,
        transitions: snap.transitions.length,
      };
    }),
  };
}

/** One version as frozen. */
export async function getVersion(actor: Actor, workflowId: number, version: number) {
  assertStaff(actor);
  const row = await versionRow(workflowId, version);
  const by = row.deployedBy ? (await usersByIds([row.deployedBy])).get(row.deployedBy) : undefined;
  return {
    version_id: row.id,
    version: row.version,
    deployed_at: row.deployedAt.toISOString(),
    deployed_by: by ? { user_id: by.id, name: by.name } : null,
    note: row.note,
    snapshot: asSnapshot(row.snapshot),
  };
}

/** What changed from `from` to `to` (each a version number or the draft). */
export async function compareVersions(actor: Actor, workflowId: number, q: { from: VersionRef; to: VersionRef }) {
  assertStaff(actor);
  await workflowOrThrow(workflowId);
  const [a, b] = await Promise.all([snapshotFor(workflowId, q.from), snapshotFor(workflowId, q.to)]);
  return { workflow_id: workflowId, from: q.from, to: q.to, ...diffVersions(a, b) };
}

/**
 * Copy a version into the draft (the definition being edited); what tickets run on changes only when it is
 * deployed. The copy goes through the same checks as any save.
 */
export async function restoreVersion(actor: Actor, workflowId: number, version: number) {
  assertCanManageWorkflows(actor);
  await workflowOrThrow(workflowId);
  const snap = asSnapshot((await versionRow(workflowId, version)).snapshot);
  const names = new Map(snap.steps.map((s) => [s.id, s.name]));
  const detail = await updateWorkflow(actor, workflowId, {
    name: snap.name,
    department: snap.department,
    category: snap.category,
    sub_category: snap.sub_category,
    low_sla: snap.slas.low ?? null,
    medium_sla: snap.slas.medium ?? null,
    high_sla: snap.slas.high ?? null,
    urgent_sla: snap.slas.urgent ?? null,
    steps: [...snap.steps]
      .sort((x, y) => x.order - y.order)
      .map((s) => ({
        name: s.name,
        description: s.description,
        instruction: s.instruction,
        role_id: s.role_id,
        escalate_to_role_id: s.escalate_to_role_id,
        order: s.order,
        weight: s.weight,
        is_start: s.is_start,
        is_end: s.is_end,
      })),
    transitions: snap.transitions.map((t) => ({
      from_step: names.get(t.from_step_id) ?? '',
      to_step: names.get(t.to_step_id) ?? '',
      name: t.name,
    })),
  });
  return { ...detail, message: `Version ${version} copied into the draft: deploy it to use it for new tickets` };
}
