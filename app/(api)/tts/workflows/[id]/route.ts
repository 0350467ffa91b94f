import { deleteWorkflow, updateWorkflow } from '@/lib/domain/workflow/definitions';
import { idParam, workflowUpdateInput } from '@/lib/domain/workflow/schemas';
import { getWorkflow } from '@/lib/domain/workflow/workflow-queries';
import { endpoint, route } from '@/lib/server/http';

const update = endpoint({
  summary: 'Update a workflow; steps/transitions, when given, replace the definition (tasks in flight keep their version)',
  tags: ['workflows'],
  params: idParam,
  body: workflowUpdateInput,
  handler: ({ actor, params, body }) => updateWorkflow(actor, params.id, body),
});

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Get a workflow with steps and transitions',
    tags: ['workflows'],
    params: idParam,
    handler: ({ actor, params }) => getWorkflow(actor, params.id),
  }),
  PUT: update,
  PATCH: update,
  DELETE: endpoint({
    summary: 'Delete a workflow (refused while it has open tasks)',
    tags: ['workflows'],
    params: idParam,
    status: 204,
    handler: ({ actor, params }) => deleteWorkflow(actor, params.id),
  }),
});
