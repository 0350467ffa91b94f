import { idParam } from '@/lib/domain/workflow/schemas';
import { getTask } from '@/lib/domain/workflow/task-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Get a task with the attachments of its ticket and the history of every assignment',
    tags: ['tasks'],
    params: idParam,
    handler: ({ actor, params }) => getTask(actor, params.id),
  }),
});
