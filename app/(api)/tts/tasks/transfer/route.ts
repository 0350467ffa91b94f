import { transferTask } from '@/lib/domain/workflow/actions';
import { transferOutput } from '@/lib/domain/workflow/outputs';
import { transferInput } from '@/lib/domain/workflow/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Transfer an assignment to another active user (TTS admins)',
    tags: ['tasks'],
    body: transferInput,
    status: 200,
    output: transferOutput,
    responses: {
      403: 'Not a workflow administrator',
      404: 'No such assignment or user',
      409: 'The assignment or its task is no longer open',
    },
    handler: ({ actor, body }) => transferTask(actor, body),
  }),
});
