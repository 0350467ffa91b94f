import { pauseWorkflow } from '@/lib/domain/workflow/definitions';
import { pauseOutput } from '@/lib/domain/workflow/outputs';
import { idParam } from '@/lib/domain/workflow/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Pause a deployed workflow (new tickets are no longer routed to it)',
    tags: ['workflows'],
    params: idParam,
    status: 200,
    output: pauseOutput,
    responses: { 403: 'Not a workflow administrator', 404: 'No such workflow', 409: 'Not deployed' },
    handler: ({ actor, params }) => pauseWorkflow(actor, params.id),
  }),
});
