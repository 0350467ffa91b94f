import { manualAssignOutput } from '@/lib/domain/workflow/outputs';
import { assignWorkflowManually } from '@/lib/domain/workflow/routing';
import { manualAssignInput, ticketNumberParam } from '@/lib/domain/workflow/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Route an unassigned ticket to a deployed workflow (same task creation as automatic routing)',
    tags: ['workflows'],
    params: ticketNumberParam,
    body: manualAssignInput,
    status: 200,
    output: manualAssignOutput,
    responses: {
      403: 'Not a workflow administrator',
      404: 'No such ticket or workflow',
      409: 'Already in a workflow, or the workflow is not deployed',
    },
    handler: ({ actor, params, body }) => assignWorkflowManually(actor, params.ticket_number, body.workflow_id),
  }),
});
