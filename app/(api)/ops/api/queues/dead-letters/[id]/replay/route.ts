import { replayDeadLetter } from '@/lib/domain/operations/commands';
import { jobIdParam } from '@/lib/domain/operations/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Replay one dead letter to its queue (admins)',
    tags: ['queues'],
    params: jobIdParam,
    status: 200,
    handler: ({ actor, params }) => replayDeadLetter(actor, params.id),
  }),
});
