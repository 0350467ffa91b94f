import { idParam, taskDetailOutput, taskUpdateInput, taskUpdateOutput } from '@/lib/domain/workflow/schemas';
import { updateTask } from '@/lib/domain/workflow/task-api';
import { getTask } from '@/lib/domain/workflow/task-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Get a task with the attachments of its ticket and the history of every assignment',
    tags: ['tasks'],
    params: idParam,
    output: taskDetailOutput,
    handler: ({ actor, params }) => getTask(actor, params.id),
  }),
  PATCH: endpoint({
    summary: 'Update a task (002): `status: "completed"` with `notes` finishes it at its last step',
    description:
      'The same as the `finalize` action of `POST /tts/tasks/{id}/action/`. At any other step the answer is 400 ' +
      '`INVALID_TRANSITION` listing the transitions available there.',
    tags: ['tasks'],
    params: idParam,
    body: taskUpdateInput,
    output: taskUpdateOutput,
    responses: { 403: 'Not assigned to this task', 404: 'No such task (or not visible)', 409: 'Already completed or closed' },
    handler: ({ actor, params, body }) => updateTask(actor, params.id, body),
  }),
});
