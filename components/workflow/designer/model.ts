/** The designer's document: steps (nodes) and transitions (edges), with keys of its own; and its checks. */
import { type SlaLevel, slaOrderProblems } from '@/lib/domain/workflow/sla';
import { type DefinitionIssue, definitionErrors, deployIssues } from '@/lib/domain/workflow/validation';

export interface DesignStep {
  key: string;
  name: string;
  description: string;
  instruction: string;
  role_id: string;
  escalate_to_role_id: string;
  weight: string;
  is_start: boolean;
  is_end: boolean;
  x: number;
  y: number;
}
export interface DesignTransition {
  key: string;
  from: string;
  to: string;
  name: string;
}
export interface DesignDoc {
  steps: DesignStep[];
  transitions: DesignTransition[];
}
export interface Settings {
  name: string;
  description: string;
  department: string;
  category: string;
  sub_category: string;
  /** Seconds per priority; null = none. */
  sla: Record<SlaLevel, number | null>;
}
export interface RoleOption {
  role_id: number;
  name: string;
  active_members: number;
}
export type Selection = { kind: 'step'; key: string } | { kind: 'transition'; key: string } | null;

let seq = 0;
export const newKey = (prefix: string) => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`;

export function newStep(doc: DesignDoc, at: { x: number; y: number }): DesignStep {
  let n = doc.steps.length + 1;
  while (doc.steps.some((s) => s.name.toLowerCase() === `step ${n}`)) n++;
  return {
    key: newKey('s'),
    name: `Step ${n}`,
    description: '',
    instruction: '',
    role_id: '',
    escalate_to_role_id: '',
    weight: '1',
    is_start: doc.steps.length === 0,
    is_end: false,
    ...at,
  };
}

/** A fresh action name out of a step: "submit", then "action 2", ... never one the step already has. */
export function newActionName(doc: DesignDoc, from: string): string {
  const taken = new Set(doc.transitions.filter((t) => t.from === from).map((t) => t.name.toLowerCase()));
  if (!taken.has('submit')) return 'submit';
  let n = 2;
  while (taken.has(`action ${n}`)) n++;
  return `action ${n}`;
}

export interface Check {
  /** Messages, once each, in order. */
  problems: string[];
  steps: Map<string, string[]>;
  transitions: Map<string, string[]>;
}

/** The same rules deploy enforces (shared validator), plus the save-time field rules, keyed for marking. */
export function check(doc: DesignDoc, settings: Settings, roles: RoleOption[]): Check {
  const roleById = new Map(roles.map((r) => [r.role_id, r]));
  const shapes = doc.steps.map((s) => ({
    key: s.key,
    name: s.name.trim() || '(unnamed)',
    roleId: Number(s.role_id) || 0,
    escalateToRoleId: Number(s.escalate_to_role_id) || null,
    isStart: s.is_start,
    isEnd: s.is_end,
    weight: Number(s.weight),
  }));
  const edges = doc.transitions.map((t) => ({ from: t.from, to: t.to, name: t.name }));
  const issues: DefinitionIssue[] = deployIssues(shapes, edges, (id) => {
    const r = roleById.get(id);
    return r ? { name: r.name, members: r.active_members, active: true } : undefined;
  });
  const fields = definitionErrors(shapes, edges);
  for (const [k, msgs] of Object.entries(fields)) {
    const [kind, i] = k.split('.');
    for (const message of msgs) {
      if (kind === 'steps') issues.push({ message: `${shapes[Number(i)].name}: ${message}`, step: doc.steps[Number(i)].key });
      else if (k.endsWith('.name')) issues.push({ message, transition: Number(i) });
    }
  }
  doc.steps.forEach((s) => {
    if (!s.name.trim()) issues.push({ message: 'A step has no name', step: s.key });
  });
  for (const p of slaOrderProblems(settings.sla)) issues.push({ message: p });
  const out: Check = { problems: [], steps: new Map(), transitions: new Map() };
  for (const i of issues) {
    if (!out.problems.includes(i.message)) out.problems.push(i.message);
    if (i.step) out.steps.set(i.step, [...(out.steps.get(i.step) ?? []), i.message]);
    if (i.transition !== undefined) {
      const key = doc.transitions[i.transition]?.key;
      if (key) out.transitions.set(key, [...(out.transitions.get(key) ?? []), i.message]);
    }
  }
  return out;
}

const isoOf = (s: number | null) => {
  if (s == null) return null;
  if (s % 86400 === 0) return `P${s / 86400}D`;
  if (s % 3600 === 0) return `PT${s / 3600}H`;
  return `PT${Math.round(s / 60)}M`;
};

/** The API body (steps named, transitions by step names; the canvas position is the order). */
export function toBody(doc: DesignDoc, settings: Settings) {
  const names = new Map(doc.steps.map((s) => [s.key, s.name.trim()]));
  const ordered = [...doc.steps].sort((a, b) => a.y - b.y || a.x - b.x);
  return {
    name: settings.name,
    description: settings.description,
    department: settings.department,
    category: settings.category,
    sub_category: settings.sub_category || null,
    urgent_sla: isoOf(settings.sla.urgent),
    high_sla: isoOf(settings.sla.high),
    medium_sla: isoOf(settings.sla.medium),
    low_sla: isoOf(settings.sla.low),
    steps: ordered.map((s, i) => ({
      name: s.name.trim(),
      description: s.description,
      instruction: s.instruction,
      role_id: Number(s.role_id) || 0,
      escalate_to_role_id: s.escalate_to_role_id ? Number(s.escalate_to_role_id) : null,
      weight: Number(s.weight) || 0,
      order: i + 1,
      is_start: s.is_start,
      is_end: s.is_end,
    })),
    transitions: doc.transitions.map((t) => ({
      from_step: names.get(t.from) ?? '',
      to_step: names.get(t.to) ?? '',
      name: t.name,
    })),
  };
}
