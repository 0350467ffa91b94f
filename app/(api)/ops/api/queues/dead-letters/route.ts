import { listDeadLetters } from '@/lib/domain/operations/queries';
import { deadLetterListOutput, deadLetterListQuery } from '@/lib/domain/operations/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Dead-lettered messages with payload and error (admins)',
    tags: ['queues'],
    query: deadLetterListQuery,
    output: deadLetterListOutput,
    handler: ({ actor, query }) => listDeadLetters(actor, query),
  }),
});
