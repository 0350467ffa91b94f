import { workflowRoleOutput } from '@/lib/domain/workflow/outputs';
import { updateWorkflowRole } from '@/lib/domain/workflow/roles';
import { roleIdParam, workflowRoleUpdateInput } from '@/lib/domain/workflow/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  PATCH: endpoint({
    summary: 'Rename, describe, deactivate or reactivate a workflow role (workflow admins)',
    tags: ['workflows'],
    params: roleIdParam,
    body: workflowRoleUpdateInput,
    output: workflowRoleOutput,
    responses: {
      403: 'Not a workflow administrator',
      404: 'No such role',
      409: 'The name is taken, or a deployed workflow uses the role',
    },
    handler: ({ actor, params, body }) => updateWorkflowRole(actor, params.role_id, body),
  }),
});
