import { transferTask } from '@/lib/domain/workflow/actions';
import { transferInput } from '@/lib/domain/workflow/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Transfer an assignment to another active user (TTS admins)',
    tags: ['tasks'],
    body: transferInput,
    status: 200,
    handler: ({ actor, body }) => transferTask(actor, body),
  }),
});
