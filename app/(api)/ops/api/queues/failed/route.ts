import { listFailed } from '@/lib/domain/operations/queries';
import { failedJobListOutput, failedListQuery } from '@/lib/domain/operations/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Failed jobs (out of retries) with payload and error (admins)',
    tags: ['queues'],
    query: failedListQuery,
    output: failedJobListOutput,
    handler: ({ actor, query }) => listFailed(actor, query),
  }),
});
