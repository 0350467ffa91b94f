/** Reads of workflow definitions (002/003 shapes). */
import { activeUsersInRole, rolesOf } from '@/lib/domain/identity/directory';
import { db, type Prisma } from '@/lib/server/db';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { Page, skipTake } from '../pagination';
import { toDisplayDuration } from './durations';
import { assertStaff } from './policy';
import type { WorkflowListQuery } from './schemas';
import { toIsoDuration } from './sla';
import { asSnapshot, snapshotOf, type VersionSnapshot } from './snapshot';

type WorkflowRow = Prisma.WorkflowGetPayload<{ include: { steps: true; transitions: true } }>;

const display = (s: number | null) => (s == null ? null : toDisplayDuration(s));
const iso = (s: number | null) => (s == null ? null : toIsoDuration(s));

async function roleNames(): Promise<Map<number, string>> {
  return new Map((await rolesOf('tts')).map((r) => [r.id, r.name]));
}

export function workflowDto(w: WorkflowRow, roles: Map<number, string>, version: number | null) {
  const steps = [...w.steps].sort((a, b) => a.order - b.order || a.id - b.id);
  const names = new Map(steps.map((s) => [s.id, s.name]));
  return {
    workflow_id: w.id,
    name: w.name,
    description: w.description,
    department: w.department,
    category: w.category,
    sub_category: w.subCategory,
    subcategory: w.subCategory,
    status: w.status,
    is_published: w.status === 'deployed',
    version,
    low_sla: display(w.lowSlaSeconds),
    medium_sla: display(w.mediumSlaSeconds),
    high_sla: display(w.highSlaSeconds),
    urgent_sla: display(w.urgentSlaSeconds),
    sla: {
      low: iso(w.lowSlaSeconds),
      medium: iso(w.mediumSlaSeconds),
      high: iso(w.highSlaSeconds),
      urgent: iso(w.urgentSlaSeconds),
    },
    calendar_id: w.calendarId,
    pause_statuses: w.pauseStatuses,
    steps: steps.map((s) => ({
      step_id: s.id,
      name: s.name,
      description: s.description,
      instruction: s.instruction,
      order: s.order,
      weight: s.weight,
      role_id: s.roleId,
      role: { role_id: s.roleId, name: roles.get(s.roleId) ?? null },
      /** 002 prints the step's role as a string. */
      role_name: roles.get(s.roleId) ?? null,
      escalate_to_role_id: s.escalateToRoleId,
      escalate_to: s.escalateToRoleId ? { role_id: s.escalateToRoleId, name: roles.get(s.escalateToRoleId) ?? null } : null,
      is_start: s.isStart,
      is_end: s.isEnd,
    })),
    transitions: w.transitions.map((t) => ({
      transition_id: t.id,
      name: t.name,
      from_step: { step_id: t.fromStepId, name: names.get(t.fromStepId) ?? null },
      to_step: { step_id: t.toStepId, name: names.get(t.toStepId) ?? null },
    })),
    created_at: w.createdAt.toISOString(),
    updated_at: w.updatedAt.toISOString(),
  };
}

async function versionNumbers(ids: (number | null)[]) {
  const real = ids.filter((x): x is number => !!x);
  if (!real.length) return new Map<number, number>();
  const rows = await db.workflowVersion.findMany({ where: { id: { in: real } }, select: { id: true, version: true } });
  return new Map(rows.map((r) => [r.id, r.version]));
}

export async function workflowDetail(id: number) {
  const w = await db.workflow.findUnique({ where: { id }, include: { steps: true, transitions: true } });
  if (!w) throw notFound('Workflow', 'WORKFLOW_NOT_FOUND');
  const versions = await versionNumbers([w.currentVersionId]);
  return workflowDto(w, await roleNames(), w.currentVersionId ? (versions.get(w.currentVersionId) ?? null) : null);
}

export async function getWorkflow(actor: Actor, id: number) {
  assertStaff(actor);
  return workflowDetail(id);
}

export async function listWorkflows(actor: Actor, q: WorkflowListQuery) {
  assertStaff(actor);
  const where: Prisma.WorkflowWhereInput = {
    ...(q.status ? { status: q.status } : {}),
    ...(q.is_published !== undefined ? (q.is_published ? { status: 'deployed' } : { status: { not: 'deployed' } }) : {}),
    ...(q.category ? { category: { equals: q.category, mode: 'insensitive' } } : {}),
    ...(q.department ? { department: { equals: q.department, mode: 'insensitive' } } : {}),
    ...(q.search ? { name: { contains: q.search, mode: 'insensitive' } } : {}),
  };
  if (q.status && q.is_published !== undefined) {
    const published = q.status === 'deployed';
    if (published !== q.is_published) return new Page(0, [], q.page, q.page_size);
    where.status = q.status;
  }
  const [count, rows] = await Promise.all([
    db.workflow.count({ where }),
    db.workflow.findMany({ where, include: { steps: true, transitions: true }, orderBy: { id: 'asc' }, ...skipTake(q) }),
  ]);
  const roles = await roleNames();
  const versions = await versionNumbers(rows.map((r) => r.currentVersionId));
  return new Page(
    count,
    rows.map((w) => workflowDto(w, roles, w.currentVersionId ? (versions.get(w.currentVersionId) ?? null) : null)),
    q.page,
    q.page_size,
  );
}

export async function listTransitions(actor: Actor, q: { workflow_id: number; page: number; page_size: number }) {
  assertStaff(actor);
  const w = await db.workflow.findUnique({
    where: { id: q.workflow_id },
    include: { steps: true, transitions: { orderBy: { id: 'asc' } } },
  });
  if (!w) throw notFound('Workflow', 'WORKFLOW_NOT_FOUND');
  const names = new Map(w.steps.map((s) => [s.id, s.name]));
  const all = w.transitions.map((t) => ({
    transition_id: t.id,
    workflow_id: w.id,
    from_step: { step_id: t.fromStepId, name: names.get(t.fromStepId) ?? null },
    to_step: { step_id: t.toStepId, name: names.get(t.toStepId) ?? null },
    action: { action_id: t.id, name: t.name },
  }));
  const start = (q.page - 1) * q.page_size;
  return new Page(all.length, all.slice(start, start + q.page_size), q.page, q.page_size);
}

/** TTS roles a step may use, with how many active members each has (for the editor). */
export async function assignableRoles(actor: Actor) {
  assertStaff(actor);
  const roles = (await rolesOf('tts')).filter((r) => r.isActive);
  return Promise.all(
    roles.map(async (r) => ({ role_id: r.id, name: r.name, active_members: (await activeUsersInRole(r.id)).length })),
  );
}

/**
 * The parts of a definition a deploy freezes, in a form that compares equal when nothing changed (steps by name,
 * transitions by their steps' names: ids differ between a definition and its frozen copy only in name lookups).
 */
function comparable(d: VersionSnapshot) {
  const names = new Map(d.steps.map((s) => [s.id, s.name]));
  return JSON.stringify({
    name: d.name,
    department: d.department,
    category: d.category,
    sub_category: d.sub_category ?? null,
    slas: (['low', 'medium', 'high', 'urgent'] as const).map((l) => d.slas[l] ?? null),
    steps: [...d.steps]
      .map((s) => [
        s.name,
        s.description,
        s.instruction,
        s.role_id,
        s.escalate_to_role_id ?? null,
        s.weight,
        s.is_start,
        s.is_end,
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    transitions: d.transitions
      .map((t) => [names.get(t.from_step_id) ?? '', names.get(t.to_step_id) ?? '', t.name])
      .sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000'))),
  });
}

/** True when the definition differs from the deployed version (or was never deployed): Deploy has work to do. */
export async function hasUndeployedChanges(actor: Actor, id: number): Promise<boolean> {
  assertStaff(actor);
  const w = await db.workflow.findUnique({ where: { id }, include: { steps: true, transitions: true } });
  if (!w) throw notFound('Workflow', 'WORKFLOW_NOT_FOUND');
  if (!w.currentVersionId) return true;
  const v = await db.workflowVersion.findUnique({ where: { id: w.currentVersionId } });
  if (!v) return true;
  return comparable(snapshotOf(w, () => null)) !== comparable(asSnapshot(v.snapshot));
}
