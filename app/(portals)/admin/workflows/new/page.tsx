import type { Metadata } from 'next';
import { WorkflowDesigner } from '@/components/workflow/workflow-designer';
import { catalog } from '@/lib/domain/helpdesk/queries';
import { assignableRoles } from '@/lib/domain/workflow/workflow-queries';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'New workflow' };

export default async function NewWorkflowPage() {
  const actor = await requirePortal('admin');
  const [roles, cat] = await Promise.all([assignableRoles(actor), catalog()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">New workflow</h1>
      <WorkflowDesigner
        roles={roles}
        catalog={cat}
        initialSettings={{
          name: '',
          description: '',
          department: '',
          category: '',
          sub_category: '',
          sla: { urgent: 4 * 3600, high: 8 * 3600, medium: 2 * 86400, low: 5 * 86400 },
        }}
        initialDoc={{ steps: [], transitions: [] }}
      />
    </div>
  );
}
