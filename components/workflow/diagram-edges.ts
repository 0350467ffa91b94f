/**
 * The transitions that lead back up the workflow (loops such as a reject, and a step to itself): the edges a
 * depth-first walk from the start step finds pointing at a step still on its path. The rest form the forward
 * flow the diagram lays out top-down. Pure, so the diagram's rule is unit-tested.
 */
export function backEdges(
  nodes: number[],
  edges: { id: number; source: number; target: number }[],
  start: number | undefined,
): Set<number> {
  const back = new Set<number>();
  const state = new Map<number, 'open' | 'done'>();
  const out = new Map<number, { id: number; target: number }[]>();
  for (const e of edges) out.set(e.source, [...(out.get(e.source) ?? []), e]);
  const visit = (n: number) => {
    state.set(n, 'open');
    for (const e of out.get(n) ?? []) {
      const s = state.get(e.target);
      if (s === 'open') back.add(e.id);
      else if (!s) visit(e.target);
    }
    state.set(n, 'done');
  };
  const order = start != null ? [start, ...nodes.filter((n) => n !== start)] : nodes;
  for (const n of order) if (!state.has(n)) visit(n);
  return back;
}
