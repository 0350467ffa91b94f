import { taskItemDetailOutput } from '@/lib/domain/workflow/outputs';
import { taskItemParam } from '@/lib/domain/workflow/schemas';
import { taskItemDetail } from '@/lib/domain/workflow/task-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'An assignment with its step, SLA, history and task',
    tags: ['tasks'],
    params: taskItemParam,
    output: taskItemDetailOutput,
    responses: { 403: 'Not workflow staff', 404: 'No such assignment (or not visible)' },
    handler: ({ actor, params }) => taskItemDetail(actor, params.task_item_id),
  }),
});
