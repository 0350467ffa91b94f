import type { Prisma, Tx } from '@/lib/server/db';
import type { Slas } from './sla';

/** What a deploy freezes: a task runs on this, whatever happens to the definition afterwards. */
export interface SnapStep {
  id: number;
  name: string;
  description: string;
  instruction: string;
  role_id: number;
  role_name: string;
  escalate_to_role_id: number | null;
  escalate_to_role_name: string | null;
  order: number;
  weight: number;
  is_start: boolean;
  is_end: boolean;
}
export interface SnapTransition {
  id: number;
  from_step_id: number;
  to_step_id: number;
  name: string;
}
export interface VersionSnapshot {
  workflow_id: number;
  name: string;
  department: string;
  category: string;
  sub_category: string | null;
  slas: Slas;
  steps: SnapStep[];
  transitions: SnapTransition[];
}

/** A workflow definition as stored (the row with its steps and transitions). */
export type WorkflowDefinition = Prisma.WorkflowGetPayload<{ include: { steps: true; transitions: true } }>;

/** What a deploy of `wf` freezes; `roleName` names a role id (null when unknown). */
export function snapshotOf(wf: WorkflowDefinition, roleName: (roleId: number) => string | null): VersionSnapshot {
  return {
    workflow_id: wf.id,
    name: wf.name,
    department: wf.department,
    category: wf.category,
    sub_category: wf.subCategory,
    slas: { low: wf.lowSlaSeconds, medium: wf.mediumSlaSeconds, high: wf.highSlaSeconds, urgent: wf.urgentSlaSeconds },
    steps: wf.steps.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      instruction: s.instruction,
      role_id: s.roleId,
      role_name: roleName(s.roleId) ?? '',
      escalate_to_role_id: s.escalateToRoleId,
      escalate_to_role_name: s.escalateToRoleId ? roleName(s.escalateToRoleId) : null,
      order: s.order,
      weight: s.weight,
      is_start: s.isStart,
      is_end: s.isEnd,
    })),
    transitions: wf.transitions.map((t) => ({ id: t.id, from_step_id: t.fromStepId, to_step_id: t.toStepId, name: t.name })),
  };
}

export const asSnapshot = (json: unknown) => json as VersionSnapshot;
export const stepOf = (s: VersionSnapshot, id: number) => s.steps.find((x) => x.id === id) ?? null;
export const startStepOf = (s: VersionSnapshot) => s.steps.find((x) => x.is_start) ?? null;
export const outgoingOf = (s: VersionSnapshot, stepId: number) => s.transitions.filter((t) => t.from_step_id === stepId);
export const weightsOf = (s: VersionSnapshot) => s.steps.map((x) => x.weight);

export const OPEN_ITEM = ['new', 'in_progress'];
export const OPEN_TASK = ['pending', 'in_progress'];

// Versions are immutable once deployed, so a process may keep them: routing reads one per ticket.
const versionCache = new Map<number, { id: number; version: number; snapshot: VersionSnapshot }>();
const VERSION_CACHE_SIZE = 500;

/** A deployed version (number and frozen snapshot), or null if there is no such version. */
export async function loadVersion(tx: Tx, id: number) {
  const cached = versionCache.get(id);
  if (cached) return cached;
  const row = await tx.workflowVersion.findUnique({ where: { id }, select: { id: true, version: true, snapshot: true } });
  if (!row) return null;
  const version = { id: row.id, version: row.version, snapshot: asSnapshot(row.snapshot) };
  if (versionCache.size >= VERSION_CACHE_SIZE) versionCache.delete(versionCache.keys().next().value as number);
  versionCache.set(id, version);
  return version;
}
