import { deleteWorkflow, updateWorkflow } from '@/lib/domain/workflow/definitions';
import { workflowOutput, workflowSavedOutput } from '@/lib/domain/workflow/outputs';
import { idParam, workflowUpdateInput } from '@/lib/domain/workflow/schemas';
import { getWorkflow } from '@/lib/domain/workflow/workflow-queries';
import { endpoint, route } from '@/lib/server/http';

const update = endpoint({
  summary: 'Update a workflow; steps/transitions, when given, replace the definition (tasks in flight keep their version)',
  tags: ['workflows'],
  params: idParam,
  body: workflowUpdateInput,
  output: workflowSavedOutput,
  responses: { 403: 'Not a workflow administrator', 404: 'No such workflow' },
  handler: ({ actor, params, body }) => updateWorkflow(actor, params.id, body),
});

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Get a workflow with steps and transitions',
    tags: ['workflows'],
    params: idParam,
    output: workflowOutput,
    responses: { 403: 'Not workflow staff', 404: 'No such workflow' },
    handler: ({ actor, params }) => getWorkflow(actor, params.id),
  }),
  PUT: update,
  PATCH: update,
  DELETE: endpoint({
    summary: 'Delete a workflow (refused while it has open tasks)',
    tags: ['workflows'],
    params: idParam,
    status: 204,
    responses: { 403: 'Not a workflow administrator', 404: 'No such workflow', 409: 'It has open tasks' },
    handler: ({ actor, params }) => deleteWorkflow(actor, params.id),
  }),
});
