import dagre from '@dagrejs/dagre';
import type { DesignDoc } from './model';

export const NODE_W = 200;
export const NODE_H = 72;

/** Steps placed top-down by dagre, following the transitions. */
export function autoLayout(doc: DesignDoc): DesignDoc {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 60, ranksep: 70 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const s of doc.steps) g.setNode(s.key, { width: NODE_W, height: NODE_H });
  for (const t of doc.transitions) if (t.from !== t.to) g.setEdge(t.from, t.to);
  dagre.layout(g);
  return {
    ...doc,
    steps: doc.steps.map((s) => {
      const p = g.node(s.key);
      return p ? { ...s, x: Math.round(p.x - NODE_W / 2), y: Math.round(p.y - NODE_H / 2) } : s;
    }),
  };
}
