import { replayDeadLetter } from '@/lib/domain/operations/commands';
import { jobIdParam, replayOutput } from '@/lib/domain/operations/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Replay one dead letter to its queue (admins)',
    tags: ['queues'],
    params: jobIdParam,
    status: 200,
    output: replayOutput,
    responses: { 404: 'No dead letter with this id (or it was already replayed or discarded)' },
    handler: ({ actor, params }) => replayDeadLetter(actor, params.id),
  }),
});
