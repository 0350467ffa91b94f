import { unassignedQuery } from '@/lib/domain/workflow/schemas';
import { unassignedTickets } from '@/lib/domain/workflow/task-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Tickets no workflow took, with the reason (TTS admins)',
    tags: ['workflows'],
    query: unassignedQuery,
    handler: ({ actor, query }) => unassignedTickets(actor, query),
  }),
});
