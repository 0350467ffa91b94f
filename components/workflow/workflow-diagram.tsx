'use client';

import dagre from '@dagrejs/dagre';
import { Background, type Edge, Handle, MarkerType, type Node, type NodeProps, Position, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { backEdges } from './diagram-edges';

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

const W = 190;
const H = 64;
const STATE_STYLE: Record<string, string> = {
  current: 'border-brand-600 bg-brand-50 ring-4 ring-brand-600/20 dark:bg-slate-800',
  done: 'border-green-600 bg-green-50 dark:bg-green-950',
  pending: 'border-dashed border-slate-300 bg-white text-slate-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-400',
};
const STATE_TEXT: Record<string, string> = { current: 'Current step', done: 'Done', pending: 'Not reached' };
const SWATCH: Record<string, string> = {
  current: 'border-brand-600 bg-brand-50 dark:bg-slate-800',
  done: 'border-green-600 bg-green-50 dark:bg-green-950',
  pending: 'border-dashed border-slate-400 bg-white dark:bg-slate-900',
};
const hidden = '!h-1 !w-1 !min-h-0 !min-w-0 !border-0 !bg-transparent';

type StepData = { node: DiagramNode };

/** A step: name, role and state in words; loops leave and enter on the right so their labels stay clear. */
function Step({ data }: NodeProps<Node<StepData>>) {
  const n = data.node;
  return (
    <div
      role="img"
      aria-label={`Step ${n.name}: ${STATE_TEXT[n.state] ?? n.state}`}
      data-state={n.state}
      className={`rounded-lg border-2 px-2 py-1.5 text-left ${STATE_STYLE[n.state] ?? STATE_STYLE.pending}`}
      style={{ width: W, minHeight: H }}
    >
      <Handle type="target" id="in" position={Position.Top} className={hidden} isConnectable={false} />
      <Handle type="source" id="out" position={Position.Bottom} className={hidden} isConnectable={false} />
      <Handle type="source" id="loop-out" position={Position.Right} className={hidden} isConnectable={false} />
      <Handle
        type="target"
        id="loop-in"
        position={Position.Right}
        style={{ top: '70%' }}
        className={hidden}
        isConnectable={false}
      />
      <div className="text-sm font-semibold">{n.name}</div>
      <div className="text-xs">
        {n.role ?? ''} · {n.state === 'current' ? <strong>{STATE_TEXT.current}</strong> : (STATE_TEXT[n.state] ?? n.state)}
        {n.is_start ? ' · start' : ''}
        {n.is_end ? ' · end' : ''}
      </div>
    </div>
  );
}
const nodeTypes = { step: Step };

/**
 * The steps of a workflow version laid out top-down by dagre, coloured by state (current, done, not reached)
 * with the state also in words. Transitions that go back (loops, such as a reject) leave and enter on the
 * right and bend outwards, so their labels sit beside the steps instead of on the forward labels.
 */
export function WorkflowDiagram({ nodes, edges }: { nodes: DiagramNode[]; edges: DiagramEdge[] }) {
  const { flowNodes, flowEdges } = useMemo(() => {
    const start = nodes.find((n) => n.is_start)?.id ?? nodes[0]?.id;
    const back = backEdges(
      nodes.map((n) => n.id),
      edges,
      start,
    );
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'TB', nodesep: 60, ranksep: 60 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const n of nodes) g.setNode(String(n.id), { width: W, height: H });
    // Only forward edges shape the ranks: a loop back must not pull its target down.
    for (const e of edges) if (!back.has(e.id)) g.setEdge(String(e.source), String(e.target));
    dagre.layout(g);
    const flowNodes: Node<StepData>[] = nodes.map((n) => {
      const p = g.node(String(n.id));
      return {
        id: String(n.id),
        type: 'step',
        position: { x: p.x - W / 2, y: p.y - H / 2 },
        data: { node: n },
        draggable: false,
        connectable: false,
      };
    });
    let loop = 0;
    const flowEdges: Edge[] = edges.map((e) => {
      const isBack = back.has(e.id);
      if (isBack) loop += 1;
      return {
        id: String(e.id),
        source: String(e.source),
        target: String(e.target),
        sourceHandle: isBack ? 'loop-out' : 'out',
        targetHandle: isBack ? 'loop-in' : 'in',
        label: e.name,
        type: 'smoothstep',
        // each loop bends a little further out than the one before, so loop labels do not stack either
        pathOptions: isBack ? { offset: 24 + loop * 22, borderRadius: 8 } : { borderRadius: 8 },
        markerEnd: { type: MarkerType.ArrowClosed },
        className: isBack ? 'diagram-back-edge' : undefined,
        style: isBack ? { strokeDasharray: '5 4' } : undefined,
        labelStyle: { fontSize: 11, fontWeight: 600 },
        labelBgPadding: [4, 2] as [number, number],
        labelBgBorderRadius: 4,
      };
    });
    return { flowNodes, flowEdges };
  }, [nodes, edges]);

  return (
    <figure className="w-full rounded-xl border border-slate-200 dark:border-slate-800" aria-label="Workflow progress diagram">
      <div className="relative h-96 w-full overflow-hidden">
        <ReactFlow
          nodes={flowNodes}
          edges={flowEdges}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={{ padding: 0.2 }}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
        </ReactFlow>
      </div>
      <figcaption className="flex flex-wrap items-center gap-4 border-t border-slate-200 px-3 py-2 text-xs dark:border-slate-800">
        {(['current', 'done', 'pending'] as const).map((s) => (
          <span key={s} className="flex items-center gap-1.5">
            <span className={`inline-block h-3 w-4 rounded border-2 ${SWATCH[s]}`} aria-hidden />
            {STATE_TEXT[s]}
          </span>
        ))}
        <span className="flex items-center gap-1.5">
          <span className="inline-block w-5 border-t-2 border-dashed border-slate-500" aria-hidden /> Sends the ticket back
        </span>
        <span className="sr-only">{nodes.map((n) => `${n.name}: ${STATE_TEXT[n.state] ?? n.state}`).join('; ')}</span>
      </figcaption>
    </figure>
  );
}
