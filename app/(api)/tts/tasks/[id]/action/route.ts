import { performTaskAction } from '@/lib/domain/workflow/actions';
import { taskActionOutput } from '@/lib/domain/workflow/outputs';
import { idParam, taskActionInput } from '@/lib/domain/workflow/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Perform an action (a transition id or "finalize") on a task',
    tags: ['tasks'],
    params: idParam,
    body: taskActionInput,
    status: 200,
    output: taskActionOutput,
    responses: {
      403: 'Not assigned to this task',
      404: 'No such task or transition (or not visible)',
      409: 'Already completed, or the next role has no active member',
    },
    handler: ({ actor, params, body }) => performTaskAction(actor, params.id, body),
  }),
});
