'use client';

import dagre from '@dagrejs/dagre';
import { Background, type Edge, MarkerType, type Node, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';

export interface DiagramNode {
  id: number;
  name: string;
  role: string | null;
  is_start: boolean;
  is_end: boolean;
  state: string;
}
export interface DiagramEdge {
  id: number;
  source: number;
  target: number;
  name: string;
}

const W = 180;
const H = 64;
const STATE_STYLE: Record<string, string> = {
  current: 'border-brand-600 bg-brand-50 dark:bg-slate-800',
  done: 'border-green-600 bg-green-50 dark:bg-green-950',
  pending: 'border-slate-300 bg-white dark:bg-slate-900',
};
const STATE_TEXT: Record<string, string> = { current: 'Current step', done: 'Done', pending: 'Not reached' };

/** The steps of a workflow version laid out top-down by dagre; each node says its state in words. */
export function WorkflowDiagram({ nodes, edges }: { nodes: DiagramNode[]; edges: DiagramEdge[] }) {
  const { flowNodes, flowEdges } = useMemo(() => {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 50 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const n of nodes) g.setNode(String(n.id), { width: W, height: H });
    for (const e of edges) g.setEdge(String(e.source), String(e.target));
    dagre.layout(g);
    const flowNodes: Node[] = nodes.map((n) => {
      const p = g.node(String(n.id));
      return {
        id: String(n.id),
        position: { x: p.x - W / 2, y: p.y - H / 2 },
        data: {
          label: (
            <div className="text-left">
              <div className="text-sm font-semibold">{n.name}</div>
              <div className="text-xs text-slate-600 dark:text-slate-400">
                {n.role ?? ''} · {STATE_TEXT[n.state] ?? n.state}
                {n.is_start ? ' · start' : ''}
                {n.is_end ? ' · end' : ''}
              </div>
            </div>
          ),
        },
        className: `rounded-lg border-2 ${STATE_STYLE[n.state] ?? STATE_STYLE.pending}`,
        style: { width: W, padding: 8 },
        draggable: false,
        connectable: false,
      };
    });
    const flowEdges: Edge[] = edges.map((e) => ({
      id: String(e.id),
      source: String(e.source),
      target: String(e.target),
      label: e.name,
      markerEnd: { type: MarkerType.ArrowClosed },
      type: 'smoothstep',
    }));
    return { flowNodes, flowEdges };
  }, [nodes, edges]);

  return (
    <figure
      className="h-80 w-full rounded-xl border border-slate-200 dark:border-slate-800"
      aria-label="Workflow progress diagram"
    >
      <ReactFlow
        nodes={flowNodes}
        edges={flowEdges}
        fitView
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
      </ReactFlow>
      <figcaption className="sr-only">{nodes.map((n) => `${n.name}: ${STATE_TEXT[n.state] ?? n.state}`).join('; ')}</figcaption>
    </figure>
  );
}
