import { assignableRolesOutput, workflowRoleOutput } from '@/lib/domain/workflow/outputs';
import { createWorkflowRole } from '@/lib/domain/workflow/roles';
import { workflowRoleCreateInput } from '@/lib/domain/workflow/schemas';
import { assignableRoles } from '@/lib/domain/workflow/workflow-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'TTS roles usable by workflow steps, with their active member counts',
    tags: ['workflows'],
    output: assignableRolesOutput,
    responses: { 403: 'Not workflow staff' },
    handler: ({ actor }) => assignableRoles(actor),
  }),
  POST: endpoint({
    summary: 'Create a workflow role (workflow admins)',
    tags: ['workflows'],
    body: workflowRoleCreateInput,
    output: workflowRoleOutput,
    responses: { 403: 'Not a workflow administrator', 409: 'A role with this name exists' },
    handler: ({ actor, body }) => createWorkflowRole(actor, body),
  }),
});
