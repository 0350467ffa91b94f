import { discardDeadLetter } from '@/lib/domain/operations/commands';
import { jobIdParam } from '@/lib/domain/operations/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  DELETE: endpoint({
    summary: 'Discard a dead letter (admins)',
    tags: ['queues'],
    params: jobIdParam,
    status: 204,
    handler: ({ actor, params }) => discardDeadLetter(actor, params.id),
  }),
});
