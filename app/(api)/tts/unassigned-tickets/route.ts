import { pageOutput } from '@/lib/domain/pagination';
import { unassignedTicketOutput } from '@/lib/domain/workflow/outputs';
import { unassignedQuery } from '@/lib/domain/workflow/schemas';
import { unassignedTickets } from '@/lib/domain/workflow/task-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Tickets no workflow took, with the reason (TTS admins)',
    tags: ['workflows'],
    query: unassignedQuery,
    output: pageOutput(unassignedTicketOutput),
    responses: { 403: 'Not a workflow administrator' },
    handler: ({ actor, query }) => unassignedTickets(actor, query),
  }),
});
