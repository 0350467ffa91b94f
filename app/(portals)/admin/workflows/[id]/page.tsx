import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Badge } from '@/components/ui/badge';
import { WorkflowDiagram } from '@/components/workflow/workflow-diagram';
import { WorkflowEditor } from '@/components/workflow/workflow-editor';
import { AppError } from '@/lib/domain/errors';
import { workflowVisualization } from '@/lib/domain/workflow/task-queries';
import { assignableRoles, getWorkflow } from '@/lib/domain/workflow/workflow-queries';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Workflow' };

export default async function WorkflowPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePortal('admin');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id < 1) notFound();
  let wf: Awaited<ReturnType<typeof getWorkflow>>;
  try {
    wf = await getWorkflow(actor, id);
  } catch (e) {
    if (e instanceof AppError && e.status === 404) notFound();
    throw e;
  }
  const [roles, viz] = await Promise.all([assignableRoles(actor), workflowVisualization(actor, { workflow_id: id })]);
  const iso = (s: string | null) => s ?? '';
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{wf.name}</h1>
        <Badge tone={wf.status === 'deployed' ? 'success' : wf.status === 'paused' ? 'warning' : 'neutral'}>
          {wf.status}
          {wf.version ? ` · v${wf.version}` : ''}
        </Badge>
      </div>
      {viz.nodes.length > 0 && (
        <WorkflowDiagram
          nodes={viz.nodes.map((n) => ({
            ...n,
            role: roles.find((r) => r.role_id === (n as { role_id?: number }).role_id)?.name ?? null,
          }))}
          edges={viz.edges}
        />
      )}
      <WorkflowEditor
        key={wf.updated_at}
        workflowId={wf.workflow_id}
        status={wf.status}
        roles={roles}
        initial={{
          name: wf.name,
          description: wf.description,
          department: wf.department,
          category: wf.category,
          sub_category: wf.sub_category ?? '',
          urgent_sla: iso(wf.sla.urgent),
          high_sla: iso(wf.sla.high),
          medium_sla: iso(wf.sla.medium),
          low_sla: iso(wf.sla.low),
          steps: wf.steps.map((s) => ({
            name: s.name,
            description: s.description,
            instruction: s.instruction,
            role_id: String(s.role_id),
            escalate_to_role_id: s.escalate_to_role_id ? String(s.escalate_to_role_id) : '',
            weight: String(s.weight),
            is_start: s.is_start,
            is_end: s.is_end,
          })),
          transitions: wf.transitions.map((t) => ({
            from_step: t.from_step.name ?? '',
            to_step: t.to_step.name ?? '',
            name: t.name,
          })),
        }}
      />
    </div>
  );
}
