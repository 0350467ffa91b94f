import { queueDepths } from '@/lib/domain/operations/queries';
import { queueDepthsOutput } from '@/lib/domain/operations/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Jobs per queue and state (admins)',
    tags: ['queues'],
    output: queueDepthsOutput,
    handler: ({ actor }) => queueDepths(actor),
  }),
});
