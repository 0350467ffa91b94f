/** Structural rules of a workflow definition (pure: the caller supplies role facts). */

export interface StepShape {
  key: string | number;
  name: string;
  roleId: number;
  escalateToRoleId?: number | null;
  isStart: boolean;
  isEnd: boolean;
  weight: number;
}
export interface TransitionShape {
  from: string | number;
  to: string | number;
  name: string;
}

/**
 * Every reason a definition cannot be deployed (empty when it can): exactly one start step, at least one
 * end step, every step reachable from the start, every non-end step has an outgoing transition, and
 * every step's role has at least one active member.
 */
export function deployProblems(
  steps: StepShape[],
  transitions: TransitionShape[],
  activeMembers: (roleId: number) => number,
  roleName: (roleId: number) => string = String,
): string[] {
  const problems: string[] = [];
  if (!steps.length) return ['The workflow has no steps'];
  const starts = steps.filter((s) => s.isStart);
  if (starts.length === 0) problems.push('No start step: flag exactly one step as start');
  if (starts.length > 1) problems.push(`More than one start step: ${starts.map((s) => s.name).join(', ')}`);
  if (!steps.some((s) => s.isEnd)) problems.push('No end step: flag at least one step as end');
  const byKey = new Map(steps.map((s) => [String(s.key), s]));
  for (const t of transitions) {
    if (!byKey.has(String(t.from)) || !byKey.has(String(t.to)))
      problems.push(`Transition "${t.name}" refers to a step that does not exist`);
  }
  if (starts.length === 1) {
    const seen = new Set<string>([String(starts[0].key)]);
    const queue = [String(starts[0].key)];
    while (queue.length) {
      const k = queue.shift() as string;
      for (const t of transitions) {
        if (String(t.from) === k && !seen.has(String(t.to)) && byKey.has(String(t.to))) {
          seen.add(String(t.to));
          queue.push(String(t.to));
        }
      }
    }
    for (const s of steps) if (!seen.has(String(s.key))) problems.push(`Step "${s.name}" cannot be reached from the start step`);
  }
  for (const s of steps) {
    if (!s.isEnd && !transitions.some((t) => String(t.from) === String(s.key)))
      problems.push(`Step "${s.name}" is not an end step and has no outgoing transition`);
  }
  for (const s of steps) {
    if (activeMembers(s.roleId) < 1) problems.push(`Step "${s.name}": role "${roleName(s.roleId)}" has no active member`);
  }
  return problems;
}

/** Field errors a definition has regardless of deployment (names, references, weights). */
export function definitionErrors(steps: StepShape[], transitions: TransitionShape[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (k: string, m: string) => (errors[k] ??= []).push(m);
  const names = new Map<string, number>();
  steps.forEach((s, i) => {
    const n = s.name.trim().toLowerCase();
    if (names.has(n)) add(`steps.${i}.name`, `Another step is already named "${s.name}"`);
    names.set(n, i);
    if (!(s.weight > 0)) add(`steps.${i}.weight`, 'Weight must be greater than 0');
  });
  const keys = new Set(steps.map((s) => String(s.key)));
  transitions.forEach((t, i) => {
    if (!keys.has(String(t.from))) add(`transitions.${i}.from_step`, `No step "${t.from}" in this workflow`);
    if (!keys.has(String(t.to))) add(`transitions.${i}.to_step`, `No step "${t.to}" in this workflow`);
  });
  return errors;
}
