'use client';

import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { cn } from '@/components/ui/cn';
import { NODE_W } from './layout';

export type StepNodeData = {
  name: string;
  role: string | null;
  isStart: boolean;
  isEnd: boolean;
  problems: string[];
};
export type StepFlowNode = Node<StepNodeData, 'step'>;

/** A step on the canvas: name, role, start/end; red when the live check finds a problem with it. */
export function StepNode({ data, selected }: NodeProps<StepFlowNode>) {
  const bad = data.problems.length > 0;
  return (
    <div
      className={cn(
        'rounded-lg border-2 bg-white px-3 py-2 text-left shadow-sm dark:bg-slate-900',
        bad ? 'border-red-600' : 'border-slate-300 dark:border-slate-600',
        selected && 'ring-2 ring-brand-500 ring-offset-2',
      )}
      style={{ width: NODE_W }}
      title={bad ? data.problems.join('\n') : undefined}
      data-invalid={bad ? 'true' : undefined}
    >
      <Handle type="target" position={Position.Top} className="!h-3 !w-3 !bg-slate-500" />
      <div className="truncate text-sm font-semibold">{data.name || '(unnamed)'}</div>
      <div className="truncate text-xs text-slate-600 dark:text-slate-400">{data.role ?? 'No role yet'}</div>
      <div className="mt-1 flex gap-1 text-[10px] font-medium uppercase tracking-wide">
        {data.isStart && (
          <span className="rounded bg-green-100 px-1 text-green-800 dark:bg-green-950 dark:text-green-200">Start</span>
        )}
        {data.isEnd && (
          <span className="rounded bg-slate-200 px-1 text-slate-800 dark:bg-slate-700 dark:text-slate-100">End</span>
        )}
        {bad && <span className="rounded bg-red-100 px-1 text-red-800 dark:bg-red-950 dark:text-red-200">Needs attention</span>}
      </div>
      <Handle type="source" position={Position.Bottom} className="!h-3 !w-3 !bg-brand-600" />
    </div>
  );
}
