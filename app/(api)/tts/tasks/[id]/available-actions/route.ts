import { availableActions } from '@/lib/domain/workflow/actions';
import { availableActionsOutput } from '@/lib/domain/workflow/outputs';
import { idParam } from '@/lib/domain/workflow/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Actions the caller may take on a task now',
    tags: ['tasks'],
    params: idParam,
    output: availableActionsOutput,
    responses: { 404: 'No such task (or not visible)' },
    handler: ({ actor, params }) => availableActions(actor, params.id),
  }),
});
