import type { Metadata } from 'next';
import { WorkflowEditor } from '@/components/workflow/workflow-editor';
import { assignableRoles } from '@/lib/domain/workflow/workflow-queries';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'New workflow' };

export default async function NewWorkflowPage() {
  const actor = await requirePortal('admin');
  const roles = await assignableRoles(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">New workflow</h1>
      <WorkflowEditor
        roles={roles}
        initial={{
          name: '',
          description: '',
          department: '',
          category: '',
          sub_category: '',
          urgent_sla: 'PT4H',
          high_sla: 'PT8H',
          medium_sla: 'P2D',
          low_sla: 'P5D',
          steps: [],
          transitions: [],
        }}
      />
    </div>
  );
}
