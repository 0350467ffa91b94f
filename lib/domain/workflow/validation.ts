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

/** One reason a definition cannot be deployed, naming the step (by key) or transition (by index) at fault. */
export interface DefinitionIssue {
  message: string;
  step?: string;
  transition?: number;
}

/** What is known of a role: its name, active member count and whether it is active (undefined = unknown role). */
export type RoleFacts = (roleId: number) => { name: string; members: number; active: boolean } | undefined;

/**
 * Every reason a definition cannot be deployed (empty when it can): exactly one start step, at least one
 * end step, transitions between existing steps, action names unique out of a step, every step reachable
 * from the start, every non-end step has an outgoing transition, and every step's role is an active role
 * with at least one active member. Deploy and the designer's live check both call this.
 */
export function deployIssues(steps: StepShape[], transitions: TransitionShape[], roles: RoleFacts): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  if (!steps.length) return [{ message: 'The workflow has no steps' }];
  const starts = steps.filter((s) => s.isStart);
  if (starts.length === 0) issues.push({ message: 'No start step: flag exactly one step as start' });
  if (starts.length > 1)
    for (const s of starts)
      issues.push({
        message: `More than one start step: ${starts.map((x) => x.name).join(', ')}`,
        step: String(s.key),
      });
  if (!steps.some((s) => s.isEnd)) issues.push({ message: 'No end step: flag at least one step as end' });
  const byKey = new Map(steps.map((s) => [String(s.key), s]));
  transitions.forEach((t, i) => {
    if (!byKey.has(String(t.from)) || !byKey.has(String(t.to)))
      issues.push({ message: `Transition "${t.name}" refers to a step that does not exist`, transition: i });
    if (!t.name.trim()) issues.push({ message: 'A transition has no action name', transition: i });
    const dup = transitions.findIndex(
      (o) => String(o.from) === String(t.from) && o.name.trim().toLowerCase() === t.name.trim().toLowerCase(),
    );
    if (t.name.trim() && dup !== i) {
      const from = byKey.get(String(t.from))?.name ?? String(t.from);
      issues.push({ message: `Step "${from}" has two actions named "${t.name.trim()}"`, transition: i });
    }
  });
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
    for (const s of steps)
      if (!seen.has(String(s.key)))
        issues.push({ message: `Step "${s.name}" cannot be reached from the start step`, step: String(s.key) });
  }
  for (const s of steps) {
    if (!s.isEnd && !transitions.some((t) => String(t.from) === String(s.key)))
      issues.push({ message: `Step "${s.name}" is not an end step and has no outgoing transition`, step: String(s.key) });
  }
  for (const s of steps) {
    const role = s.roleId ? roles(s.roleId) : undefined;
    if (!role) issues.push({ message: `Step "${s.name}" has no role`, step: String(s.key) });
    else if (!role.active) issues.push({ message: `Step "${s.name}": role "${role.name}" is deactivated`, step: String(s.key) });
    else if (role.members < 1)
      issues.push({ message: `Step "${s.name}": role "${role.name}" has no active member`, step: String(s.key) });
    if (s.escalateToRoleId) {
      const esc = roles(s.escalateToRoleId);
      if (esc && !esc.active)
        issues.push({ message: `Step "${s.name}": escalation role "${esc.name}" is deactivated`, step: String(s.key) });
    }
  }
  return issues;
}

/** The messages of `deployIssues`, once each. */
export function deployProblems(steps: StepShape[], transitions: TransitionShape[], roles: RoleFacts): string[] {
  return [...new Set(deployIssues(steps, transitions, roles).map((i) => i.message))];
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
  // One start step: a second one is refused when saving already (the designer never draws two).
  const starts = steps.flatMap((s, i) => (s.isStart ? [i] : []));
  if (starts.length > 1)
    for (const i of starts)
      add(`steps.${i}.is_start`, `Only one step can be the start: ${starts.map((j) => `"${steps[j].name}"`).join(', ')}`);
  const keys = new Set(steps.map((s) => String(s.key)));
  const actions = new Set<string>();
  transitions.forEach((t, i) => {
    if (!keys.has(String(t.from))) add(`transitions.${i}.from_step`, `No step "${t.from}" in this workflow`);
    if (!keys.has(String(t.to))) add(`transitions.${i}.to_step`, `No step "${t.to}" in this workflow`);
    const action = `${String(t.from)}\u0000${t.name.trim().toLowerCase()}`;
    if (actions.has(action)) add(`transitions.${i}.name`, `Another action out of this step is already named "${t.name.trim()}"`);
    actions.add(action);
  });
  return errors;
}
