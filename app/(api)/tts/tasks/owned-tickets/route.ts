import { pageOutput } from '@/lib/domain/pagination';
import { ownedTicketsQuery, taskOutput } from '@/lib/domain/workflow/schemas';
import { ownedTickets } from '@/lib/domain/workflow/task-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Tickets owned by the calling Ticket Coordinator (000 §2)',
    tags: ['tasks'],
    query: ownedTicketsQuery,
    output: pageOutput(taskOutput),
    handler: ({ actor, query }) => ownedTickets(actor, query),
  }),
});
