import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Badge } from '@/components/ui/badge';
import { WorkflowDesigner } from '@/components/workflow/workflow-designer';
import { AppError } from '@/lib/domain/errors';
import { catalog } from '@/lib/domain/helpdesk/queries';
import { parseDuration } from '@/lib/domain/workflow/sla';
import { listVersions } from '@/lib/domain/workflow/versions';
import { assignableRoles, getWorkflow, hasUndeployedChanges } from '@/lib/domain/workflow/workflow-queries';
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
  const [roles, undeployed, cat, history] = await Promise.all([
    assignableRoles(actor),
    hasUndeployedChanges(actor, id),
    catalog(),
    listVersions(actor, id),
  ]);
  const key = (stepId: number) => `s${stepId}`;
  const seconds = (v: string | null) => (v ? parseDuration(v) : null);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{wf.name}</h1>
        <Badge tone={wf.status === 'deployed' ? 'success' : wf.status === 'paused' ? 'warning' : 'neutral'}>
          {wf.status === 'deployed' ? 'Live' : wf.status === 'paused' ? 'Paused' : 'Draft'}
          {wf.version ? ` · v${wf.version}` : ''}
        </Badge>
        {wf.version && undeployed && <Badge tone="info">Changes not deployed yet</Badge>}
      </div>
      <WorkflowDesigner
        workflowId={wf.workflow_id}
        status={wf.status}
        undeployed={undeployed}
        roles={roles}
        catalog={cat}
        versions={history.versions}
        initialSettings={{
          name: wf.name,
          description: wf.description,
          department: wf.department,
          category: wf.category,
          sub_category: wf.sub_category ?? '',
          sla: {
            urgent: seconds(wf.sla.urgent),
            high: seconds(wf.sla.high),
            medium: seconds(wf.sla.medium),
            low: seconds(wf.sla.low),
          },
        }}
        initialDoc={{
          steps: wf.steps.map((s) => ({
            key: key(s.step_id),
            name: s.name,
            description: s.description,
            instruction: s.instruction,
            role_id: String(s.role_id),
            escalate_to_role_id: s.escalate_to_role_id ? String(s.escalate_to_role_id) : '',
            weight: String(s.weight),
            is_start: s.is_start,
            is_end: s.is_end,
            x: 0,
            y: 0,
          })),
          transitions: wf.transitions.map((t) => ({
            key: `t${t.transition_id}`,
            from: key(t.from_step.step_id),
            to: key(t.to_step.step_id),
            name: t.name,
          })),
        }}
      />
    </div>
  );
}
