import { discardDeadLetter } from '@/lib/domain/operations/commands';
import { jobIdParam } from '@/lib/domain/operations/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  DELETE: endpoint({
    summary: 'Discard a dead letter (admins)',
    tags: ['queues'],
    params: jobIdParam,
    status: 204,
    responses: { 404: 'No dead letter with this id (or it was already replayed or discarded)' },
    handler: ({ actor, params }) => discardDeadLetter(actor, params.id),
  }),
});
