import { performTaskAction } from '@/lib/domain/workflow/actions';
import { idParam, taskActionInput } from '@/lib/domain/workflow/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Perform an action (a transition id or "finalize") on a task',
    tags: ['tasks'],
    params: idParam,
    body: taskActionInput,
    status: 200,
    handler: ({ actor, params, body }) => performTaskAction(actor, params.id, body),
  }),
});
