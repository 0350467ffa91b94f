/** The route a ticket takes through a version when nothing is sent back (pure). */
import { type SnapStep, startStepOf, type VersionSnapshot } from './snapshot';

/**
 * The steps a ticket passes through when every step takes its first way forward: the shortest route from the
 * start step to an end step (transitions in the order they were drawn). Loops back are alternatives, not the path.
 */
export function happyPath(snap: VersionSnapshot): SnapStep[] {
  const start = startStepOf(snap);
  if (!start) return [];
  const previous = new Map<number, number | null>([[start.id, null]]);
  const queue = [start.id];
  let end: number | null = start.is_end ? start.id : null;
  while (queue.length && end == null) {
    const at = queue.shift() as number;
    for (const t of [...snap.transitions].sort((a, b) => a.id - b.id)) {
      if (t.from_step_id !== at || previous.has(t.to_step_id)) continue;
      if (!snap.steps.some((s) => s.id === t.to_step_id)) continue;
      previous.set(t.to_step_id, at);
      if (snap.steps.find((s) => s.id === t.to_step_id)?.is_end) {
        end = t.to_step_id;
        break;
      }
      queue.push(t.to_step_id);
    }
  }
  const ids: number[] = [];
  for (let at: number | null = end ?? start.id; at != null; at = previous.get(at) ?? null) ids.unshift(at);
  return ids.map((id) => snap.steps.find((s) => s.id === id) as SnapStep);
}
