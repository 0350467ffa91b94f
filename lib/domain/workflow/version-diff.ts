/**
 * What changed between two frozen versions of a workflow (pure: two snapshots in, a diff out).
 *
 * Step ids differ between versions (saving a definition rewrites its steps), so steps are matched by name
 * (case-insensitive) and transitions by their source step's name and action name: a transition whose action
 * keeps its name but leads elsewhere is "changed", not removed and added.
 */
import { SLA_LEVELS, type SlaLevel } from './sla';
import type { SnapStep, VersionSnapshot } from './snapshot';

export interface FieldChange {
  field: string;
  from: string | number | boolean | null;
  to: string | number | boolean | null;
}
export interface TransitionRef {
  from_step: string;
  to_step: string;
  name: string;
}
export interface VersionDiff {
  /** Name, department, category, sub-category. */
  settings: FieldChange[];
  /** SLA seconds per priority level that differ (null = none). */
  slas: { level: SlaLevel; from: number | null; to: number | null }[];
  steps: { added: string[]; removed: string[]; changed: { name: string; changes: FieldChange[] }[] };
  transitions: {
    added: TransitionRef[];
    removed: TransitionRef[];
    /** Same step and action name, another target step. */
    changed: { from_step: string; name: string; changes: FieldChange[] }[];
  };
  /** Roles the workflow's steps (or their escalation) use in one version and not in the other. */
  roles: { added: string[]; removed: string[] };
  /** True when the two versions define the same workflow. */
  identical: boolean;
}

const key = (name: string) => name.trim().toLowerCase();
const roleLabel = (name: string | null, id: number | null) => (id == null ? null : name || `Role #${id}`);

/** The fields of a step people care about, in a stable order. */
function stepFields(s: SnapStep): Record<string, string | number | boolean | null> {
  return {
    role: roleLabel(s.role_name, s.role_id),
    escalate_to: roleLabel(s.escalate_to_role_name, s.escalate_to_role_id),
    weight: s.weight,
    is_start: s.is_start,
    is_end: s.is_end,
    instruction: s.instruction,
    description: s.description,
  };
}

function changesOf(
  a: Record<string, string | number | boolean | null>,
  b: Record<string, string | number | boolean | null>,
): FieldChange[] {
  return Object.keys(a)
    .filter((f) => (a[f] ?? null) !== (b[f] ?? null))
    .map((f) => ({ field: f, from: a[f] ?? null, to: b[f] ?? null }));
}

function transitionsOf(s: VersionSnapshot): Map<string, TransitionRef> {
  const names = new Map(s.steps.map((x) => [x.id, x.name]));
  const out = new Map<string, TransitionRef>();
  for (const t of s.transitions) {
    const ref = { from_step: names.get(t.from_step_id) ?? '?', to_step: names.get(t.to_step_id) ?? '?', name: t.name };
    out.set(`${key(ref.from_step)}\u0000${key(ref.name)}`, ref);
  }
  return out;
}

function rolesOf(s: VersionSnapshot): Set<string> {
  const out = new Set<string>();
  for (const x of s.steps) {
    const r = roleLabel(x.role_name, x.role_id);
    if (r) out.add(r);
    const e = roleLabel(x.escalate_to_role_name, x.escalate_to_role_id);
    if (e) out.add(e);
  }
  return out;
}

/** The changes that turn version `a` into version `b`. */
export function diffVersions(a: VersionSnapshot, b: VersionSnapshot): VersionDiff {
  const settings = changesOf(
    { name: a.name, department: a.department, category: a.category, sub_category: a.sub_category?.trim() || null },
    { name: b.name, department: b.department, category: b.category, sub_category: b.sub_category?.trim() || null },
  );
  const slas = [...SLA_LEVELS]
    .reverse()
    .filter((l) => (a.slas[l] ?? null) !== (b.slas[l] ?? null))
    .map((level) => ({ level, from: a.slas[level] ?? null, to: b.slas[level] ?? null }));

  const stepsA = new Map(a.steps.map((s) => [key(s.name), s]));
  const stepsB = new Map(b.steps.map((s) => [key(s.name), s]));
  const steps: VersionDiff['steps'] = {
    added: b.steps.filter((s) => !stepsA.has(key(s.name))).map((s) => s.name),
    removed: a.steps.filter((s) => !stepsB.has(key(s.name))).map((s) => s.name),
    changed: [],
  };
  for (const sb of b.steps) {
    const sa = stepsA.get(key(sb.name));
    if (!sa) continue;
    const changes = changesOf(stepFields(sa), stepFields(sb));
    if (sa.name !== sb.name) changes.unshift({ field: 'name', from: sa.name, to: sb.name });
    if (changes.length) steps.changed.push({ name: sb.name, changes });
  }

  const ta = transitionsOf(a);
  const tb = transitionsOf(b);
  const transitions: VersionDiff['transitions'] = {
    added: [...tb].filter(([k]) => !ta.has(k)).map(([, t]) => t),
    removed: [...ta].filter(([k]) => !tb.has(k)).map(([, t]) => t),
    changed: [],
  };
  for (const [k, t] of tb) {
    const old = ta.get(k);
    if (old && key(old.to_step) !== key(t.to_step))
      transitions.changed.push({
        from_step: t.from_step,
        name: t.name,
        changes: [{ field: 'to_step', from: old.to_step, to: t.to_step }],
      });
  }

  const ra = rolesOf(a);
  const rb = rolesOf(b);
  const roles = { added: [...rb].filter((r) => !ra.has(r)), removed: [...ra].filter((r) => !rb.has(r)) };

  const identical =
    !settings.length &&
    !slas.length &&
    !steps.added.length &&
    !steps.removed.length &&
    !steps.changed.length &&
    !transitions.added.length &&
    !transitions.removed.length &&
    !transitions.changed.length &&
    !roles.added.length &&
    !roles.removed.length;
  return { settings, slas, steps, transitions, roles, identical };
}
