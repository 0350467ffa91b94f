'use client';

import {
  Background,
  type Connection,
  Controls,
  type Edge,
  MarkerType,
  type NodeChange,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo } from 'react';
import type { Check, DesignDoc, RoleOption, Selection } from './model';
import { type StepFlowNode, StepNode } from './step-node';

const nodeTypes = { step: StepNode };

export interface CanvasProps {
  doc: DesignDoc;
  roles: RoleOption[];
  check: Check;
  selection: Selection;
  onSelect: (s: Selection) => void;
  onConnect: (from: string, to: string) => void;
  onMove: (key: string, x: number, y: number) => void;
  onDragStart: () => void;
  onDelete: (steps: string[], transitions: string[]) => void;
  onUndo: () => void;
  onRedo: () => void;
}

function Flow(p: CanvasProps) {
  const { doc, roles, check, selection } = p;
  const roleName = useMemo(() => new Map(roles.map((r) => [String(r.role_id), r.name])), [roles]);
  const nodes = useMemo<StepFlowNode[]>(
    () =>
      doc.steps.map((s) => ({
        id: s.key,
        type: 'step',
        position: { x: s.x, y: s.y },
        selected: selection?.kind === 'step' && selection.key === s.key,
        ariaLabel: `Step ${s.name || '(unnamed)'}`,
        data: {
          name: s.name,
          role: roleName.get(s.role_id) ?? null,
          isStart: s.is_start,
          isEnd: s.is_end,
          problems: check.steps.get(s.key) ?? [],
        },
      })),
    [doc.steps, roleName, check, selection],
  );
  const edges = useMemo<Edge[]>(
    () =>
      doc.transitions.map((t) => {
        const bad = check.transitions.has(t.key);
        const selected = selection?.kind === 'transition' && selection.key === t.key;
        return {
          id: t.key,
          source: t.from,
          target: t.to,
          label: t.name || '(no action name)',
          type: 'smoothstep',
          selected,
          ariaLabel: `Transition ${t.name}`,
          markerEnd: { type: MarkerType.ArrowClosed, color: bad ? '#dc2626' : undefined },
          style: bad ? { stroke: '#dc2626', strokeWidth: 2 } : selected ? { strokeWidth: 2.5 } : undefined,
          labelStyle: bad ? { fill: '#b91c1c', fontWeight: 600 } : undefined,
          className: bad ? 'invalid' : undefined,
          interactionWidth: 24,
        };
      }),
    [doc.transitions, check, selection],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<StepFlowNode>[]) => {
      for (const c of changes) {
        if (c.type === 'position' && c.position) p.onMove(c.id, Math.round(c.position.x), Math.round(c.position.y));
      }
    },
    [p],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target) p.onConnect(c.source, c.target);
    },
    [p],
  );

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onConnect={onConnect}
      onNodeDragStart={() => p.onDragStart()}
      onNodeClick={(_, n) => p.onSelect({ kind: 'step', key: n.id })}
      onEdgeClick={(_, e) => p.onSelect({ kind: 'transition', key: e.id })}
      onPaneClick={() => p.onSelect(null)}
      onDelete={({ nodes: ns, edges: es }) =>
        p.onDelete(
          ns.map((n) => n.id),
          es.map((e) => e.id),
        )
      }
      deleteKeyCode={['Delete', 'Backspace']}
      fitView
      fitViewOptions={{ maxZoom: 1.2 }}
      proOptions={{ hideAttribution: true }}
    >
      <Background />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

/** Fit the view from outside the canvas (after an auto-layout). */
export function useFit() {
  const flow = useReactFlow();
  return () => requestAnimationFrame(() => void flow.fitView({ maxZoom: 1.2, duration: 200 }));
}

/** The workflow canvas: drag steps, connect a step's bottom handle to another step to add a transition. */
export function Canvas(p: CanvasProps) {
  return (
    <section
      className="h-[28rem] w-full rounded-xl border border-slate-200 dark:border-slate-800"
      aria-label="Workflow canvas"
      onKeyDown={(e) => {
        const t = e.target as HTMLElement;
        if (/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
          e.preventDefault();
          if (e.shiftKey) p.onRedo();
          else p.onUndo();
        } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'y') {
          e.preventDefault();
          p.onRedo();
        }
      }}
    >
      <Flow {...p} />
    </section>
  );
}

export { ReactFlowProvider };
